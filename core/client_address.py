"""The ONE rule for "which address is this visitor": sign-in lock-out, visit counter, rate limits.

Behind reverse proxies every request arrives from the nearest proxy's address
(``REMOTE_ADDR``); each proxy appends the address it received the request
from to ``X-Forwarded-For``. Everything left of what our own proxies wrote
is whatever the client sent, so it proves nothing: an attacker who could
pick the left-most entry would get a fresh address, and a fresh lock-out
counter or "online now" visitor, with every request.

So the one setting, ``TRUSTED_PROXIES`` (environment: ``DJANGO_TRUSTED_PROXIES``),
is the number of proxies in front of the portal that append to
``X-Forwarded-For``:

- ``0`` (the default): no proxy; the connection's own address is the
  visitor's and every forwarding header is ignored;
- ``N``: the N-th entry from the right of ``X-Forwarded-For`` is the visitor's
  (the address the outermost of our proxies saw), i.e. the right-most
  address our proxies did not write themselves.

django-ipware parses and validates the chosen entry (ports, IPv6 brackets,
IPv4-mapped IPv6). Only the last N comma-separated entries are handed to it:
it honours RFC 7239 quoting, and an unbalanced ``"`` sent by the client
would otherwise swallow the entries our proxies appended after it. When the
header is missing or those entries are not addresses (a request that did not
come through the proxies), the connection's address is used.
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from ipware import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"
ENVIRONMENT_VARIABLE = "DJANGO_TRUSTED_PROXIES"

# Configuration this rule replaced: each read the address its own way
# (one took the forgeable left-most entry). Setting one of them now stops
# start-up rather than being silently ignored.
RETIRED_VARIABLES = ("DJANGO_CLIENT_IP_HEADER",)
RETIRED_SETTINGS = ("CLIENT_IP_HEADER", "VISITS_CLIENT_IP_HEADER")
MIGRATION_HINT = (
    f"Set {ENVIRONMENT_VARIABLE} to the number of reverse proxies in front of the portal that "
    "append to X-Forwarded-For (1 for one nginx with proxy_add_x_forwarded_for); see "
    "'Client address behind proxies' in README.md."
)


def trusted_proxies_from_environment(environ=os.environ):
    """``TRUSTED_PROXIES`` as read from the environment; a bad or retired variable stops start-up."""
    for name in RETIRED_VARIABLES:
        if environ.get(name, "").strip():
            raise ImproperlyConfigured(f"{name} is no longer read. {MIGRATION_HINT}")
    value = environ.get(ENVIRONMENT_VARIABLE, "").strip() or "0"
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise ImproperlyConfigured(
            f"{ENVIRONMENT_VARIABLE} must be a whole number of proxies (0 or more), not {value!r}."
        )
    return count


def trusted_proxies():
    return int(getattr(settings, "TRUSTED_PROXIES", 0) or 0)


def client_address(request):
    """The visitor's address as text (``""`` if the request carries none)."""
    meta = getattr(request, "META", None) or {}
    count = trusted_proxies()
    if count:
        forwarded = meta.get(FORWARDED_HEADER, "")
        ours = [entry.strip() for entry in forwarded.split(",")][-count:] if forwarded else []
        if len(ours) == count and all(ours):
            # Exactly what our proxies wrote: the visitor first, then count - 1 of our proxies.
            address, _ = get_client_ip(
                _Meta({FORWARDED_HEADER: ", ".join(ours)}),
                proxy_count=count - 1,
                request_header_order=(FORWARDED_HEADER,),
                strict=True,
            )
            if address:
                return address
    address, _ = get_client_ip(_Meta(meta), request_header_order=("REMOTE_ADDR",))
    return address or ""


class _Meta:
    """Just enough of a request for django-ipware: the headers we decided to show it."""

    def __init__(self, meta):
        self.META = {key: meta[key] for key in (FORWARDED_HEADER, "REMOTE_ADDR") if key in meta}
