from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site frame and home page")

    def ready(self):
        from home.admin_i18n import defaults  # noqa: F401  (new users get a Vietnamese admin)
        from home import checks, signals  # noqa: F401
        from home.admin_i18n import search_results

        search_results.install()
