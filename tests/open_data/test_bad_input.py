"""Hostile values in every API parameter: a clear 4xx (or a plain answer), never a 5xx.

The values are the site-wide sweep's (tests/core/bad_input.py, over a hundred),
given to every parameter of every endpoint, alone and next to a page type
(the fields one may filter and order by depend on it).
"""

import json

import pytest
from django.test import Client

from tests.core.bad_input import PATH_SEGMENTS, QUERY_VALUES

pytestmark = pytest.mark.django_db

# Values that mean something to this API's parameters in particular.
API_VALUES = [
    "100", "101", "2147483647", "2147483648", "9223372036854775808", "-0", "+1", "1,2", "root",
    "title,-title", "*,owner", "body(x)", "image(owner)", "_,*", "((", "news.NewsPage,auth.User",
    "wagtailcore.Page", "random", "-id,-id,-id,-id,-id", "random,title", "first_published_at__gte",
    "2026-12-04T25:61:00", "vi,en", "VI", "lo-LA", "json", "api", "and or",
]
VALUES = QUERY_VALUES + API_VALUES

PAGE_PARAMETERS = [
    "limit", "offset", "fields", "order", "search", "search_operator", "format", "_", "type",
    "child_of", "ancestor_of", "descendant_of", "translation_of", "locale", "site", "rich_text_format",
    "id", "title", "slug", "first_published_at", "last_published_at", "show_in_menus", "owner", "unknown",
]
ARTICLE_PARAMETERS = ["published_at", "author", "order", "fields", "search", "body", "lead"]
FILE_PARAMETERS = ["limit", "offset", "fields", "order", "search", "title", "id", "width", "tags",
                   "collection", "uploaded_by_user", "file"]
DETAIL_PARAMETERS = ["fields", "format", "limit", "id"]
FIND_PARAMETERS = ["id", "html_path"]


def sweep(client, url, parameters, values, extra=None):
    """``[(parameter, value, status)]`` of every answer that is a 5xx, or a 400 that names nothing."""
    problems = []
    for name in parameters:
        for value in values:
            response = client.get(url, {**(extra or {}), name: value})
            if response.status_code >= 500:
                problems.append((name, value[:40], response.status_code))
            elif response.status_code == 400:
                data = json.loads(response.content)
                if not data.get("parameter") or data["parameter"] not in data["message"]:
                    problems.append((name, value[:40], "400 without the parameter's name"))
    return problems


@pytest.fixture
def hostile():
    return Client(raise_request_exception=False)


def test_the_values_are_over_a_hundred():
    assert len(set(VALUES)) >= 100


def test_pages_listing(hostile, demo_content):
    assert sweep(hostile, "/api/v2/pages/", PAGE_PARAMETERS, VALUES) == []


def test_article_listing(hostile, demo_content):
    problems = sweep(hostile, "/api/v2/pages/", ARTICLE_PARAMETERS, VALUES, {"type": "news.NewsPage"})
    assert problems == []


def test_search_with_other_filters(hostile, demo_content):
    extra = {"search": "Sơn La", "locale": "en"}
    assert sweep(hostile, "/api/v2/pages/", ["order", "type", "child_of", "translation_of", "title"],
                 VALUES, extra) == []


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_file_listings(hostile, demo_content, endpoint):
    assert sweep(hostile, f"/api/v2/{endpoint}/", FILE_PARAMETERS, VALUES) == []


def test_detail_and_find_views(hostile, article):
    for url in (f"/api/v2/pages/{article.pk}/", "/api/v2/images/1/", "/api/v2/documents/1/"):
        assert sweep(hostile, url, DETAIL_PARAMETERS, VALUES) == []
    for endpoint in ("pages", "images", "documents"):
        assert sweep(hostile, f"/api/v2/{endpoint}/find/", FIND_PARAMETERS, VALUES) == []


def test_catalogue_and_downloads(hostile, demo_content):
    for url in ("/open-data/catalogue.jsonld", "/open-data/articles.csv", "/api/v2/openapi.json"):
        assert sweep(hostile, url, ["format", "locale", "limit"], QUERY_VALUES[:40]) == []


def test_hostile_paths(hostile, demo_content):
    bad = []
    for segment in PATH_SEGMENTS:
        for template in ("/api/v2/pages/{}/", "/api/v2/{}/", "/api/v2/images/{}/",
                         "/open-data/statistics/{}/00000000-0000-0000-0000-000000000000.csv",
                         "/open-data/statistics/1/{}.json", "/api/v2/pages/1/{}"):
            response = hostile.get(template.format(segment))
            if response.status_code >= 500:
                bad.append((template, segment[:40], response.status_code))
    for number in ("0", "2147483648", "99999999999999999999999"):
        response = hostile.get(f"/open-data/statistics/{number}/00000000-0000-0000-0000-000000000000.csv")
        assert response.status_code == 404
    assert bad == []


def test_odd_methods_and_headers(hostile, demo_content):
    for method in ("post", "put", "patch", "delete", "trace"):
        assert getattr(hostile, method)("/api/v2/pages/").status_code == 405
    for header in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE",
                   "HTTP_ORIGIN", "HTTP_X_FORWARDED_FOR"):
        for value in QUERY_VALUES[:60]:
            try:
                response = hostile.get("/api/v2/pages/", **{header: value})
            except ValueError:
                continue  # the test client itself cannot send this value
            assert response.status_code < 500, (header, value)
