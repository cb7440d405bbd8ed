"""Importer benchmark: a generated mirror of N old-portal articles imported into a fresh database.

    .venv/bin/python bench/import.py                        # SQLite (temporary file), 10,000 articles
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sonla_importer \\
        .venv/bin/python bench/import.py                    # PostgreSQL: that database is dropped and made anew
    .venv/bin/python bench/import.py --articles 1000        # smaller

The mirror is written in the old portal's layout (the fixture mirror's
frame: sidebar, share and print widgets, inline styles), into 8 old
sections mapped to the demo site's 3; one article in ten has an image
(from a pool of 40, so files are deduplicated), one in twenty a table,
every article links to the one before it. The demo site is loaded first,
as on a real migration, so every publish meets the portal's signals
(search index, cache purge, visits).

Printed: articles per second (wall clock, and per CPU second of this
process, which is what an unshared machine would see on SQLite) for the first run (everything created) and a
second run (everything unchanged), and memory: the process's resident set
sampled every 500 pages (flat means it does not grow with the number of
pages) and its peak, with the load average (a shared machine is noisy).
"""

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SECTIONS = {
    "thong-tin-doi-ngoai": ("Thông tin đối ngoại", "Thông tin đối ngoại"),
    "hop-tac-quoc-te": ("Hợp tác quốc tế", "Thông tin đối ngoại"),
    "cai-cach-hanh-chinh": ("Cải cách hành chính", "Thông tin cải cách"),
    "dich-vu-cong": ("Dịch vụ công", "Thông tin cải cách"),
    "kinh-te": ("Kinh tế", "Tin tức - Sự kiện"),
    "van-hoa-xa-hoi": ("Văn hóa - Xã hội", "Tin tức - Sự kiện"),
    "du-lich": ("Du lịch", "Tin tức - Sự kiện"),
    "nong-nghiep": ("Nông nghiệp", "Tin tức - Sự kiện"),
}
WORDS = ("tỉnh Sơn La hội nghị thông tin đối ngoại hợp tác phát triển kinh tế xã hội nông nghiệp du lịch "
         "Mộc Châu cà phê xoài nhãn biên giới Việt Lào Hủa Phăn Luông Pha Bang đồng bào dân tộc Thái Mông "
         "Mường cải cách hành chính dịch vụ công trực tuyến chuyển đổi số xã phường cán bộ nhân dân").split()
PERSONS = ("Diệp Hương", "Minh Anh", "Lò Văn Thành", "Nguyễn Thị Hồng", "Cầm Thị Lan")


