"""System checks for settings this app depends on."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def drafts_stay_drafts(app_configs, **kwargs):
    """Automatic translations must be drafts, or Vietnamese text would go live."""
    if getattr(settings, "TRANSLATIONS_AUTO_DRAFTS", True) and getattr(
        settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True
    ):
        return [
            Error(
                "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE must be False while "
                "TRANSLATIONS_AUTO_DRAFTS is on: automatic translations of live pages "
                "would be published full of untranslated Vietnamese text.",
                id="translations.E001",
            )
        ]
    return []
