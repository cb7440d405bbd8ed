"""What API clients rely on: capped limit, 400s naming the parameter, 304s, CORS,
a cache purged by publishing, and a per-address rate limit."""

import json

import pytest
from django.test import Client
from django.utils.http import http_date

pytestmark = pytest.mark.django_db


def test_limit_is_capped_with_a_clear_message(api):
    assert len(api.json("/api/v2/pages/", limit=100)["items"]) <= 100
    error = api.json("/api/v2/pages/", expect=400, limit=101)
    assert error["parameter"] == "limit" and "100" in error["message"]
    assert len(api.json("/api/v2/pages/")["items"]) == 20


def test_unknown_parameters_are_named(api):
    for url in ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"):
        error = api.json(url, expect=400, colour="red")
        assert error == {"message": error["message"], "parameter": "colour"}
    assert api.json("/api/v2/pages/", expect=400, site="localhost")["parameter"] == "site"
    assert api.json("/api/v2/images/", expect=400, type="news.NewsPage")["parameter"] == "type"


def test_a_parameter_given_twice_is_refused(api):
    response = api.get("/api/v2/pages/?limit=1&limit=2")
    assert response.status_code == 400 and json.loads(response.content)["parameter"] == "limit"


def test_errors_speak_the_clients_language():
    response = Client().get("/api/v2/pages/", {"limit": "x"}, HTTP_ACCEPT_LANGUAGE="vi")
    english = Client().get("/api/v2/pages/", {"limit": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == english.status_code == 400
    assert json.loads(response.content)["message"] != json.loads(english.content)["message"]


def test_etag_and_last_modified_give_304(client, demo_content):
    first = client.get("/api/v2/pages/", {"locale": "en"})
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v2/pages/", {"locale": "en"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    since = client.get("/api/v2/pages/", {"locale": "en"}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    stale = client.get("/api/v2/pages/", {"locale": "en"}, HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200 and stale.content == first.content
    old = client.get("/api/v2/pages/", {"locale": "en"}, HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert old.status_code == 200


def test_cors_for_get_and_preflight(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://data.gov.vn")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://data.gov.vn", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    error = client.get("/api/v2/pages/?limit=x")
    assert error.status_code == 400 and error["Access-Control-Allow-Origin"] == "*"


def test_writes_are_refused(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v2/pages/")
        assert response.status_code == 405 and "GET" in response["Allow"]


def test_answers_are_cached_and_purged_by_publishing(client, article):
    first = client.get(f"/api/v2/pages/{article.pk}/")
    assert first["X-API-Cache"] == "miss"
    assert client.get(f"/api/v2/pages/{article.pk}/")["X-API-Cache"] == "hit"
    listing = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "lead"})
    article.lead = "Tóm tắt mới sau khi xuất bản"
    article.save_revision().publish()
    after = client.get(f"/api/v2/pages/{article.pk}/")
    assert after["X-API-Cache"] == "miss" and "Tóm tắt mới" in after.content.decode()
    assert after["ETag"] != first["ETag"]
    relisted = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "lead"})
    assert relisted.content != listing.content
    revalidated = client.get(f"/api/v2/pages/{article.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 200


def test_unpublishing_takes_a_page_out_at_once(client, article):
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 200
    article.unpublish()
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404


def test_rate_limit_per_address_with_retry_after(settings, demo_content):
    settings.OPEN_DATA_RATE_LIMIT = 3
    settings.TRUSTED_PROXIES = 1
    one = Client(HTTP_X_FORWARDED_FOR="203.0.113.5")
    other = Client(HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert [one.get("/api/v2/pages/").status_code for _ in range(3)] == [200, 200, 200]
    refused = one.get("/api/v2/pages/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= settings.OPEN_DATA_RATE_PERIOD
    assert refused["Access-Control-Allow-Origin"] == "*" and "message" in json.loads(refused.content)
    assert other.get("/api/v2/pages/").status_code == 200
    # A forged left-most entry is not a new address (core.client_address).
    forged = Client(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert forged.get("/api/v2/pages/").status_code == 429


def test_the_underscore_cache_buster_shares_the_entry(client):
    client.get("/api/v2/pages/", {"_": "1"})
    assert client.get("/api/v2/pages/", {"_": "2"})["X-API-Cache"] == "hit"


def test_head_and_downloads_behave_like_the_api(client, demo_content):
    head = client.head("/api/v2/pages/")
    assert head.status_code == 200 and head["ETag"] and head.content == b""
    csv = client.get("/open-data/articles.csv")
    assert csv["Access-Control-Allow-Origin"] == "*"
    assert client.get("/open-data/articles.csv", HTTP_IF_NONE_MATCH=csv["ETag"]).status_code == 304
    missing = client.get("/open-data/statistics/1/00000000-0000-0000-0000-000000000000.json")
    assert missing.status_code == 404 and "message" in json.loads(missing.content)
