from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from translations import addresses, checks, editor_comments, signals  # noqa: F401

        editor_comments.install()
