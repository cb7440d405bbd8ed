"""The most read articles of one language over the last days, briefly cached.

A list a few minutes old is fine for readers and keeps the sidebar's
database work to nothing on most views. The lists are keyed by the one cache
generation (``core.generation``), so every change the site purges for
(publishing, unpublishing, moving, renaming or deleting a page, a view
restriction) clears them at once.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q, Sum
from wagtail.models import Page

from core import generation
from visits import conf
from visits.models import Tally

SIDEBAR_DAYS = 7
SIDEBAR_LIMIT = 5


def article_types():
    """Content types of the configured article models (``app_label.model``)."""
    q = Q(pk__in=[])
    for label in conf.article_models():
        app_label, model = label.lower().split(".")
        q |= Q(app_label=app_label, model=model)
    return ContentType.objects.filter(q)


def top_pages(language_code, since, until, limit, articles_only=True):
    """Live public pages of one language, most viewed first, each with ``views``: one query."""
    in_period = Q(
        visit_tallies__kind=Tally.PAGE,
        visit_tallies__day__gte=since,
        visit_tallies__day__lte=until,
    )
    pages = Page.objects.live().public().filter(locale__language_code=language_code)
    if articles_only:
        pages = pages.filter(content_type__in=article_types())
    return list(
        pages.annotate(views=Sum("visit_tallies__views", filter=in_period))
        .filter(views__gt=0)
        .order_by("-views", "pk")[:limit]
    )


def sidebar_list(language_code, today, request=None):
    """``[{"title", "url", "views"}]`` for the "Most read" block of one language."""
    key = generation.key("visits:most-read", language_code, today.isoformat())
    items = cache.get(key)
    if items is None:
        since = today - datetime.timedelta(days=SIDEBAR_DAYS - 1)
        items = [
            {"title": page.title, "url": page.get_url(request=request), "views": page.views}
            for page in top_pages(language_code, since, today, SIDEBAR_LIMIT)
        ]
        cache.set(key, items, conf.most_read_cache_seconds())
    return items
