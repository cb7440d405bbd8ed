"""Values worked out once per request, such as the versions of cached families.

A page view asks for the same cache version or cached list several times
(each ``public()`` filter, each template tag); each ask would be a Redis
round trip. Between Django's ``request_started`` and ``request_finished``
signals the first answer is kept in this thread; outside a request (tests,
management commands) nothing is kept, so nothing can go stale there.
"""

import threading

from django.core.signals import request_finished, request_started

_local = threading.local()


def remember(key, compute):
    """``compute()``, once per request for ``key``."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget():
    """Drop what this request remembered: something it shows has just changed."""
    if getattr(_local, "memo", None) is not None:
        _local.memo = {}


def _start(**kwargs):
    _local.memo = {}


def _finish(**kwargs):
    _local.memo = None


request_started.connect(_start, dispatch_uid="core.request_memo.start")
request_finished.connect(_finish, dispatch_uid="core.request_memo.finish")
