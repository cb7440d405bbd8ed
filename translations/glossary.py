"""Finding glossary terms in source text.

Matching works on plain text (segments may hold inline HTML), NFC-normalised
and case-folded, and only on whole words: "Sở Ngoại vụ" must not match inside
a longer word. Vietnamese words are space-separated, so ``\\w`` boundaries
are enough for source text.
"""

import html
import re
from functools import lru_cache

from django.utils.html import strip_tags

from translations.models import GlossaryTerm, normalise_term


def plain_text(data):
    """Segment data (may contain inline tags and entities) as normalised plain text."""
    return normalise_term(html.unescape(strip_tags(data or "")))


@lru_cache(maxsize=256)
def _pattern(term):
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)")


def all_terms():
    return list(GlossaryTerm.objects.all())


def terms_in(text, terms=None):
    """Glossary terms occurring in ``text``, longest first (so a phrase wins over its parts)."""
    haystack = plain_text(text)
    if not haystack:
        return []
    found = [
        term for term in (terms if terms is not None else all_terms())
        if _pattern(normalise_term(term.term)).search(haystack)
    ]
    return sorted(found, key=lambda term: -len(term.term))


def exact_term(text, terms=None):
    """The glossary term that is the whole of ``text``, if any."""
    wanted = plain_text(text)
    if not wanted:
        return None
    candidates = terms if terms is not None else all_terms()
    return next((term for term in candidates if normalise_term(term.term) == wanted), None)


def target_uses_term(translated, term, language_code):
    """Whether a translation contains the agreed term (case-insensitive)."""
    agreed = normalise_term(term.target(language_code))
    return bool(agreed) and agreed in plain_text(translated)
