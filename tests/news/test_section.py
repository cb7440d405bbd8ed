"""Section listings: newest first, ten a page, nested sections, bad page numbers."""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import NewsPage, SectionPage


@pytest.fixture
def long_section(demo_content):
    """A Vietnamese section with 25 articles: 20 of its own and 5 in a subsection."""
    home = demo_content.homes["vi"]
    section = SectionPage(title="Chuyên mục thử nghiệm", slug="chuyen-muc-thu-nghiem")
    home.add_child(instance=section)
    section.save_revision().publish()
    subsection = SectionPage(title="Chuyên mục con", slug="chuyen-muc-con")
    section.add_child(instance=subsection)
    subsection.save_revision().publish()
    now = timezone.now()
    for number in range(25):
        parent = subsection if number % 5 == 0 else section
        page = NewsPage(
            title=f"Tin số {number:02d}",
            lead="Đoạn mở đầu.",
            published_at=now - datetime.timedelta(hours=number),
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    return section


def listed_titles(response):
    return re.findall(r">(Tin số \d\d)<", response.content.decode())


def test_lists_articles_newest_first_ten_per_page(client, long_section):
    first = client.get(long_section.url)
    assert first.status_code == 200
    assert listed_titles(first) == [f"Tin số {n:02d}" for n in range(10)]
    third = client.get(long_section.url + "?page=3")
    assert listed_titles(third) == [f"Tin số {n:02d}" for n in range(20, 25)]


def test_articles_of_subsections_are_listed_and_subsections_linked(client, long_section):
    html = client.get(long_section.url).content.decode()
    assert "Tin số 00" in html  # published in the subsection
    assert 'href="/vi/chuyen-muc-thu-nghiem/chuyen-muc-con/"' in html


def test_pagination_is_a_labelled_nav_marking_the_current_page(client, long_section):
    html = client.get(long_section.url + "?page=2").content.decode()
    nav = re.search(r"<nav[^>]*aria-label=\"[^\"]+\"[^>]*>(?:(?!</nav>).)*\?page=3", html, re.S)
    assert nav, "pagination should be a labelled <nav>"
    assert re.search(r'aria-current="page"[^>]*>\s*2\s*<|>\s*2\s*</[^>]+>\s*', nav.group(0))
    assert "?page=1" in nav.group(0) and "?page=3" in nav.group(0)


def test_unpublished_articles_are_not_listed(client, long_section):
    long_section.articles().get(title="Tin số 01").unpublish()
    assert "Tin số 01" not in listed_titles(client.get(long_section.url))


@pytest.mark.parametrize("number", ["abc", "0", "-1", "999999", "1.5", "%00", "9" * 400])
def test_impossible_page_numbers_give_404_not_500(client, long_section, number):
    response = client.get(long_section.url, {"page": number})
    assert response.status_code == 404
    assert '<html lang="vi"' in response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_bad_page_number_404_is_in_the_visitors_language(client, demo_content, language):
    section = demo_content.sections[language][0]
    response = client.get(section.url, {"page": "abc"})
    assert response.status_code == 404
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_every_section_renders_in_each_language(client, demo_content, language):
    for section in demo_content.sections[language]:
        response = client.get(section.url)
        assert response.status_code == 200
        for article in section.specific.articles()[:10]:
            assert article.title in response.content.decode()
