"""Behind a caching proxy: the page's own small request counts the view (VISITS_COUNT_IN_BROWSER).

The proxy gives every reader the same bytes, so the page carries an empty
figures slot; ``visits.js`` fetches ``visit_figures``, which counts the view
and answers the figures in the page's language.
"""

import re

import pytest
from django.test import Client
from django.utils import translation

from tests.visits.conftest import BOT_UA
from tests.visits.helpers import page_views, site_views


@pytest.fixture
def count_in_browser(settings):
    settings.VISITS_COUNT_IN_BROWSER = True


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    # A page served from the page cache activates its language in this
    # thread; later tests expect the default.
    yield
    translation.deactivate()


def slot_address(html):
    match = re.search(r'data-visits-src="([^"]+)"', html)
    assert match, "the page has no figures slot"
    return match.group(1).replace("&amp;", "&")


def test_the_page_is_the_same_for_every_view_and_counts_nothing_itself(count_in_browser, visitor, article):
    first = visitor.get(article.url).content.decode()
    second = visitor.get(article.url).content.decode()
    assert first == second, "a caching proxy could not give both readers one copy"
    assert site_views() == 0
    assert slot_address(first) == f"/vi/visits/figures/?page={article.pk}"
    assert 'src="/static/visits/visits.js"' in first


def test_the_pages_request_counts_the_view_and_answers_the_figures(count_in_browser, visitor, article, demo_content):
    html = visitor.get(article.url).content.decode()
    response = visitor.get(slot_address(html))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert site_views() == 1
    assert page_views(article) == 1
    assert "Tổng số lượt truy cập" in response.content.decode()
    # In the reader's language.
    lao = demo_content.articles["lo"][0]
    answer = visitor.get(slot_address(visitor.get(lao.url).content.decode()))
    assert 'lang="lo"' in visitor.get(lao.url).content.decode()
    assert answer.status_code == 200 and "Tổng số" not in answer.content.decode()
    assert page_views(lao) == 1


def test_bots_fetching_the_figures_are_not_counted(count_in_browser, article):
    bot = Client(HTTP_USER_AGENT=BOT_UA)
    assert bot.get(f"/vi/visits/figures/?page={article.pk}").status_code == 200
    assert site_views() == 0


@pytest.mark.parametrize("page", ["abc", "-1", "9" * 40, "1;DROP"])
def test_a_bad_page_id_is_refused_not_counted(count_in_browser, visitor, page):
    response = visitor.get("/vi/visits/figures/", {"page": page})
    assert response.status_code == 400
    assert site_views() == 0


def test_a_page_that_is_not_public_is_not_counted(count_in_browser, visitor, article):
    article.unpublish()
    assert visitor.get(f"/vi/visits/figures/?page={article.pk}").status_code == 404
    assert site_views() == 0


def test_without_a_caching_proxy_the_page_counts_and_shows_figures_itself(visitor, article):
    html = visitor.get(article.url).content.decode()
    assert "data-visits-src" not in html
    assert site_views() == 1
    assert visitor.get(f"/vi/visits/figures/?page={article.pk}").status_code == 404
