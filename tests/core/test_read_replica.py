"""Who reads from the replica, and what happens when it lags or fails (core/read_replica.py).

The decision logic runs here against fakes for the replica's answer; the
real replica is exercised by tests/cluster/ (``make cluster-test``).
"""

import time

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from core import read_replica
from core.read_replica import (
    REPLICA,
    ReplicaReadsMiddleware,
    ReplicaRouter,
    RequestReads,
)

factory = RequestFactory()


@pytest.fixture(autouse=True)
def replica_up(monkeypatch):
    monkeypatch.setattr(read_replica, "_replica_down_until", 0.0)


class Replica:
    """What the replica answers to ``pg_last_wal_replay_lsn() >= position``."""

    def __init__(self, replayed="0/5000000", reachable=True):
        self.replayed = replayed
        self.reachable = reachable
        self.asked = []

    def has_replayed(self, position):
        self.asked.append(position)
        if not self.reachable:
            raise OperationalError("connection refused")
        if position is None:
            return True
        return lsn(self.replayed) >= lsn(position)


def lsn(text):
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


@pytest.fixture
def replica(monkeypatch):
    fake = Replica()
    monkeypatch.setattr(RequestReads, "replica_has_replayed", staticmethod(fake.has_replayed))
    monkeypatch.setattr(read_replica, "mark_replica_down", lambda: setattr(
        read_replica, "_replica_down_until", time.monotonic() + read_replica.retry_seconds()))
    return fake


@pytest.fixture
def last_change(monkeypatch):
    position = {"value": None}
    monkeypatch.setattr(RequestReads, "required_position", staticmethod(lambda: position["value"]))
    return position


def reads_for(request):
    """The alias a model read takes while ``request`` is being answered."""
    router = ReplicaRouter()
    seen = []

    def view(request):
        seen.append(router.db_for_read(None))
        seen.append(router.db_for_read(None))
        return HttpResponse("ok")

    middleware = ReplicaReadsMiddleware(view)
    middleware_configured = read_replica.configured
    read_replica.configured = lambda: True
    try:
        response = _without_execute_wrapper(middleware, request)
    finally:
        read_replica.configured = middleware_configured
    assert response.status_code == 200
    assert seen[0] == seen[1], "one request reads from one database"
    return seen[0]


class _NoWrapper:
    def execute_wrapper(self, wrapper):
        import contextlib

        return contextlib.nullcontext()

    def close(self):
        pass


def _without_execute_wrapper(middleware, request):
    original = read_replica.connections
    read_replica.connections = {REPLICA: _NoWrapper()}
    try:
        return middleware(request)
    finally:
        read_replica.connections = original


def test_a_visitors_page_view_reads_from_the_replica(replica, last_change):
    assert reads_for(factory.get("/vi/tin-tuc/")) == REPLICA


@pytest.mark.parametrize(
    "request_",
    [
        factory.get("/admin/pages/"),
        factory.post("/vi/search/"),
        factory.get("/vi/", HTTP_COOKIE="sessionid=abc"),
        factory.get("/vi/", HTTP_AUTHORIZATION="Basic eA=="),
    ],
    ids=["admin", "post", "editor-session", "authorization"],
)
def test_the_admin_editors_and_writes_read_from_the_primary(replica, last_change, request_):
    assert reads_for(request_) == "default"
    assert replica.asked == [], "the replica is not even asked"


def test_reads_outside_a_request_and_every_write_go_to_the_primary(replica):
    router = ReplicaRouter()
    assert router.db_for_read(None) == "default"
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("default", "home") is True
    assert router.allow_migrate(REPLICA, "home") is False


def test_after_a_publish_a_lagging_replica_is_not_read_until_it_has_replayed_it(replica, last_change):
    replica.replayed = "0/5000000"
    last_change["value"] = "0/6000010"  # the publish's commit, not yet replayed
    assert reads_for(factory.get("/vi/")) == "default"
    replica.replayed = "0/6000010"
    assert reads_for(factory.get("/vi/")) == REPLICA
    assert replica.asked == ["0/6000010", "0/6000010"]


def test_an_unreachable_replica_sends_reads_to_the_primary_for_a_while(replica, last_change, settings):
    settings.REPLICA_RETRY_SECONDS = 0.3
    replica.reachable = False
    assert reads_for(factory.get("/vi/")) == "default"
    replica.reachable = True
    # Not asked again at once: each request would otherwise wait for a timeout.
    assert reads_for(factory.get("/vi/")) == "default"
    assert len(replica.asked) == 1
    time.sleep(0.35)
    assert reads_for(factory.get("/vi/")) == REPLICA


def test_a_replica_failing_mid_request_is_answered_again_from_the_primary(replica, last_change, monkeypatch):
    router = ReplicaRouter()
    calls = []

    def view(request):
        alias = router.db_for_read(None)
        calls.append(alias)
        if alias == REPLICA:
            # What the execute wrapper records when a replica query fails.
            read_replica._request_reads.get().replica_failed = True
            return HttpResponse("server error", status=500)
        return HttpResponse("page from the primary")

    monkeypatch.setattr(read_replica, "configured", lambda: True)
    response = _without_execute_wrapper(ReplicaReadsMiddleware(view), factory.get("/vi/"))
    assert calls == [REPLICA, "default"]
    assert response.status_code == 200
    assert response.content == b"page from the primary"


def test_without_a_replica_configured_nothing_changes(settings):
    assert "replica" not in settings.DATABASES
    response = ReplicaReadsMiddleware(lambda request: HttpResponse("ok"))(factory.get("/vi/"))
    assert response.status_code == 200
    assert ReplicaRouter().db_for_read(None) == "default"


def test_a_failed_replica_query_is_noticed_but_the_first_read_check_handles_its_own():
    def failing(sql, params, many, context):
        raise OperationalError("terminating connection due to administrator command")

    reads = RequestReads()
    watch = ReplicaReadsMiddleware._watch(reads)
    with pytest.raises(OperationalError):
        watch(failing, "SELECT pg_last_wal_replay_lsn()", None, False, {})
    assert reads.replica_failed is False
    reads.alias = REPLICA
    with pytest.raises(OperationalError):
        watch(failing, "SELECT 1", None, False, {})
    assert reads.replica_failed is True
