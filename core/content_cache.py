"""Results of news queries kept until the published content changes.

``core.purge`` calls ``invalidate()`` whenever a page is published,
unpublished, moved or deleted, or a view restriction changes, so every value
remembered here is forgotten at once, in every process sharing the cache.
"""

from django.core.cache import cache

from core import cache_versions, request_memo

VERSION_KEY = "news-content:version"
TIMEOUT = 60 * 60


def invalidate():
    cache_versions.bump(VERSION_KEY)
    request_memo.forget()


def version():
    return request_memo.remember(VERSION_KEY, lambda: cache_versions.current(VERSION_KEY))


def remember(name, build, *parts):
    """``build()``, or what it returned last time for ``name`` and ``parts``.

    Within one request the value is read from the cache once.
    """
    key = ":".join(["news", name, str(version()), *map(str, parts)])

    def read():
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, TIMEOUT)
        return value

    return request_memo.remember(key, read)
