"""Search benchmark: index size and speed, query latency, at portal scale.

Creates N news articles per language (vi, en, lo; default 10,000 each, so
30,000 pages) in a throwaway database, fills the search index the way
Wagtail does, then times a mixed set of queries per language.

    .venv/bin/python bench/search.py                      # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x \\
        .venv/bin/python bench/search.py                  # PostgreSQL ("bench_search" db)
    .venv/bin/python bench/search.py --per-language 1000  # smaller

The database is created for the run and removed afterwards. On PostgreSQL
the server of DATABASE_URL is used, with a database named ``bench_search``
(dropped first if it exists).

Reported: page creation time (rows written directly; this is not what is
measured), indexing throughput (Wagtail's bulk indexing, as
``update_index`` does, and single-page indexing, as publishing does),
database size, p50/p95 latency per language of the search engine alone
(count + first page) and of the whole search page (request to HTML), and
peak memory.
"""

import argparse
import os
import random
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

BENCH_DB = "bench_search"
SECTIONS = 6
ROUNDS = 5

VOCABULARY = {
    "vi": (
        "tỉnh Sơn La hội nghị thông tin đối ngoại Ủy ban nhân dân phát triển kinh tế xã hội "
        "nông nghiệp du lịch biên giới hợp tác Lào đồng bào dân tộc giáo dục y tế giao thông "
        "đầu tư cà phê xoài nhãn thủy điện Mộc Châu Thuận Châu Mai Sơn Yên Châu Sông Mã "
        "Quỳnh Nhai Bắc Yên Phù Yên Vân Hồ Sốp Cộp Mường La chương trình kế hoạch triển khai "
        "thực hiện năm tháng cán bộ đoàn công tác lãnh đạo chỉ đạo sơ kết tổng kết văn hóa "
        "lễ hội người Thái người Mông hỗ trợ xây dựng nông thôn mới an ninh quốc phòng cửa khẩu "
        "Chiềng Khương Lóng Sập hữu nghị Việt Nam hội thảo môi trường rừng nước sạch điện "
        "học sinh trường học bệnh viện sản phẩm xuất khẩu doanh nghiệp thị trường người dân "
        "chính quyền cải cách hành chính chuyển đổi số dịch vụ công trực tuyến đường tỉnh lộ "
        "cầu cống mưa lũ sạt lở khắc phục thiên tai tiêm chủng trạm y tế bảo hiểm lao động "
        "việc làm đào tạo nghề hợp tác xã trồng trọt chăn nuôi bò sữa chè mận sơn tra"
    ),
    "en": (
        "province Son La conference foreign information people's committee development economy "
        "society agriculture tourism border cooperation Laos ethnic communities education health "
        "transport investment coffee mangoes longans hydropower Moc Chau Thuan Chau Mai Son "
        "programme plan implementation year month officials delegation leaders direction review "
        "culture festivals Thai people Hmong people support construction new rural areas security "
        "defence border gate friendship Vietnam workshop environment forests clean water "
        "electricity students schools hospitals products exports enterprises markets residents "
        "authorities administrative reform digital transformation online public services roads "
        "bridges floods landslides disaster recovery vaccination clinics insurance labour jobs "
        "vocational training cooperatives crops livestock dairy cows tea plums farmers villages "
        "districts meetings agreements projects results targets growth incomes households"
    ),
    "lo": (
        "ແຂວງ ຊອນລາ ກອງປະຊຸມ ຂໍ້ມູນຂ່າວສານ ຕ່າງປະເທດ ຄະນະກຳມະການ ການພັດທະນາ ເສດຖະກິດ ສັງຄົມ "
        "ກະສິກຳ ການທ່ອງທ່ຽວ ຊາຍແດນ ການຮ່ວມມື ລາວ ຫວຽດນາມ ຊົນເຜົ່າ ການສຶກສາ ສາທາລະນະສຸກ "
        "ຄົມມະນາຄົມ ການລົງທຶນ ກາເຟ ໝາກມ່ວງ ໄຟຟ້າ ຫຼວງພະບາງ ຫົວພັນ ອຸດົມໄຊ ຜົ້ງສາລີ ແຜນການ "
        "ຈັດຕັ້ງປະຕິບັດ ປີ ເດືອນ ພະນັກງານ ຄະນະ ການນຳ ສະຫຼຸບ ວັດທະນະທຳ ບຸນ ຊ່ວຍເຫຼືອ ກໍ່ສ້າງ "
        "ຊົນນະບົດ ຄວາມສະຫງົບ ດ່ານ ມິດຕະພາບ ສຳມະນາ ສິ່ງແວດລ້ອມ ປ່າໄມ້ ນ້ຳສະອາດ ນັກຮຽນ ໂຮງຮຽນ "
        "ໂຮງໝໍ ຜະລິດຕະພັນ ສົ່ງອອກ ວິສາຫະກິດ ຕະຫຼາດ ປະຊາຊົນ ອຳນາດການປົກຄອງ ປະຕິຮູບ ບໍລິຫານ "
        "ຖະໜົນ ຂົວ ນ້ຳຖ້ວມ ໄພພິບັດ ສັກຢາກັນພະຍາດ ແຮງງານ ວຽກເຮັດງານທຳ ຝຶກອົບຮົມ ສະຫະກອນ "
        "ປູກຝັງ ລ້ຽງສັດ ງົວນົມ ຊາ ຊາວກະສິກອນ ບ້ານ ເມືອງ ໂຄງການ ຜົນໄດ້ຮັບ ລາຍຮັບ ຄອບຄົວ"
    ),
}

