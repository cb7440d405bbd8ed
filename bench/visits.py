"""Visit counter benchmark: what counting adds to the median page view, per store.

The goal (issue #6): counting adds at most 1 ms to the median page view, and
at most one database write per view (none with Redis).

For each database (SQLite always; PostgreSQL when a URL is given) a child
process builds the demo site in a throwaway database and serves one article
page through Django's whole request path (test client, every middleware)
with three clients, interleaved view by view so that drift and load hit
them alike:

- ``not installed``: the counter middleware removed from the chain;
- ``bot``: the counter installed, a crawler's request (figures filled in, not counted);
- ``counted``: the counter installed, a browser's request (counted, figures filled in).

It does so twice: with the page cache on (the default, so the page comes
from the cache and the counter is most of the work) and with it off (the
page rendered each time). For each store (the database; Redis on top of it
when ``REDIS_URL`` is set) it prints the median view in each mode and what
counting adds: the difference of the medians, in wall-clock time and in the
process's CPU time. A loaded machine inflates wall time (every wait on a
socket also waits for a CPU), far less the CPU time the process itself
spends; the database or Redis server's own CPU is not in it. Then the
database writes and Redis calls per counted view.

    .venv/bin/python bench/visits.py                                   # SQLite
    .venv/bin/python bench/visits.py --postgres postgres://postgres@127.0.0.1:5432/sonla_h2
    REDIS_URL=redis://127.0.0.1:6379/2 .venv/bin/python bench/visits.py --postgres ...
    .venv/bin/python bench/visits.py --views 200                       # fewer views per mode

With ``--postgres URL`` the benchmark uses the database ``<name>_bench_visits``
on that server, created and dropped by it.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
COUNTER = "visits.middleware.VisitCounterMiddleware"
WRITES = ("INSERT", "UPDATE", "DELETE")
MODES = ("not installed", "bot", "counted")
GOAL_MS = 1.0


# The child: one database, every store on it -----------------------------------


def prepare_database(postgres_url, workdir):
    """Point Django at a fresh database; return its label and a function that drops it."""
    if postgres_url:
        import psycopg

        base, _, name = postgres_url.rpartition("/")
        bench_db = f"{name}_bench_visits"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{bench_db}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{bench_db}"')
        os.environ["DATABASE_URL"] = f"{base}/{bench_db}"

        def drop():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{bench_db}" WITH (FORCE)')

        return "PostgreSQL", drop
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return "SQLite", lambda: None


def clients_for(url):
    """One client per mode; their middleware chains are built once, with or without the counter."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    clients = {mode: Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.7") for mode in MODES}
    clients["bot"] = Client(HTTP_USER_AGENT=BOT_UA)
    # The test client builds its middleware chain on its first request.
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != COUNTER]):
        clients["not installed"].get(url)
    for client in clients.values():
        for _ in range(5):
            client.get(url)  # warm the caches and the chains
    return clients


def time_views(clients, url, views):
    """Serve ``url`` ``views`` times per mode, interleaved: {mode: ([wall ns], [cpu ns])}.

    The order of the modes turns each round: on a loaded machine the view
    that follows two others tends to wait longer for the CPU, and a fixed
    order would charge that to one mode.
    """
    samples = {mode: ([], []) for mode in clients}
    order = list(clients)
    for round_number in range(views):
        shift = round_number % len(order)
        for mode in order[shift:] + order[:shift]:
            client = clients[mode]
            wall, cpu = time.perf_counter_ns(), time.process_time_ns()
            response = client.get(url)
            cpu, wall = time.process_time_ns() - cpu, time.perf_counter_ns() - wall
            assert response.status_code == 200, (mode, response.status_code)
            samples[mode][0].append(wall)
            samples[mode][1].append(cpu)
    return samples


