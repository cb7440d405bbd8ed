"""Where things are in the old pages: a TOML file, or the Sơn La Liferay preset.

The file's format is documented in the README ("Selectors file"). Every
selector is a CSS selector (soupsieve); ``title`` and ``body`` are required,
the others optional: without ``lead`` and ``byline`` the importer guesses
them from the body (``importer.extract``).
"""

import datetime
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field

VIETNAM = "Asia/Ho_Chi_Minh"

# The Sơn La portal's Liferay theme (see docs: PORTAL.md, "The page it grows from").
PRESET = {
    "selectors": {
        "title": ".asset-full-content .asset-title, .journal-content-article-title, h1.article-title",
        "published": ".asset-full-content .metadata-publish-date, .asset-metadata .publish-date",
        "body": ".asset-full-content .journal-content-article",
        "section": ".portlet-title-text, .section-title",
    },
    "remove": [
        "script", "style", "noscript", "iframe", "form", "button", "object", "embed",
        ".taglib-social-bookmarks", ".social-share", ".share", ".print", ".print-action",
        ".taglib-ratings", ".asset-links", ".font-size", ".text-size", "#column-2", ".sidebar",
    ],
    "dates": {
        "formats": ["%a, %d/%m/%Y %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y - %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M"],
        "timezone": VIETNAM,
    },
    "sections": {},
}

# "| GMT +7", "(GMT+07:00)", "GMT+7" at the end of a date.
_ZONE_TEXT = re.compile(r"[\s|(]*(GMT|UTC)\s*[+-]?\s*\d{0,2}(:?\d{2})?\)?\s*$", re.IGNORECASE)
# "Thứ năm, 02/11/2017": Vietnamese weekday names strptime does not know.
_VIETNAMESE_WEEKDAY = re.compile(r"^\s*(thứ\s+\S+|chủ\s+nhật)\s*,?\s*", re.IGNORECASE)

REQUIRED = ("title", "body")
KNOWN = ("title", "published", "lead", "body", "byline", "section")


class SelectorsError(ValueError):
    """The selectors file cannot be used; the message says why."""


@dataclass
class Selectors:
    title: str
    body: str
    published: str = ""
    lead: str = ""
    byline: str = ""
    section: str = ""
    remove: list = field(default_factory=list)
    date_formats: list = field(default_factory=list)
    timezone: str = VIETNAM
    sections: dict = field(default_factory=dict)
    default_section: str = ""

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.timezone)

    def parse_date(self, text):
        """An aware datetime for the old page's date text, or None."""
        if not text:
            return None
        cleaned = " ".join(text.split())
        cleaned = _ZONE_TEXT.sub("", cleaned).strip(" |-,")
        candidates = [cleaned, _VIETNAMESE_WEEKDAY.sub("", cleaned)]
        for candidate in candidates:
            for fmt in self.date_formats:
                try:
                    naive = datetime.datetime.strptime(candidate, fmt)
                except ValueError:
                    continue
                return naive.replace(tzinfo=self.tz)
        return None

    def fingerprint_text(self):
        return repr(sorted(vars(self).items()))


def preset():
    return _build(PRESET)


def load(path):
    """The selectors of a TOML file, over the preset's lists of things to remove."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SelectorsError(f"cannot read {path}: {error.strerror}")
    except tomllib.TOMLDecodeError as error:
        raise SelectorsError(f"{path} is not valid TOML: {error}")
    selectors = data.get("selectors")
    if not isinstance(selectors, dict):
        raise SelectorsError(f"{path} has no [selectors] table")
    missing = [name for name in REQUIRED if not selectors.get(name)]
    if missing:
        raise SelectorsError(f"{path}: [selectors] needs {', '.join(missing)}")
    unknown = sorted(set(selectors) - set(KNOWN))
    if unknown:
        raise SelectorsError(f"{path}: unknown selectors {', '.join(unknown)}")
    merged = {
        "selectors": selectors,
        "remove": PRESET["remove"] + list(data.get("remove", {}).get("selectors", [])),
        "dates": {**PRESET["dates"], **data.get("dates", {})},
        "sections": data.get("sections", {}),
        "default_section": data.get("import", {}).get("default_section", ""),
    }
    try:
        zoneinfo.ZoneInfo(merged["dates"]["timezone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SelectorsError(f"{path}: unknown timezone {merged['dates']['timezone']!r}")
    return _build(merged)


def _build(data):
    selectors = data["selectors"]
    return Selectors(
        **{name: selectors.get(name, "") for name in KNOWN},
        remove=list(data["remove"]),
        date_formats=list(data["dates"]["formats"]),
        timezone=data["dates"]["timezone"],
        sections=dict(data.get("sections", {})),
        default_section=data.get("default_section", ""),
    )
