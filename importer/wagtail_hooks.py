"""Admin for the importer: the "Imported content" report, its permission and URLs."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from importer.admin_views import PERMISSION, ImportedContentView


@hooks.register("register_admin_urls")
def register_importer_report_urls():
    return [
        path("reports/imported/", ImportedContentView.as_view(), name="importer_report"),
        path(
            "reports/imported/results/",
            ImportedContentView.as_view(results_only=True),
            name="importer_report_results",
        ),
    ]


class ImportedContentMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_importer_report_menu_item():
    return ImportedContentMenuItem(
        _("Imported content"), reverse("importer_report"), name="imported-content", icon_name="download",
        order=1300,
    )


@hooks.register("register_permissions")
def register_importer_report_permission():
    return Permission.objects.filter(content_type__app_label="importer", codename="view_import_report")
