"""The self-hosted fonts: each page fetches only its script's files, and they draw every character shown.

The @font-face rules in portal.css (written by scripts/build_fonts.py) are read
as a browser reads them; the font files' character maps are read with
fontTools; the demo pages are rendered in every language and every character
they show is looked up in the faces a browser would use for it.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client
from fontTools.ttLib import TTFont

from tests.conftest import LANGUAGES

CSS = Path(finders.find("css/portal.css"))
FACE = re.compile(r"@font-face\s*{(.*?)}", re.DOTALL)


def parse_ranges(text):
    codepoints = set()
    for part in text.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        codepoints |= set(range(int(first, 16), int(last or first, 16) + 1))
    return codepoints


def web_faces():
    """The downloadable faces: family, weight, file path and declared code points."""
    faces = []
    for body in FACE.findall(CSS.read_text(encoding="utf-8")):
        url = re.search(r'url\("\.\./fonts/([^"]+)"\)', body)
        if not url:
            continue  # a local() fallback
        faces.append({
            "family": re.search(r'font-family:\s*"([^"]+)"', body).group(1),
            "weight": int(re.search(r"font-weight:\s*(\d+)", body).group(1)),
            "file": url.group(1),
            "range": parse_ranges(re.search(r"unicode-range:\s*([^;]+);", body).group(1)),
        })
    return faces


FACES = web_faces()


def cmap(file):
    return set(TTFont(finders.find(f"fonts/{file}")).getBestCmap())


def test_every_unicode_range_is_exactly_its_file_s_characters():
    assert len(FACES) >= 4
    for face in FACES:
        assert face["range"] == cmap(face["file"]), face["file"]


def test_no_two_files_of_a_face_claim_the_same_character():
    """Overlapping ranges made Vietnamese pages fetch Latin Extended as well."""
    for index, face in enumerate(FACES):
        for other in FACES[index + 1:]:
            if (face["family"], face["weight"]) == (other["family"], other["weight"]):
                assert not face["range"] & other["range"], (face["file"], other["file"])


def test_the_licence_is_shipped_with_the_fonts():
    licence = Path(finders.find("fonts/OFL.txt")).read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    for face in FACES:
        names = TTFont(finders.find(f"fonts/{face['file']}"))["name"]
        assert "Noto Project Authors" in names.getDebugName(0)  # copyright notice kept (OFL)


# -- what pages show --------------------------------------------------------------


class VisibleText(HTMLParser):
    """Characters of the text a reader sees, by the language of their element; font preloads."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self):
        super().__init__()
        self.stack, self.characters, self.preloads = [], {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "preload" and attrs.get("as") == "font":
            self.preloads.append(attrs["href"])
        if tag in self.VOID:
            return
        self.stack.append((tag, attrs.get("lang") or (self.stack[-1][1] if self.stack else None)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and not any(tag in {"script", "style", "title"} for tag, _lang in self.stack):
            self.characters.setdefault(self.stack[-1][1], set()).update(c for c in data if not c.isspace() or c == " ")


def demo_pages(demo_content, language):
    pages = [demo_content.homes[language], *demo_content.sections[language], *demo_content.articles[language]]
    return [page.url for page in pages] + [f"/{language}/site-map/"]


def read(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser


def family_files(family):
    return [face for face in FACES if face["family"] == family and face["weight"] == 400]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_of_the_demo_pages_is_in_the_fonts_served_for_it(demo_content, language):
    """Lao text is drawn with Noto Sans Lao first, everything else with the Latin and Vietnamese file.

    Neither needs the Latin Extended file, which a page would otherwise fetch;
    on Vietnamese and English pages the Lao language name in the switcher
    needs only its own small face, not the Lao file.
    """
    latin = [face for face in family_files("Noto Sans") if "latin-ext" not in face["file"]]
    lao = family_files("Noto Sans Lao") if language == "lo" else family_files("Noto Sans Lao name")
    assert latin and lao
    missing = {}
    for url in demo_pages(demo_content, language):
        for element_language, characters in read(url).characters.items():
            stack = lao + latin if element_language == "lo" else latin + lao
            for character in characters:
                if not any(ord(character) in face["range"] for face in stack):
                    missing.setdefault(character, url)
    assert not missing, {f"U+{ord(c):04X} {c}": url for c, url in missing.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_preloads_the_regular_face_of_its_own_script_only(demo_content, language):
    own, other = ("lao", "latin-vi") if language == "lo" else ("latin-vi", "lao")
    for url in (demo_content.homes[language].url, demo_content.articles[language][0].url):
        preloads = read(url).preloads
        assert preloads == [static(f"fonts/noto-sans-{own}-400.woff2")], url
        assert not any(other in href for href in preloads)
        assert any(href.endswith(face["file"]) for face in FACES for href in preloads)
