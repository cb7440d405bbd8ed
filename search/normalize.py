"""Text normalisation shared by the search index and every search query.

The index holds a normalised copy of each page's text, and every query goes
through the same functions, so both sides always agree. ``terms()`` turns text
into a list of search terms:

* Unicode: compatibility forms are folded (NFKD), so text typed in NFC or NFD
  gives the same terms; control and format characters are dropped.
* Vietnamese (and any Latin script): accents are stripped, đ becomes d,
  letters are lower-cased: "Hội nghị", "HOI NGHI" and "hoi nghi" all give
  ``["hoi", "nghi"]``.
* English: a light stemmer removes plural endings ("conferences" ->
  "conference", "cities" -> "city"). Folded Vietnamese syllables never end
  in "s", so it leaves them alone.
* Lao: spelling variants are unified (ຫນ/ໜ, ຫມ/ໝ, ຫລ/ຫຼ, ໍາ/ຳ), Lao digits
  become ASCII digits, and runs of Lao text, written without spaces between
  words, are split into words with ICU's dictionary-based word breaker.
* Numbers: thousands separators are removed, so "51.827.387" (Vietnamese)
  and "51,827,387" (English) are the same term.

``slugify()`` makes a page's address from its title with the same folding:
"Sơn La tiếp đoàn công tác tỉnh" -> "son-la-tiep-doan-cong-tac-tinh".

``index_text()`` writes terms for a search backend. Lao words are spelled
there in plain ASCII letters ("lq" + two letters per character), because
backends cut Lao text differently: SQLite's FTS5 tokenizer splits words at
every Lao vowel or tone mark, PostgreSQL's parser depends on the server's
locale. ASCII words are cut the same way by every backend.
"""

import contextvars
import logging
import re
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.text import slugify as django_slugify

logger = logging.getLogger(__name__)

try:
    import icu
except ImportError:  # pragma: no cover - requirements.txt installs it
    icu = None
    logger.warning("PyICU is not installed: Lao text will not be split into words.")

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 24

# Characters that mean nothing to search: C0/C1 controls, format characters
# such as zero-width spaces and joiners, soft hyphens, the replacement
# character left by broken percent-encoding, and surrogates.
_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufffd\ud800-\udfff]"
)
_SEPARATOR = re.compile(r"[\u200b\u2028\u2029]")
# Marks that NFKD splits off Latin letters: Vietnamese tones, circumflex, breve, horn.
_LATIN_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_FOLD_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae"})
_LAO_DIGITS = str.maketrans({chr(0x0ED0 + n): str(n) for n in range(10)})
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")

# Lao spellings that mean the same word. NFKD has already turned ໜ, ໝ and ຳ
# into ຫນ, ຫມ and ໍາ; they are put back together here because ICU's Lao
# dictionary knows the composed spellings (it splits "ຫລວງພະບາງ" into three
# words but keeps "ຫຼວງພະບາງ" whole).
_LAO_VARIANTS = [
    (re.compile("ຫນ"), "ໜ"),
    (re.compile("ຫມ"), "ໝ"),
    (re.compile("ຫລ"), "ຫຼ"),
    (re.compile("ໍ([່້໊໋])າ"), r"\1ຳ"),  # ນໍ້າ typed with the tone after niggahita
    (re.compile("ໍາ"), "ຳ"),
]

_LAO_RUN = "\u0e80-\u0ecf\u0edc-\u0edf"
_TOKEN = re.compile(rf"(?P<lao>[{_LAO_RUN}]+)|(?P<word>[^\W_]+)")

# Lao in the index: "lq" then two letters (a-p, never "s", so the English
# stemmer cannot touch it) for each character of the Lao block.
LAO_PREFIX = "lq"
_HEX_LETTERS = "abcdefghijklmnop"
_LAO_LETTERS = str.maketrans(
    {
        chr(0x0E80 + offset): _HEX_LETTERS[offset >> 4] + _HEX_LETTERS[offset & 15]
        for offset in range(128)
    }
)

# Words that look plural but must keep their "s".
_NOT_PLURAL = frozenset(
    "always analysis basis bias chaos news perhaps physics politics series species "
    "statistics this thus whereas yes".split()
)

# Operators other search engines use: in capitals they are dropped from a
# query ("trade AND tourism"); in lower case they are ordinary words.
_OPERATORS = re.compile(r"(?<!\w)(?:AND|OR|NOT|NEAR)(?!\w)")
_QUOTES = str.maketrans({q: '"' for q in "“”„‟«»＂〝〞"})


def clean(text):
    """Return ``text`` without control or invisible characters, in NFC."""
    text = _SEPARATOR.sub(" ", text or "")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def fold(text):
    """Return ``text`` folded for comparison: no accents, lower case, Lao variants unified."""
    text = unicodedata.normalize("NFKD", _INVISIBLE.sub("", _SEPARATOR.sub(" ", text or "")))
    text = _LATIN_MARKS.sub("", text).translate(_FOLD_LETTERS).translate(_LAO_DIGITS).lower()
    text = unicodedata.normalize("NFC", text)
    for pattern, replacement in _LAO_VARIANTS:
        text = pattern.sub(replacement, text)
    return _THOUSANDS.sub("", text)


