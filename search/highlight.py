"""Excerpts of a page's text with the searched words marked.

Each word of the readable text is normalised on its own with
:func:`search.normalize.terms`, so "Hội nghị" is marked for the query
"hoi nghi", "conferences" for "conference" and a Lao word inside run-on Lao
text for that word. Everything but the ``<mark>`` tags is escaped.

Marked words next to each other (with only spaces, or in Lao nothing, between
them) become one ``<mark>``: "<mark>hội nghị</mark>", not two boxes with a gap.
Lao's commonest words (``COMMON_LAO_WORDS``: prefixes such as ການ and
ຄວາມ, particles, prepositions) are in nearly every sentence; a reader who
typed "ການພັດທະນາ" looks for that word, not for every ການ, so such a word
is marked only as part of a run of marked words holding another word of the
query, unless the query has nothing else.
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.normalize import _LAO_DIGITS, _LAO_RUN, _LAO_VARIANTS, clean, fold, split_lao, word_terms

EXCERPT_LENGTH = 240
# Text shown before the first marked word, so it is not the excerpt's first word.
LEAD_IN = 60
# Only the beginning of a very long page is searched for an excerpt.
MAX_SCANNED = 20_000
# Texts are read for an excerpt in pieces of about this many characters.
SCAN_PIECE = 1_000

_SPAN = re.compile(
    rf"(?P<lao>[{_LAO_RUN}]+)"
    r"|(?P<word>\d{1,3}(?:[.,]\d{3})+(?!\d)|[^\W_](?:[^\W_]|[\u0300-\u036f])*)"
)


_ANY_VARIANT = re.compile("|".join(pattern.pattern for pattern, _ in _LAO_VARIANTS))


def _folded_lao(run):
    """Fold a Lao run like ``normalize.fold`` and map each folded character back.

    Returns the folded text and, for each of its characters, the start and
    end (exclusive) of the characters of ``run`` it came from. Lao letters
    have no accents to strip; only the variant spellings change the text.
    """
    text = run.translate(_LAO_DIGITS)
    starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    if not _ANY_VARIANT.search(text):
        return text, starts, ends
    for pattern, replacement in _LAO_VARIANTS:
        new_text, new_starts, new_ends, position = [], [], [], 0
        for match in pattern.finditer(text):
            piece = match.expand(replacement)
            new_text += [text[position : match.start()], piece]
            new_starts += starts[position : match.start()] + [starts[match.start()]] * len(piece)
            new_ends += ends[position : match.start()] + [ends[match.end() - 1]] * len(piece)
            position = match.end()
        text = "".join(new_text) + text[position:]
        starts = new_starts + starts[position:]
        ends = new_ends + ends[position:]
    return text, starts, ends


# Lao function words a reader does not look for on their own: nominalising
# prefixes (ການ "the act of", ຄວາມ "-ness", ນັກ, ຜູ້), particles, pronouns,
# prepositions and conjunctions. Each is one word for ICU's word breaker.
COMMON_LAO_WORDS = frozenset(
    "ການ ຄວາມ ນັກ ຜູ້ ຂອງ ແລະ ໃນ ທີ່ ໄດ້ ເປັນ ມີ ຈະ ກັບ ໃຫ້ ນີ້ ນັ້ນ ຫຼື ແມ່ນ ຈາກ ເພື່ອ ໂດຍ ຕໍ່ ຢູ່ "
    "ກໍ່ ກໍ ວ່າ ແຕ່ ຊຶ່ງ ເຊິ່ງ ຍັງ ແລ້ວ ຄື ເຖິງ ຕາມ ສູ່ ດ້ວຍ ຈຶ່ງ ກຳ ໄປ ມາ ຫາ ທຸກ ບາງ ອື່ນ".split()
)


def _lao_words(match):
    """``(start, end, word)`` of each word of a matched Lao run, the word folded."""
    folded, starts, ends = _folded_lao(match.group())
    position = 0
    for word in split_lao(folded):
        begin = folded.index(word, position)
        position = begin + len(word)
        yield match.start() + starts[begin], match.start() + ends[position - 1], word


def word_spans(text):
    """``(start, end, terms)`` of each word in ``text``, Lao words included."""
    for match in _SPAN.finditer(text):
        if match.lastgroup == "word":
            yield match.start(), match.end(), word_terms(match.group())
            continue
        for start, end, word in _lao_words(match):
            yield start, end, (word,)


def _word_bounds(text, start, end):
    """``(start, end)`` of the words of ``text[start:end]``, as :func:`word_spans` finds them."""
    for match in _SPAN.finditer(text, start, end):
        if match.lastgroup == "word":
            yield match.start(), match.end()
        else:
            for begin, finish, _ in _lao_words(match):
                yield begin, finish


def _runs(text, marked):
    """Group ``marked`` words into runs of neighbours (only spaces between them)."""
    runs = []
    for word in marked:
        if runs and not text[runs[-1][-1][1] : word[0]].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _found_in_words(text, wanted, offset=0):
    found = []
    for start, end, found_terms in word_spans(text):
        for term in found_terms:
            if term in wanted:
                found.append((offset + start, offset + end, term))
                break
    return found


# Normalising every word of a text to find the searched ones was most of a
# search page's own work (a body is read word by word when its lead lacks
# the words). Instead the text is first searched, at the regular
# expression engine's speed, for what a searched word must contain: its
# letters folded (Vietnamese accents, case) or, in Lao, its letters in any
# of the equivalent spellings. Only the pieces of text between spaces where
# such a thing occurs are then read word by word, as before, so the words
# marked are exactly those the word-by-word reading marks.


# Latin-1, Latin Extended-A and -B, Latin Extended Additional (Vietnamese).
_FOLDED_HERE = [(0x80, 0x250), (0x1E00, 0x1F00)]
# Other letters, marks and digits a text may hold: combining marks, other
# scripts (Lao, U+0E80-0EFF, is searched in its own way), letter-like
# symbols and number forms, enclosed figures, compatibility forms.
_NOT_FOLDED_HERE = "\u0250-\u0e7f\u0f00-\u1dff\u1f00-\u1fff\u2070-\u218f\u2460-\u24ff\u3000-\U0010ffff"


@lru_cache(maxsize=1)
def _latin_folding():
    """``(table, odd)``: a str.translate table folding one character to one, and the characters it cannot.

    Vietnamese text in NFC folds character by character (ộ -> o, Đ -> d);
    a text holding a character this table does not fold to one (æ,
    ligatures, combining marks, another script's letters) is read word by word.
    """
    table, odd = {ord(c): chr(ord(c) + 32) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, []
    for first, last in _FOLDED_HERE:
        for codepoint in range(first, last):
            character = chr(codepoint)
            if not unicodedata.category(character).startswith(("L", "M", "N")):
                continue
            folded = fold(character)
            if len(folded) != 1:
                odd.append(re.escape(character))
            elif folded != character:
                table[codepoint] = folded
    return table, re.compile(f"[{''.join(odd)}{_NOT_FOLDED_HERE}]")


_LAO_SPELLINGS = {"ໜ": "(?:ໜ|ຫນ)", "ໝ": "(?:ໝ|ຫມ)", "ຳ": "(?:ຳ|ໍາ)"}
_LAO_TONES = "່້໊໋"


def _lao_pattern(term):
    """A pattern for every spelling of a folded Lao word (see normalize._LAO_VARIANTS)."""
    pattern, position = [], 0
    while position < len(term):
        character, following = term[position], term[position + 1 : position + 2]
        if character == "ຫ" and following == "ຼ":
            pattern.append("(?:ຫຼ|ຫລ)")
            position += 2
        elif character in _LAO_TONES and following == "ຳ":
            pattern.append(f"(?:{character}ຳ|{character}ໍາ|ໍ{character}າ)")
            position += 2
        else:
            pattern.append(_LAO_SPELLINGS.get(character, re.escape(character)))
            position += 1
    return "".join(pattern)


@lru_cache(maxsize=512)
def _candidates(wanted):
    """A pattern found in every word normalising to a term of ``wanted`` (and in some others), or None.

    None when a term needs the word-by-word reading: numbers (thousands
    separators), a Lao word starting with a mark.
    """
    patterns = []
    for term in sorted(wanted):
        if not term or any(character.isdigit() for character in term):
            return None
        if "\u0e80" <= term[0] <= "\u0eff":
            if unicodedata.category(term[0]).startswith("M"):
                return None
            patterns.append(_lao_pattern(term))
        else:
            # English plurals: "cities" is the term "city", the only ending that changes a letter.
            patterns.append(re.escape(term[:-1] if term.endswith("y") else term))
    return re.compile("|".join(patterns)) if patterns else None


_SPACE = re.compile(r"\s")


def _found(text, wanted, offset=0):
    """``(start, end, term)`` of each word of ``text`` normalising to a term in ``wanted``."""
    candidates = _candidates(frozenset(wanted))
    table, odd = _latin_folding()
    if candidates is None or odd.search(text):
        return _found_in_words(text, wanted, offset)
    found, done = [], 0
    for match in candidates.finditer(text.translate(table)):
        if match.start() < done:
            continue
        # Words never hold a space: the piece between spaces is read as a whole text would be.
        start = match.start()
        while start > done and not text[start - 1].isspace():
            start -= 1
        end_match = _SPACE.search(text, match.end())
        end = end_match.start() if end_match else len(text)
        found += _found_in_words(text[start:end], wanted, offset + start)
        done = end
    return found


def _without_lone_common_words(text, wanted, found):
    if not found or wanted <= COMMON_LAO_WORDS:
        return found
    return [
        word
        for run in _runs(text, found)
        if any(term not in COMMON_LAO_WORDS for _, _, term in run)
        for word in run
    ]


def matches(text, wanted):
    """``(start, end, term)`` of each word of ``text`` to mark for the query terms ``wanted``.

    Every word normalising to a wanted term, except a common Lao word that
    stands alone (see ``COMMON_LAO_WORDS``) when the query has other words.
    """
    return _without_lone_common_words(text, wanted, _found(text, wanted))


def _leading_matches(text, wanted, length):
    """:func:`matches` in the part of ``text`` an excerpt can come from.

    Reading a long body word by word is the costly part of an excerpt, so
    ``text`` is read in pieces (cut at spaces) until a word worth marking is
    found, then ``length`` characters further, so that every window an
    excerpt may show has all its words marked.
    """
    found, position, stop = [], 0, None
    alone = wanted <= COMMON_LAO_WORDS
    while position < len(text) and (stop is None or position < stop):
        end = min(len(text), position + SCAN_PIECE)
        if end < len(text):
            space = text.find(" ", end)
            end = len(text) if space < 0 else space
        found += _found(text[position:end], wanted, position)
        if stop is None and any(alone or term not in COMMON_LAO_WORDS for _, _, term in found):
            stop = end + length
        position = end
    return _without_lone_common_words(text, wanted, found)


def _render(text, marked, start=0, end=None):
    end = len(text) if end is None else end
    html, position = [], start
    inside = [word for word in marked if word[0] >= start and word[1] <= end]
    for run in _runs(text, inside):
        run_start, run_end = run[0][0], run[-1][1]
        html.append(escape(text[position:run_start]))
        html.append(f"<mark>{escape(text[run_start:run_end])}</mark>")
        position = run_end
    html.append(escape(text[position:end]))
    return "".join(html)


def highlight(text, wanted):
    """``text``, escaped, with the words normalising to ``wanted`` terms in ``<mark>``."""
    text = clean(text)
    return mark_safe(_render(text, matches(text, wanted)))  # noqa: S308 - escaped by _render


def _best_window(marked, length):
    """Start of the window of ``length`` characters holding the most different terms."""
    best_start, best_count = marked[0][0], 0
    for start, _, _ in marked:
        count = len({term for s, e, term in marked if start <= s and e <= start + length})
        if count > best_count:
            best_start, best_count = start, count
    return best_start


def excerpt(texts, wanted, length=EXCERPT_LENGTH):
    """A piece of ``texts`` around the searched words, escaped, with them marked.

    The first text holding a searched word gives the excerpt (so a lead beats
    the body); when none does, the first text's beginning is shown.
    """
    first, text, marked = None, None, []
    # ``texts`` may be lazy (search.indexing.text_fields): later texts are
    # read only when the earlier ones hold no searched word.
    for candidate in texts:
        candidate = clean(" ".join(candidate.split()))[:MAX_SCANNED]
        if not candidate:
            continue
        first = first or candidate
        marked = _leading_matches(candidate, wanted, length)
        if marked:
            text = candidate
            break
    if first is None:
        return ""
    if text is None:
        text = first
    start = 0
    if marked:
        start = max(0, _best_window(marked, length - LEAD_IN) - LEAD_IN)
    end = min(len(text), start + length)
    # Cut only between words.
    spans = list(_word_bounds(text, max(0, start - 50), end + 50))
    if start > 0:
        start = next((s for s, e in spans if s >= start), start)
    if end < len(text):
        end = max((e for s, e in spans if e <= end), default=end)
    html = _render(text, marked, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - escaped by _render
