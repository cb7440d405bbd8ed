"""A realistic news corpus for the search benchmark, built from real words.

Search cost depends on how many pages each query term is in (its document
frequency), so the benchmark's text must have the word statistics of real
news: a few words in nearly every article ("tỉnh", "the", "ແຂວງ"), a middle
band in some of them, and a long tail of rare words; runs of words that
belong together ("hợp tác xã") must occur as phrases.

* **Words** are real: every word is taken from real text in that language
  that ships with the project or its dependencies: the portal's demo
  articles and message catalogues, the message catalogues of Django,
  Wagtail and the other installed packages (Vietnamese translations,
  English source strings) and ICU's CLDR names of languages, countries,
  months and weekdays in each language. Lao words are
  found with the same ICU word breaker the index uses.
* **Frequencies** follow Zipf's law (Zipf-Mandelbrot, exponent 1, shift
  2.7, the usual fit for news text), over the words ranked by how often
  they occur in those sources; so the words a Sơn La news site uses most
  ("tỉnh", "Sơn La", "hội nghị") are common here too.
* **Phrases**: about a third of the text is copied in runs of three to
  eight words from the real sentences, so phrase searches find phrases.
* **Length** of articles: 300 to 900 words of body, a 25-45 word lead and
  an 8-16 word title, like the province's news.

Lao is written without spaces between words, only between phrases, as in
real Lao text, so the index has to segment it.
"""

import bisect
import functools
import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ("vi", "en", "lo")
ZIPF_EXPONENT = 1.0
ZIPF_SHIFT = 2.7
PHRASE_SHARE = 0.35

_LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def _po_texts(path, want):
    """msgid (``want="msgid"``) or msgstr texts of a .po file, placeholders removed."""
    texts, current, kind = [], [], None
    if not path.exists():
        return texts
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        match = re.match(r'^(msgid|msgstr(?:\[\d\])?|msgctxt|msgid_plural)\s+"(.*)"\s*$', line)
        if match:
            if kind and kind.startswith(want) and current:
                texts.append("".join(current))
            kind, current = match.group(1), [match.group(2)]
        elif line.startswith('"') and kind:
            current.append(line.strip()[1:-1])
        else:
            if kind and kind.startswith(want) and current:
                texts.append("".join(current))
            kind, current = None, []
    # %(name)s, %s, {name} and HTML tags are not words of the language.
    return [re.sub(r"%\(\w+\)\w|%\w|\{\w*\}|<[^>]+>|\\n", " ", text) for text in texts]


def _demo_texts(language):
    """Every text of the demo content in ``language``."""
    sys.path.insert(0, str(BASE_DIR))
    from demo import data
    from demo.schema import T

    found, seen = [], set()

    def walk(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, T):
            found.append(getattr(value, language))
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            for item in vars(value).values():
                walk(item)

    modules = [module for name, module in vars(data).items() if type(module).__name__ == "module"]
    for module in [data, *modules]:
        for name, value in vars(module).items():
            if not name.startswith("_") and type(value).__name__ != "module":
                walk(value)
    return [text for text in found if isinstance(text, str)]


def _cldr_texts(language):
    """Names of languages, countries, months and weekdays in ``language``, from ICU's CLDR data."""
    import icu

    locale = icu.Locale(language)
    texts = [icu.Locale(code).getDisplayLanguage(locale) for code in icu.Locale.getISOLanguages()]
    texts += [icu.Locale("", code).getDisplayCountry(locale) for code in icu.Locale.getISOCountries()]
    symbols = icu.DateFormatSymbols(locale)
    texts += list(symbols.getMonths()) + list(symbols.getWeekdays())
    return texts


def _package_catalogues():
    """The Vietnamese .po files of the installed packages (Django, Wagtail and the rest)."""
    import django

    site_packages = Path(django.__file__).resolve().parent.parent
    return sorted(site_packages.glob("**/locale/vi/LC_MESSAGES/*.po"))


