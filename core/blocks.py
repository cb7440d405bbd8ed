"""StreamField blocks for article bodies and the home page.

Every block renders semantic HTML through its own template under
``core/templates/core/blocks/``.

Each block also says what of it is searchable (``get_searchable_content``):
the text a reader sees on the page, never the editor's labels, choice keys
or settings. Wagtail's defaults index a choice's label, so a heading's level
("Heading 2", "Tiêu đề cấp 2") used to be found and shown in excerpts;
tests/news/test_block_search_text.py walks every block to keep it so.
"""

import os
import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as BaseTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import StringSegmentValue

from core import text_rules

# Rich text that only produces accessible markup: no h1 (the page title owns
# it), no inline styles, no embeds.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def _comparable(text):
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def alt_text_copies_image_name(alt_text, image):
    """Whether ``alt_text`` is only the image's title or file name.

    Wagtail fills a body image's alt text with the image's title as soon as it
    is chosen; left like that, the rule that every image is described (or
    marked decorative) would be met without anyone writing a word.
    """
    if not image or not alt_text or not alt_text.strip():
        return False
    alt = _comparable(alt_text)
    file_name = os.path.basename(getattr(image.file, "name", "") or "")
    names = {_comparable(image.title), _comparable(file_name)}
    names.add(_comparable(os.path.splitext(file_name)[0]))
    names.discard("")
    return alt in names


def copied_alt_text_error():
    return ValidationError(
        _(
            "This alt text is only the image's title or file name. Describe what the image "
            "shows for people who cannot see it, or tick \"Image is decorative\"."
        ),
        code="alt_text_is_image_name",
    )


class DescribedImageBlock(ImageBlock):
    """Wagtail's image block, where alt text must be written, not copied from the title.

    Stored and migrated exactly as Wagtail's ``ImageBlock`` (its
    ``deconstruct`` names that class), so no data changes.
    """

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        alt_text = blocks.CharBlock(
            required=False, label=_("Alt text"), max_length=text_rules.ALT_TEXT_MAX_LENGTH
        )
        alt_text.set_name("alt_text")
        self.child_blocks["alt_text"] = alt_text

    def clean(self, value):
        value = super().clean(value)
        if value and not value.decorative:
            alt_text = value.contextual_alt_text or ""
            if len(alt_text) > text_rules.ALT_TEXT_MAX_LENGTH:
                raise StructBlockValidationError(
                    block_errors={"alt_text": ValidationError(
                        _("Keep the alt text to %(limit)d characters or fewer (it has %(count)d).")
                        % {"limit": text_rules.ALT_TEXT_MAX_LENGTH, "count": len(alt_text)}
                    )}
                )
            if alt_text_copies_image_name(alt_text, value):
                raise StructBlockValidationError(block_errors={"alt_text": copied_alt_text_error()})
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=text_rules.TITLE_MAX_LENGTH)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    def get_searchable_content(self, value):
        # The level is how the heading is drawn, not words on the page.
        return self.child_blocks["text"].get_searchable_content(value.get("text") or "")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or an explicit "decorative" choice) and a caption."""

    image = DescribedImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=text_rules.CAPTION_MAX_LENGTH
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock leaves its chooser unlabelled, so the editor
        # showed the field's name, "Image", in English.
        self.child_blocks["image"].child_blocks["image"].label = _("Image")

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "core/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"), max_length=text_rules.QUOTE_MAX_LENGTH)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


class TableBlock(BaseTableBlock):
    """Wagtail's table with a caption, and every cell open to translation.

    wagtail-localize knows nothing of ``TableBlock``; these two hooks hand it
    the caption and each cell as strings (path ``caption`` or ``row.col``).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
        )
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        """The caption and the cells' text (Wagtail's table leaves the caption out)."""
        if not value:
            return []
        content = [value["table_caption"]] if value.get("table_caption") else []
        for row in value.get("data") or []:
            content.extend(str(cell) for cell in row or [] if cell and str(cell).strip())
        return content

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row or []):
                if cell and str(cell).strip():
                    segments.append(StringSegmentValue(f"{row_index}.{col_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value)
        data = [list(row or []) for row in value.get("data") or []]
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
            else:
                row_index, col_index = (int(part) for part in segment.path.split("."))
                data[row_index][col_index] = segment.render_text()
        value["data"] = data
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "core/blocks/table.html"

    def clean(self, value):
        value = super().clean(value)
        # Handsontable has no length limit of its own; a pasted document must
        # not end up in one cell.
        if value:
            caption = value.get("table_caption") or ""
            if len(caption) > text_rules.CAPTION_MAX_LENGTH:
                raise ValidationError(
                    _("Keep the table caption to %(limit)d characters or fewer (it has %(count)d).")
                    % {"limit": text_rules.CAPTION_MAX_LENGTH, "count": len(caption)}
                )
            for row in value.get("data") or []:
                for cell in row or []:
                    if cell and len(str(cell)) > text_rules.TABLE_CELL_MAX_LENGTH:
                        raise ValidationError(
                            _(
                                "Keep each table cell to %(limit)d characters or fewer (one "
                                "has %(count)d)."
                            )
                            % {"limit": text_rules.TABLE_CELL_MAX_LENGTH, "count": len(str(cell))}
                        )
        if value and not (value.get("first_row_is_table_header") or value.get("first_col_is_header")):
            raise ValidationError(
                _("Mark the first row or the first column as headers so that screen readers can read the table.")
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    def get_searchable_content(self, value):
        # The link reads as its own text, else as the document's title.
        if value.get("title"):
            return [value["title"]]
        document = value.get("document")
        return [document.title] if document is not None and document.title else []

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "core/blocks/document_link.html"


class FigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2, max_digits=16)
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=40)
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=255)
    as_of = blocks.DateBlock(label=_("As of"), required=False)

    def get_searchable_content(self, value):
        # In the order shown; the number as plain digits (the index drops
        # thousands separators, so "51.827.387" typed by a reader finds it).
        content = [value["label"]] if value.get("label") else []
        if value.get("value") is not None:
            content.append(f"{Decimal(value['value']).normalize():f}")
        content.extend(value.get(name) for name in ("unit", "source") if value.get(name))
        return content

    class Meta:
        icon = "order"
        label = _("Figure")


class StatisticsBlock(blocks.StructBlock):
    """Key figures: a heading and one to eight numbers with their labels."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=8, label=_("Figures"))

    class Meta:
        icon = "list-ol"
        label = _("Statistics")
        template = "core/blocks/statistics.html"


def figure_decimal_places(value):
    """Decimal places worth showing: 54.00 shows as 54, 54.50 as 54.5."""
    if value is None:
        return 0
    normalized = Decimal(value).normalize()
    exponent = normalized.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="core/blocks/paragraph.html",
        max_length=text_rules.PARAGRAPH_MAX_LENGTH,
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    document = DocumentLinkBlock()
    statistics = StatisticsBlock()
