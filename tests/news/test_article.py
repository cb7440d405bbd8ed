"""The article page, in every language, within its query budget."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from home.dates import format_datetime
from news.models import NewsPage

ARTICLE_QUERY_BUDGET = 15
TIME_TAG = re.compile(r'<time datetime="([^"]+)">([^<]+)</time>')


def articles_in_all_languages(demo_content):
    return [page for pages in demo_content.articles.values() for page in pages]


def test_every_article_renders_in_its_language(client, demo_content):
    articles = articles_in_all_languages(demo_content)
    assert {page.locale.language_code for page in articles} == {"vi", "en", "lo"}
    for page in articles:
        language = page.locale.language_code
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        assert page.title in html
        assert page.lead.splitlines()[0] in html
        stamp = timezone.localtime(page.published_at).isoformat(timespec="minutes")
        assert stamp.endswith("+07:00")
        assert (stamp, format_datetime(page.published_at, language)) in TIME_TAG.findall(html)
        if page.author:
            assert page.author in html


def test_article_shows_its_section_and_translations_link_each_other(client, article):
    section = article.get_parent()
    html = client.get(article.url).content.decode()
    assert section.title in html
    for translation in article.get_translations().live():
        code = translation.locale.language_code
        assert f'href="{translation.url}"' in html
        assert f'hreflang="{code}"' in html


def test_the_2017_conference_article_keeps_its_dateline(client, demo_content):
    expected = {
        "vi": "Thứ Năm, 02/11/2017 10:00 | GMT+7",
        "en": "Thursday, 2 November 2017, 10:00 (GMT+7)",
        "lo": "ວັນພະຫັດ, 2 ພະຈິກ 2017, 10:00 (GMT+7)",
    }
    conference = NewsPage.objects.get(
        locale__language_code="vi", title__startswith="Hội nghị sơ kết 5 năm"
    )
    for translation in conference.get_translations(inclusive=True):
        html = client.get(translation.url).content.decode()
        code = translation.locale.language_code
        assert f'<time datetime="2017-11-02T10:00+07:00">{expected[code]}</time>' in html


def test_draft_translation_is_not_served(client, article):
    english = article.get_translation(Locale.objects.get(language_code="en"))
    url = english.url
    english.unpublish()
    assert client.get(url).status_code == 404


def add_articles(section, count):
    for number in range(count):
        page = NewsPage(
            title=f"Bài viết thử nghiệm {number}",
            lead="Đoạn mở đầu.",
            published_at=timezone.now() - datetime.timedelta(days=number + 1),
            author="Phóng viên",
        )
        section.add_child(instance=page)
        page.save_revision().publish()


def count_queries(client, url, warm_cache):
    """Queries of one article view, after a view that filled the caches or with none."""
    if warm_cache:
        client.get(url)
    else:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_query_budget_does_not_grow_with_the_site(client, article):
    """At most 15 queries once the site frame is cached; the same with 10 or 200 articles."""
    few = {warm: count_queries(client, article.url, warm) for warm in (False, True)}
    add_articles(article.get_parent().specific, 190)
    assert NewsPage.objects.count() >= 200
    many = {warm: count_queries(client, article.url, warm) for warm in (False, True)}
    assert few[True] <= ARTICLE_QUERY_BUDGET
    assert many[True] == few[True]
    # With empty caches the frame is rebuilt (about 35 queries); that must not grow either.
    assert many[False] <= few[False]
