"""Search benchmark: index size and speed, query latency, at portal scale.

Creates N news articles per language (vi, en, lo; default 10,000 each, so
30,000 pages) in a throwaway database, fills the search index the way
Wagtail does, then times a mixed set of queries per language.

    .venv/bin/python bench/search.py                      # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x \\
        .venv/bin/python bench/search.py                  # PostgreSQL ("sonla_bench_search" db)
    .venv/bin/python bench/search.py --per-language 1000  # smaller

The database is created for the run and removed afterwards. On PostgreSQL
the server of DATABASE_URL is used, with a database named ``sonla_bench_search``
(dropped first if it exists).

The articles are written by :mod:`search_corpus` (real words with Zipf
frequencies, 300-900-word bodies; see search/README.md for why this is
representative).

Reported: page creation time (rows written directly; this is not what is
measured), indexing throughput (Wagtail's bulk indexing, as
``update_index`` does, which also fills the search page's own index, and
single-page indexing, as publishing does), database size, p50/p95 latency
per language of the search engine alone (count + first page) and of the
whole search page (request to HTML), peak memory, and next to wall times
the CPU time of this process and, on PostgreSQL, of the server backend
(read from /proc), with the load average: on a shared machine wall times
are noisy.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.append(str(BASE_DIR / "bench"))

from search_corpus import LANGUAGES, Writer, describe  # noqa: E402

BENCH_DB = "sonla_bench_search"
SECTIONS = 6
ROUNDS = 5

# What visitors type, per language: very common words (in most articles),
# middling and rare words, accent-free Vietnamese, Lao spelling variants and
# run-on Lao text, exact phrases, several words, no match at all, and the
# filters (section, date range) and newest-first sorting.
QUERIES = {
    "vi": [
        ("hội nghị", {}), ("hoi nghi", {}), ("tỉnh", {}), ("thông tin đối ngoại", {}),
        ("thong tin doi ngoai", {}), ("THÔNG TIN ĐỐI NGOẠI", {}), ('"hợp tác xã"', {}),
        ("du lịch Mộc Châu", {}), ("ca phe xuat khau", {}), ("Sốp Cộp", {}),
        ("nông thôn mới", {"order": "newest"}), ("kinh tế", {"section": True}),
        ("cải cách hành chính", {"days": 90}), ("xyzzy khongco", {}),
    ],
    "en": [
        ("conference", {}), ("conferences", {}), ("province", {}), ("foreign information", {}),
        ('"border gate"', {}), ("coffee exports", {}), ("tourism", {}), ("Laos", {}),
        ("new rural areas", {"order": "newest"}), ("education", {"section": True}),
        ("administrative reform", {"days": 90}), ("the people of son la", {}),
        ("Moc Chau tea", {}), ("xyzzy nothing", {}),
    ],
    "lo": [
        ("ກອງປະຊຸມ", {}), ("ແຂວງ", {}), ("ການພັດທະນາ", {}), ("ເສດຖະກິດ ສັງຄົມ", {}),
        ("ຫລວງພະບາງ", {}), ("ຫມາກມ່ວງ", {}), ("ໝາກມ່ວງ", {}), ('"ການທ່ອງທ່ຽວ ຊາຍແດນ"', {}),
        ("ແຂວງເຊີນລາ", {}), ("ຂໍ້ມູນຂ່າວສານຕ່າງປະເທດ", {}), ("ກາເຟ", {"order": "newest"}),
        ("ການສຶກສາ", {"section": True}), ("ປະຕິຮູບ", {"days": 90}), ("xyzzy", {}),
    ],
}


def prepare_database(name=BENCH_DB):
    """Point DATABASE_URL at a throwaway database ``name``; return a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))

        def drop():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name}")

        return drop
    directory = tempfile.mkdtemp(prefix=f"{name}_")
    path = Path(directory) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"

    def remove():
        for file in Path(directory).iterdir():
            file.unlink()
        Path(directory).rmdir()

    return remove


def database_size():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    path = Path(connection.settings_dict["NAME"])
    return sum(file.stat().st_size for file in path.parent.glob(path.name + "*"))


