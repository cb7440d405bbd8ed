"""Where a search page's time goes: the match and count, loading the results, excerpts, the rest.

    DATABASE_URL=postgres://.../sonla_bench_load REDIS_URL=redis://.../N \
        python bench/search_profile.py [--profile]

Runs on a database that already holds a site (bench/load.sh keeps one with
KEEP_DATABASE=1; bench/load_site.py fills one). Each query of each
language is asked ROUNDS times through Django's test client with every
cache but the page cache warm (the page cache is what it measures the cost
without); the times of the stages are summed over the runs and printed
per search, in CPU milliseconds of this process and in wall time (which
includes the database server's work). ``--profile`` also prints cProfile's
25 most expensive functions.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = {
    "vi": ["hội nghị", "tỉnh", "thong tin doi ngoai", "hợp tác xã", "biên giới"],
    "en": ["conference", "province", "border trade", "cooperation"],
    "lo": ["ແຂວງ", "ການພັດທະນາ", "ຫຼວງພະບາງ"],
}
ROUNDS = 5


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
    os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    os.environ.setdefault("DJANGO_DEFAULT_FROM_EMAIL", "portal@localhost")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
    # Where bench/load.sh collects the static files (production's manifest).
    work = Path(__file__).resolve().parent.parent / ".local" / "bench-load"
    os.environ.setdefault("DJANGO_STATIC_ROOT", str(work / "static"))
    os.environ.setdefault("DJANGO_MEDIA_ROOT", str(work / "media"))
    os.environ["PORTAL_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.test import Client

    from search import engine, views

    stages = defaultdict(float)
    walls = defaultdict(float)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started, started_wall = time.process_time(), time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                stages[name] += time.process_time() - started
                walls[name] += time.perf_counter() - started_wall

        return wrapper

    # Match and count (the engine's one query), loading the ten pages, excerpts.
    engine.Results.count = timed("match + count", engine.Results.count)
    engine.Results.__getitem__ = timed("load results", engine.Results.__getitem__)
    views._decorate = timed("excerpts + titles", views._decorate)
    views.SearchTerm.record = timed("count the search", views.SearchTerm.record)

    client = Client()
    for code, queries in QUERIES.items():
        for query in queries:
            client.get(f"/{code}/search/", {"q": query})  # warm the frame and the picks
    stages.clear()
    walls.clear()
    profiler = cProfile.Profile() if args.profile else None
    total_cpu = 0.0
    searches = 0
    wall = 0.0
    for _ in range(args.rounds):
        for code, queries in QUERIES.items():
            for query in queries:
                started, started_wall = time.process_time(), time.perf_counter()
                if profiler:
                    profiler.enable()
                response = client.get(f"/{code}/search/", {"q": query})
                if profiler:
                    profiler.disable()
                total_cpu += time.process_time() - started
                wall += time.perf_counter() - started_wall
                searches += 1
                assert response.status_code == 200, (query, response.status_code)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"search page, {searches} searches: {total_cpu / searches * 1000:.1f} ms CPU, "
          f"{wall / searches * 1000:.1f} ms wall per search (load average {load})")
    accounted = 0.0
    for name, seconds in stages.items():
        accounted += seconds
        print(f"  {name:20} {seconds / searches * 1000:6.2f} ms CPU {walls[name] / searches * 1000:6.2f} ms wall "
              "(wall includes the database's own work)")
    print(f"  {'the rest (render…)':20} {(total_cpu - accounted) / searches * 1000:6.2f} ms CPU")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
