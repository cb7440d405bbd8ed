"""Fill the demo site with N news articles per language, for bench/load.sh.

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... python bench/load_site.py 10000

Runs on a database that already holds the demo content (``load_demo_content``)
and spreads the articles over its sections, newest first, as an import of
the old portal would leave them: each Vietnamese article has an English and
a Lao translation (same translation key), live, with a 300-900 word body in
its language (the search benchmark's text generator, bench/search_corpus.py).
Rows are written directly, then indexed for search as ``update_index`` does.

Prints one JSON line with the addresses the load test requests.
"""

import json
import os
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.search import _step  # noqa: E402  (materialised-path step)

try:
    from bench.search_corpus import Writer  # noqa: E402
except ImportError:  # the older generator, before the corpus module
    from bench.search import Writer  # noqa: E402

HOURS_BETWEEN_ARTICLES = 2


def _next_step(section):
    """Number of the step after the section's last child (treebeard's base 36)."""
    last = section.get_last_child()
    return int(last.path[-4:], 36) + 1 if last else 1


def _article(writer):
    if hasattr(writer, "article"):
        # (title, lead, author, paragraphs, ...): later fields are statistics.
        return writer.article()[:4]
    # Older generator: no article(); compose one from its sentences.
    return (writer.sentence(8, 16).rstrip("."), writer.sentence(25, 45), writer.phrase(2),
            [writer.paragraph() for _ in range(writer.random.randint(3, 8))])


def populate(per_language):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import HomePage
    from news.models import NewsPage, SectionPage

    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    sections = {
        code: list(SectionPage.objects.child_of(home).order_by("path"))
        for code, home in homes.items()
    }
    # Sections are translations of each other: article i goes to section
    # i mod n in every language, so translations sit in matching sections.
    count = min(len(items) for items in sections.values())
    content_type = ContentType.objects.get_for_model(NewsPage)
    keys = [uuid.uuid4() for _ in range(per_language)]
    now = timezone.now()
    with transaction.atomic():
        for code, locale_sections in sections.items():
            locale_sections = locale_sections[:count]
            writer = Writer(code, "load")
            steps = [_next_step(section) for section in locale_sections]
            pages, fields = [], []
            for number in range(per_language):
                index = number % count
                section = locale_sections[index]
                title, lead, author, paragraphs = _article(writer)
                published = now - timezone.timedelta(hours=HOURS_BETWEEN_ARTICLES * (number + 1))
                slug = f"bai-{number}"
                pages.append(Page(
                    title=title, draft_title=title, slug=slug,
                    path=section.path + _step(steps[index]), depth=section.depth + 1, numchild=0,
                    url_path=f"{section.url_path}{slug}/", content_type=content_type,
                    locale_id=homes[code].locale_id, translation_key=keys[number], live=True,
                    has_unpublished_changes=False, first_published_at=published,
                    last_published_at=published,
                ))
                steps[index] += 1
                body = [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                        for text in paragraphs]
                fields.append(dict(lead=lead, published_at=published, author=author, body=body))
            for page, values in zip(Page.objects.bulk_create(pages, batch_size=500), fields):
                NewsPage(page_ptr_id=page.pk, **values).save_base(raw=True)
            for section in locale_sections:
                Page.objects.filter(pk=section.pk).update(numchild=section.get_children().count())


def index():
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage

    backend = get_search_backend()
    ids = list(NewsPage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        backend.add_bulk(NewsPage, list(NewsPage.objects.filter(pk__in=ids[start : start + 1000])))
    return len(ids)


def addresses():
    """Home, the biggest section, a generated article in the middle of it, a search."""
    from home.models import HomePage
    from news.models import SectionPage

    home = HomePage.objects.get(locale__language_code="vi")
    section = max(
        SectionPage.objects.child_of(home), key=lambda page: page.specific.articles().count()
    ).specific
    articles = section.articles()
    article = articles[articles.count() // 2]
    demo_article = section.articles().filter(image__isnull=False).first() or article
    return {
        "home": home.url,
        "section": section.url,
        "article": article.url,
        "demo_article": demo_article.url,
        "search": "/vi/search/?q=h%E1%BB%99i+ngh%E1%BB%8B",
        "search_en": "/en/search/?q=province",
        # ແຂວງ ("province"): in every generated Lao article.
        "search_lo": "/lo/search/?q=%E0%BB%81%E0%BA%82%E0%BA%A7%E0%BA%87",
    }


def main():
    per_language = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")
    import django

    django.setup()
    from news.models import NewsPage

    started = time.perf_counter()
    if NewsPage.objects.filter(slug="bai-0").count() < 3:
        populate(per_language)
        print(f"  {per_language:,} articles per language written in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        started = time.perf_counter()
        total = index()
        print(f"  {total:,} articles indexed for search in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
    print(json.dumps(addresses()))


if __name__ == "__main__":
    main()
