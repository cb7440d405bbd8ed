"""The ``core`` app: registers its system checks and sign-in receivers when Django starts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site foundations")

    def ready(self):
        from core import cache_checks, checks, purge, sign_in  # noqa: F401  (system checks; receivers)
