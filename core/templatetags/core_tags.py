"""Generic template filters and tags any app's templates use: dates, figures, pagination.

``{% load core_tags %}``. Dates follow each language's conventions
(``core.dates``); figures group digits the way the active language does.
"""

from urllib.parse import urlencode

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language

from core import dates
from core.blocks import figure_decimal_places

register = template.Library()


@register.filter
def dateline(value):
    """Article date and time in the active language, e.g. ``Thứ Năm, 02/11/2017 10:00 | GMT+7``."""
    if not value:
        return ""
    return dates.format_datetime(value, get_language())


@register.filter
def short_date(value):
    if not value:
        return ""
    return dates.format_date(value, get_language())


@register.filter
def iso_datetime(value):
    """The ``datetime`` attribute of ``<time>``, with the Vietnam offset."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return value.isoformat()


@register.filter
def figure(value):
    """A statistic in the active language's digits grouping: 51.827.387 or 51,827,387."""
    if value is None or value == "":
        return ""
    return number_format(value, decimal_pos=figure_decimal_places(value), force_grouping=True)


@register.filter
def startswith(value, prefix):
    """Whether a tree path lies under another, for marking the menu's current section."""
    return bool(prefix) and str(value or "").startswith(str(prefix))


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with "…" standing for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_href(context, number):
    """A link to page ``number`` of a list.

    Of the current query string only the parameters named in the context's
    ``kept_params`` travel with it (a search's query and filters).
    """
    query = context["request"].GET
    params = [(name, query[name]) for name in context.get("kept_params") or () if query.get(name)]
    params.append(("page", number))
    return f"?{urlencode(params)}"