def build_site(per_language):
    """Homes and sections with Wagtail's API, then articles written directly as rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from news.models import NewsPage, SectionPage

    root = Page.get_first_root_node()
    key = uuid.uuid4()
    homes, sections = {}, {}
    for code in LANGUAGES:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        home = root.add_child(instance=HomePage(title=f"Home {code}", slug=f"home-{code}",
                                                locale=locale, translation_key=key))
        homes[code] = home
        sections[code] = []
        for number in range(SECTIONS):
            section = SectionPage(title=Writer(code, f"section{number}").text(2), slug=f"section-{number}",
                                  locale=locale, translation_key=uuid.uuid5(key, str(number)))
            home.add_child(instance=section)
            sections[code].append(section)
    site = Site.objects.get(is_default_site=True)
    site.root_page = homes["vi"]
    site.save()

    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    started = time.perf_counter()
    words = 0
    with transaction.atomic():
        for code, locale_sections in sections.items():
            writer = Writer(code, "articles")
            locale_id = homes[code].locale_id
            counts = [0] * len(locale_sections)
            pages, articles = [], []
            for number in range(per_language):
                index = number % len(locale_sections)
                section = locale_sections[index]
                counts[index] += 1
                title, lead, author, paragraphs, body_words = writer.article()
                words += body_words
                published = now - timezone.timedelta(hours=number * 3)
                pages.append(Page(
                    title=title, draft_title=title, slug=f"a{number}",
                    path=section.path + _step(counts[index]),
                    depth=section.depth + 1, numchild=0,
                    url_path=f"{section.url_path}a{number}/", content_type=content_type,
                    locale_id=locale_id, translation_key=uuid.uuid4(), live=True,
                    has_unpublished_changes=False, first_published_at=published,
                    last_published_at=published,
                ))
                body = [{"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())}
                        for paragraph in paragraphs]
                articles.append(dict(lead=lead, published_at=published, author=author, body=body))
            for page, fields in zip(Page.objects.bulk_create(pages, batch_size=500), articles):
                NewsPage(page_ptr_id=page.pk, **fields).save_base(raw=True)
            for section, count in zip(locale_sections, counts):
                Page.objects.filter(pk=section.pk).update(numchild=count)
    return homes, sections, time.perf_counter() - started, words


def _step(number):
    """A materialised-path step, as django-treebeard writes it (base 36, 4 characters)."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text


class Clock:
    """Wall time, this process's CPU time and, on PostgreSQL, the server process's CPU time."""

    def __init__(self):
        from django.db import connection

        connection.ensure_connection()
        self.server_pid = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.server_pid = cursor.fetchone()[0]

    def server_cpu(self):
        """CPU seconds of the PostgreSQL backend serving this connection (0 when unreadable)."""
        if self.server_pid is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def now(self):
        return time.perf_counter(), time.process_time(), self.server_cpu()

    def since(self, start):
        return tuple(end - begin for end, begin in zip(self.now(), start))


