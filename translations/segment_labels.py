"""Labels for strings deep inside a body block, for the translation editor.

wagtail-localize labels a StreamField string with the top block's label and
the label of that block's *first* child (``get_segment_location_info``): every
string of a statistics block's figures (unit, label, source) read "Figures",
so a translator could not tell a unit from a source. ``label_segments``
relabels such strings in the editor's props with the whole way down, list
items numbered as editors see them: "Figure 2 › Unit".
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField

SEPARATOR = " › "


def _child_by_id(children, block_id):
    for index, child in enumerate(children):
        if getattr(child, "id", None) == block_id:
            return index, child
    return None, None


def nested_label(instance, content_path):
    """The label of the string at ``content_path`` below its top block, or None."""
    parts = content_path.split(".")
    if len(parts) < 3:
        return None
    try:
        field = instance._meta.get_field(parts[0])
    except FieldDoesNotExist:
        return None
    if not isinstance(field, StreamField):
        return None
    _, child = _child_by_id(getattr(instance, parts[0]) or [], parts[1])
    if child is None:
        return None
    block, value = child.block, child.value
    labels = []
    for part in parts[2:]:
        if isinstance(block, blocks.StructBlock):
            if part not in block.child_blocks:
                return None
            # Some struct values are not mappings (ImageBlock's is the image).
            child_value = value.get(part) if hasattr(value, "get") else None
            block, value = block.child_blocks[part], child_value
            # A list's own label is followed by its numbered item: say only the item.
            if not isinstance(block, blocks.ListBlock):
                labels.append(capfirst(block.label))
        elif isinstance(block, blocks.ListBlock):
            index, item = _child_by_id(getattr(value, "bound_blocks", []), part)
            if item is None:
                return None
            block, value = block.child_block, item.value
            labels.append(f"{capfirst(block.label)} {index + 1}")
        elif isinstance(block, blocks.StreamBlock):
            _, item = _child_by_id(value or [], part)
            if item is None:
                return None
            block, value = item.block, item.value
            labels.append(capfirst(block.label))
        else:
            # Rich text, tables: their inner paths are not blocks.
            break
    return SEPARATOR.join(str(label) for label in labels) or None


def label_segments(props, instance):
    """Give every nested body string in the editor's ``props`` its own label."""
    for segment in props.get("segments", []):
        label = nested_label(instance, segment.get("contentPath", ""))
        if label:
            segment["location"]["subField"] = label
    return props
