"""The page cache on Redis, as in production: one purge reaches every worker.

Each worker process has its own connection to Redis; two cache backends
built from the same settings stand in for two workers. Needs a Redis server
(``REDIS_URL``, else 127.0.0.1 database 6); CI has one.
"""

import os
import uuid

import pytest
from django.test import Client

from core.redis_cache import RedisCache

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def redis_location():
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/6"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip("needs a Redis server (set REDIS_URL)")
    return url


@pytest.fixture
def redis_caches(settings, redis_location):
    """Django's default cache on Redis, under a key prefix of this test's own."""
    prefix = f"test-page-cache-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": redis_location,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.VISITS_REDIS_URL = ""
    yield {"BACKEND": "core.redis_cache.RedisCache", "KEY_PREFIX": prefix}
    client = RedisCache(redis_location, {})._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_the_backend_reuses_one_client_and_works(redis_location):
    backend = RedisCache(redis_location, {"KEY_PREFIX": f"t-{uuid.uuid4().hex}"})
    backend.set("a", {"x": 1}, 30)
    assert backend.get("a") == {"x": 1}
    assert backend.add("a", 2) is False
    backend.set("n", 1, 30)
    assert backend.incr("n") == 2
    backend.delete_many(["a", "n"])
    assert backend.get("a") is None
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=True) is client


def test_a_publish_in_one_worker_purges_the_pages_of_another(redis_caches, redis_location, article):
    visitor = Client(HTTP_USER_AGENT=BROWSER_UA)
    visitor.get(article.url)
    assert visitor.get(article.url)["X-Page-Cache"] == "hit"

    from core import generation

    other_worker = RedisCache(redis_location, {"KEY_PREFIX": redis_caches["KEY_PREFIX"]})
    before = other_worker.get(generation.KEY)
    article.title = "Tiêu đề sửa từ một tiến trình khác"
    article.save_revision().publish()
    # The other worker sees the new generation at once, so none of the pages it stored.
    assert other_worker.get(generation.KEY) != before
    response = visitor.get(article.url)
    assert response.get("X-Page-Cache") != "hit"
    assert "Tiêu đề sửa từ một tiến trình khác" in response.content.decode()
