"""The hole the site frame leaves for the live figures, and how it is filled.

The sidebar template renders ``<!--visits:figures page=42-->`` instead of
numbers; the middleware replaces it on every response, after any page cache
(see ``visits.middleware``). So a cached page still shows current figures,
and the page being viewed is known even when no view code ran.
"""

import re

from django.template.loader import render_to_string
from django.utils import translation

MARKER = re.compile(rb"<!--visits:figures(?: page=(\d+))?-->")


def marker(page_id=None):
    return f"<!--visits:figures page={page_id}-->" if page_id else "<!--visits:figures-->"


def find(content):
    """The marker's match in a page's bytes, or None."""
    return MARKER.search(content)


def page_id(match):
    return int(match.group(1)) if match and match.group(1) else None


def fill(response, match, figures, language):
    """Put the figures (or a short notice if they could not be read) where the marker is."""
    with translation.override(language):
        html = render_to_string("visits/includes/figures.html", {"figures": figures})
    start, end = match.span()
    content = response.content
    response.content = content[:start] + html.encode(response.charset) + content[end:]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
