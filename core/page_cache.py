"""The public page cache: whole HTML pages for anonymous visitors.

``PageCacheMiddleware`` sits right below the visit counter (which fills the
live figures into every page, cached or not; ``core.cache_checks`` enforces the
order) and above the session, locale, CSRF and authentication middleware,
so a hit skips all of them and the view.

What is stored, and for whom:

- only GET requests (HEAD is answered from stored GETs) with no session
  cookie and no ``Authorization`` header, and no query string beyond the
  parameters in ``ALLOWED_QUERY_PARAMETERS``;
- only responses of the views named in ``CACHED_URL_NAMES`` (Wagtail's page
  view, the HTML site map): never the admin, previews, search or documents;
- only complete ``200`` HTML responses that set no cookie, did not use a CSRF
  token, were not marked private or uncacheable, and were rendered for an
  anonymous user.

Nothing in such a page belongs to one visitor: the user bar is rendered for
editors only and the visit figures are filled in above this cache.

Every entry carries the cache generation (``core.generation``) in its key;
``core.purge`` bumps it, which forgets every page at once in every worker
sharing the cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from core import generation

ALLOWED_QUERY_PARAMETERS = frozenset({"page"})
CACHED_URL_NAMES = frozenset({"wagtail_serve", "site_map"})
# Headers stored with a page; the rest (Set-Cookie above all) never is.
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "X-Frame-Options",
    "Cache-Control",
    "Last-Modified",
)
HIT_HEADER = "X-Page-Cache"
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def cacheable_request(request):
    """The canonical query string if this request may use the cache, else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    params = []
    for name, values in request.GET.lists():
        if name not in ALLOWED_QUERY_PARAMETERS or len(values) != 1:
            return None
        params.append(f"{name}={values[0]}")
    return "&".join(sorted(params))


def _key(request, query):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return generation.key("page-cache", hashlib.sha256(address.encode()).hexdigest())


def cacheable_response(request, response):
    """Whether ``response`` is the same page any anonymous visitor would get."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CACHED_URL_NAMES:
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_CACHE_CONTROL:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PageCacheMiddleware:
    """Answer anonymous page views from the cache; store the pages they get."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        query = cacheable_request(request) if seconds > 0 else None
        if query is None:
            return self.get_response(request)
        key = _key(request, query)
        entry = cache.get(key)
        if entry is not None:
            return self._replay(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(request, response):
            cache.set(key, self._entry(request, response), seconds)
        return response

    @staticmethod
    def _entry(request, response):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        return {"content": response.content, "headers": headers, "language": language}

    @staticmethod
    def _replay(request, entry):
        # The middleware above (the visit counter) renders in the page's
        # language, which LocaleMiddleware would have set had it run.
        request.LANGUAGE_CODE = entry["language"]
        translation.activate(entry["language"])
        response = HttpResponse(entry["content"], headers=entry["headers"])
        response[HIT_HEADER] = "hit"
        return response
