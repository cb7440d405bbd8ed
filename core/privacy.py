"""Which parts of the page tree are private, read once and cached.

Wagtail's ``PageQuerySet.public()`` and ``Page.get_view_restrictions()``
query the view restrictions on every call: several times per page view on
a site that has almost none. The few restricted subtrees are read once and
kept until a restriction or a page changes (``core.generation``).

A restriction on a page covers its subtree and, as in Wagtail, every alias
of that page with the alias's subtree.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from core import generation


def _read():
    """``[(restriction id, protected path, depth)]``: each restricted page and its aliases."""
    protected = []
    for restriction in PageViewRestriction.objects.select_related("page"):
        pages = [restriction.page]
        seen = {restriction.page_id}
        while pages:
            for page in pages:
                protected.append((restriction.pk, page.path, page.depth))
            pages = [
                alias
                for alias in Page.objects.filter(alias_of__in=[page.pk for page in pages])
                if alias.pk not in seen
            ]
            seen.update(alias.pk for alias in pages)
    return protected


def protected_paths():
    return generation.remember("protected-paths", _read)


def public(queryset):
    """``queryset.public()`` without a query for the restrictions."""
    private = Q()
    for _restriction_id, path, depth in protected_paths():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset


def view_restrictions(page):
    """What ``page.get_view_restrictions()`` returns; no query when none apply."""
    ids = {
        restriction_id
        for restriction_id, path, _depth in protected_paths()
        if page.path.startswith(path)
    }
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


class CachedRestrictionsMixin:
    """Page types whose view restrictions come from the cached list."""

    def get_view_restrictions(self):
        return view_restrictions(self)
