from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "importer"
    verbose_name = _("Import from the old portal")

    def ready(self):
        from importer import signals  # noqa: F401  (connects the receivers)
