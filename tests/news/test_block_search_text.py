"""Search finds what readers read in body blocks, never the editor's labels or settings.

The first test walks every block of every page model's StreamFields (news
and home, and any block added later), fills each with made-up words, and
compares what the search index gets with those words: a block label, a
choice key or label, help text or a table setting must never be indexed, in
any of the three languages, and every word a reader sees must be.
"""

import itertools

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from search.entries import _texts
from search.normalize import encode, terms
from tests.search.conftest import SearchSite

LANGUAGES = ("vi", "en", "lo")
# A number no label holds (labels such as "Heading 2" have small numbers).
SAMPLE_NUMBER = "97531"


def searchable_stream_fields():
    """``(model, field name, stream block)`` of every page model's StreamField in its search fields."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        searched = {field.field_name for field in model.get_search_fields()}
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.name in searched:
                found.append((model, field.name, field.stream_block))
    return found


def every_block(block):
    yield block
    children = getattr(block, "child_blocks", None)
    if children:
        for child in children.values():
            yield from every_block(child)
    elif isinstance(block, blocks.ListBlock):
        yield from every_block(block.child_block)


class Sample:
    """Raw values for any block, made of words no label holds; ``words`` are those a reader sees."""

    def __init__(self, image, document):
        self.image, self.document = image, document
        self.counter = itertools.count(1)
        self.words = set()

    def word(self):
        word = f"rdw{next(self.counter)}q"
        self.words.add(word)
        return word

    def value(self, block):
        if isinstance(block, blocks.StreamBlock):
            return [{"type": name, "value": self.value(child)} for name, child in block.child_blocks.items()]
        if isinstance(block, blocks.ListBlock):
            return [self.value(block.child_block), self.value(block.child_block)]
        if isinstance(block, ImageBlock):
            return {"image": self.image.pk, "alt_text": self.word(), "decorative": False}
        if isinstance(block, TableBlock):
            return {
                "data": [[self.word(), self.word()], [self.word(), None]],
                "table_caption": self.word(),
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
            }
        if isinstance(block, blocks.StructBlock):
            return {name: self.value(child) for name, child in block.child_blocks.items()}
        if isinstance(block, blocks.ChoiceBlock):
            return [key for key, _ in block.field.choices if key][-1]
        if isinstance(block, blocks.RichTextBlock):
            return f"<p>{self.word()} <b>{self.word()}</b></p>"
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
            return self.word()
        if isinstance(block, (blocks.DecimalBlock, blocks.IntegerBlock, blocks.FloatBlock)):
            return SAMPLE_NUMBER
        if isinstance(block, blocks.DateBlock):
            return "2026-03-04"
        if isinstance(block, blocks.BooleanBlock):
            return False
        if isinstance(block, DocumentChooserBlock):
            return self.document.pk
        pytest.fail(
            f"No sample value for {type(block).__name__}: teach this test what readers see of it."
        )


def editor_texts(block):
    """Everything of ``block`` an editor sees but a reader does not, in the active language."""
    texts = [str(block.label or ""), str(block.name or ""), str(getattr(block.meta, "help_text", "") or "")]
    if isinstance(block, blocks.ChoiceBlock):
        for key, label in block.field.choices:
            texts += [str(key), str(label)]
    if isinstance(block, TableBlock):
        texts += [f"{key} {value}" for key, value in block.table_options.items()]
        texts += ["first_row_is_table_header first_col_is_header table_header_choice row column"]
    return texts


@pytest.fixture
def sample(db):
    image = Image.objects.create(title="rdwimagetitle", file=get_test_image_file())
    document = get_document_model().objects.create(
        title="rdwdocumenttitle", file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    return Sample(image, document)


def test_the_walk_finds_news_and_home_bodies():
    names = {(model._meta.label, name) for model, name, _ in searchable_stream_fields()}
    assert ("news.NewsPage", "body") in names and ("home.ContentPage", "body") in names


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "model,field_name,stream_block",
    searchable_stream_fields(),
    ids=lambda item: getattr(item, "__name__", None) or (item if isinstance(item, str) else ""),
)
def test_only_what_readers_read_is_indexed(sample, language, model, field_name, stream_block):
    with translation.override(language):
        page = model(title="rdwtitle", **{field_name: sample.value(stream_block)})
        field = next(f for f in model.get_search_fields() if f.field_name == field_name)
        indexed = set(field.get_value(page).split())
        readable = terms(field.get_text(page))
        editor_terms = {
            encode(term)
            for block in every_block(stream_block)
            for text in editor_texts(block)
            for term in terms(text)
        }
    assert not indexed & editor_terms, f"labels or settings indexed: {sorted(indexed & editor_terms)}"
    assert indexed == {encode(word) for word in sample.words} | {SAMPLE_NUMBER}
    # Excerpts are cut from the same readable text.
    assert set(readable) == {word for word in sample.words} | {SAMPLE_NUMBER}
    # What the search page's own index stores for the page's body.
    assert editor_terms.isdisjoint(_texts(page)[1].split())


@pytest.mark.parametrize(
    "language,query",
    [("vi", "Tiêu đề cấp 2"), ("vi", "tieu de"), ("en", "heading"), ("en", "Heading 2"), ("en", "h2"),
     ("en", "statistics figures"), ("en", "Quotation attribution")],
)
def test_searching_a_block_label_finds_nothing(client, db, language, query):
    site = SearchSite()
    body = [
        {"type": "heading", "value": {"text": "Zorvex quillon", "level": "h2"}},
        {"type": "paragraph", "value": "<p>The portal aims zorvex.</p>"},
        {"type": "quote", "value": {"text": "Quillon zorvex", "attribution": ""}},
        {"type": "statistics", "value": {"heading": "Zorvex", "figures": [
            {"value": "54.5", "unit": "ha", "label": "Quillon", "source": "", "as_of": None}]}},
    ]
    with translation.override(language):
        page = site.article(language, "Zorvex article")
        page.body = body
        page.save_revision().publish()
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    assert page.slug not in response.content.decode()
    found = client.get(f"/{language}/search/", {"q": "zorvex quillon"}).content.decode()
    assert page.slug in found
    assert "Heading 2" not in found and "Tiêu đề cấp 2" not in found
