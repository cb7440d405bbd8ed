"""The site frame's template tags: language links, breadcrumbs, cached page parts.

Generic filters and tags (dates, figures, pagination) are in ``core_tags``.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from home.frame import get_frame

register = template.Library()

# Parts of a page that change only when the site does (see home.frame).
PAGE_PARTS_TIMEOUT = 60 * 60


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
