"""Latency of the read API on a big site: the article list and an article, cached and uncached.

    bench/api.py                  # PostgreSQL database sonla_opendata, Redis db 13, 10,000 articles per language
    API_DB=... API_REDIS_URL=... PER_LANGUAGE=... REQUESTS=... bench/api.py

Builds the site once (migrate, the demo content, then ``bench/load_site.py``'s
articles: 30,000 with their translations), then answers requests in this
process with Django's test client under the production settings (Redis cache,
PostgreSQL), so the figures are the portal's own time per answer, without the
network and the WSGI server. Each figure is over REQUESTS answers:

- uncached: the API cache off (``OPEN_DATA_CACHE_SECONDS=0``), so every answer
  is built; the per-generation memos (list counts, private subtrees) warm, as
  on a live site between two publications. The list is read at a different
  offset each time, the detail for a different article each time;
- cached: the same addresses again, answered from Redis;
- cold: the first answer after a purge (everything forgotten), a few times.

Prints one line per figure (p50, p95, max in ms, and the p95 of this
process's CPU time, which a machine busy with other work inflates less than
the wall clock), the goals (uncached p95 at
most 20 ms, cached at most 3 ms) and the machine's load average.
"""

import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

PER_LANGUAGE = int(os.environ.get("PER_LANGUAGE", "10000"))
REQUESTS = int(os.environ.get("REQUESTS", "300"))
DATABASE = os.environ.get("API_DB", "postgres://postgres@127.0.0.1:5432/sonla_opendata")
REDIS = os.environ.get("API_REDIS_URL", "redis://127.0.0.1:6379/13")
GOALS = {"uncached": 20.0, "cached": 3.0}


def environment():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="site_project.settings.production",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=DATABASE,
        REDIS_URL=REDIS,
        DJANGO_MEDIA_ROOT=str(BASE_DIR / ".local" / "bench-api" / "media"),
        PORTAL_API_RATE_LIMIT="0",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8231",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        DJANGO_DEFAULT_FROM_EMAIL="portal@localhost",
        PORTAL_AUTO_TRANSLATION_DRAFTS="false",
    )
    os.environ.update(env)
    return env


def build_site(env):
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run(manage + ["migrate", "--no-input", "-v0"], env=env, check=True)
    import django

    django.setup()
    from news.models import NewsPage

    if not NewsPage.objects.exists():
        subprocess.run(manage + ["load_demo_content", "-v0"], env=env, check=True)
    if NewsPage.objects.filter(slug="bai-0").count() < 3:
        from bench import load_site

        started = time.perf_counter()
        load_site.populate(PER_LANGUAGE)
        print(f"  {PER_LANGUAGE * 3:,} articles written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Rows written in bulk: the planner must know the tables' new sizes
        # (autovacuum would get there, later).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


CPU = []


def timed(client, urls):
    """Wall-clock ms per answer; this process's CPU ms per answer go to ``CPU`` (less hurt by a busy machine)."""
    times = []
    CPU.clear()
    for url in urls:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.content[:200])
    return times


def report(name, times, goal=None):
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    line = f"{name:<28} n={len(times):<4} p50 {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms  max {times[-1]:7.2f} ms"
    cpu = sorted(CPU)
    line += f"  (CPU p95 {cpu[max(0, int(len(cpu) * 0.95) - 1)]:6.2f} ms)"
    if goal is not None:
        line += f"   goal p95 <= {goal:g} ms: {'met' if p95 <= goal else 'NOT met'}"
    print(line)
    return p95


def main():
    env = environment()
    build_site(env)
    from django.core.cache import cache
    from django.test import Client, override_settings

    from core import generation
    from news.models import NewsPage

    total = NewsPage.objects.live().count()
    ids = list(NewsPage.objects.live().filter(locale__language_code="vi").values_list("pk", flat=True))
    rng = random.Random(16)
    offsets = [rng.randrange(0, len(ids) - 20) for _ in range(REQUESTS)]
    lists = [f"/api/v2/pages/?type=news.NewsPage&locale=vi&limit=20&offset={offset}" for offset in offsets]
    details = [f"/api/v2/pages/{pk}/" for pk in rng.sample(ids, REQUESTS)]
    newest = ["/api/v2/pages/?type=news.NewsPage&locale=en&order=-published_at&limit=20"] * REQUESTS
    client = Client()
    cache.clear()
    print(f"{total:,} live articles; {REQUESTS} requests per figure; in-process (no network, no WSGI server)")
    figures = {}
    with override_settings(OPEN_DATA_CACHE_SECONDS=0):
        timed(client, lists[:20] + details[:20])  # warm the memos and the connection
        figures["list uncached"] = report("article list, uncached", timed(client, lists), GOALS["uncached"])
        report("  newest first (en)", timed(client, newest))
        figures["detail uncached"] = report("article detail, uncached", timed(client, details), GOALS["uncached"])
    timed(client, lists + details)  # fill the API cache
    figures["list cached"] = report("article list, cached", timed(client, lists), GOALS["cached"])
    figures["detail cached"] = report("article detail, cached", timed(client, details), GOALS["cached"])
    cold = []
    for url in lists[:10] + details[:10]:
        generation.bump()
        cold += timed(client, [url])
    report("cold (after a purge)", cold)
    print("load average:", " ".join(f"{value:.2f}" for value in os.getloadavg()))


if __name__ == "__main__":
    main()