def slugify(text):
    """Return the ASCII address (slug) for ``text``: folded, then only a-z, 0-9, "-" and "_".

    Django's own ``slugify`` drops "đ" and any letter it cannot decompose;
    folding first keeps every Vietnamese letter as its base letter. The
    admin's live slug (``search.slug_widget``) is built from this function.
    """
    return django_slugify(fold(text), allow_unicode=False)


def stem(word):
    """Return an English ``word`` without its plural ending (a light, safe stemmer)."""
    if len(word) <= 3 or not word.endswith("s") or word in _NOT_PLURAL:
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]


_breakers = threading.local()


def _lao_breaker():
    # Making a word breaker loads ICU's Lao dictionary rules and costs far
    # more than splitting a run; one per thread is reused (setText resets it).
    breaker = getattr(_breakers, "lao", None)
    if breaker is None:
        breaker = _breakers.lao = icu.BreakIterator.createWordInstance(icu.Locale("lo"))
    return breaker


def split_lao(run):
    """Return the words in a run of Lao text (already folded)."""
    if icu is None:  # pragma: no cover
        return [run]
    breaker = _lao_breaker()
    breaker.setText(run)
    words, start = [], breaker.first()
    for end in breaker:
        # Rule status 0 marks spaces and punctuation; words are 100 and up.
        if breaker.getRuleStatus() >= 100:
            words.append(run[start:end])
        start = end
    return words


def terms(text):
    """Return the search terms in ``text``, in order."""
    result = []
    for match in _TOKEN.finditer(fold(text)):
        if match.lastgroup == "lao":
            result.extend(split_lao(match.group()))
        else:
            result.append(stem(match.group()))
    return result


def encode(term):
    """Return ``term`` spelled for a search backend (ASCII letters for Lao words)."""
    if not term or not ("\u0e80" <= term[0] <= "\u0eff"):
        return term
    return LAO_PREFIX + term.translate(_LAO_LETTERS)


_remembered = contextvars.ContextVar("remembered_index_texts", default=None)


@contextmanager
def remembering():
    """Within the block, :func:`index_text` normalises each distinct text once.

    The search backend indexes a batch of pages inside it: Wagtail's index
    and the search page's own entries both ask for every field's text.
    """
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def index_text(text):
    """Return ``text`` as a backend should index it: encoded terms joined by spaces."""
    memo = _remembered.get()
    if memo is None:
        return _index_text(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _index_text(text)
    return found


# Wagtail's indexer asks for each field's value once per index column (three
# or five times per page), so the last few results are kept.
@lru_cache(maxsize=32)
def _index_text(text):
    return " ".join(encode(term) for term in terms(text))


@lru_cache(maxsize=8192)
def word_terms(word):
    """:func:`terms` of one word, remembered: excerpts look up the same words again and again."""
    return tuple(terms(word))


@dataclass
class ParsedQuery:
    """A visitor's query: single words and "exact phrases", as encoded terms.

    ``words`` and ``phrases`` are ready for a backend; ``highlight`` keeps
    the same terms unencoded, to find them in a page's text.
    """

    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    highlight: set = field(default_factory=set)
    truncated: bool = False

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def parts(self):
        """Every word and phrase, each a list of encoded terms."""
        return [[word] for word in self.words] + self.phrases


def _plain_terms(text):
    return terms(_OPERATORS.sub(" ", text))


def parse_query(query):
    """Parse a visitor's query string into a :class:`ParsedQuery`.

    Double quotes (straight or typographic) mark exact phrases; an unmatched
    quote is ignored. Nothing else is syntax: brackets, stars, colons, minus
    signs and the like separate words like spaces do.
    """
    parsed = ParsedQuery()
    text = clean(query).translate(_QUOTES)
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        # An odd number of quotes: the last one opens nothing.
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    seen = set()
    count = 0
    for position, piece in enumerate(pieces):
        found = terms(piece) if position % 2 else _plain_terms(piece)
        if position % 2 and len(found) > 1:
            phrase = [encode(term) for term in found]
            if tuple(phrase) not in seen and count + len(phrase) <= MAX_QUERY_TERMS:
                seen.add(tuple(phrase))
                parsed.phrases.append(phrase)
                parsed.highlight.update(found)
                count += len(phrase)
            continue
        for term in found:
            encoded = encode(term)
            if encoded in seen:
                continue
            if count >= MAX_QUERY_TERMS:
                parsed.truncated = True
                break
            seen.add(encoded)
            parsed.words.append(encoded)
            parsed.highlight.add(term)
            count += 1
    return parsed


def query_text(query):
    """Return a query string for Wagtail's own search API (the admin's searches)."""
    return " ".join(
        " ".join(part) for part in parse_query(query).parts
    )