def index_pages(clock):
    """Index every article as ``update_index`` does; then time single-page indexing."""
    from modelsearch.index import insert_or_update_object
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage

    backend = get_search_backend()
    ids = list(NewsPage.objects.order_by("pk").values_list("pk", flat=True))
    started = clock.now()
    for start in range(0, len(ids), 1000):
        chunk = list(NewsPage.objects.filter(pk__in=ids[start : start + 1000]))
        backend.add_bulk(NewsPage, chunk)
    bulk = clock.since(started)

    sample = list(NewsPage.objects.filter(pk__in=ids[:: max(1, len(ids) // 200)]))
    started = clock.now()
    for page in sample:
        insert_or_update_object(page)
    single = clock.since(started)
    return len(ids), bulk, len(sample), single


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_queries(homes, sections, clock):
    """Time every query of a language ROUNDS times (after a warming round).

    Per query: the engine alone (count and first page of results) and the
    whole search page through Django's test client (request to HTML).
    """
    import datetime

    from django.test import Client
    from django.utils import timezone, translation
    from wagtail.models import Locale

    from search import engine
    from search.normalize import parse_query

    client = Client()
    report = {}
    for code, queries in QUERIES.items():
        locale = Locale.objects.get(language_code=code)
        times = {"engine": [], "engine_cpu": [], "engine_server_cpu": [], "page": [], "page_cpu": []}
        counts = []
        with translation.override(code):
            for round_number in range(ROUNDS + 1):  # the first round warms caches
                for text, options in queries:
                    section = sections[code][1] if options.get("section") else None
                    date_from = None
                    if options.get("days"):
                        date_from = timezone.localdate() - datetime.timedelta(days=options["days"])
                    started = clock.now()
                    found = engine.search(parse_query(text), locale=locale, root=homes[code],
                                          section=section, date_from=date_from,
                                          order=options.get("order", "relevance"))
                    count = found.count()
                    found[0:10]
                    wall, cpu, server = clock.since(started)
                    params = {"q": text, **({"section": section.pk} if section else {}),
                              **({"sort": options["order"]} if "order" in options else {}),
                              **({"date_from": date_from.isoformat()} if date_from else {})}
                    started = clock.now()
                    response = client.get(f"/{code}/search/", params)
                    page_wall, page_cpu, _ = clock.since(started)
                    assert response.status_code == 200, response.status_code
                    if round_number:
                        times["engine"].append(wall * 1000)
                        times["engine_cpu"].append(cpu * 1000)
                        times["engine_server_cpu"].append(server * 1000)
                        times["page"].append(page_wall * 1000)
                        times["page_cpu"].append(page_cpu * 1000)
                    else:
                        counts.append(count)
        report[code] = (times, counts)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-language", type=int, default=10_000,
                        help="articles per language (default 10,000)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the database afterwards, to look into it")
    args = parser.parse_args()

    cleanup = prepare_database()
    if args.keep:
        print(f"  database kept: DATABASE_URL={os.environ['DATABASE_URL']}")
        cleanup = lambda: None  # noqa: E731
    os.environ["DJANGO_SETTINGS_MODULE"] = "site_project.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        total = args.per_language * len(LANGUAGES)
        load = os.getloadavg()
        print(f"Search benchmark on {connection.vendor}: {args.per_language:,} articles "
              f"per language, {total:,} in all; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        for code in LANGUAGES:
            print(f"  corpus {describe(code)}")
        homes, sections, create_seconds, words = build_site(args.per_language)
        print(f"  pages written in {create_seconds:.1f} s (rows, not measured as indexing); "
              f"{words / total:,.0f} body words per article on average")
        clock = Clock()
        count, bulk, sample, single = index_pages(clock)
        server = f", server CPU {bulk[2]:.1f} s" if clock.server_pid else ""
        print(f"  indexing, bulk (update_index): {count / bulk[0]:,.0f} pages/s "
              f"({bulk[0]:.1f} s wall, process CPU {bulk[1]:.1f} s{server})")
        print(f"  indexing, one page at a time (publish): {sample / single[0]:,.0f} pages/s "
              f"({single[0] / sample * 1000:.1f} ms wall, {single[1] / sample * 1000:.1f} ms CPU per page)")
        if connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk import (it also merges
            # the GIN index's pending list).
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(f"  database size: {database_size() / 2**20:,.1f} MiB")
        report = time_queries(homes, sections, clock)
        print(f"  query times in ms over {ROUNDS} rounds of {len(QUERIES['vi'])} queries per language "
              "(engine: count + first page; page: whole search page to HTML):")
        print("    lang  engine wall p50   p95 | engine CPU p50   p95 | server CPU mean "
              "| page wall p50   p95 | page CPU p50   p95 | results per query")
        for code, (times, counts) in report.items():
            cells = []
            for key in ("engine", "engine_cpu", "engine_server_cpu", "page", "page_cpu"):
                if key == "engine_server_cpu":
                    # The kernel counts CPU time in 10 ms ticks: only the mean means something.
                    cells.append(f"{statistics.mean(times[key]):15.1f}")
                else:
                    cells.append(f"{statistics.median(times[key]):14.1f} {percentile(times[key], 0.95):5.1f}")
            print(f"    {code:4} " + " | ".join(cells) + " | " + " ".join(str(c) for c in counts))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        usage = resource.getrusage(resource.RUSAGE_SELF)
        print(f"  peak memory: {peak:,.0f} MiB; process CPU in all {usage.ru_utime + usage.ru_stime:,.1f} s; "
              f"load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
