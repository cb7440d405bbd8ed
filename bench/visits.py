"""Visit counter benchmark: what counting adds to a page view, and database writes per view.

Builds the demo site in a throwaway database, then serves one article page
many times through Django's full request path (test client, all middleware),
interleaving three modes so drift hits them alike:

- ``not installed``: the counter middleware removed (the page alone);
- ``bot``: the counter installed, a crawler's request (figures filled in, not counted);
- ``counted``: the counter installed, a browser's request (counted and figures).

Whole page views vary by milliseconds on a busy machine, more than the
counter costs, so the counter's own time is also measured inside the request:
the middleware is timed without the view it wraps, and its ``count`` step
alone. It prints medians and 95th percentiles of both, and the database
writes (INSERT, UPDATE, DELETE) per counted view, for the database store and,
when Redis answers, the Redis store.

    .venv/bin/python bench/visits.py                         # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x \\
        .venv/bin/python bench/visits.py                     # PostgreSQL ("bench_visits" db)
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/visits.py   # adds Redis
    .venv/bin/python bench/visits.py --views 200             # fewer views per mode
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

BENCH_DB = "bench_visits"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
COUNTER = "visits.middleware.VisitCounterMiddleware"
WRITES = ("INSERT", "UPDATE", "DELETE")


class CounterTimer:
    """Times the counter middleware inside real requests, without the view it wraps.

    Patches the class before any middleware chain is built; the benchmark is
    single-threaded, so one "current request" slot is enough.
    """

    def __init__(self):
        from visits.middleware import VisitCounterMiddleware

        self.mode = None  # set by the caller before each request
        self.middleware = {}  # mode -> ns spent in the middleware, view excluded
        self.counting = {}  # mode -> ns spent in its count() step
        original_init, original_call = VisitCounterMiddleware.__init__, VisitCounterMiddleware.__call__
        original_count = VisitCounterMiddleware.count
        timer = self

        def init(middleware, get_response):
            def inner(request):
                start = time.perf_counter_ns()
                response = get_response(request)
                request.bench_view_ns = time.perf_counter_ns() - start
                return response

            original_init(middleware, inner)

        def call(middleware, request):
            start = time.perf_counter_ns()
            response = original_call(middleware, request)
            elapsed = time.perf_counter_ns() - start - request.bench_view_ns
            timer.middleware.setdefault(timer.mode, []).append(elapsed)
            return response

        def count(middleware, *args, **kwargs):
            start = time.perf_counter_ns()
            original_count(middleware, *args, **kwargs)
            timer.counting.setdefault(timer.mode, []).append(time.perf_counter_ns() - start)

        VisitCounterMiddleware.__init__ = init
        VisitCounterMiddleware.__call__ = call
        VisitCounterMiddleware.count = count

    def reset(self):
        self.middleware.clear()
        self.counting.clear()


def prepare_database(workdir):
    """Point Django at a fresh database; return a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base = url.rpartition("/")[0]
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
        os.environ["DATABASE_URL"] = f"{base}/{BENCH_DB}"

        def drop():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')

        return "PostgreSQL", drop
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return "SQLite (file, WAL)", lambda: None


def milliseconds(samples):
    ordered = sorted(samples)
    return statistics.median(ordered) / 1e6, ordered[int(len(ordered) * 0.95) - 1] / 1e6


def time_views(clients, url, views, timer):
    """Serve ``url`` ``views`` times per mode, modes interleaved; nanoseconds per mode."""
    samples = {mode: [] for mode in clients}
    for _ in range(views):
        for mode, client in clients.items():
            timer.mode = mode
            start = time.perf_counter_ns()
            response = client.get(url)
            samples[mode].append(time.perf_counter_ns() - start)
            assert response.status_code == 200, (mode, response.status_code)
    return samples


