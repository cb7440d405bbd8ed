"""Addresses resolved to pages with one query instead of two per path segment.

Wagtail finds ``/vi/section/article/`` by walking the tree: each segment
costs a query for the child and one for its specific type. The outcome of a
walk (page type and id, per home page and path) is cached with the site
frame's version, which changes whenever a page is published, unpublished,
moved, renamed or deleted; a cached address then costs one query, which
also fetches what the page's template needs (``route_select_related``).
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from home import frame

TIMEOUT = 60 * 60


def _key(home, path_components):
    path = hashlib.sha256("/".join(path_components).encode()).hexdigest()
    return f"page-route:{frame.version()}:{home.pk}:{path}"


def _load(target):
    label, pk = target
    model = apps.get_model(label)
    related = getattr(model, "route_select_related", ())
    return model.objects.live().select_related(*related).filter(pk=pk).first()


def route(home, request, path_components):
    """What ``Page.route`` returns for ``home`` and the path below it."""
    key = _key(home, path_components)
    target = cache.get(key)
    if target is not None:
        page = _load(target)
        if page is not None:
            return RouteResult(page)
    result = Page.route(home, request, path_components)
    page = result[0]
    # Pages with routes of their own (args, sub-views) are walked each time.
    if type(page).route is Page.route and not result[1] and not result[2]:
        cache.set(key, (page._meta.label_lower, page.pk), TIMEOUT)
    return result
