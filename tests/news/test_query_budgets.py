"""SQL queries per page view stay within budget, whatever the size of the site.

Measured with the page cache OFF, for a visitor whose view is counted in the
database (no Redis), after one earlier view of the same page: the site frame,
cached page addresses (core.routes), the list of private subtrees
(core.privacy) and the template fragments are warm, as they are on a live
site between two publications. Budgets: home 12, section listing 10,
article 10, the same with the demo's few articles or with 300 more.

The cold figures (every cache empty) are not budgeted but must not grow
with the number of articles either (rendition look-ups aside: one per image
shown until Wagtail's rendition cache knows it, and the demo's articles have
images where the added ones have none).
"""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from news.models import NewsPage
from tests.query_budget import BROWSER_UA, no_visit_housekeeping, page_cache_off, queries  # noqa: F401

BUDGETS = {"home": 12, "section": 10, "section page 2": 10, "article": 10, "article (en)": 10}
@pytest.fixture
def visitor(db):
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.9")


def add_articles(section, count):
    """``count`` live articles in ``section``, newest last, as an import would leave them."""
    now = timezone.now()
    for number in range(count):
        section.add_child(
            instance=NewsPage(
                title=f"Bài viết số {number} về ngân sách",
                lead="Đoạn mở đầu của bài viết.",
                published_at=now - datetime.timedelta(hours=count - number),
                author="Phóng viên",
                live=True,
            )
        )
    # Pages added without publishing send no signal: start from empty caches.
    cache.clear()


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        counts[name, True] = len(queries(client, url, warm=True))
        cold = queries(client, url, warm=False)
        counts[name, False] = len([sql for sql in cold if "wagtailimages_rendition" not in sql])
    return counts


def test_page_views_stay_within_budget_with_10_or_300_articles(visitor, demo_content):
    section = demo_content.sections["vi"][0].specific
    article = section.articles().first()
    english = demo_content.articles["en"][0]
    urls = {
        "home": demo_content.homes["vi"].url,
        "section": section.url,
        "article": article.url,
        "article (en)": english.url,
    }
    few = measure(visitor, urls)
    assert NewsPage.objects.live().count() < 50

    add_articles(section, 300)
    assert section.articles().count() > 300
    urls["section page 2"] = section.url + "?page=2"
    many = measure(visitor, urls)

    for name, budget in BUDGETS.items():
        assert many[name, True] <= budget, (name, many[name, True])
    for name in urls.keys() - {"section page 2"}:
        assert many[name, True] == few[name, True], name
        assert many[name, False] == few[name, False], name
    assert many["section page 2", True] == many["section", True]


def test_a_budgeted_view_shows_fresh_content_after_a_publish(visitor, demo_content):
    """The warm caches that keep the budget are purged by publishing, like the page cache."""
    section = demo_content.sections["vi"][0].specific
    article = section.articles().first()
    for url in (demo_content.homes["vi"].url, section.url, article.url):
        visitor.get(url)
    article.title = "Tiêu đề đã sửa của bài viết"
    article.save_revision().publish()
    for url in (demo_content.homes["vi"].url, section.url, article.url):
        assert "Tiêu đề đã sửa của bài viết" in visitor.get(url).content.decode(), url
