"""The visit statistics report in Wagtail's admin, and its CSV exports."""

import csv

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from visits import report
from visits.chart import bar_chart
from visits.figures import carried_over_total, public_figures, today
from visits.forms import ReportForm

PERMISSION = "visits.view_report"


class ReportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_choices(self):
        self.form = ReportForm(self.request.GET, today())
        return self.form.choices()


class VisitReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Visit statistics")
    header_icon = "view"
    template_name = "visits/admin/report.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        report.bring_counts_in()
        choices = self.get_choices()
        series = report.daily_visits(today(), choices["days"])
        query = urlencode({name: str(value) for name, value in choices.items()})
        return super().get_context_data(
            form=self.form,
            choices=choices,
            figures=public_figures(),
            carried_over=carried_over_total(),
            series=series,
            period_total=sum(views for _, views in series),
            chart=bar_chart(series),
            top=report.top_articles(choices["since"], choices["until"]),
            daily_csv_url=f"{reverse('visits_report_daily_csv')}?{query}",
            top_csv_url=f"{reverse('visits_report_top_csv')}?{query}",
            **kwargs,
        )


def csv_response(filename, header, rows):
    """A CSV download Excel opens as UTF-8 (Vietnamese and Lao titles intact)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


class DailyCsvView(ReportPermissionMixin, View):
    def get(self, request):
        report.bring_counts_in()
        choices = self.get_choices()
        series = report.daily_visits(today(), choices["days"])
        return csv_response(
            f"visits-per-day-{choices['days']}-days-to-{today().isoformat()}.csv",
            ["date", "views"],
            ((day.isoformat(), views) for day, views in series),
        )


class TopArticlesCsvView(ReportPermissionMixin, View):
    def get(self, request):
        report.bring_counts_in()
        choices = self.get_choices()
        rows = []
        for code, _name, pages in report.top_articles(choices["since"], choices["until"]):
            for rank, page in enumerate(pages, start=1):
                rows.append([code, rank, page.pk, page.title, page.get_full_url(request), page.views])
        return csv_response(
            f"top-articles-{choices['since'].isoformat()}-to-{choices['until'].isoformat()}.csv",
            ["language", "rank", "page_id", "title", "url", "views"],
            rows,
        )
