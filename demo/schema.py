"""The shapes demo content is written in; no database access here.

Every visible text is a ``T`` holding the same words in Vietnamese, English
and Lao. A plain ``str`` stands for text that is the same in all three
(numbers, e-mail addresses). Blocks mirror ``core.blocks.BodyStreamBlock``.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

LANGUAGES = ("vi", "en", "lo")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class T(NamedTuple):
    vi: str
    en: str
    lo: str


def pick(text, language):
    """The text in one language; plain strings are shared by all three."""
    if text is None or isinstance(text, str):
        return text
    return getattr(text, language)


def slugs(vi, en):
    """English slugs serve the Lao pages too: slugs stay ASCII, and readable to editors."""
    return T(vi, en, en)


def vietnam_time(year, month, day, hour, minute):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


# Body blocks ---------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: T
    level: str = "h2"


@dataclass(frozen=True)
class Bullets:
    items: tuple


@dataclass(frozen=True)
class Paragraph:
    """Rich text: each ``T`` becomes a <p>, each ``Bullets`` a <ul>."""

    parts: tuple

    def __init__(self, *parts):
        object.__setattr__(self, "parts", parts)


@dataclass(frozen=True)
class Picture:
    image: str  # key of an ImageSpec
    alt: T
    caption: T


@dataclass(frozen=True)
class Quote:
    text: T
    attribution: T


@dataclass(frozen=True)
class Table:
    caption: T
    rows: tuple  # first row is the header row
    first_col_is_header: bool = False


@dataclass(frozen=True)
class DocumentLink:
    document: str  # key of a DocumentSpec
    title: T


@dataclass(frozen=True)
class Figure:
    value: str
    unit: object  # T or str
    label: T
    source: T
    as_of: datetime.date | None = None


@dataclass(frozen=True)
class Statistics:
    heading: T
    figures: tuple


# Pages, media and the site identity --------------------------------------------


@dataclass(frozen=True)
class ImageSpec:
    key: str
    title: str  # editors find (and the loader reuses) images by title
    scene: str  # name of a drawing function in ``pictures``
    seed: int


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: str
    filename: str
    text: str


@dataclass(frozen=True)
class Article:
    key: str
    slug: T
    title: T
    lead: T
    published_at: datetime.datetime
    author: T
    tags: tuple
    body: tuple
    image: str | None = None
    image_alt: T | None = None
    image_caption: T | None = None
    related: tuple = ()  # keys of articles listed earlier in the data


@dataclass(frozen=True)
class Section:
    key: str
    slug: T
    title: T
    intro: T
    articles: tuple = ()


@dataclass(frozen=True)
class ContentPage:
    key: str
    slug: T
    title: T
    intro: T
    body: tuple
    show_in_menus: bool = False


@dataclass(frozen=True)
class Home:
    slug: T
    title: T
    intro: T
    body: tuple
    reform_section: str  # key of a Section
    featured: tuple  # keys of Articles
    children: tuple = field(default=())  # Sections and ContentPages, in menu order


@dataclass(frozen=True)
class Identity:
    portal_name: T
    agency_name: T
    address: T
    phone: T
    email: str
    editor_in_charge: T
    licence: T
