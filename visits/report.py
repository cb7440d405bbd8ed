"""The numbers behind the admin report: visits per day and top articles per language."""

import datetime
import logging

from django.conf import settings
from django.db.models import Sum

from visits.models import Tally
from visits.most_read import top_pages
from visits.stores import get_store

logger = logging.getLogger(__name__)

TOP_LIMIT = 20


def bring_counts_in():
    """With Redis, move waiting counts to the database first so the report is complete."""
    try:
        get_store().flush()
    except Exception:
        logger.exception("Visit report: could not flush waiting counts; the report may lag.")


def daily_visits(until, days):
    """``[(day, views)]`` for the ``days`` days ending on ``until``, days without visits as 0."""
    since = until - datetime.timedelta(days=days - 1)
    counted = dict(
        Tally.objects.filter(kind=Tally.SITE, day__gte=since, day__lte=until)
        .values("day")
        .annotate(n=Sum("views"))
        .values_list("day", "n")
    )
    return [
        (day, counted.get(day, 0))
        for day in (since + datetime.timedelta(days=offset) for offset in range(days))
    ]


def top_articles(since, until, limit=TOP_LIMIT):
    """``[(language_code, language_name, [page with .views])]`` for every site language."""
    return [
        (code, name, top_pages(code, since, until, limit))
        for code, name in settings.LANGUAGES
    ]
