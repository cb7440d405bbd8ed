"""Versioned cache keys: forget a whole family of cached entries at once.

Entries of one family (the site frame of every language, the "Most read"
lists) carry the family's current version in their keys. Bumping the version
makes every older entry unreachable; the cache expires them on its own, so
nothing has to know which keys exist.

The site uses one such family for everything editors publish
(``core.generation``).
"""

import time

from django.core.cache import cache


def _fresh():
    # After the version key itself was evicted, starting again from 1 could
    # make entries cached under an old version 1 reachable again; a value taken
    # from the clock is newer than any version handed out before.
    return time.time_ns() // 1000


def current(version_key):
    """The version to put in the keys of the family named by ``version_key``."""
    version = cache.get(version_key)
    if version is None:
        version = _fresh()
        if not cache.add(version_key, version, None):
            # Another process set it first: use theirs so both share entries.
            version = cache.get(version_key) or version
    return version


def bump(version_key):
    """Make every entry cached under the current version unreachable."""
    try:
        cache.incr(version_key)
    except ValueError:
        # The key was never set or was evicted; any fresh value will do.
        cache.set(version_key, _fresh(), None)
