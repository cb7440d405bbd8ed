"""System checks: configuration the one client-address rule replaced must not linger."""

from django.conf import settings
from django.core.checks import Error, register

from core.client_address import MIGRATION_HINT, RETIRED_SETTINGS


@register()
def check_retired_client_address_settings(app_configs, **kwargs):
    """A project settings file still naming an old header setting would be silently ignored."""
    return [
        Error(f"The setting {name} is no longer read.", hint=MIGRATION_HINT, id="core.E001")
        for name in RETIRED_SETTINGS
        if hasattr(settings, name)
    ]
