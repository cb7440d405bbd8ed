from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from wagtail.models import Page

from core import dates
from home.frame import get_frame
from core.blocks import figure_decimal_places

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


def _cached_for_page(name, page, build, context=None):
    """``build()`` for ``page`` in the active language, kept until the site changes.

    The parts of one page are stored together, so a view makes one cache
    round trip for all of them; the frame comes from the context processor,
    read once per view.
    """
    context = context or {}
    request = context.get("request")
    parts = getattr(request, "_page_parts", None)
    if parts is None or parts["page"] != page.pk:
        frame = context.get("frame") or get_frame(get_language())
        key = f"page-parts:{frame['version']}:{page.pk}:{get_language()}"
        parts = {"page": page.pk, "key": key, "values": cache.get(key) or {}}
        if request is not None:
            request._page_parts = parts
    if name not in parts["values"]:
        parts["values"][name] = build()
        cache.set(parts["key"], parts["values"], PAGE_PARTS_TIMEOUT)
    return parts["values"][name]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language for the switcher and the ``hreflang`` alternates.

    Each entry holds ``code``, ``name``, ``url``, ``current`` and ``translated``:
    the URL of the page's live translation in that language, or, where there
    is none (``translated`` false), that language's home page. Views that are
    not pages (search, site map) exist in every language at the same address.
    A view may put ``language_versions`` ({code: url} of the versions that do
    exist) in its context, as the 404 for a missing translation does.
    """
    request = context.get("request")
    page = _page_of(context)
    versions = context.get("language_versions")
    if versions is not None:
        urls = dict(versions)
    elif page is None:
        path = request.get_full_path() if request else "/"
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    else:
        urls = _cached_for_page(
            "language-links", page, lambda: live_translation_urls(page), context
        )
    current = get_language()
    if page is not None and versions is None and current not in urls:
        # A page behind a view restriction, shown to a visitor allowed to see
        # it: it is still this language's version of itself.
        urls = {**urls, current: page.get_url()}
    links = []
    for code, name in settings.LANGUAGES:
        translated = code in urls
        links.append(
            {
                "code": code,
                "name": name,
                "url": urls[code] if translated else language_home_url(code),
                "current": code == current,
                "translated": translated,
            }
        )
    return links


def live_translation_urls(page):
    """{language code: URL} of the live, public versions of ``page`` (itself included).

    Drafts, unpublished translations and pages behind a view restriction are
    left out: a visitor must never be sent to (or told about) them.
    """
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {item.locale.language_code: item.get_url() for item in translations}


def language_home_url(code):
    """The home page of one language, or its bare prefix while it has none."""
    home = get_frame(code)["home"]
    return home["url"] if home else f"/{code}/"


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
        context,
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
