"""Script written into any editable field never runs on a public page.

Every field an editor or translator fills (titles, lead, rich text, each
body block, captions, alt text, tags, the site identity snippet) and the
search query a visitor types are given markup that would run script if it
were inserted unescaped. The public pages that show them must contain the
text, escaped, and no element, attribute or URL able to run it.
"""

import json
from html.parser import HTMLParser

import pytest
from django.test import Client
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents.models import Document
from wagtail.images.models import Image

from core.blocks import RICH_TEXT_FEATURES
from home.models import SiteIdentity

ATTACK = (
    '<script>window.__xss=1</script>"><img src=x onerror=alert(1)>'
    "</title></textarea></script><svg onload=alert(1)>'-alert(1)-'"
)


def payload(field):
    """A marker naming the field, then the attack."""
    return f"XSS-{field}-{ATTACK}"


def rich_text_from_the_editor(field):
    """What Wagtail's rich text editor stores for text and a link an attacker typed."""
    contentstate = {
        "blocks": [
            {"key": "a1", "type": "unstyled", "text": payload(field), "depth": 0,
             "inlineStyleRanges": [], "entityRanges": []},
            {"key": "a2", "type": "unstyled", "text": "liên kết", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": [{"offset": 0, "length": 8, "key": 0}]},
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE",
                            "data": {"url": "javascript:alert(document.cookie)"}}},
    }
    return ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


class DangerousMarkup(HTMLParser):
    """Whatever in a page could run script."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.script_text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("svg", "iframe", "object", "embed") or (tag == "img" and attrs.get("src") == "x"):
            self.found.append(f"<{tag}> element")
        if tag == "script":
            kind = (attrs.get("type") or "").lower()
            if "src" not in attrs and "json" not in kind:
                self.found.append(f"inline <script> {attrs}")
            self.script_text = kind
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "data") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self.script_text is not None and "json" in self.script_text:
            # A JSON data block must stay one valid JSON document.
            try:
                json.loads(data)
            except ValueError:
                self.found.append("JSON data block broken out of")

    def handle_endtag(self, tag):
        if tag == "script":
            self.script_text = None


def dangers(html):
    parser = DangerousMarkup()
    parser.feed(html)
    return parser.found


def fields_shown(html, fields):
    """The fields whose escaped marker and attack text reach the page."""
    escaped_attack = "&lt;script&gt;window.__xss=1&lt;/script&gt;"
    return {field for field in fields if f"XSS-{field}-" in html} if escaped_attack in html else set()


@pytest.fixture
def hostile_content(demo_content):
    """Every editable field of an article, its section, the home page and the identity, made hostile."""
    article = demo_content.articles["vi"][0]
    section = article.get_parent().specific
    home = demo_content.homes["vi"]
    image = Image.objects.first()
    document = Document.objects.first()

    article.title = payload("title")
    article.lead = payload("lead")
    article.author = payload("author")
    article.image = image
    article.image_alt = payload("image_alt")
    article.image_decorative = False
    article.image_caption = payload("image_caption")
    article.search_description = payload("search_description")
    article.body = [
        ("heading", {"text": payload("heading"), "level": "h2"}),
        ("paragraph", rich_text_from_the_editor("paragraph")),
        ("image", {"image": {"image": image, "alt_text": payload("block_alt"), "decorative": False},
                   "caption": payload("block_caption")}),
        ("quote", {"text": payload("quote"), "attribution": payload("attribution")}),
        ("table", {"first_row_is_table_header": True, "first_col_is_header": False,
                   "table_caption": payload("table_caption"),
                   "data": [[payload("table_header"), "b"], [payload("table_cell"), "d"]]}),
        ("document", {"document": document, "title": payload("document_title")}),
        ("statistics", {"heading": payload("statistics_heading"),
                        "figures": [{"value": "1248415", "unit": payload("unit"), "label": payload("label"),
                                     "source": payload("source"), "as_of": None}]}),
    ]
    article.save_revision().publish()

    section.intro = payload("section_intro")
    section.save_revision().publish()
    home.intro = payload("home_intro")
    home.save_revision().publish()

    identity = SiteIdentity.objects.get(locale=home.locale)
    for name in ("portal_name", "agency_name", "address", "phone", "editor_in_charge", "licence"):
        setattr(identity, name, payload(name)[: SiteIdentity._meta.get_field(name).max_length])
    identity.save()
    return article, section, home


ARTICLE_FIELDS = {
    "title", "lead", "author", "image_alt", "image_caption", "heading", "paragraph", "block_alt",
    "block_caption", "quote", "attribution", "table_caption", "table_header", "table_cell",
    "document_title", "statistics_heading", "unit", "label", "source",
}
IDENTITY_FIELDS = {"portal_name", "agency_name", "address", "phone", "editor_in_charge", "licence"}


@pytest.mark.django_db
def test_hostile_fields_are_shown_as_text_never_as_markup(hostile_content):
    article, section, home = hostile_content
    client = Client()
    pages = {
        "article": (article.url, ARTICLE_FIELDS | IDENTITY_FIELDS),
        "section": (section.url, {"title", "lead", "section_intro"} | IDENTITY_FIELDS),
        "home": (home.url, {"home_intro"} | IDENTITY_FIELDS),
        "site map": ("/vi/site-map/", {"title"} | IDENTITY_FIELDS),
    }
    for name, (url, fields) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert dangers(html) == [], name
        missing = fields - fields_shown(html, fields)
        assert not missing, f"{name} does not show {sorted(missing)}: the test would prove nothing"


@pytest.mark.django_db
def test_a_javascript_link_typed_in_rich_text_is_not_kept(hostile_content):
    article, _, _ = hostile_content
    html = Client().get(article.url).content.decode()
    assert "liên kết" in html
    assert "javascript:" not in html.lower()


@pytest.mark.django_db
def test_search_query_is_echoed_back_escaped(demo_content):
    client = Client()
    for query in (ATTACK, payload("query"), "Sơn La " + ATTACK):
        response = client.get("/vi/search/", {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert dangers(html) == []
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


@pytest.mark.django_db
def test_hostile_title_found_by_search_is_escaped_in_results(hostile_content):
    html = Client().get("/vi/search/", {"q": "XSS-title"}).content.decode()
    assert "XSS-title" in html
    assert dangers(html) == []
