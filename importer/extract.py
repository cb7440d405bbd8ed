"""One old page's HTML to an ``Article``: title, date, lead, byline, section and clean body.

The body comes out as a list of plain items the writer turns into the
article's StreamField blocks:

- ``("rich", html)``: rich text reduced to what the portal's editor allows
  (paragraphs, h2-h4, bold, italic, lists, links with absolute old addresses);
- ``("image", {"src", "alt", "caption"})``: a paragraph that only held an image;
- ``("table", {"rows", "caption"})``: an old table, its first row the header.

Inline styles, ``<font>``, empty paragraphs, scripts, share and print
widgets and the sidebar never come along. Parsing is BeautifulSoup over
lxml, which reads broken and cut-off markup as a browser would.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from core import text_rules

HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
BLOCKS = {"p", "blockquote", "pre", "center", "address", "dd", "dt"} | set(HEADINGS)
CONTAINERS = {"div", "section", "article", "main", "span", "font", "tbody", "thead", "dl", "figure", "body"}
DROP = {"script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
        "object", "embed", "svg", "video", "audio", "link", "meta", "hr"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_SPACE = re.compile(r"\s+")
BYLINE_MAX_LENGTH = 60
CAPTION_MAX_LENGTH = 300
# Words that may stand lower-case inside a byline ("Diệp Hương và Minh Anh").
_BYLINE_JOINERS = {"và", "-", "–", "&", "/", ","}


class NotAnArticle(Exception):
    """The page cannot become an article; the message says why (shown in the report)."""


@dataclass
class Article:
    url: str
    title: str
    published_at: object
    lead: str
    byline: str
    section: str
    items: list
    warnings: list = field(default_factory=list)

    def files(self):
        """Absolute addresses of the images and linked files the body uses."""
        for kind, value in self.items:
            if kind == "image":
                yield value["src"]


def clean_text(text):
    text = unicodedata.normalize("NFC", text.replace("\xa0", " "))
    return _SPACE.sub(" ", text_rules.strip_invisible(text))


def _style(tag):
    return tag.get("style") or ""


def _classes(tag):
    return " ".join(tag.get("class") or [])


def extract(text, url, selectors):
    """The article in ``text`` (the page at ``url``), or ``NotAnArticle``."""
    if "</html" not in text[-4096:].lower() and "</body" not in text[-4096:].lower():
        raise NotAnArticle("page is cut off (no end of document)")
    soup = BeautifulSoup(text, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    title_node = soup.select_one(selectors.title)
    title = clean_text(title_node.get_text(" ")).strip() if title_node else ""
    if not title:
        raise NotAnArticle("not an article: no title found")
    body = soup.select_one(selectors.body)
    if body is None:
        raise NotAnArticle("not an article: no article body found")
    warnings = []
    published_text = ""
    if selectors.published:
        node = soup.select_one(selectors.published)
        published_text = clean_text(node.get_text(" ")).strip() if node else ""
    published_at = selectors.parse_date(published_text)
    if published_at is None:
        reason = f"date not understood: {published_text!r}" if published_text else "no publication date"
        raise NotAnArticle(reason)
    section = ""
    if selectors.section:
        node = soup.select_one(selectors.section)
        section = clean_text(node.get_text(" ")).strip() if node else ""

    lead = byline = ""
    for name in ("lead", "byline"):
        selector = getattr(selectors, name)
        node = soup.select_one(selector) if selector else None
        if node is not None:
            value = clean_text(node.get_text(" ")).strip()
            node.decompose()
            if name == "lead":
                lead = value
            else:
                byline = value
    if selectors.remove:
        # One pass over the body for all of them.
        for node in body.select(", ".join(selectors.remove)):
            if not node.decomposed:
                node.decompose()

    items = _merge_captions(list(_walk(body, url)))
    if not selectors.lead and not lead:
        lead, items = _take_lead(items)
    if not selectors.byline and not byline:
        byline, items = _take_byline(items)
    if not lead:
        warnings.append("no lead paragraph found; the title stands in for it")
        lead = title
    if len(lead) > text_rules.LEAD_MAX_LENGTH:
        lead = lead[: text_rules.LEAD_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        warnings.append("lead shortened to the editor's limit")
    if len(title) > text_rules.TITLE_MAX_LENGTH:
        title = title[: text_rules.TITLE_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        warnings.append("title shortened to 255 characters")
    items = [(kind, value) for kind, value in items if kind != "p" or value["html"]]
    items = [("rich", value["html"]) if kind == "p" else (kind, value) for kind, value in items]
    if not items:
        warnings.append("article body is empty")
    return Article(url, title, published_at, lead, byline[:255], section, _join_rich(items), warnings)


def _walk(node, url):
    """Items of the body in reading order: paragraphs ("p"), images and tables."""
    inline = []
    for child in list(node.children):
        if isinstance(child, NavigableString):
            inline.append(child)
            continue
        if not isinstance(child, Tag) or child.name in DROP:
            continue
        name = child.name
        if name in CONTAINERS and _has_blocks(child) or name in ("div", "section", "article", "main",
                                                                  "figure", "body", "tbody", "dl"):
            yield from _flush(inline, url)
            inline = []
            if name == "figure":
                yield from _figure(child, url)
            else:
                yield from _walk(child, url)
        elif name in BLOCKS:
            yield from _flush(inline, url)
            inline = []
            yield from _block(child, url)
        elif name in ("ul", "ol"):
            yield from _flush(inline, url)
            inline = []
            yield from _list(child, url)
        elif name == "table":
            yield from _flush(inline, url)
            inline = []
            yield from _table(child, url)
        else:
            inline.append(child)
    yield from _flush(inline, url)


def _has_blocks(tag):
    return tag.find(list(BLOCKS | {"ul", "ol", "table", "div"})) is not None


def _flush(nodes, url):
    if not nodes:
        return
    wrapper = BeautifulSoup("<p></p>", "lxml").p
    for node in nodes:
        wrapper.append(node.extract() if isinstance(node, Tag) else NavigableString(str(node)))
    yield from _block(wrapper, url)


def _images(tag, url):
    for img in tag.find_all("img"):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            continue
        yield {"src": urljoin(url, src), "alt": clean_text(img.get("alt") or "").strip(), "caption": ""}


def _block(tag, url):
    images = list(_images(tag, url))
    for img in tag.find_all("img"):
        img.decompose()
    level = HEADINGS.get(tag.name)
    content = _inline(tag, url).strip()
    content = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", content).strip()
    text = clean_text(tag.get_text(" ")).strip()
    if text:
        element = level or "p"
        if level:
            content = re.sub(r"</?b>", "", content)
        yield "p", {
            "html": f"<{element}>{content}</{element}>",
            "text": text,
            "italic": _all_styled(tag, ITALIC, _ITALIC_STYLE) or "caption" in _classes(tag),
            "bold": _all_styled(tag, BOLD, _BOLD_STYLE),
            "heading": bool(level),
        }
    for image in images:
        yield "image", image


def _figure(tag, url):
    caption_node = tag.find("figcaption")
    caption = clean_text(caption_node.get_text(" ")).strip() if caption_node else ""
    for image in _images(tag, url):
        image["caption"] = caption
        yield "image", image


def _all_styled(tag, names, style):
    """Whether every piece of text in ``tag`` sits inside bold (or italic) markup."""
    pieces = [piece for piece in tag.find_all(string=True) if piece.strip()]
    if not pieces:
        return False
    for piece in pieces:
        styled = False
        for parent in piece.parents:
            if parent is tag.parent:
                break
            if parent.name in names or style.search(_style(parent)):
                styled = True
                break
        if not styled:
            return False
    return True


def _inline(node, url):
    parts = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(html.escape(clean_text(str(child)), quote=False))
            continue
        if not isinstance(child, Tag) or child.name in DROP or child.name == "img":
            continue
        if child.name == "br":
            parts.append("<br/>")
            continue
        inner = _inline(child, url)
        if not inner.strip():
            parts.append(" " if inner else "")
            continue
        if child.name == "a":
            href = (child.get("href") or "").strip()
            scheme = urlsplit(urljoin(url, href)).scheme if href else ""
            if href and not href.startswith("#") and scheme in ("http", "https", "mailto", "tel"):
                target = html.escape(urljoin(url, href), quote=True)
                inner = f'<a href="{target}">{inner}</a>'
        elif child.name in BOLD or _BOLD_STYLE.search(_style(child)):
            inner = f"<b>{inner}</b>"
        elif child.name in ITALIC or _ITALIC_STYLE.search(_style(child)):
            inner = f"<i>{inner}</i>"
        parts.append(inner)
    joined = "".join(parts)
    return re.sub(r" {2,}", " ", joined)


def _list(tag, url):
    items = []
    for li in tag.find_all("li", recursive=False) or tag.find_all("li"):
        for nested in li.find_all(["ul", "ol"]):
            nested.unwrap()
        content = _inline(li, url).strip()
        if clean_text(li.get_text(" ")).strip():
            items.append(f"<li>{content}</li>")
    if items:
        element = "ol" if tag.name == "ol" else "ul"
        text = clean_text(tag.get_text(" ")).strip()
        yield "p", {"html": f"<{element}>{''.join(items)}</{element}>", "text": text,
                    "italic": False, "bold": False, "heading": False, "list": True}


def _table(tag, url):
    rows = []
    for tr in tag.find_all("tr"):
        row = []
        for cell in tr.find_all(["td", "th"]):
            for br in cell.find_all("br"):
                br.replace_with("\n")
            value = "\n".join(
                clean_text(line).strip() for line in cell.get_text().split("\n") if line.strip()
            )
            row.append(value[: text_rules.TABLE_CELL_MAX_LENGTH])
            span = cell.get("colspan")
            if span and str(span).isdigit():
                row.extend([""] * (min(int(span), 50) - 1))
        if any(row):
            rows.append(row)
    cells = sum(len(row) for row in rows)
    if cells <= 1 or (len(rows) == 1 and not tag.find("th")):
        # A table used for layout: its content is the article's.
        yield from _walk(tag, url)
        return
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    caption_node = tag.find("caption")
    caption = clean_text(caption_node.get_text(" ")).strip() if caption_node else ""
    yield "table", {"rows": rows, "caption": caption[: text_rules.CAPTION_MAX_LENGTH]}


def _merge_captions(items):
    """An image's caption is the short italic paragraph right under it."""
    merged = []
    index = 0
    while index < len(items):
        kind, value = items[index]
        if kind == "image" and not value["caption"] and index + 1 < len(items):
            next_kind, next_value = items[index + 1]
            if (
                next_kind == "p"
                and next_value["italic"]
                and not next_value["heading"]
                and len(next_value["text"]) <= CAPTION_MAX_LENGTH
            ):
                value = dict(value, caption=next_value["text"])
                merged.append((kind, value))
                index += 2
                continue
        merged.append((kind, value))
        index += 1
    return merged