def prepare_database():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return "PostgreSQL", lambda: None
    directory = tempfile.mkdtemp(prefix="bench_import_")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    return "SQLite", lambda: shutil.rmtree(directory, ignore_errors=True)


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_mirror(folder, count, seed=14):
    """``count`` articles as wget leaves them, in the old portal's frame."""
    import random

    from PIL import Image

    sys.path.insert(0, str(BASE_DIR / "tests" / "importer"))
    rng = random.Random(seed)
    host = Path(folder) / "sonla.gov.vn"
    images = []
    for number in range(40):
        target = host / "documents" / "20182" / str(number) / f"anh-{number}.jpg"
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        Image.new("RGB", (320, 200), (number * 6, 120, 200 - number * 4)).save(buffer, "JPEG")
        target.write_bytes(buffer.getvalue())
        images.append(f"/documents/20182/{number}/anh-{number}.jpg")
    slugs = list(SECTIONS)
    previous = None
    for number in range(count):
        section = slugs[number % len(slugs)]
        path = f"/web/portal/{section}/-/asset_publisher/P{number % 97:03d}/content/bai-viet-{number}"
        body = [f'<p style="text-align:justify"><strong>{sentence(rng, 30)}</strong></p>', "<p>&nbsp;</p>"]
        if number % 10 == 0:
            body.append(f'<p style="text-align:center"><img src="{rng.choice(images)}" style="width:600px"></p>')
            body.append(f"<p><em>{sentence(rng, 8)}</em></p>")
        for _ in range(rng.randint(4, 9)):
            body.append(f'<p><font face="Arial">{sentence(rng, rng.randint(25, 70))}</font></p>')
        if number % 20 == 0:
            rows = "".join(f"<tr><td>{year}</td><td>{rng.randint(100, 9000)}</td></tr>" for year in range(2015, 2020))
            body.append(f"<table><tr><td><b>Năm</b></td><td><b>Giá trị</b></td></tr>{rows}</table>")
        if previous:
            body.append(f'<p>Xem thêm: <a href="{previous}">bài trước</a>.</p>')
        body.append(f'<p style="text-align:right"><strong>{rng.choice(PERSONS)}</strong></p>')
        day = 1 + number % 28
        html = FRAME.format(
            section=SECTIONS[section][0], title=sentence(rng, 12)[:-1],
            date=f"Thu, {day:02d}/{1 + number % 12:02d}/{2012 + number % 12} 10:00 | GMT +7",
            body="\n".join(body),
        )
        target = host / (path.lstrip("/") + ".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        previous = path


FRAME = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng TTĐT tỉnh Sơn La</title>
<script>var Liferay = {{}};</script></head><body><div id="content"><div id="column-1">
<h1 class="portlet-title"><span class="portlet-title-text">{section}</span></h1>
<div class="asset-full-content"><h3 class="header-title"><span class="asset-title">{title}</span></h3>
<div class="asset-metadata"><span class="metadata-publish-date">{date}</span></div>
<div class="journal-content-article">
{body}
</div><div class="taglib-social-bookmarks"><a href="https://www.facebook.com/sharer.php">Chia sẻ</a></div>
<div class="print-action"><a href="javascript:window.print()">In bài viết</a></div></div></div>
<div id="column-2" class="sidebar"><h2>THÔNG TIN CẢI CÁCH</h2><ul><li><a href="/web/portal/cai-cach">Cải cách</a></li></ul>
<h2>THỐNG KÊ TRUY CẬP</h2><p>Tổng số lượt truy cập: 51827387</p></div></div></body></html>
"""


def rss_kib(field="VmRSS"):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run(importer_class, source, selectors, total, label):
    samples = []
    importer = importer_class(source, selectors)
    started = time.perf_counter()
    cpu_started = time.process_time()
    for done, (url, load) in enumerate(source.pages(), start=1):
        importer.import_page(url, load)
        if done % 500 == 0 or done == total:
            samples.append((done, rss_kib()))
            if done % 1000 == 0:
                # As it goes: on a busy machine a long run may be stopped before it ends.
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
                print(f"  {label} {done}/{total}: {done / elapsed:.1f} pages/s, {done / cpu:.1f} per CPU s, "
                      f"resident {samples[-1][1] / 1024:.0f} MiB, load {os.getloadavg()[0]:.1f}", flush=True)
    relinked = importer.relink()
    importer.finish()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"{label}: {total} pages in {elapsed:.1f} s = {total / elapsed:.1f} pages/s "
          f"({total / cpu:.1f} pages per CPU second of this process); "
          f"{importer.totals.line()}; second pass relinked {relinked}")
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    backend, cleanup = prepare_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    media = tempfile.mkdtemp(prefix="bench_import_media_")
    os.environ["DJANGO_MEDIA_ROOT"] = media
    mirror = tempfile.mkdtemp(prefix="bench_import_mirror_")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from importer.engine import Importer
        from importer.selectors import preset
        from importer.sources import MirrorSource

        call_command("migrate", verbosity=0)
        call_command("load_demo_content", verbosity=0)
        started = time.perf_counter()
        write_mirror(mirror, args.articles)
        print(f"{backend}; mirror of {args.articles} articles written in {time.perf_counter() - started:.1f} s")
        selectors = preset()
        selectors.sections = {name: target for name, target in SECTIONS.values()}
        source = MirrorSource(mirror)
        total = source.count()
        baseline = rss_kib()
        samples = run(Importer, source, selectors, total, "first run (create)")
        print("resident memory (MiB) after N pages: " + ", ".join(
            f"{done}: {kib / 1024:.0f}" for done, kib in samples if done % 2000 == 0 or done == total))
        run(Importer, source, selectors, total, "second run (unchanged)")
        print(f"memory: {baseline / 1024:.0f} MiB before the import, peak {rss_kib('VmHWM') / 1024:.0f} MiB")
        print(f"load average: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    finally:
        shutil.rmtree(mirror, ignore_errors=True)
        shutil.rmtree(media, ignore_errors=True)
        cleanup()


if __name__ == "__main__":
    main()
