"""Counting through Redis: no database write per view, exact flushes, crash-safe batches.

Needs ``REDIS_URL`` and a Redis server; each test uses keys of its own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.visits.helpers import page_views, site_views
from visits.models import FlushedBatch, Tally


def writes(queries):
    return [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]


def test_a_view_writes_nothing_to_the_database(redis_store, visitor, article):
    visitor.get(article.url)  # warms the caches
    with CaptureQueriesContext(connection) as queries:
        response = visitor.get(article.url)
    assert response.status_code == 200
    assert writes(queries) == []
    assert not [q for q in queries if "visits_" in q["sql"]]
    assert redis_store.pending() == 2
    assert site_views() == 0


def test_figures_add_what_waits_in_redis_to_the_database(redis_store, visitor, article):
    from tests.visits.test_sidebar import figures

    for _ in range(3):
        shown = figures(visitor.get(article.url))
    assert [value for value, _ in shown.values()] == [3, 3, 1]
    assert redis_store.flush() == 3
    shown = figures(visitor.get(article.url))
    assert [value for value, _ in shown.values()] == [4, 4, 1]


def test_flush_moves_every_count_exactly_once(redis_store, visitor, demo_content):
    pages = demo_content.articles["vi"][:2] + demo_content.articles["lo"][:1]
    for page in pages:
        visitor.get(page.url)
    visitor.get(pages[0].url)
    assert redis_store.flush() == 4
    assert redis_store.flush() == 0
    assert site_views() == 4
    assert [page_views(page) for page in pages] == [2, 1, 1]
    assert redis_store.pending() == 0


def test_a_flush_starts_by_itself_every_n_counts(settings, redis_url, visitor, article):
    from visits.stores import get_store

    settings.VISITS_REDIS_FLUSH_EVERY = 5
    settings.VISITS_REDIS_URL = redis_url
    settings.VISITS_REDIS_PREFIX = "test-visits:bound:"
    settings.VISITS_FLUSH_IN_THREAD = False
    store = get_store()
    try:
        for number in range(1, 13):
            visitor.get(article.url)
            # Never VISITS_REDIS_FLUSH_EVERY or more counts waiting: the most Redis could lose.
            assert store.pending() == number % 5
            assert site_views() == number - number % 5
    finally:
        store.client.delete(*store.client.keys("test-visits:bound:*"))


class Crash(Exception):
    """Stands for the flushing process dying at a given step."""


def test_a_flush_that_dies_before_the_database_commit_loses_nothing(redis_store, visitor, article, monkeypatch):
    for _ in range(3):
        visitor.get(article.url)

    def die(*args, **kwargs):
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(type(redis_store.database), "add", die)
        with pytest.raises(Crash):
            redis_store.flush()
    assert site_views() == 0
    # The counts wait in a batch; a view meanwhile goes to the live keys.
    visitor.get(article.url)
    assert redis_store.client.scard(redis_store.key("batches")) == 1
    assert redis_store.flush() == 4
    assert site_views() == 4 and page_views(article) == 4


def test_a_flush_that_dies_after_the_database_commit_counts_nothing_twice(redis_store, visitor, article, monkeypatch):
    for _ in range(3):
        visitor.get(article.url)
    original = type(redis_store).write_batch

    def commit_then_die(self, batch_id, rows):
        original(self, batch_id, rows)
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(type(redis_store), "write_batch", commit_then_die)
        with pytest.raises(Crash):
            redis_store.flush()
    assert site_views() == 3
    # The batch is still in Redis, but its receipt says it is in the database.
    assert redis_store.client.scard(redis_store.key("batches")) == 1
    assert FlushedBatch.objects.count() == 1
    redis_store.flush()
    assert site_views() == 3 and page_views(article) == 3
    assert redis_store.client.scard(redis_store.key("batches")) == 0


def test_only_one_flush_runs_at_a_time(redis_store, visitor, article):
    visitor.get(article.url)
    redis_store.client.set(redis_store.key("flush-lock"), "someone-else")
    assert redis_store.flush() == 0
    redis_store.client.delete(redis_store.key("flush-lock"))
    assert redis_store.flush() == 1


def test_online_visitors_live_in_redis_and_expire(redis_store, visitor, article):
    from django.test import Client

    from tests.visits.conftest import browser_ua

    visitor.get(article.url)
    Client(HTTP_USER_AGENT=browser_ua(1)).get(article.url)
    online = redis_store.key("online")
    assert redis_store.client.zcard(online) == 2
    assert 0 < redis_store.client.ttl(online) <= 600
    assert not Tally.objects.filter(kind=Tally.VISITOR).exists()


def test_flush_command(redis_store, visitor, article):
    from django.core.management import call_command

    visitor.get(article.url)
    call_command("flush_visits", verbosity=0)
    assert site_views() == 1


def test_flush_command_forgets_old_receipts(redis_store, db):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    old = FlushedBatch.objects.create(batch_id="old")
    FlushedBatch.objects.filter(pk=old.pk).update(flushed_at=timezone.now() - datetime.timedelta(days=8))
    FlushedBatch.objects.create(batch_id="recent")
    call_command("flush_visits", verbosity=0)
    assert list(FlushedBatch.objects.values_list("batch_id", flat=True)) == ["recent"]
