"""Folded keys for finding a document by its number or its words however they are typed.

"3039/QĐ-UBND", "3039/QD-UBND", "3039 qđ ubnd" and "3039" must all find the
same document, and "quyet dinh" must find "Quyết định". The text is folded
with the search app's one folding (``search.normalize.fold``: no accents,
đ -> d, lower case, Lao variants unified) and cut into words; a key is those
words joined by single spaces with a space at each end, so that a word is
found with ``LIKE '% word%'`` (a word start) or, for numbers, ``'% 3039 %'``
(the whole number: 3039 must not find 30391).
"""

import re

from search.normalize import fold

_WORD = re.compile(r"[^\W_]+")
_LAO = re.compile(r"[\u0e80-\u0eff]")
MAX_TERMS = 12


def words(text):
    return _WORD.findall(fold(text or ""))


def key(*texts):
    """The stored key of ``texts``: their folded words, space-separated, padded with spaces."""
    found = []
    for text in texts:
        found += words(text)
    return " " + " ".join(found) + " " if found else ""


def is_lao(word):
    return bool(_LAO.search(word))


def leading_number(text):
    """The number a document number starts with (3039 for "3039/QĐ-UBND"), or None."""
    found = words(text)
    if found and found[0].isascii() and found[0].isdigit() and len(found[0]) <= 9:
        return int(found[0])
    return None


def index_words(*texts):
    """The distinct folded words of ``texts`` that go in the word index (Lao runs are searched in the key)."""
    found = []
    for text in texts:
        found += [word[:64] for word in words(text) if not is_lao(word)]
    return sorted(set(found))


def patterns(query):
    """What each word of a query must match inside a key, at most ``MAX_TERMS`` of them.

    A number must be a whole word; a Latin word the start of one; Lao,
    written without spaces between words, anywhere.
    """
    result = []
    for word in words(query)[:MAX_TERMS]:
        if _LAO.search(word):
            result.append(word)
        elif word.isdigit():
            result.append(f" {word} ")
        else:
            result.append(f" {word}")
    return result