def calls_per_view(client, url, views, store):
    """Database writes and Redis calls per view of ``client``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    redis_calls = []
    redis_client = getattr(store, "client", None)
    if redis_client is not None:
        original = redis_client.execute_command

        def recording(*args, **kwargs):
            redis_calls.append(args[0])
            return original(*args, **kwargs)

        redis_client.execute_command = recording
    try:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(views):
                client.get(url)
    finally:
        if redis_client is not None:
            del redis_client.execute_command
    # A query may carry a SET LOCAL before its statement (PostgreSQL).
    writes = [
        q["sql"]
        for q in queries
        if any(part.lstrip().upper().startswith(WRITES) for part in q["sql"].split(";"))
    ]
    visits_reads = [q for q in queries if "visits_" in q["sql"] and q["sql"] not in writes]
    return len(writes) / views, len(visits_reads) / views, len(redis_calls) / views


class StoreCallTimer:
    """Times the store's ``count`` inside the requests: wall clock and this process's CPU.

    Their difference is time spent waiting: for the server's answer, and on
    a loaded machine for a CPU once the answer has come.
    """

    def __init__(self, store):
        self.store, self.wall, self.cpu = store, [], []
        original = store.count

        def count(**kwargs):
            wall, cpu = time.perf_counter_ns(), time.process_time_ns()
            try:
                return original(**kwargs)
            finally:
                self.cpu.append(time.process_time_ns() - cpu)
                self.wall.append(time.perf_counter_ns() - wall)

        store.count = count

    def stop(self):
        del self.store.count


def redis_server_stats(store):
    """(calls, microseconds) Redis itself has spent on EVALSHA so far, or None without Redis."""
    client = getattr(store, "client", None)
    if client is None:
        return None
    stats = client.info("commandstats").get("cmdstat_evalsha", {})
    return stats.get("calls", 0), stats.get("usec", 0)


def median_ms(samples):
    return statistics.median(samples) / 1e6


def p95_ms(samples):
    return sorted(samples)[int(len(samples) * 0.95) - 1] / 1e6


def run_store(label, url, views, page_cache):
    from django.test.utils import override_settings

    from visits.stores import get_store

    with override_settings(PAGE_CACHE_SECONDS=300 if page_cache else 0):
        store = get_store()
        # Housekeeping (one DELETE per process every 5 minutes) is not per view.
        store_db = getattr(store, "database", store)
        store_db._next_prune = time.monotonic() + 3600
        clients = clients_for(url)
        server_before = redis_server_stats(store)
        store_calls = StoreCallTimer(store)
        try:
            samples = time_views(clients, url, views)
        finally:
            store_calls.stop()
        server_after = redis_server_stats(store)
        writes, reads, redis_calls = calls_per_view(clients["counted"], url, min(views, 200), store)
    result = {"store": label, "page_cache": page_cache, "views": views}
    result["store_call_wall_ms"] = median_ms(store_calls.wall)
    result["store_call_cpu_ms"] = median_ms(store_calls.cpu)
    if server_before is not None:
        calls = server_after[0] - server_before[0]
        result["redis_server_us_per_call"] = (server_after[1] - server_before[1]) / max(calls, 1)
    for mode in MODES:
        wall, cpu = samples[mode]
        result[mode] = {
            "wall_ms": median_ms(wall),
            "wall_p95_ms": p95_ms(wall),
            "cpu_ms": median_ms(cpu),
        }
    for mode in ("bot", "counted"):
        result[f"{mode}_adds_wall_ms"] = result[mode]["wall_ms"] - result["not installed"]["wall_ms"]
        result[f"{mode}_adds_cpu_ms"] = result[mode]["cpu_ms"] - result["not installed"]["cpu_ms"]
        # Views of one round ran back to back: the median of their differences
        # is less swayed by load that comes and goes during the run.
        pairs = zip(samples[mode][0], samples["not installed"][0])
        result[f"{mode}_adds_wall_paired_ms"] = median_ms([a - b for a, b in pairs])
    result.update(writes_per_view=writes, figure_reads_per_view=reads, redis_calls_per_view=redis_calls)
    print_store(result)
    return store, result


def print_store(r):
    cache = "page cache on (page served from it)" if r["page_cache"] else "page cache off (page rendered)"
    print(f"\n{r['store']}, {cache}, {r['views']} views per mode")
    print(f"  {'':<34}{'wall median':>12}{'wall p95':>10}{'CPU median':>12}")
    for mode in MODES:
        m = r[mode]
        print(f"  {mode:<34}{m['wall_ms']:>12.3f}{m['wall_p95_ms']:>10.3f}{m['cpu_ms']:>12.3f}")
    for mode in ("bot", "counted"):
        label = f"added by the counter, {mode}"
        print(f"  {label:<34}{r[f'{mode}_adds_wall_ms']:>+12.3f}{'':>10}{r[f'{mode}_adds_cpu_ms']:>+12.3f}")
    for mode in ("bot", "counted"):
        label = f"  paired-difference median, {mode}"
        print(f"  {label:<34}{r[f'{mode}_adds_wall_paired_ms']:>+12.3f}")
    line = (
        f"  the store's count() inside the request: {r['store_call_wall_ms']:.3f} ms wall, "
        f"{r['store_call_cpu_ms']:.3f} ms CPU"
    )
    if "redis_server_us_per_call" in r:
        line += f"; Redis's own time per call: {r['redis_server_us_per_call']:.0f} us"
    print(line)
    print(
        f"  per counted view: {r['writes_per_view']:.2f} database writes, "
        f"{r['figure_reads_per_view']:.3f} figure reads from the database, "
        f"{r['redis_calls_per_view']:.2f} Redis calls"
    )


def child(args):
    workdir = Path(tempfile.mkdtemp(prefix="bench-visits-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "site_project.settings.test"
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    os.environ.pop("REDIS_URL", None)
    database, drop = prepare_database(args.postgres, workdir)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    from news.models import NewsPage

    url = NewsPage.objects.live().filter(locale__language_code="vi").order_by("path").first().url
    print(f"{database}: demo site built in {time.monotonic() - started:.0f} s; article {url}")
    print(f"Load average: {load_average()}")
    results = []
    try:
        for page_cache in (True, False):
            with override_settings(VISITS_REDIS_URL=""):
                results.append(run_store(f"Database store ({database})", url, args.views, page_cache)[1])
            if args.redis:
                prefix = f"bench-visits:{uuid.uuid4().hex[:8]}:"
                with override_settings(
                    VISITS_REDIS_URL=args.redis,
                    VISITS_REDIS_PREFIX=prefix,
                    VISITS_REDIS_FLUSH_EVERY=10**9,
                ):
                    store, result = run_store(f"Redis store (+ {database})", url, args.views, page_cache)
                    results.append(result)
                    pending = store.pending()
                    started = time.perf_counter()
                    moved = store.flush()
                    took = (time.perf_counter() - started) * 1000
                    print(f"  flush of {moved} waiting views ({pending} counted): {took:.1f} ms, one transaction")
                    store.client.delete(*store.client.keys(f"{prefix}*"))
    finally:
        drop()
    print("RESULTS " + json.dumps(results))


# The parent: one child per database, then a summary ----------------------------


def load_average():
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def parent(args):
    redis_url = os.environ.get("REDIS_URL", "")
    targets = [("SQLite", None)]
    postgres = args.postgres or (
        os.environ.get("DATABASE_URL", "") if os.environ.get("DATABASE_URL", "").startswith("postgres") else ""
    )
    if postgres:
        targets.append(("PostgreSQL", postgres))
    print(f"Load average before: {load_average()} ({os.cpu_count()} CPUs)")
    if not redis_url:
        print("Redis store: skipped (set REDIS_URL to include it).")
    results = []
    for _, url in targets:
        command = [sys.executable, __file__, "--child", "--views", str(args.views)]
        if url:
            command += ["--postgres", url]
        if redis_url:
            command += ["--redis", redis_url]
        output = subprocess.run(command, capture_output=True, text=True, cwd=BASE_DIR)
        for line in output.stdout.splitlines():
            if line.startswith("RESULTS "):
                results += json.loads(line.removeprefix("RESULTS "))
            else:
                print(line)
        if output.returncode:
            print(output.stderr[-3000:])
            sys.exit(output.returncode)
    print(f"\nLoad average after: {load_average()}")
    print(f"\nSummary: what counting adds to the median page view (goal: at most {GOAL_MS:.0f} ms)")
    print(
        f"  {'store':<34}{'page cache':>11}{'page ms':>9}{'+ wall':>9}{'paired':>9}{'+ CPU':>8}"
        f"{'writes':>8}{'Redis':>7}"
    )
    for r in results:
        print(
            f"  {r['store']:<34}{'on' if r['page_cache'] else 'off':>11}"
            f"{r['not installed']['wall_ms']:>9.2f}{r['counted_adds_wall_ms']:>+9.3f}"
            f"{r['counted_adds_wall_paired_ms']:>+9.3f}"
            f"{r['counted_adds_cpu_ms']:>+8.3f}{r['writes_per_view']:>8.2f}{r['redis_calls_per_view']:>7.2f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--views", type=int, default=400, help="page views per mode (default 400)")
    parser.add_argument("--postgres", default="", help="also measure on this PostgreSQL server (URL)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--redis", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    child(args) if args.child else parent(args)


if __name__ == "__main__":
    main()
