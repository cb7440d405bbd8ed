"""``DJANGO_COMPRESS_HTML``: gzip for the portal's pages where no proxy compresses them.

The setting is read by the production settings (checked in a child process);
the behaviour is checked in-process by putting the middleware where those
settings put it.
"""

import gzip
import re

import pytest
from django.test import Client

from core.compression import with_compression
from tests.site_project.production_env import environment, load_settings

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
TOTAL_VISITS = re.compile(r'visit-stats__list">\s*<div><dt>[^<]+</dt><dd><data value="(\d+)"')
GZIP = "core.compression.PortalGZipMiddleware"


@pytest.mark.parametrize("value, on", [(None, False), ("false", False), ("true", True), ("1", True)])
def test_one_variable_turns_compression_on_in_production(value, on):
    loaded = load_settings(environment(DJANGO_COMPRESS_HTML=value), ["MIDDLEWARE"])
    assert isinstance(loaded, dict), loaded.stderr
    middleware = loaded["MIDDLEWARE"]
    assert (GZIP in middleware) is on
    if on:
        # Below WhiteNoise (precompressed static files), above the visit counter
        # and the page cache, which fill in and store the plain body.
        position = middleware.index(GZIP)
        assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == position - 1
        assert position < middleware.index("visits.middleware.VisitCounterMiddleware")
        assert position < middleware.index("core.page_cache.PageCacheMiddleware")


@pytest.fixture
def compressing(settings):
    settings.MIDDLEWARE = with_compression(settings.MIDDLEWARE)
    settings.PAGE_CACHE_SECONDS = 300
    settings.VISITS_REDIS_URL = ""


@pytest.fixture
def reader(db):
    return Client(HTTP_USER_AGENT=BROWSER_UA, HTTP_ACCEPT_ENCODING="gzip, deflate, br")


def test_a_reader_gets_the_article_compressed_with_live_figures_on_cache_hits(compressing, reader, article):
    totals = []
    for _ in range(3):
        response = reader.get(article.url)
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        html = gzip.decompress(response.content).decode()
        assert article.title in html
        totals.append(int(TOTAL_VISITS.search(html).group(1)))
        assert len(response.content) < len(html) / 3
    assert response["X-Page-Cache"] == "hit"
    # Counted on every view, cached or not, on top of the demo's carried-over total.
    assert [total - totals[0] for total in totals] == [0, 1, 2]


def test_a_client_that_cannot_decompress_gets_plain_html(compressing, db, article):
    response = Client(HTTP_USER_AGENT=BROWSER_UA).get(article.url)
    assert response.status_code == 200 and not response.has_header("Content-Encoding")
    assert article.title in response.content.decode()


def test_pages_with_a_csrf_token_are_never_compressed(compressing, reader):
    """BREACH needs a secret in the body: the sign-in form carries the CSRF token."""
    response = reader.get("/admin/login/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_off_by_default_for_a_proxy_to_compress(db, reader, article):
    response = reader.get(article.url)
    assert response.status_code == 200 and not response.has_header("Content-Encoding")
