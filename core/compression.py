"""Gzip for the portal's own answers where nothing in front compresses them.

Behind nginx (``gzip on``, Debian's default), Varnish or a CDN the proxy
compresses, and this stays off. A portal served straight from gunicorn turns it
on with ``DJANGO_COMPRESS_HTML=true`` (production settings): an article's HTML
shrinks from about 21 KB to 5 KB on the reader's link.

BREACH (guessing a secret in a compressed page from its size, by reflecting
chosen text into it) needs a secret in the body. Public pages carry none: the
page cache already refuses pages that use a CSRF token. Answers that did use a
CSRF token (the admin, sign-in and other forms) are sent uncompressed here,
besides Django's own mitigation (random padding in every gzip header and
per-response masking of the token).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def with_compression(middleware):
    """``middleware`` with this compression in its place.

    Above the visit counter and the page cache, which write and store the
    uncompressed body; below WhiteNoise, whose static files come precompressed.
    """
    middleware = list(middleware)
    middleware.insert(middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, __name__ + ".PortalGZipMiddleware")
    return middleware


class PortalGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, except for answers of requests that used a CSRF token."""

    def process_response(self, request, response):
        # A request whose page used a token gets the CSRF cookie (set or
        # renewed) from CsrfViewMiddleware, which has already cleared its own
        # flag by the time the answer reaches this outer middleware.
        if settings.CSRF_COOKIE_NAME in response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return response
        return super().process_response(request, response)
