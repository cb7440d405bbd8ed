"""The hole the site frame leaves for the live figures, and how it is filled.

The sidebar template renders ``<!--visits:figures page=42-->`` instead of
numbers; the middleware replaces it on every response, after any page cache
(see ``visits.middleware``). So a cached page still shows current figures,
and the page being viewed is known even when no view code ran.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import numberformat, translation
from django.utils.formats import get_format
from django.utils.html import escape

TEMPLATE = "visits/includes/figures.html"
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
    return _block(language).render(figures)


FIELDS = ("total", "today", "online")


class _Block:
    """The figures block of one language, rendered once with holes for the numbers.

    Rendering the template takes about a tenth of a millisecond; the total
    changes with every counted view, so each view fills the holes instead:
    the numbers grouped as the ``figure`` filter does (51.827.387 in
    Vietnamese and Lao, 51,827,387 in English).
    """

    def __init__(self, language):
        with translation.override(language):
            active = translation.get_language()
            self.decimal_separator = get_format("DECIMAL_SEPARATOR", active)
            self.grouping = get_format("NUMBER_GROUPING", active)
            self.thousand_separator = get_format("THOUSAND_SEPARATOR", active)
            html = render_to_string(
                TEMPLATE,
                {
                    "figures": {name: f"\x00{name}\x00" for name in FIELDS},
                    "shown": {name: f"\x01{name}\x01" for name in FIELDS},
                },
            )
            self.unavailable = render_to_string(TEMPLATE, {"figures": None}).encode()
        html = html.replace("{", "{{").replace("}", "}}")
        for name in FIELDS:
            html = html.replace(f"\x00{name}\x00", f"{{{name}}}")
            html = html.replace(f"\x01{name}\x01", f"{{{name}_shown}}")
        self.template = html

    def render(self, figures):
        if figures is None:
            return self.unavailable
        values = {}
        for name in FIELDS:
            value = getattr(figures, name)
            values[name] = value
            values[f"{name}_shown"] = escape(
                numberformat.format(
                    value,
                    self.decimal_separator,
                    0,
                    self.grouping,
                    self.thousand_separator,
                    force_grouping=True,
                    use_l10n=True,
                )
            )
        return self.template.format(**values).encode()


@functools.lru_cache(maxsize=16)
def _block(language):
    return _Block(language)


@receiver(setting_changed)
def _forget_blocks(**kwargs):
    # Languages, formats or templates may have changed (tests).
    _block.cache_clear()


def slot(page_id, language):
    """The empty figures block a page carries when views are counted by the browser.

    ``visits.js`` replaces it with what ``src`` answers; without JavaScript the
    notice that the figures are not available stays.
    """
    with translation.override(language):
        src = reverse("visit_figures")
    if page_id:
        src += f"?page={page_id}"
    return (
        f'<div class="visit-stats__slot" data-visits-src="{escape(src)}">'.encode()
        + _block(language).unavailable
        + b"</div>"
    )


def splice(response, content, match, html):
    """Put ``html`` where the marker is in ``content``, the response's body."""
    start, end = match.span()
    if response.charset.lower().replace("-", "") != "utf8":
        html = html.decode().encode(response.charset, "xmlcharrefreplace")
    body = b"".join((content[:start], html, content[end:]))
    response.content = body
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(body))
