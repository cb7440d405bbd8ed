"""Search results from the page cache: as fast as a cached page, never stale, never flooded.

A repeated anonymous search is answered from the page cache (``X-Page-Cache:
hit``) and still counted for the popular-searches report; publishing,
unpublishing or making a page private changes the very next answer; long or
odd queries and a flood of different ones are answered but not stored.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from search import views
from search.models import EditorsPick, SearchTermDay

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.VISITS_REDIS_URL = ""


@pytest.fixture
def visitor(db):
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.7")


def hit(response):
    return response.get("X-Page-Cache") == "hit"


def search(client, language="vi", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response


def test_a_repeated_search_comes_from_the_cache_and_still_counts(visitor, search_site):
    article = search_site.article("vi", "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn zorvex")
    first = search(visitor, q="zorvex hủa phăn")
    second = search(visitor, q="zorvex hủa phăn")
    assert not hit(first) and hit(second)
    assert article.slug in second.content.decode()
    # Each search is counted, from the cache or not.
    assert sum(SearchTermDay.objects.values_list("hits", flat=True)) == 2


def test_cached_searches_are_counted_together(settings, visitor, search_site):
    settings.SEARCH_COUNT_SECONDS = 3600
    search_site.article("vi", "Zorvex")
    for _ in range(4):
        search(visitor, q="zorvex")
    settings.PAGE_CACHE_SECONDS = 0
    search(visitor, q="zorvex")
    # The searches the view answered and the cached ones wait to be written together.
    assert sum(SearchTermDay.objects.values_list("hits", flat=True)) == 0
    views.write_counts()
    assert sum(SearchTermDay.objects.values_list("hits", flat=True)) == 5


def test_lao_and_filtered_searches_are_cached_per_query(visitor, search_site):
    search_site.article("lo", "ແຂວງຫົວພັນ zorvex")
    search_site.article("lo", "quillon")
    assert hit(search(visitor, "lo", q="ແຂວງຫົວພັນ")) is False
    assert hit(search(visitor, "lo", q="ແຂວງຫົວພັນ"))
    other = search(visitor, "lo", q="quillon")
    assert not hit(other) and "quillon" in other.content.decode()
    search(visitor, "lo", q="quillon", sort="newest")
    assert hit(search(visitor, "lo", q="quillon", sort="newest"))
    assert not hit(search(visitor, "lo", q="quillon", page="1"))


def test_publishing_shows_a_new_article_in_cached_results_at_once(visitor, search_site):
    search_site.article("vi", "Zorvex một")
    search(visitor, q="zorvex")
    assert hit(search(visitor, q="zorvex"))
    new = search_site.article("vi", "Zorvex hai")
    response = search(visitor, q="zorvex")
    assert not hit(response) and new.slug in response.content.decode()


def test_unpublishing_removes_an_article_from_cached_results_at_once(visitor, search_site):
    article = search_site.article("vi", "Zorvex quillon")
    search(visitor, q="zorvex")
    assert article.slug in search(visitor, q="zorvex").content.decode()
    article.unpublish()
    response = search(visitor, q="zorvex")
    assert not hit(response) and article.slug not in response.content.decode()


def test_an_article_made_private_disappears_from_cached_results_at_once(visitor, search_site):
    article = search_site.article("en", "Zorvex border trade")
    search(visitor, "en", q="zorvex")
    cached = search(visitor, "en", q="zorvex")
    assert hit(cached) and article.slug in cached.content.decode()
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = search(visitor, "en", q="zorvex")
    assert not hit(response) and article.slug not in response.content.decode()


def test_a_new_editors_pick_shows_in_cached_results_at_once(visitor, search_site):
    target = search_site.article("vi", "Trang được chọn", lead="Không có từ khoá")
    search_site.article("vi", "Zorvex thường")
    search(visitor, q="zorvex")
    assert hit(search(visitor, q="zorvex"))
    EditorsPick.objects.create(locale=target.locale, query="zorvex", page=target, description="Giới thiệu")
    response = search(visitor, q="zorvex")
    assert not hit(response) and "Giới thiệu" in response.content.decode()


def test_logged_in_users_neither_read_nor_fill_the_cache(visitor, search_site):
    search_site.article("vi", "Zorvex")
    user = get_user_model().objects.create_user("reader", password="x")
    member = Client()
    member.force_login(user)
    search(member, q="zorvex")
    assert not hit(search(member, q="zorvex"))
    assert not hit(search(visitor, q="zorvex"))


@pytest.mark.parametrize(
    "params",
    [
        {"q": "zorvex " * 40},  # longer than a query may be
        {"q": "zorvex", "utm_source": "mail"},
        {"q": "zorvex", "section": "1" * 40},
        "q=zorvex&q=quillon",
    ],
)
def test_odd_or_huge_queries_are_answered_but_not_stored(visitor, search_site, params):
    search_site.article("vi", "Zorvex")
    for _ in range(2):
        if isinstance(params, str):
            response = visitor.get(f"/vi/search/?{params}")
        else:
            response = visitor.get("/vi/search/", params)
        assert response.status_code == 200 and not hit(response)


def test_a_flood_of_different_queries_stores_only_a_bounded_number(settings, visitor, search_site):
    settings.PAGE_CACHE_SEARCH_ENTRIES = 3
    search_site.article("vi", "Zorvex")
    for number in range(6):
        search(visitor, q=f"zorvex {number}")
    stored = [hit(search(visitor, q=f"zorvex {number}")) for number in range(6)]
    assert stored == [True, True, True, False, False, False]
    # Pages are still cached once the searches' share is used up.
    assert hit(search(visitor, q="zorvex 0"))
