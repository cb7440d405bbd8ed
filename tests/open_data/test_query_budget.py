"""Queries per API answer stay within budget, whatever the number of articles.

Measured with the API cache off (every answer is built), warm (the counts
and private subtrees remembered since the last publish, as on a live site)
and cold (every cache empty). Budget: a list of 20 articles at most 8
queries, the same with the demo's articles, 30 more or 3,000 more (1,000 per
language, each Vietnamese one translated into English and Lao).
"""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from bench.search import _step  # a materialised-path step, as treebeard writes it
from news.models import NewsPage
from tests.query_budget import queries

pytestmark = pytest.mark.django_db

BUDGET = 8
LIST = "/api/v2/pages/?type=news.NewsPage&limit=20"
URLS = {
    "articles": LIST,
    "articles (en, newest first)": LIST + "&locale=en&order=-published_at",
    "articles with fields": LIST + "&fields=lead,author,image,image_alt",
    "all pages": "/api/v2/pages/?limit=20",
}


@pytest.fixture(autouse=True)
def api_cache_off(settings):
    settings.OPEN_DATA_CACHE_SECONDS = 0


def add_articles(demo_content, per_language):
    """``per_language`` live articles in each language's first section, translations of each other."""
    content_type = ContentType.objects.get_for_model(NewsPage)
    keys = [uuid.uuid4() for _ in range(per_language)]
    now = timezone.now()
    for language in ("vi", "en", "lo"):
        section = demo_content.sections[language][0]
        first = int(section.get_last_child().path[-4:], 36) + 1 if section.get_last_child() else 1
        pages = [
            Page(
                title=f"Bài {language} {number}", draft_title=f"Bài {language} {number}", slug=f"bai-{number}",
                path=section.path + _step(first + number), depth=section.depth + 1, numchild=0,
                url_path=f"{section.url_path}bai-{number}/", content_type=content_type,
                locale_id=section.locale_id, translation_key=keys[number], live=True,
                first_published_at=now, last_published_at=now,
            )
            for number in range(per_language)
        ]
        for page in Page.objects.bulk_create(pages, batch_size=500):
            NewsPage(page_ptr_id=page.pk, lead="Mở đầu", published_at=now, author="PV").save_base(raw=True)
        Page.objects.filter(pk=section.pk).update(numchild=section.numchild + per_language)
    cache.clear()


def count(client, url, warm):
    return len(queries(client, url, warm))


def measure(client):
    return {(name, warm): count(client, url, warm) for name, url in URLS.items() for warm in (True, False)}


@pytest.mark.parametrize("more", [30, 3000])
def test_a_list_of_20_articles_stays_within_budget(client, demo_content, more):
    few = measure(client)
    add_articles(demo_content, more // 3)
    assert NewsPage.objects.live().count() > more
    many = measure(client)
    for key, used in many.items():
        assert used <= BUDGET, (key, used)
        assert used == few[key], (key, few[key], used)


def test_a_detail_stays_within_budget(client, article):
    url = f"/api/v2/pages/{article.pk}/"
    assert count(client, url, warm=True) <= BUDGET
    assert count(client, url, warm=False) <= BUDGET + 4
