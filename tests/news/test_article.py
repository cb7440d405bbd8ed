"""The article page, in every language (its query budget: test_query_budgets.py)."""

import re

from django.utils import timezone
from wagtail.models import Locale

from core.dates import format_datetime
from news.models import NewsPage

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
