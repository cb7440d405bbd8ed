"""Documents register benchmark: filters and search over 100,000 documents.

Builds a throwaway database with one register and N documents (default
100,000; rows written directly, see tests/official_documents/bulk.py), then
times what the register page asks of the database for one address: the
number of matches and the 20 rows shown, for each kind of filter and search
a reader uses. Prints p50/p95 per case and over all cases, plus the whole
register page (request to HTML, page cache off), with the load average.

    .venv/bin/python bench/documents.py                       # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x \\
        .venv/bin/python bench/documents.py                   # PostgreSQL ("sonla_bench_documents")
    .venv/bin/python bench/documents.py --documents 10000

Goal (issue #15): p95 of filter + search at most 30 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.search import prepare_database  # noqa: E402  (the same throwaway database, named for this bench)

BENCH_DB = "sonla_bench_documents"
ROUNDS = 15


def build(count):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from official_documents.models import DocumentField, DocumentIndexPage, DocumentType, IssuingBody
    from tests.official_documents.bulk import add_documents

    locale, _ = Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu", locale=locale))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    register = home.add_child(instance=DocumentIndexPage(title="Văn bản", slug="van-ban", locale=locale))
    for model, names in (
        (DocumentType, ["Quyết định", "Nghị quyết", "Chỉ thị", "Kế hoạch", "Công văn", "Thông báo"]),
        (IssuingBody, ["Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Sở Ngoại vụ", "Sở Tài chính",
                       "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương"]),
        (DocumentField, ["Đối ngoại", "Nông nghiệp", "Du lịch", "Giáo dục", "Y tế", "Tài chính",
                         "Xây dựng", "Công nghệ thông tin", "Cải cách hành chính", "Giao thông"]),
    ):
        for name in names:
            model.objects.create(name=name, locale=locale, translation_key=uuid.uuid4())
    sys.path.append(str(BASE_DIR / "bench"))
    from search_corpus import Writer

    writer = Writer("vi", "documents")
    rng = random.Random(7)
    started = time.perf_counter()
    # Abstracts of 12-40 real Vietnamese words with news-like frequencies (bench/search_corpus.py).
    add_documents(register, count, abstract=lambda: writer.text(rng.randint(12, 40)))
    return register, time.perf_counter() - started


def cases(register):
    from official_documents.models import DocumentField, DocumentType, IssuingBody

    decision = DocumentType.objects.order_by("pk").first().pk
    issuer = IssuingBody.objects.order_by("pk")[2].pk
    field = DocumentField.objects.order_by("pk")[4].pk
    middle = register.documents().order_by("issue_date")[50_000 % max(1, register.numchild)].number_symbol
    number = middle.split("/")[0]
    return {
        "no filter": {},
        "page 50": {"page": "50"},
        "type": {"type": decision},
        "issuer + year": {"issuer": issuer, "year": "2015"},
        "field + status": {"field": field, "status": "expired"},
        "all five filters": {"type": decision, "issuer": issuer, "field": field, "year": "2019",
                             "status": "in-force"},
        "number as written": {"q": middle},
        "number without marks": {"q": middle.replace("Đ", "D")},
        "number spaced": {"q": f"{number} qđ ubnd"},
        "digits only": {"q": number},
        "common word": {"q": "tỉnh"},
        "abstract words": {"q": "hội nghị tỉnh"},
        "abstract no accents": {"q": "hoi nghi tinh"},
        "three rarer words": {"q": "du lich moc chau"},
        "search + filters": {"q": "phát triển", "type": decision, "year": "2010"},
        "no match": {"q": "zzzyx"},
    }


def database_work(register, params, cold=False):
    """What the register page asks of the database for one address: the count and the 20 rows shown.

    The same function as the page (``views.register_page``), with the
    names, years and the unfiltered count remembered as they are between
    two publications (``cold`` forgets them first: the first view after one).
    """
    from django.core.cache import cache
    from django.test import RequestFactory

    from official_documents import filters, views

    if cold:
        cache.clear()
    request = RequestFactory().get(register.url, {name: str(value) for name, value in params.items()})
    found = filters.parse(request.GET, "vi", register)
    page = views.register_page(register, request, found, "vi")
    return len(page.object_list), page.paginator.count


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load():
    return "load " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    cleanup = prepare_database(BENCH_DB)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 0
    try:
        call_command("migrate", verbosity=0)
        register, seconds = build(args.documents)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"{connection.vendor}: {args.documents:,} documents written in {seconds:.1f} s ({load()})")
        timings = {}
        for name, params in cases(register).items():
            database_work(register, params)
            samples = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                shown, total = database_work(register, params)
                samples.append((time.perf_counter() - started) * 1000)
            timings[name] = samples
            print(f"  {name:24} {total:>7,} matches  p50 {statistics.median(samples):6.1f} ms"
                  f"  p95 {percentile(samples, 0.95):6.1f} ms")
        every = [value for samples in timings.values() for value in samples]
        cold = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            database_work(register, {}, cold=True)
            cold.append((time.perf_counter() - started) * 1000)
        print(f"  {'first view after a publish':24} (names, years and count read again)  p50 "
              f"{statistics.median(cold):6.1f} ms  p95 {percentile(cold, 0.95):6.1f} ms")
        print(f"filter + search, all cases: p50 {statistics.median(every):.1f} ms, "
              f"p95 {percentile(every, 0.95):.1f} ms ({load()})")

        client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
        pages = []
        for params in cases(register).values():
            client.get(register.url, params)
            for _ in range(3):
                started = time.perf_counter()
                response = client.get(register.url, params)
                pages.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
        print(f"whole register page (HTML, page cache off): p50 {statistics.median(pages):.1f} ms, "
              f"p95 {percentile(pages, 0.95):.1f} ms ({load()})")
        cache.clear()
    finally:
        cleanup()


if __name__ == "__main__":
    main()
