"""The ``demo`` app: the three-language demo site that ``make run`` and the tests start from."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Demo content")
