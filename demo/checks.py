"""Checks on the demo data before anything is written to the database.

They catch the mistakes that are easy to make when writing three languages
side by side: Vietnamese left in an English or Lao text, text that is not in
Unicode NFC (search and slugs would then treat equal words as different),
characters Django escapes in the titles and leads that tests and editors look
for verbatim, duplicate keys or slugs, and pages that would look wrong: an
article whose body shows its main image a second time, a featured article
without a picture (the home page's featured row would be uneven).
"""

import dataclasses
import re
import unicodedata

from .schema import Picture, T

# Latin letters with diacritics (Vietnamese ones included), and the Lao block.
ACCENTED_LATIN = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
LAO = re.compile(r"[\u0e80-\u0eff]")
ENGLISH_EXTRAS = set("’‘“”–—²°")
ESCAPED_BY_DJANGO = set("&<>\"'")
VERBATIM_FIELDS = {"title", "lead", "author"}


def _walk(value, path):
    """(path, T) for every triple inside ``value``."""
    if isinstance(value, T):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key}]")


def text_problems(root, name):
    problems = []
    for path, triple in _walk(root, name):
        for language in ("vi", "en", "lo"):
            text = getattr(triple, language)
            where = f"{path}.{language}"
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty")
                continue
            if not unicodedata.is_normalized("NFC", text):
                problems.append(f"{where}: not NFC")
            if language == "en":
                odd = {c for c in text if not c.isascii() and c not in ENGLISH_EXTRAS}
                if odd:
                    problems.append(f"{where}: non-English characters {sorted(odd)}")
            elif language == "lo" and ACCENTED_LATIN.search(text):
                problems.append(f"{where}: Vietnamese letters in Lao text")
            elif language == "vi" and LAO.search(text):
                problems.append(f"{where}: Lao letters in Vietnamese text")
        if path.rsplit(".", 1)[-1] in VERBATIM_FIELDS:
            for language in ("vi", "en", "lo"):
                escaped = set(getattr(triple, language)) & ESCAPED_BY_DJANGO
                if escaped:
                    problems.append(f"{path}.{language}: {sorted(escaped)} would be HTML-escaped")
    return problems


def structure_problems(home, articles_by_section):
    problems = []
    keys = set()
    for section_key, articles in articles_by_section.items():
        for language in ("vi", "en", "lo"):
            slugs = [getattr(article.slug, language) for article in articles]
            duplicates = {slug for slug in slugs if slugs.count(slug) > 1}
            if duplicates:
                problems.append(f"{section_key}: duplicate {language} slugs {sorted(duplicates)}")
        for article in articles:
            if article.key in keys:
                problems.append(f"duplicate article key {article.key}")
            keys.add(article.key)
            for language in ("en", "lo"):
                if not getattr(article.slug, language).isascii():
                    problems.append(f"{article.key}: the {language} slug is not ASCII")
            # The main image is shown above the body already.
            if article.image and any(
                isinstance(block, Picture) and block.image == article.image for block in article.body
            ):
                problems.append(f"{article.key}: the body repeats the main image {article.image!r}")
    articles = {article.key: article for group in articles_by_section.values() for article in group}
    for key in home.featured:
        if key not in articles:
            problems.append(f"featured article {key} does not exist")
        elif not articles[key].image:
            problems.append(f"featured article {key} has no main image")
    return problems


def check(home, identity, articles_by_section):
    """Raise ValueError listing every problem in the data."""
    problems = text_problems(home, "HOME") + text_problems(identity, "IDENTITY")
    for section_key, articles in articles_by_section.items():
        problems += text_problems(articles, section_key)
    problems += structure_problems(home, articles_by_section)
    if problems:
        raise ValueError("The demo data has problems:\n" + "\n".join(problems))