# A mixed query set per language: common and rare words, accent-free and
# variant spellings, phrases, no match, a section filter, newest first.
QUERIES = {
    "vi": [
        ("hội nghị", {}), ("hoi nghi", {}), ("thong tin doi ngoai", {}), ("THÔNG TIN ĐỐI NGOẠI", {}),
        ('"hợp tác xã"', {}), ("du lịch Mộc Châu", {}), ("ca phe xuat khau", {}),
        ("Sốp Cộp", {}), ("nong thon moi", {"order": "newest"}), ("kinh tế", {"section": True}),
        ("xyzzy khongco", {}), ("cầu cống mưa lũ sạt lở khắc phục thiên tai", {}),
    ],
    "en": [
        ("conference", {}), ("conferences", {}), ("foreign information", {}), ('"border gate"', {}),
        ("coffee farmers", {}), ("tourism", {}), ("new rural areas", {"order": "newest"}),
        ("laos", {}), ("hydropower plant", {}), ("education", {"section": True}),
        ("xyzzy nothing", {}), ("floods landslides disaster recovery villages households", {}),
    ],
    "lo": [
        ("ກອງປະຊຸມ", {}), ("ການພັດທະນາ", {}), ("ເສດຖະກິດ ສັງຄົມ", {}), ("ຫລວງພະບາງ", {}),
        ("ຫມາກມ່ວງ", {}), ("ໝາກມ່ວງ", {}), ('"ການທ່ອງທ່ຽວ ຊາຍແດນ"', {}), ("ກາເຟ", {"order": "newest"}),
        ("ການສຶກສາ", {"section": True}), ("ຂົວ ນ້ຳຖ້ວມ ໄພພິບັດ", {}), ("ງົວນົມ", {}), ("xyzzy", {}),
    ],
}


def prepare_database():
    """Point DATABASE_URL at a throwaway database; return a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            conn.execute(f"CREATE DATABASE {BENCH_DB}")
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{BENCH_DB}"))

        def drop():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")

        return drop
    directory = tempfile.mkdtemp(prefix="bench_search_")
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


class Writer:
    """Random news-like text from a language's vocabulary (Zipf-like word frequencies)."""

    def __init__(self, language, seed):
        self.language = language
        self.random = random.Random(seed)
        self.words = VOCABULARY[language].split()
        self.weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.words))]
        # Lao is written without spaces between words, only between phrases.
        self.joiner = "" if language == "lo" else " "

    def phrase(self, count):
        words = self.random.choices(self.words, self.weights, k=count)
        return self.joiner.join(words)

    def sentence(self, low, high):
        count = self.random.randint(low, high)
        chunks = [self.phrase(min(4, count - n)) for n in range(0, count, 4)]
        text = " ".join(chunks)
        return text[0].upper() + text[1:] + "."

    def paragraph(self):
        return " ".join(self.sentence(8, 16) for _ in range(self.random.randint(3, 6)))


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
    for code in VOCABULARY:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        home = root.add_child(instance=HomePage(title=f"Home {code}", slug=f"home-{code}",
                                                locale=locale, translation_key=key))
        homes[code] = home
        sections[code] = []
        for number in range(SECTIONS):
            section = SectionPage(title=Writer(code, number).phrase(2), slug=f"section-{number}",
                                  locale=locale, translation_key=uuid.uuid5(key, str(number)))
            home.add_child(instance=section)
            sections[code].append(section)
    site = Site.objects.get(is_default_site=True)
    site.root_page = homes["vi"]
    site.save()

    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        for code, locale_sections in sections.items():
            writer = Writer(code, code)
            locale_id = homes[code].locale_id
            counts = [0] * len(locale_sections)
            pages, articles = [], []
            for number in range(per_language):
                index = number % len(locale_sections)
                section = locale_sections[index]
                counts[index] += 1
                title = writer.sentence(6, 14).rstrip(".")
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
                body = [{"type": "paragraph", "value": f"<p>{writer.paragraph()}</p>", "id": str(uuid.uuid4())}
                        for _ in range(writer.random.randint(2, 5))]
                articles.append(dict(lead=writer.sentence(20, 40), published_at=published,
                                     author=writer.phrase(2), body=body))
            for page, fields in zip(Page.objects.bulk_create(pages, batch_size=500), articles):
                NewsPage(page_ptr_id=page.pk, **fields).save_base(raw=True)
            for section, count in zip(locale_sections, counts):
                Page.objects.filter(pk=section.pk).update(numchild=count)
    return homes, sections, time.perf_counter() - started


