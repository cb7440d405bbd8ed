"""The translation overview: every translatable page and snippet against each
target language, with filters and spreadsheet export.

Built on Wagtail's ``ReportView`` (filters in the side drawer, CSV and XLSX
downloads), with rows that are plain ``status.Row`` objects rather than a
queryset: a status combines several models, so filtering happens in Python
on rows computed by ``status.StatusBoard`` in a few bulk queries.
"""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from translations.roles import OVERVIEW_PERMISSION
from translations.status import STATUS_CHOICES, StatusBoard


def language_choices():
    default = Locale.get_default()
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.exclude(pk=default.pk).order_by("pk")
    ]


def section_choices():
    return [(str(section.pk), section.title) for section in StatusBoard().sections]


class OverviewFilterSet(WagtailFilterSet):
    section = django_filters.ChoiceFilter(label=_("Section"), choices=section_choices, empty_label=_("All"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=language_choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"))

    class Meta:
        model = Locale  # required by django-filter; rows are filtered in filter_queryset
        fields = []

    def filter_queryset(self, rows):
        data = self.form.cleaned_data
        if data.get("section"):
            section_id = int(data["section"])
            rows = [row for row in rows if row.section is not None and row.section.pk == section_id]
        if data.get("language"):
            rows = [row for row in rows if row.locale.language_code == data["language"]]
        if data.get("status"):
            rows = [row for row in rows if row.status == data["status"]]
        return rows


class TranslationOverviewView(ReportView):
    page_title = _("Translation overview")
    header_icon = "site"
    index_url_name = "translations:overview"
    index_results_url_name = "translations:overview_results"
    results_template_name = "translations/overview_results.html"
    filterset_class = OverviewFilterSet
    paginate_by = 100
    list_export = [
        "title",
        "kind",
        "section_title",
        "language",
        "status_name",
        "percent",
        "since_iso",
        "source_edit_url",
        "edit_url",
    ]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "section_title": _("Section"),
        "language": _("Language"),
        "status_name": _("Status"),
        "percent": _("Translated (%)"),
        "since_iso": _("Outdated since"),
        "source_edit_url": _("Source (admin)"),
        "edit_url": _("Translation (admin)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(OVERVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"translation-overview-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return StatusBoard().rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.object_list
        context["counts"] = [
            (label, sum(1 for row in rows if row.status == value)) for value, label in STATUS_CHOICES
        ]
        return context
