"""Fixtures for the visit counter: stores, visitors, and live servers under load.

In-process tests count in the test database through Django's test client.
The load tests need real concurrency, so they start ``manage.py runserver``
(threaded) on a copy of the session's test database, which already holds the
demo content: copying takes a second where loading it again takes half a
minute. Redis tests run when ``REDIS_URL`` is set and a server answers.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def browser_ua(number):
    """A distinct, ordinary browser user agent: one per simulated visitor."""
    return f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.{number}.0"


@pytest.fixture(autouse=True)
def database_store(settings):
    """Count in the database unless a test asks for Redis, whatever the environment says."""
    settings.VISITS_REDIS_URL = ""


@pytest.fixture(autouse=True)
def _counting_from_zero_with_a_database(request):
    if "db" in request.fixturenames:
        request.getfixturevalue("counting_from_zero")


@pytest.fixture
def visitor(db, counting_from_zero):
    """A test client that looks like a person's browser."""
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.23")


@pytest.fixture
def counting_from_zero(db):
    """No visits carried over, so the figures shown are exactly what the test counted.

    The demo content starts the total from the old portal's 51,827,387
    (``load_demo_content``); tests of counting want a plain zero.
    """
    from visits.figures import set_carried_over_total

    set_carried_over_total(0)


class FakeClock:
    """Stands for ``time.monotonic`` in ``visits.shown``: moves only when told."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    """The clock that ages the figures shown, under the test's control."""
    from visits import shown

    fake = FakeClock()
    monkeypatch.setattr(shown, "clock", fake)
    return fake


def _redis_answers(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_url():
    """``REDIS_URL``, else a local server's database 15.

    Only a machine with no Redis at all skips these tests; CI has one, so
    there a Redis that does not answer is a failure.
    """
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    if not _redis_answers(url):
        if os.environ.get("CI"):
            pytest.fail(f"No Redis answers at {url}.")
        pytest.skip("Redis tests need a Redis server (set REDIS_URL).")
    return url


@pytest.fixture
def redis_store(settings, redis_url):
    """The Redis store under a key prefix of its own; flushes run in the request."""
    from visits.stores import get_store

    prefix = f"test-visits:{uuid.uuid4().hex[:8]}:"
    settings.VISITS_REDIS_URL = redis_url
    settings.VISITS_REDIS_PREFIX = prefix
    settings.VISITS_FLUSH_IN_THREAD = False
    store = get_store()
    yield store
    keys = store.client.keys(f"{prefix}*")
    if keys:
        store.client.delete(*keys)


# Live servers ---------------------------------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveDatabase:
    """Read-only access, from the test process, to a live server's database."""

    def __init__(self, url):
        self.url = url

    def query(self, sql, params=()):
        if self.url.startswith("sqlite:///"):
            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=20) as conn:
                return conn.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute(sql, params).fetchall()

    def views(self, kind):
        return self.query("SELECT COALESCE(SUM(views), 0) FROM visits_tally WHERE kind = %s", (kind,))[0][0]

    def visitors(self):
        return {row[0] for row in self.query("SELECT visitor FROM visits_tally WHERE kind = 3")}


def _copy_test_database(tmp_path_factory, django_db_blocker):
    """A database URL holding a copy of the session's test database (demo content included)."""
    name = str(connection.settings_dict["NAME"])
    # Never copy (or load into) a real database by mistake.
    assert "memorydb" in name or Path(name).name.startswith("test_"), name
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("visits-live") / "db.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{path}"
        import psycopg

        source = connection.settings_dict["NAME"]
        base = os.environ["DATABASE_URL"].rpartition("/")[0]
        name = f"{source}_visits_live"
        # CREATE DATABASE ... TEMPLATE needs the source to have no other sessions.
        connection.close()
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return f"{base}/{name}"


@pytest.fixture(scope="session")
def live_database(tmp_path_factory, django_db_setup, django_db_blocker):
    database = LiveDatabase(_copy_test_database(tmp_path_factory, django_db_blocker))
    yield database
    if database.url.startswith("postgres"):
        import psycopg

        base, _, name = database.url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class LiveServer:
    """``manage.py runserver`` on a free port, counting into ``database``."""

    def __init__(self, database, **environment):
        self.database = database
        self.env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        self.env.update(
            # As pytest-django set it (settings overrides hide SETTINGS_MODULE).
            DJANGO_SETTINGS_MODULE=os.environ["DJANGO_SETTINGS_MODULE"],
            DATABASE_URL=database.url,
            **environment,
        )
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                # A bot's request: it must not count, so it cannot skew a test.
                self.get("/vi/", BOT_UA)
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("The visits test server did not start.")
                time.sleep(0.2)

    def get(self, path, user_agent, method="GET"):
        request = urllib.request.Request(
            self.url + path, method=method, headers={"User-Agent": user_agent}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()

    def manage(self, *command):
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *command],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def database_server(live_database):
    server = LiveServer(live_database).start()
    yield server
    server.stop()


def redis_live_server(live_database, redis_url, flush_every):
    prefix = f"test-visits-live:{uuid.uuid4().hex[:8]}:"
    server = LiveServer(
        live_database,
        REDIS_URL=redis_url,
        VISITS_REDIS_PREFIX=prefix,
        VISITS_REDIS_FLUSH_EVERY=str(flush_every),
    )
    server.prefix = prefix
    return server


def delete_redis_keys(redis_url, prefix):
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = client.keys(f"{prefix}*")
    if keys:
        client.delete(*keys)
