from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from wagtail.models import Page

from home import dates
from home.frame import get_frame
from news.blocks import figure_decimal_places

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


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page's live translation, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request=request)
        else:
            home = get_frame(code)["home"]
            url = home["url"] if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root, home first."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))


@register.filter
def startswith(value, prefix):
    """Whether a tree path lies under another, for marking the menu's current section."""
    return bool(prefix) and str(value or "").startswith(str(prefix))


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with "…" standing for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag
def page_href(number, query=""):
    """A link to one page of a list; of the query string only a search query travels with it."""
    params = {"q": query} if query else {}
    params["page"] = number
    return f"?{urlencode(params)}"
