"""The "Imported content" report (Reports menu): what came from the old portal, and what is left to do.

Editors finish the migration from here: each imported page with its old
address, its status in the last run and its open warnings (an image still
waiting for its alt text, a missing file), filterable by status, section
and whether anything is still open.
"""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from importer.models import STATUS_CHOICES, ImportedPage

PERMISSION = "importer.view_import_report"
OPEN_CHOICES = [("yes", _("With open warnings")), ("no", _("Without open warnings"))]


def old_section_choices():
    names = ImportedPage.objects.exclude(old_section="").values_list("old_section", flat=True)
    return [(name, name) for name in sorted(set(names))]


class ImportedContentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"))
    old_section = django_filters.ChoiceFilter(
        label=_("Old section"), choices=old_section_choices, empty_label=_("All")
    )
    open_warnings = django_filters.ChoiceFilter(
        label=_("Warnings"), choices=OPEN_CHOICES, empty_label=_("All"), method="filter_open",
        widget=forms.RadioSelect,
    )
    old_url = django_filters.CharFilter(label=_("Old address contains"), lookup_expr="icontains")

    class Meta:
        model = ImportedPage
        fields = []

    def filter_open(self, queryset, name, value):
        if value == "yes":
            return queryset.exclude(warnings=[])
        if value == "no":
            return queryset.filter(warnings=[])
        return queryset


def _edit_url(record):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[record.page_id]) if record.page_id else None


class ImportedContentView(ReportView):
    page_title = _("Imported content")
    header_icon = "download"
    index_url_name = "importer_report"
    index_results_url_name = "importer_report_results"
    filterset_class = ImportedContentFilterSet
    is_searchable = False
    paginate_by = 50
    columns = [
        TitleColumn("page_title", label=_("Page"), accessor="page_title", get_url=_edit_url),
        Column("old_url", label=_("Old address")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("warnings_text", label=_("Open warnings"), accessor="warnings_text"),
        DateColumn("last_run_at", label=_("Last run")),
    ]
    list_export = ["old_url", "page_url", "status", "warnings_text"]
    export_headings = {
        "old_url": _("Old address"),
        "page_url": _("New address"),
        "status": _("Status"),
        "warnings_text": _("Open warnings"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"imported-content-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return ImportedPage.objects.select_related("page").order_by("-last_run_at", "pk")