def _take_lead(items):
    for index, (kind, value) in enumerate(items):
        if kind != "p":
            continue
        if value["heading"] or value.get("list"):
            return "", items
        return value["text"], items[:index] + items[index + 1:]
    return "", items


def looks_like_name(text):
    """Whether a short line reads like a byline: "Diệp Hương", "Minh Anh - Sở Ngoại vụ"."""
    text = text.strip()
    if not text or len(text) > BYLINE_MAX_LENGTH or any(ch.isdigit() for ch in text):
        return False
    if text[-1] in ".:;?!…\"'»":
        return False
    words = text.replace("(", " ").replace(")", " ").split()
    name_part = []
    for word in words:
        if word in ("-", "–"):
            break
        name_part.append(word)
    if not 2 <= len(name_part) <= 8:
        return False
    return all(word[0].isupper() or word.lower() in _BYLINE_JOINERS for word in name_part)


def _take_byline(items):
    for index in range(len(items) - 1, -1, -1):
        kind, value = items[index]
        if kind != "p":
            return "", items
        if value["heading"] or value.get("list"):
            return "", items
        if looks_like_name(value["text"]):
            return value["text"], items[:index] + items[index + 1:]
        return "", items
    return "", items


def _join_rich(items):
    """Neighbouring rich text in one paragraph block, within the editor's length limit."""
    joined = []
    length = 0
    for kind, value in items:
        if kind == "rich" and joined and joined[-1][0] == "rich":
            text_length = len(re.sub(r"<[^>]+>", "", value))
            if length + text_length <= text_rules.PARAGRAPH_MAX_LENGTH:
                joined[-1] = ("rich", joined[-1][1] + value)
                length += text_length
                continue
        if kind == "rich":
            length = len(re.sub(r"<[^>]+>", "", value))
        joined.append((kind, value))
    return joined
