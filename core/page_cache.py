"""The public page cache: whole HTML pages for anonymous visitors.

``PageCacheMiddleware`` sits right below the visit counter (which fills the
live figures into every page, cached or not; ``core.cache_checks`` enforces the
order) and above the session, locale, CSRF and authentication middleware,
so a hit skips all of them and the view.

What is stored, and for whom:

- only GET requests (HEAD is answered from stored GETs) with no session
  cookie and no ``Authorization`` header, and no query string beyond the
  parameters in ``ALLOWED_QUERY_PARAMETERS`` (a view registered with
  ``cache_query_view``, the search page: its own parameters, see below);
- only responses of the views named in ``CACHED_URL_NAMES`` (Wagtail's page
  view, the HTML site map) and of registered views (the search page): never
  the admin, previews or documents;
- only complete ``200`` HTML responses that set no cookie, did not use a CSRF
  token, were not marked private or uncacheable, and were rendered for an
  anonymous user.

Nothing in such a page belongs to one visitor: the user bar is rendered for
editors only and the visit figures are filled in above this cache.

Every entry carries the cache generation (``core.generation``) in its key;
``core.purge`` bumps it, which forgets every page at once in every worker
sharing the cache.

**Search results** are cached the same way, under the same generation, so a
publish, an unpublish or a privacy change takes them away at once. Readers
repeat a few searches; anyone can also ask for endless different ones, so
the entries of a query view are bounded: only the parameters it registered
(``cache_query_view``; the search app registers its form's, with the query at
most ``search.normalize.MAX_QUERY_LENGTH`` characters and short filter
values), one value per parameter, and at most ``PAGE_CACHE_SEARCH_ENTRIES``
new entries per cache period (``PAGE_CACHE_SECONDS``); beyond that a search
is answered but not stored. Wagtail's page view may be registered too (the
documents register takes its filters in the query string): since every page
shares that view, a page asked for with those parameters is stored the same
bounded way only when its response says it read them
(``response.page_cache_query = True``); any other page with them is answered
but not stored, and a page asked for without them is cached as before. A
view may ask for work to be done on every hit (``response.page_cache_on_hit``):
the search page counts the search for the popular-searches report, as it
would uncached.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import cc_delim_re
from django.utils.module_loading import import_string

from core import generation

logger = logging.getLogger(__name__)

ALLOWED_QUERY_PARAMETERS = frozenset({"page"})
CACHED_URL_NAMES = frozenset({"wagtail_serve", "site_map"})
# Views that serve many kinds of page, of which only some take parameters.
SHARED_QUERY_VIEWS = frozenset({"wagtail_serve"})
# Views that take their own query parameters (the search page), registered
# by their app: url name -> (parameter -> longest value kept).
QUERY_VIEWS = {}
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


def cache_query_view(url_name, max_lengths):
    """Let the page cache keep answers of ``url_name`` with these query parameters.

    ``max_lengths`` maps each parameter the view takes to the longest value
    worth an entry; ``?page=`` is always allowed. Called by the view's app
    when it is ready, so that this module needs no import of it.
    """
    # Several apps may register the same view (Wagtail's page view): their parameters add up.
    QUERY_VIEWS[url_name] = {"page": 20, **QUERY_VIEWS.get(url_name, {}), **max_lengths}


def search_entries():
    return getattr(settings, "PAGE_CACHE_SEARCH_ENTRIES", 1000)


def _query_view(request):
    """The limits of the registered query view this address resolves to, or None."""
    # Addresses carry their language (i18n_patterns), and they resolve only
    # with that language active; LocaleMiddleware, below, has not run yet.
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        return None
    try:
        with translation.override(language):
            return QUERY_VIEWS.get(resolve(request.path_info).url_name)
    except Resolver404:
        return None


def _bounded(request, max_lengths):
    """Whether the parameters are short enough to be worth an entry (see the module)."""
    for name, values in request.GET.lists():
        if name not in max_lengths or len(values) != 1 or len(values[0]) > max_lengths[name]:
            return False
    return True


def cacheable_request(request):
    """The canonical query string if this request may use the cache, else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    if not set(request.GET) <= ALLOWED_QUERY_PARAMETERS:
        # Only registered views (the search page) take other parameters;
        # resolving the address costs a little, so it is done only here.
        max_lengths = _query_view(request)
        if max_lengths is None or not _bounded(request, max_lengths):
            return None
    params = []
    for name, values in request.GET.lists():
        if len(values) != 1:
            return None
        params.append(f"{name}={values[0]}")
    return "&".join(sorted(params))


def _admit_search(seconds):
    """Whether one more search entry may be stored in this cache period (see the module)."""
    counter = generation.key("page-cache", "searches", int(time.time()) // seconds)
    cache.add(counter, 0, seconds * 2)
    try:
        return cache.incr(counter) <= search_entries()
    except ValueError:  # evicted in between: count from here
        return cache.add(counter, 1, seconds * 2)


def _read_its_query(request, response):
    """Whether the view answered for the query parameters it was asked with.

    A registered view of its own (the search page) always does; on Wagtail's
    page view, shared by every page, only the page that takes them says so.
    """
    if request.resolver_match.url_name in SHARED_QUERY_VIEWS:
        return getattr(response, "page_cache_query", False)
    return True


def _key(request, query):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return generation.key("page-cache", hashlib.sha256(address.encode()).hexdigest())


def cacheable_response(request, response):
    """Whether ``response`` is the same page any anonymous visitor would get."""
    match = getattr(request, "resolver_match", None)
    if match is None or (match.url_name not in CACHED_URL_NAMES and match.url_name not in QUERY_VIEWS):
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
            # Only answers to a query view's own parameters (a search, a
            # filtered register) use up the bounded share; plain pages never do.
            plain = not set(request.GET) - ALLOWED_QUERY_PARAMETERS
            if plain or (_read_its_query(request, response) and _admit_search(seconds)):
                cache.set(key, self._entry(request, response), seconds)
        return response

    @staticmethod
    def _entry(request, response):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        entry = {"content": response.content, "headers": headers, "language": language}
        on_hit = getattr(response, "page_cache_on_hit", None)
        if on_hit:
            entry["on_hit"] = on_hit
        return entry

    @staticmethod
    def _replay(request, entry):
        # The middleware above (the visit counter) renders in the page's
        # language, which LocaleMiddleware would have set had it run.
        request.LANGUAGE_CODE = entry["language"]
        translation.activate(entry["language"])
        if "on_hit" in entry and request.method == "GET":
            path, args = entry["on_hit"]
            try:
                import_string(path)(*args)
            except Exception:
                # Bookkeeping (a search count) must never cost the reader the page.
                logger.exception("Page cache: %s failed on a cache hit", path)
        response = HttpResponse(entry["content"], headers=entry["headers"])
        response[HIT_HEADER] = "hit"
        return response
