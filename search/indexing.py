"""Search-field declarations that index normalised text.

Page models wrap their ``search_fields`` with :func:`normalised`::

    search_fields = normalised(Page.search_fields + [index.SearchField("intro")])

Each full-text field then gives the search backend the output of
:func:`search.normalize.index_text` instead of the raw value, under the same
name: the title still fills the index's title column (so title matches can
rank first) and the admin's autocomplete still searches the title.
"""

from wagtail.search import index

from search.normalize import index_text


def _as_text(value):
    """Join what a field gives for indexing (a string, or a list for StreamFields) into one string."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class NormalisedFieldMixin:
    def get_text(self, obj):
        """The field's readable text, as a visitor sees it (used for excerpts)."""
        return _as_text(super().get_value(obj))

    def get_value(self, obj):
        return index_text(self.get_text(obj))


class NormalisedSearchField(NormalisedFieldMixin, index.SearchField):
    pass


class NormalisedAutocompleteField(NormalisedFieldMixin, index.AutocompleteField):
    pass


def normalised(search_fields):
    """Return ``search_fields`` with every full-text field indexing normalised text."""
    result = []
    for field in search_fields:
        if isinstance(field, NormalisedFieldMixin):
            result.append(field)
        elif isinstance(field, index.SearchField):
            result.append(NormalisedSearchField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.AutocompleteField):
            result.append(NormalisedAutocompleteField(field.field_name, **field.kwargs))
        else:
            result.append(field)
    return result


def text_fields(page):
    """The readable text of a page's normalised search fields other than the title, in order.

    Yielded one at a time: an excerpt usually comes from the lead, so the
    body (a StreamField to read and strip of HTML) is read only when needed.
    """
    for field in type(page).get_search_fields():
        if isinstance(field, NormalisedSearchField) and field.field_name != "title":
            text = field.get_text(page).strip()
            if text:
                yield text
