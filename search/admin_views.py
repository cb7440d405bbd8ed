"""The popular-searches report in Wagtail's admin (Reports menu)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages

from search.models import SearchTerm

PERIODS = [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 12 months"))]
DEFAULT_PERIOD = "30"


class PopularSearchesFilterSet(WagtailFilterSet):
    locale = LocaleFilter(
        label=_("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=None,
        null_label=_("All"),
        null_value=None,
        widget=forms.RadioSelect,
    )
    # Applied by the view's query, which sums the searches of the period.
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIODS,
        empty_label=None,
        widget=forms.RadioSelect,
        method=lambda queryset, name, value: queryset,
    )

    class Meta:
        model = SearchTerm
        fields = []


class PopularSearchesView(ReportView):
    page_title = _("Popular searches")
    header_icon = "search"
    index_url_name = "search_popular"
    index_results_url_name = "search_popular_results"
    filterset_class = PopularSearchesFilterSet
    is_searchable = False
    columns = [
        Column("text", label=_("Search words")),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        NumberColumn("hits", label=_("Searches")),
    ]
    list_export = ["text", "locale.language_code", "hits"]
    export_headings = {
        "text": _("Search words"),
        "locale.language_code": _("Language"),
        "hits": _("Searches"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("search.view_searchterm"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        period = self.request.GET.get("period")
        days = int(period if period in dict(PERIODS) else DEFAULT_PERIOD)
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        return (
            SearchTerm.objects.select_related("locale")
            .annotate(hits=Sum("days__hits", filter=Q(days__date__gte=since)))
            .filter(hits__gt=0)
            .order_by("-hits", "text")
        )