def _step(number):
    """A materialised-path step, as django-treebeard writes it (base 36, 4 characters)."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text


def index_pages():
    """Index every article as ``update_index`` does; then time single-page indexing."""
    from modelsearch.index import insert_or_update_object
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage

    backend = get_search_backend()
    ids = list(NewsPage.objects.order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    for start in range(0, len(ids), 1000):
        chunk = list(NewsPage.objects.filter(pk__in=ids[start : start + 1000]))
        backend.add_bulk(NewsPage, chunk)
    bulk_seconds = time.perf_counter() - started

    sample = list(NewsPage.objects.filter(pk__in=ids[:: max(1, len(ids) // 200)]))
    started = time.perf_counter()
    for page in sample:
        insert_or_update_object(page)
    single_rate = len(sample) / (time.perf_counter() - started)
    return len(ids) / bulk_seconds, bulk_seconds, single_rate


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_queries(homes, sections):
    from django.test import Client
    from django.utils import translation
    from wagtail.models import Locale

    from search import engine
    from search.normalize import parse_query

    client = Client()
    report = {}
    for code, queries in QUERIES.items():
        locale = Locale.objects.get(language_code=code)
        engine_times, page_times, counts = [], [], []
        with translation.override(code):
            for round_number in range(ROUNDS + 1):  # the first round warms caches
                for text, options in queries:
                    section = sections[code][1] if options.get("section") else None
                    started = time.perf_counter()
                    found = engine.search(parse_query(text), locale=locale, root=homes[code],
                                          section=section, order=options.get("order", "relevance"))
                    count = found.count()
                    found[0:10]
                    elapsed = time.perf_counter() - started
                    params = {"q": text, **({"section": section.pk} if section else {}),
                              **({"sort": options["order"]} if "order" in options else {})}
                    started = time.perf_counter()
                    response = client.get(f"/{code}/search/", params)
                    page_elapsed = time.perf_counter() - started
                    assert response.status_code == 200, response.status_code
                    if round_number:
                        engine_times.append(elapsed * 1000)
                        page_times.append(page_elapsed * 1000)
                    else:
                        counts.append(count)
        report[code] = (engine_times, page_times, counts)
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
        total = args.per_language * len(VOCABULARY)
        print(f"Search benchmark on {connection.vendor}: {args.per_language:,} articles "
              f"per language, {total:,} in all")
        homes, sections, create_seconds = build_site(args.per_language)
        print(f"  pages written in {create_seconds:.1f} s (rows, not measured as indexing)")
        bulk_rate, bulk_seconds, single_rate = index_pages()
        print(f"  indexing, bulk (update_index): {bulk_rate:,.0f} pages/s ({bulk_seconds:.1f} s)")
        print(f"  indexing, one page at a time (publish): {single_rate:,.0f} pages/s")
        print(f"  database size: {database_size() / 2**20:,.1f} MiB")
        report = time_queries(homes, sections)
        print(f"  query latency over {ROUNDS} rounds of {len(QUERIES['vi'])} queries per language:")
        print("    lang  engine p50   p95    page p50   p95    results per query")
        for code, (engine_times, page_times, counts) in report.items():
            print(f"    {code:4}  {statistics.median(engine_times):7.1f} "
                  f"{percentile(engine_times, 0.95):6.1f} ms  "
                  f"{statistics.median(page_times):7.1f} {percentile(page_times, 0.95):6.1f} ms  "
                  f"{' '.join(str(count) for count in counts)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak memory: {peak:,.0f} MiB")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
