"""Pages keep rendering while Redis cannot be reached (core/redis_cache.py)."""

import socket

import pytest


@pytest.fixture
def unreachable_redis(settings):
    # A port nobody listens on: connections are refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.VISITS_REDIS_URL = ""
    return port


def test_pages_render_while_redis_is_down(client, article, unreachable_redis):
    for _ in range(2):
        response = client.get(article.url, HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0")
        assert response.status_code == 200
        assert article.title in response.content.decode()


def test_the_cache_reads_as_empty_and_drops_writes_while_redis_is_down(unreachable_redis):
    from django.core.cache import cache

    assert cache.get("anything", "default") == "default"
    assert cache.add("key", 1) is False
    cache.set("key", 1)
    assert cache.get_many(["key"]) == {}
    with pytest.raises(ValueError):
        cache.incr("key")
