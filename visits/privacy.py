"""Telling visitors apart for "online now" without knowing who they are.

A visitor is a keyed hash (HMAC-SHA256) of their address and user agent.
The key is derived from ``SECRET_KEY`` and the Vietnamese calendar day, so:

- it changes every day: Monday's hash of a visitor says nothing about
  Tuesday's, and no hash is kept past a few minutes anyway;
- it is not stored next to the hashes: someone holding a copy of the
  database cannot test guessed addresses against them (an IPv4 address has
  only 2^32 values; an unkeyed or database-stored salt would not stop that);
- every web process derives the same key with no coordination.

The address and the user agent themselves are never stored or logged.
"""

import functools
import hashlib
import hmac

from django.conf import settings

from core.client_address import client_address


def day_key(day):
    """The secret hashing key of one calendar day."""
    return _day_key(settings.SECRET_KEY, day)


# Derived once per day, not per view; only today's (and maybe yesterday's)
# key stays in memory, never in the database.
@functools.lru_cache(maxsize=2)
def _day_key(secret, day):
    message = f"visits-online:{day.isoformat()}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()


def visitor_hash(request, day):
    """An opaque 32-character token for this address and browser on this day."""
    identity = f"{client_address(request)}\n{request.META.get('HTTP_USER_AGENT', '')}".encode()
    return hmac.new(day_key(day), identity, hashlib.sha256).hexdigest()[:32]

