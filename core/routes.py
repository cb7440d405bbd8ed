"""Addresses resolved to pages with one query, instead of Wagtail's walk.

For ``/vi/section/article/`` Wagtail finds the site (a query it builds
anew each time), the active locale, the home page, then each path segment's
child and its specific type: seven queries. ``RouteCacheMiddleware`` keeps
what that walk found (the site and the page, per host and address) under
the cache generation (``core.generation``), which changes whenever a page is published,
unpublished, moved, renamed or deleted or a site changes (``core.purge``).
A known address then costs no query at all. A page's live fields change only
when it is published, so the stored copy is the live page; it is stored with
what its template needs (a model's ``route_select_related``).

Only plain pages are remembered: a page type with its own ``route()``
(sub-pages, arguments) is walked each time.
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core import generation

TIMEOUT = 60 * 60


def _key(request):
    address = f"{request.META.get('HTTP_HOST', '')}{request.path}"
    return generation.key("page-route-object", hashlib.sha256(address.encode()).hexdigest())


def _load(label, pk):
    model = apps.get_model(label)
    related = getattr(model, "route_select_related", ())
    return model.objects.live().select_related(*related).filter(pk=pk).first()


def _rememberable(result):
    if result is None:
        return False
    page, args, kwargs = result
    return type(page).route is Page.route and not args and not kwargs and page.live


class RouteCacheMiddleware:
    """Give Wagtail the site and page of a known address before it looks for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            # The attributes Wagtail memoises its own look-ups in.
            request._wagtail_site = entry["site"]
            request._wagtail_route_for_request = RouteResult(entry["page"])
            return self.get_response(request)
        response = self.get_response(request)
        result = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if response.status_code == 200 and site is not None and _rememberable(result):
            page = _load(result[0]._meta.label_lower, result[0].pk)
            if page is not None:
                cache.set(key, {"site": site, "page": page}, TIMEOUT)
        return response
