"""Site-wide views: the HTML site map, robots.txt and the error pages."""

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

from home.models import HomePage
from home.templatetags.portal_tags import language_home_url

# Longer addresses are not looked up: no page has one, and a hostile address
# should not become a large query.
MAX_LOOKUP_PATH = 1000


def site_map(request):
    """Every live public page of the visitor's language, as a nested list."""
    home = HomePage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE).first()
    tree = []
    if home is not None:
        pages = list(
            Page.objects.live().public().descendant_of(home, inclusive=True).order_by("path")
        )
        tree = _nest(pages)
    return render(request, "home/site_map.html", {"tree": tree})


def _nest(pages):
    """Turn a path-ordered list of pages into ``[(page, children), ...]``."""
    roots, stack = [], []
    for page in pages:
        node = (page, [])
        while stack and not page.path.startswith(stack[-1][0].path):
            stack.pop()
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    """The 404 page in the address's language.

    When the address names a page that exists in another language (a page
    not translated yet, or a translation not published yet), the page links
    to the versions visitors may read, and so does its language switcher.
    """
    versions = existing_versions(request)
    if any(item["code"] == get_language() for item in versions):
        # The page exists in this language: the 404 is about something else
        # (a page of a list past its end), not a missing translation.
        versions = []
    if versions:
        links = {item["code"]: item["url"] for item in versions}
    else:
        # Nothing of that name anywhere: each language's home is the best offer.
        links = {code: language_home_url(code) for code, _name in settings.LANGUAGES}
    context = {"versions": versions, "language_versions": links}
    return render(request, "404.html", context, status=404)


def _path_in_language(request):
    """The requested path without its language prefix, e.g. ``/tin-tuc/bai-mot/``."""
    path = request.path_info
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return None


def existing_versions(request):
    """Live public versions of the page a 404 address names, in language order.

    The address is looked up under each language's home page, whatever state
    the page there is in: ``/en/<Vietnamese path>/`` finds the Vietnamese
    page, ``/en/<path of an unpublished translation>/`` finds that draft.
    Only live, public translations of what was found are returned, so a draft
    is never linked or named.
    """
    rest = _path_in_language(request)
    if rest is None or len(rest) > MAX_LOOKUP_PATH or not rest.endswith("/") or "\x00" in rest:
        # No page has such an address (PostgreSQL text cannot even hold a NUL).
        return []
    try:
        homes = list(HomePage.objects.values_list("url_path", flat=True))
        keys = set(
            Page.objects.filter(url_path__in=[home + rest.lstrip("/") for home in homes])
            .values_list("translation_key", flat=True)
        )
        if not keys:
            return []
        pages = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
        by_code = {page.locale.language_code: page for page in pages}
    except DatabaseError:
        # A 404 must never turn into a 500.
        return []
    names = dict(settings.LANGUAGES)
    return [
        {"code": code, "name": names[code], "title": by_code[code].title, "url": by_code[code].get_url()}
        for code, _name in settings.LANGUAGES
        if code in by_code and by_code[code].get_url()
    ]


def server_error(request):
    return render(request, "500.html", status=500)


def robots_txt(request):
    """Crawlers may read every public page, not the admin or search results."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
