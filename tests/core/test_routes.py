"""Cached addresses (core.routes) and the per-request memo never serve the past.

The page cache is off here: these are the caches a page view uses below it.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import request_memo


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def site_lookups(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"]]


def test_a_known_address_skips_the_site_look_up_and_tree_walk(client, article):
    first, lookups = site_lookups(client, article.url)
    assert first.status_code == 200 and lookups
    second, lookups = site_lookups(client, article.url)
    assert second.status_code == 200 and not lookups
    assert second.content.decode().count(article.title) >= 1


def test_an_unpublished_page_is_gone_at_once(client, article):
    client.get(article.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_renamed_address_moves_at_once(client, article):
    old_url = article.url
    client.get(old_url)
    article.slug = "dia-chi-moi-cua-bai-viet"
    article.save_revision().publish()
    article.refresh_from_db()
    assert client.get(article.url).status_code == 200
    assert client.get(old_url).status_code in (301, 404)


def test_a_page_made_private_is_protected_at_once(client, article):
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_route_cache_keeps_pages_per_host(client, article, settings):
    client.get(article.url)
    # Another host name is looked up on its own (and here matches no site:
    # Wagtail's default site answers).
    other = Client(HTTP_HOST="other.example.org")
    settings.ALLOWED_HOSTS = ["*"]
    _response, lookups = site_lookups(other, article.url)
    assert lookups


def test_request_memo_keeps_values_within_a_request_only():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert request_memo.remember("k", compute) == 1
    assert request_memo.remember("k", compute) == 2  # no request: nothing kept
    request_memo._start()
    try:
        assert request_memo.remember("k", compute) == 3
        assert request_memo.remember("k", compute) == 3
        request_memo.forget()
        assert request_memo.remember("k", compute) == 4
    finally:
        request_memo._finish()
    assert request_memo.remember("k", compute) == 5


def test_a_publish_during_a_request_is_seen_later_in_the_same_request(article):
    from core import generation

    request_memo._start()
    try:
        before = generation.current()
        generation.bump()
        assert generation.current() != before
    finally:
        request_memo._finish()
