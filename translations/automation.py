"""Switching off automatic drafts and memory pre-fill for a block of code.

For code that publishes Vietnamese pages and writes their complete
translations itself, such as the demo content loader: automatic drafts would
be built only to be rebuilt, and pre-filled strings would be overwritten.
Source re-syncs and outdated marks still happen.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_paused = ContextVar("translations_automation_paused", default=False)


def is_paused():
    return _paused.get()


@contextmanager
def paused():
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)
