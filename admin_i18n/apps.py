"""The ``admin_i18n`` app: the Vietnamese admin's catalogues, their compilation and coverage report."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminI18nConfig(AppConfig):
    name = "admin_i18n"
    verbose_name = _("Vietnamese admin catalogues")

    def ready(self):
        from admin_i18n import (
            defaults,  # noqa: F401  (new users get a Vietnamese admin)
            search_results,
        )

        search_results.install()