def source_texts(language):
    """Real texts in ``language``, the portal's own first."""
    texts = _demo_texts(language)
    own = BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
    if language == "lo":
        return texts + _po_texts(own, "msgstr") + _cldr_texts("lo")
    # English source strings and their Vietnamese translations.
    want = "msgid" if language == "en" else "msgstr"
    texts += _po_texts(own, want)
    for path in _package_catalogues():
        texts += _po_texts(path, want)
    return texts + _cldr_texts(language)


def _words(text, language):
    """The words of ``text`` in order (Lao runs split with ICU, as the index does)."""
    from search.normalize import split_lao

    if language == "lo":
        return [word for run in _LAO_RUN.findall(text) for word in split_lao(run)]
    return [word for word in _LATIN_WORD.findall(text) if not _LAO_RUN.match(word)]


@functools.lru_cache(maxsize=None)
def vocabulary(language):
    """``(words by rank, word sequences of the real sentences)`` for ``language``.

    A word's spelling is its most frequent one in the sources (so proper
    names keep their capitals); rank is by frequency, ties broken by first
    appearance.
    """
    counts, spellings, sentences = Counter(), {}, []
    for text in source_texts(language):
        for sentence in re.split(r"[.!?;:,()\n]+", text):
            words = _words(sentence, language)
            if len(words) >= 3:
                sentences.append(words)
            for word in words:
                key = word.lower()
                counts[key] += 1
                spellings.setdefault(key, Counter())[word] += 1
    ranked = [spellings[key].most_common(1)[0][0] for key, _ in counts.most_common()]
    return ranked, sentences


class Writer:
    """Random news text in one language with the statistics described above."""

    def __init__(self, language, seed):
        self.language = language
        self.random = random.Random(f"{language}-{seed}")
        self.words, self.sentences = vocabulary(language)
        weights = [1 / (rank + ZIPF_SHIFT) ** ZIPF_EXPONENT for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))
        # Lao puts spaces between phrases, not between words.
        self.joiner = "" if language == "lo" else " "

    def _word(self):
        point = self.random.random() * self.cumulative[-1]
        return self.words[bisect.bisect(self.cumulative, point)]

    def words_run(self, count):
        """``count`` words: Zipf-drawn words and runs copied from real sentences."""
        words = []
        while len(words) < count:
            if self.sentences and self.random.random() < PHRASE_SHARE / 4:
                sentence = self.random.choice(self.sentences)
                length = min(len(sentence), self.random.randint(3, 8), count - len(words))
                start = self.random.randint(0, len(sentence) - length)
                words += sentence[start : start + length]
            else:
                words.append(self._word())
        return words[:count]

    def text(self, count):
        """``count`` words as text: phrases of 2-6 words (Lao: joined without spaces)."""
        words = self.words_run(count)
        chunks, position = [], 0
        while position < len(words):
            size = self.random.randint(2, 6)
            chunks.append(self.joiner.join(words[position : position + size]))
            position += size
        text = " ".join(chunks)
        return text[:1].upper() + text[1:]

    def sentence(self, low, high):
        return self.text(self.random.randint(low, high)) + "."

    def paragraphs(self, total_words):
        """Body paragraphs of 40-120 words summing to ``total_words``."""
        result = []
        while total_words > 0:
            size = min(total_words, self.random.randint(40, 120))
            sentences, left = [], size
            while left > 0:
                length = min(left, self.random.randint(10, 25))
                sentences.append(self.sentence(length, length))
                left -= length
            result.append(" ".join(sentences))
            total_words -= size
        return result

    def article(self):
        """``(title, lead, author, body paragraphs, body words)`` of one article."""
        title = self.text(self.random.randint(8, 16))
        lead = self.sentence(25, 45)
        author = self.text(2)
        words = self.random.randint(300, 900)
        return title, lead, author, self.paragraphs(words), words


def describe(language):
    """A one-line summary of a language's vocabulary."""
    words, sentences = vocabulary(language)
    return f"{language}: {len(words):,} distinct words, {len(sentences):,} source sentences"
