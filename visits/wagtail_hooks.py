"""Admin for visits: the report (Reports menu), its permission, and its URLs.

The carried-over total is a Wagtail setting (Settings menu, "Visit
statistics"); see ``visits.models.VisitSettings``.
"""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from visits.admin_views import PERMISSION, DailyCsvView, TopArticlesCsvView, VisitReportView


@hooks.register("register_admin_urls")
def register_visit_report_urls():
    return [
        path("reports/visits/", VisitReportView.as_view(), name="visits_report"),
        path("reports/visits/daily.csv", DailyCsvView.as_view(), name="visits_report_daily_csv"),
        path("reports/visits/top.csv", TopArticlesCsvView.as_view(), name="visits_report_top_csv"),
    ]


class VisitReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_visit_report_menu_item():
    return VisitReportMenuItem(
        _("Visit statistics"), reverse("visits_report"), name="visit-statistics", icon_name="view", order=1200
    )


@hooks.register("register_permissions")
def register_visit_report_permission():
    return Permission.objects.filter(content_type__app_label="visits", codename="view_report")
