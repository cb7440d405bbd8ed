"""The one cache generation: everything cached from what editors publish is keyed by it.

The site frame, whole pages, known addresses, the private subtrees, listing
counts, template fragments and the "Most read" lists all carry the current
generation in their keys. ``bump()`` (called by ``core.purge`` whenever a
page, a privacy setting, a site, a file or a snippet the frame shows changes)
makes every one of them unreachable at once, in every process sharing the
cache; the cache expires the old entries on its own.

One generation instead of one version per family: the families were always
purged together, and a family left out of a purge (the "Most read" lists
missed page moves and view restrictions) kept showing what had changed.
Within one request the generation is read from the cache once.
"""

import hashlib

from django.core.cache import cache

from core import cache_versions, request_memo

KEY = "site:generation"
TIMEOUT = 60 * 60


def current():
    """The generation to put in the keys of anything cached from published content."""
    return request_memo.remember(KEY, lambda: cache_versions.current(KEY))


def bump():
    """Forget everything cached under the current generation."""
    cache_versions.bump(KEY)
    request_memo.forget()


def key(name, *parts):
    """A cache key for ``name`` and ``parts`` under the current generation."""
    return ":".join([name, str(current()), *map(str, parts)])


def host_key(name, request, *parts):
    """:func:`key` for something that depends on the site a request came to.

    What is built from a request's host (addresses, the site and its home
    page) is kept per host; the host is hashed so that whatever a client
    sends as ``Host`` makes a key of fixed length and safe characters.
    """
    host = hashlib.sha256(request.META.get("HTTP_HOST", "").encode()).hexdigest()[:32]
    return key(name, host, *parts)


def remember(name, build, *parts, timeout=TIMEOUT):
    """``build()``, or what it returned last time for ``name`` and ``parts``.

    Within one request the value is read from the cache once.
    """
    entry = key(name, *parts)

    def read():
        value = cache.get(entry)
        if value is None:
            value = build()
            cache.set(entry, value, timeout)
        return value

    return request_memo.remember(entry, read)