def clients_for(url):
    """Three clients whose middleware chains are built once, with or without the counter."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    without = Client(HTTP_USER_AGENT=BROWSER_UA)
    # The test client builds its middleware chain on its first request.
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != COUNTER]):
        without.get(url)
    clients = {
        "not installed": without,
        "bot": Client(HTTP_USER_AGENT=BOT_UA),
        "counted": Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.7"),
    }
    for client in clients.values():
        client.get(url)  # warm caches and the chain
    return clients


def writes_per_view(client, url, views):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        for _ in range(views):
            client.get(url)
    # A query may carry a SET LOCAL before its statement (PostgreSQL).
    writes = [
        q["sql"]
        for q in queries
        if any(part.lstrip().upper().startswith(WRITES) for part in q["sql"].split(";"))
    ]
    return len(writes) / views


def row(label, samples_ns):
    median, p95 = milliseconds(samples_ns)
    print(f"  {label:<44}{median:>9.3f}{p95:>9.3f}")


def time_calls(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    return samples


def run_store(label, url, views, timer):
    from django.utils import timezone

    from visits.figures import today
    from visits.stores import get_store

    store = get_store()
    store._next_prune = time.monotonic() + 3600  # housekeeping is reported apart
    clients = clients_for(url)
    timer.reset()
    samples = time_views(clients, url, views, timer)
    per_view = writes_per_view(clients["counted"], url, min(views, 100))
    now, day = timezone.now(), today()
    count_alone = time_calls(lambda: store.count(day=day, page_id=1, visitor="b" * 32, now=now), views)
    figures_alone = time_calls(lambda: store.figures(day=day, now=now), views)

    print(f"\n{label}")
    print(f"  {'inside the request (ms)':<44}{'median':>9}{'p95':>9}")
    row("counting a view (hash + store write)", timer.counting["counted"])
    row("counter middleware, counted view", timer.middleware["counted"])
    row("counter middleware, bot's view (figures only)", timer.middleware["bot"])
    # In a loop, away from page rendering: the store's own cost. Inside
    # requests a busy machine adds scheduling delays to every wait on a socket.
    row("store count() alone, in a loop", count_alone)
    row("store figures() alone, in a loop", figures_alone)
    print(f"  {'whole page view (ms, noisy)':<44}{'median':>9}{'p95':>9}")
    for mode in ("not installed", "bot", "counted"):
        row(mode, samples[mode])
    print(f"  {'database writes per counted view':<44}{per_view:>9.2f}")
    return store


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--views", type=int, default=300, help="page views per mode (default 300)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-visits-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "site_project.settings.test"
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    redis_url = os.environ.pop("REDIS_URL", "")
    database, drop = prepare_database(workdir)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    timer = CounterTimer()
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    print(f"Demo site built in {time.monotonic() - started:.0f} s on {database}.")

    from news.models import NewsPage

    url = NewsPage.objects.live().filter(locale__language_code="vi").order_by("path").first().url
    print(f"Article page {url}, {args.views} views per mode, modes interleaved.")
    try:
        with override_settings(VISITS_REDIS_URL=""):
            run_store(f"Database store ({database})", url, args.views, timer)
        if redis_url:
            prefix = f"bench-visits:{uuid.uuid4().hex[:8]}:"
            with override_settings(
                VISITS_REDIS_URL=redis_url, VISITS_REDIS_PREFIX=prefix, VISITS_REDIS_FLUSH_EVERY=10**9
            ):
                store = run_store(f"Redis store (database: {database})", url, args.views, timer)
                pending = store.pending()
                started = time.perf_counter()
                moved = store.flush()
                took = (time.perf_counter() - started) * 1000
                print(f"  flush of {moved} waiting views ({pending} counted): {took:.1f} ms, one transaction")
                store.client.delete(*store.client.keys(f"{prefix}*"))
        else:
            print("\nRedis store: skipped (set REDIS_URL to include it).")
    finally:
        drop()


if __name__ == "__main__":
    main()
