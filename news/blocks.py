"""StreamField blocks for article bodies and the home page.

Every block renders semantic HTML through its own template under
``news/templates/news/blocks/``.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as BaseTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import StringSegmentValue

# Rich text that only produces accessible markup: no h1 (the page title owns
# it), no inline styles, no embeds.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "news/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or an explicit "decorative" choice) and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock leaves its chooser unlabelled, so the editor
        # showed the field's name, "Image", in English.
        self.child_blocks["image"].child_blocks["image"].label = _("Image")

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"


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
        template = "news/blocks/table.html"

    def clean(self, value):
        value = super().clean(value)
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

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "news/blocks/document_link.html"


class FigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2, max_digits=16)
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=40)
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=255)
    as_of = blocks.DateBlock(label=_("As of"), required=False)

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
        template = "news/blocks/statistics.html"


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
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    document = DocumentLinkBlock()
    statistics = StatisticsBlock()
