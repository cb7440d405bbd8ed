"""How the API answers on the wire: CORS, rate limit, shared cache, conditional requests.

Every API address (and the catalogue and its downloads) goes through
``public_endpoint``:

1. ``OPTIONS`` is a CORS preflight: allowed for ``GET`` and ``HEAD`` from any
   origin, answered at once. Every answer carries
   ``Access-Control-Allow-Origin: *``: the data is public and no cookie is read.
2. Each client address (``core.client_address``, the one rule) may make
   ``OPEN_DATA_RATE_LIMIT`` requests per ``OPEN_DATA_RATE_PERIOD`` seconds,
   counted in the Django cache (shared by every worker); beyond that a
   ``429`` with ``Retry-After`` (the seconds until the period ends).
3. Successful answers are kept in the cache under the site's generation
   (``core.generation``): the events that purge the page cache (a publish, an
   unpublish, a move, a privacy change, a file or a snippet) purge these too.
   The key is the scheme, host, path and sorted query (the public addresses
   in an answer name the host); ``_``, jQuery's cache-buster, is left out.
4. Each answer has a strong ``ETag`` (a hash of its body) and a
   ``Last-Modified`` (when the current generation's first answer was made:
   nothing published changed since). ``If-None-Match`` and
   ``If-Modified-Since`` get a ``304`` without a body.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _

from core import generation
from core.client_address import client_address

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Content-Language",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
STORED_HEADERS = ("Content-Type", "Content-Disposition")
HIT_HEADER = "X-API-Cache"
IGNORED_PARAMETERS = {"_"}


def rate_limit():
    return getattr(settings, "OPEN_DATA_RATE_LIMIT", 120)


def rate_period():
    return getattr(settings, "OPEN_DATA_RATE_PERIOD", 60)


def cache_seconds():
    return getattr(settings, "OPEN_DATA_CACHE_SECONDS", 300)


def _over_limit(request):
    """Seconds to wait if this address has used up its requests, else 0."""
    limit, period = rate_limit(), rate_period()
    if not limit or not period:
        return 0
    now = time.time()
    window = int(now // period)
    key = f"api-rate:{client_address(request)}:{window}"
    cache.add(key, 0, period * 2)
    try:
        used = cache.incr(key)
    except ValueError:  # evicted in between: count from here
        cache.add(key, 1, period * 2)
        used = 1
    if used <= limit:
        return 0
    return max(1, int((window + 1) * period - now + 0.999))


def _key(request):
    query = sorted(
        (name, value) for name, value in request.GET.items() if name not in IGNORED_PARAMETERS
    )
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query!r}"
    return generation.key("api", hashlib.sha256(address.encode()).hexdigest())


def _since():
    """When the current generation began, as far as the API knows (its first answer)."""
    return generation.remember("api:since", lambda: int(time.time()))


def _entry(response):
    content = response.content
    return {
        "status": response.status_code,
        "content": content,
        "headers": {name: response[name] for name in STORED_HEADERS if response.has_header(name)},
        "etag": quote_etag(hashlib.sha256(content).hexdigest()[:32]),
        "last_modified": _since(),
    }


def _not_modified(request, entry):
    match = request.META.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or entry["etag"] in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and entry["last_modified"] <= since


def _answer(request, entry, hit):
    if _not_modified(request, entry):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    response["Cache-Control"] = f"public, max-age={min(cache_seconds(), 60)}"
    response[HIT_HEADER] = "hit" if hit else "miss"
    return response


def _with_cors(response):
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def public_endpoint(view):
    """Wrap ``view`` (a read-only JSON or CSV view) as described in the module."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204, headers=PREFLIGHT_HEADERS)
            response["Allow"] = ALLOWED_METHODS
            return _with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"message": _("Only GET, HEAD and OPTIONS are answered here.")}, status=405)
            response["Allow"] = ALLOWED_METHODS
            return _with_cors(response)
        wait = _over_limit(request)
        if wait:
            response = JsonResponse(
                {"message": _("Too many requests from your address; try again in %(seconds)d seconds.")
                 % {"seconds": wait}},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return _with_cors(response)
        seconds = cache_seconds()
        key = _key(request) if seconds > 0 else None
        entry = cache.get(key) if key else None
        if entry is not None:
            return _with_cors(_answer(request, entry, hit=True))
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            # Machine addresses answer in JSON, the downloads included.
            response = JsonResponse({"message": _("Not found.")}, status=404)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if response.status_code == 404:
            # LocaleMiddleware sends a 404 outside the language prefixes to
            # /vi/<path> when that resolves (Wagtail's pages resolve any
            # path); it asks the request's URLconf whether prefixes are used,
            # and the API's own has none: the client gets its JSON 404.
            request.urlconf = "open_data.urls"
        if response.status_code != 200 or getattr(response, "streaming", False):
            return _with_cors(response)
        entry = _entry(response)
        if key:
            cache.set(key, entry, seconds)
        return _with_cors(_answer(request, entry, hit=False))

    wrapped.csrf_exempt = True
    return wrapped
