"""Page content as data: article bodies as typed blocks, statistics as typed figures.

What the site renders as HTML the API gives as JSON a program can use
without parsing the page: rich text as finished HTML (internal links and
document links turned into public addresses, absolute so they work
anywhere), images and documents by id with their API address, tables as
rows, and each statistics block as figures with a number, unit, label,
source and as-of date. The same figures feed the catalogue's CSV and JSON
downloads (``open_data.catalogue``).
"""

import re
from decimal import Decimal

from wagtail.rich_text import RichText, expand_db_html

_RELATIVE = re.compile(r'(\s(?:href|src))="/(?!/)')


def absolute_html(html, request):
    """``html`` with its site-relative links made absolute for ``request``'s host."""
    if request is None:
        return html
    origin = request.build_absolute_uri("/")
    return _RELATIVE.sub(lambda match: f'{match.group(1)}="{origin}', html)


def number(value):
    """A figure's value as a JSON number: 1248415 stays whole, 54.50 becomes 54.5."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def figure_data(figure):
    as_of = figure.get("as_of")
    return {
        "value": number(figure.get("value")),
        "unit": figure.get("unit") or None,
        "label": figure.get("label") or "",
        "source": figure.get("source") or None,
        "as_of": as_of.isoformat() if as_of else None,
    }


def statistics_data(value):
    return {
        "heading": value.get("heading") or "",
        "figures": [figure_data(figure) for figure in value.get("figures") or []],
    }


def statistics_blocks(stream):
    """``[(block id, statistics data)]`` of one StreamField value."""
    return [
        (block.id, statistics_data(block.value)) for block in stream or [] if block.block_type == "statistics"
    ]


def _file(item, endpoint, request, router):
    if item is None:
        return None
    from wagtail.api.v2.utils import get_object_detail_url

    data = {"id": item.pk, "title": item.title}
    detail = get_object_detail_url(router, request, type(item), item.pk) if router else None
    if detail:
        data["detail_url"] = detail
    return data


def block_data(block, request, router=None):
    """One body block as ``{"type", "id", "value"}``."""
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        source = value.source if isinstance(value, RichText) else str(value)
        data = absolute_html(expand_db_html(source), request)
    elif kind == "heading":
        data = {"text": value.get("text") or "", "level": value.get("level") or "h2"}
    elif kind == "image":
        image = value.get("image")
        data = {
            "image": _file(image, "images", request, router),
            "alt": "" if image is None or image.decorative else (image.contextual_alt_text or ""),
            "decorative": bool(image is not None and image.decorative),
            "caption": value.get("caption") or "",
        }
    elif kind == "quote":
        data = {"text": value.get("text") or "", "attribution": value.get("attribution") or ""}
    elif kind == "table":
        value = value or {}
        data = {
            "caption": value.get("table_caption") or "",
            "first_row_is_header": bool(value.get("first_row_is_table_header")),
            "first_column_is_header": bool(value.get("first_col_is_header")),
            "rows": [[("" if cell is None else str(cell)) for cell in row or []] for row in value.get("data") or []],
        }
    elif kind == "document":
        document = value.get("document")
        data = {"document": _file(document, "documents", request, router), "text": value.get("title") or ""}
        if document is not None and request is not None:
            data["download_url"] = request.build_absolute_uri(document.url)
    elif kind == "statistics":
        data = statistics_data(value)
    else:
        # A block type added later: its own API representation, never a 500.
        data = block.block.get_api_representation(value, {"request": request})
    return {"type": kind, "id": block.id, "value": data}


def body_data(stream, request, router=None):
    return [block_data(block, request, router) for block in stream or []]
