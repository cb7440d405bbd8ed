"""The hole the site frame leaves for the live figures, and how it is filled.

The sidebar template renders ``<!--visits:figures page=42-->`` instead of
numbers; the middleware replaces it on every response, after any page cache
(see ``visits.middleware``). So a cached page still shows current figures,
and the page being viewed is known even when no view code ran.
"""

import re

from django.template.loader import render_to_string
from django.utils import translation

PREFIX = b"<!--visits:figures"
MARKER = re.compile(rb"<!--visits:figures(?: page=(\d+))?-->")


def marker(page_id=None):
    return f"<!--visits:figures page={page_id}-->" if page_id else "<!--visits:figures-->"


def find(content):
    """The marker's match in a page's bytes, or None."""
    # A plain substring search first: far quicker than a regex over the page.
    start = content.rfind(PREFIX)
    return MARKER.match(content, start) if start >= 0 else None


def page_id(match):
    return int(match.group(1)) if match and match.group(1) else None


def render(figures, language):
    """The block's HTML (UTF-8): the figures, or a short notice if they could not be read."""
    with translation.override(language):
        return render_to_string("visits/includes/figures.html", {"figures": figures}).encode()


def splice(response, content, match, html):
    """Put ``html`` where the marker is in ``content``, the response's body."""
    start, end = match.span()
    if response.charset.lower().replace("-", "") != "utf8":
        html = html.decode().encode(response.charset, "xmlcharrefreplace")
    body = b"".join((content[:start], html, content[end:]))
    response.content = body
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(body))
