from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from wagtail.models import Page

from home import dates
from home.frame import get_frame
from news.blocks import figure_decimal_places

register = template.Library()

# Parts of a page that change only when the site does (see home.frame).
PAGE_PARTS_TIMEOUT = 60 * 60


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


def _page_of(context):
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


def _cached_for_page(name, page, build):
    """``build()`` for ``page`` in the active language, kept until the site changes."""
    key = f"{name}:{get_frame(get_language())['version']}:{page.pk}:{get_language()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, PAGE_PARTS_TIMEOUT)
    return value


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's live translation, else that language's home.

    Views that are not pages (search, site map) link to the same address in
    the other language.
    """
    request = context.get("request")
    page = _page_of(context)
    if page is None:
        path = request.get_full_path() if request else "/"
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    else:
        urls = _cached_for_page("language-links", page, lambda: _translation_urls(page, request))
    current = get_language()
    return [
        {"code": code, "name": name, "url": urls[code], "current": code == current}
        for code, name in settings.LANGUAGES
    ]


def _translation_urls(page, request):
    urls = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        urls[translation.locale.language_code] = translation.get_url(request=request)
    for code, _name in settings.LANGUAGES:
        if code not in urls:
            home = get_frame(code)["home"]
            urls[code] = home["url"] if home else f"/{code}/"
    return urls


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Title and URL of the current page's ancestors below the site root, home first."""
    page = _page_of(context)
    if page is None:
        return []
    return _cached_for_page(
        "breadcrumbs",
        page,
        lambda: [
            {"title": ancestor.title, "url": ancestor.url}
            for ancestor in page.get_ancestors().filter(depth__gt=1).live()
        ],
    )


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
