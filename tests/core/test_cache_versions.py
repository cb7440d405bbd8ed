"""The shared versioned-cache helper behind the site frame and "Most read" lists."""

from django.core.cache import cache

from core import cache_versions

KEY = "tests:cache-versions:version"


def test_bump_makes_entries_of_the_old_version_unreachable():
    cache.delete(KEY)
    before = cache_versions.current(KEY)
    assert cache_versions.current(KEY) == before
    cache_versions.bump(KEY)
    assert cache_versions.current(KEY) != before


def test_an_evicted_version_key_never_comes_back_to_an_old_version():
    cache.delete(KEY)
    old = cache_versions.current(KEY)
    cache.set(f"family:{old}", "stale", None)
    cache_versions.bump(KEY)
    cache.delete(KEY)  # as if the cache evicted it
    assert cache.get(f"family:{cache_versions.current(KEY)}") is None
    cache.delete(KEY)
    cache_versions.bump(KEY)  # a bump of a missing key starts afresh too
    assert cache_versions.current(KEY) != old
