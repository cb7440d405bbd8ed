"""The figures pages show: read every few seconds per process, never going down.

Every view is counted at once; only the figures shown wait (``visits.shown``,
``VISITS_FIGURES_MAX_AGE``, default 5 seconds).
"""

import datetime
import re

from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.visits.conftest import browser_ua
from tests.visits.helpers import site_views
from visits.figures import PublicFigures, today
from visits.shown import ShownFigures
from visits.stores import Figures
from visits.stores.database import DatabaseStore

FIGURE = re.compile(r'<dd><data value="(\d+)">')


def shown(response):
    """[total, today, online] as the page shows them."""
    return [int(value) for value in FIGURE.findall(response.content.decode())]


def count_elsewhere(views):
    """Views counted by another web process, with visitors of their own."""
    now = timezone.now()
    for number in range(views):
        DatabaseStore().count(day=today(now), page_id=None, visitor=f"{number:032d}", now=now)


def test_views_counted_elsewhere_appear_within_the_maximum_age(visitor, article, clock):
    assert shown(visitor.get(article.url)) == [1, 1, 1]
    count_elsewhere(3)
    clock.advance(4)
    # Still the figures read 4 s ago, plus this process's own view.
    assert shown(visitor.get(article.url)) == [2, 2, 1]
    clock.advance(1)
    assert shown(visitor.get(article.url)) == [6, 6, 4]
    assert site_views() == 6


def test_with_a_maximum_age_of_zero_every_view_reads_the_figures(settings, visitor, article):
    settings.VISITS_FIGURES_MAX_AGE = 0
    visitor.get(article.url)
    count_elsewhere(2)
    assert shown(visitor.get(article.url)) == [4, 4, 3]


def test_a_refresh_costs_one_read_beside_the_count(visitor, article, clock):
    from visits.stores import get_store

    get_store()._next_prune = float("inf")
    visitor.get(article.url)
    for seconds, expected in ((1, 1), (1, 1), (5, 2)):
        clock.advance(seconds)
        with CaptureQueriesContext(connection) as queries:
            visitor.get(article.url)
        visits = [q["sql"] for q in queries if "visits_tally" in q["sql"]]
        assert len(visits) == expected, visits
        assert visits[0].startswith("INSERT")


def test_the_total_shown_never_goes_down(db):
    day = datetime.date(2026, 11, 26)
    figures = ShownFigures(max_age=5)
    figures.read(day, Figures(total=10, today=4, online=2))
    generation = figures.generation()
    figures.counted(generation)
    figures.counted(generation)
    assert figures.current(day).total == 12
    # A read that began before those two views were committed ends late.
    figures.read(day, Figures(total=11, today=5, online=3))
    assert (figures.current(day).total, figures.current(day).today) == (12, 6)
    figures.read(day, Figures(total=20, today=9, online=3))
    assert figures.current(day) == PublicFigures(20, 9, 3)


def test_today_starts_again_at_midnight_and_the_total_goes_on(db, clock):
    monday, tuesday = datetime.date(2026, 11, 23), datetime.date(2026, 11, 24)
    figures = ShownFigures(max_age=5)
    figures.read(monday, Figures(total=50, today=30, online=4))
    # Fresh a second ago, but of another day: read again.
    assert not figures.due(monday)
    assert figures.due(tuesday)
    figures.read(tuesday, Figures(total=51, today=1, online=4))
    assert figures.current(tuesday) == PublicFigures(51, 1, 4)


def test_a_view_counted_during_a_read_is_not_shown_twice(db):
    day = datetime.date(2026, 11, 26)
    figures = ShownFigures(max_age=5)
    figures.read(day, Figures(total=5, today=5, online=1))
    generation = figures.generation()  # a view starts counting...
    figures.read(day, Figures(total=6, today=6, online=1))  # ...another thread reads it...
    figures.counted(generation)  # ...and the view reports in
    assert figures.current(day).total == 6


def test_a_store_that_cannot_be_read_is_asked_again_only_after_the_maximum_age(
    visitor, article, monkeypatch, clock
):
    reads = []

    def locked(self, **kwargs):
        reads.append(kwargs)
        raise OperationalError("database is locked")

    with monkeypatch.context() as patch:
        patch.setattr(DatabaseStore, "figures", locked)
        for _ in range(3):
            assert "data value" not in visitor.get(article.url).content.decode()
        assert len(reads) == 1
        clock.advance(5)
        visitor.get(article.url)
        assert len(reads) == 2
    clock.advance(5)
    assert shown(visitor.get(article.url)) == [5, 5, 1]


def test_the_carried_over_total_is_shown_at_once_in_this_process(visitor, article, clock):
    from visits.models import VisitSettings

    visitor.get(article.url)
    settings = VisitSettings.load()
    settings.carried_over_total = 1000
    settings.save()
    assert shown(visitor.get(article.url))[0] == 1002


def test_a_counted_view_is_one_redis_command(redis_store, visitor, article, clock, monkeypatch):
    visitor.get(article.url)
    sent = []
    original = redis_store.client.execute_command

    def recording(*args, **kwargs):
        sent.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(redis_store.client, "execute_command", recording)
    with CaptureQueriesContext(connection) as queries:
        assert shown(Client(HTTP_USER_AGENT=browser_ua(3)).get(article.url))[:2] == [2, 2]
    assert sent == ["EVALSHA"]
    clock.advance(5)
    # Due for fresh figures: read in the same call as the count.
    assert shown(visitor.get(article.url)) == [3, 3, 2]
    assert sent == ["EVALSHA", "EVALSHA"]
    assert not [q for q in queries if "visits_" in q["sql"]]
