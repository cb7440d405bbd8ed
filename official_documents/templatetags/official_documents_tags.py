"""A file's type and size as readers expect them: "PDF, 1.2 MB"."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


def readable_size(size):
    if size is None:
        return ""
    if size < 1024:
        return _("%(size)s bytes") % {"size": size}
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": number_format(size / 1024, 1)}
    return _("%(size)s MB") % {"size": number_format(size / (1024 * 1024), 1)}


@register.filter
def file_facts(document):
    """The file's extension in capitals and its size, e.g. "PDF, 1.2 MB"."""
    kind = (document.file_extension or "").upper()
    size = document.get_file_size()
    parts = [part for part in (kind, readable_size(size)) if part]
    return ", ".join(parts)


@register.filter
def query_string(pairs):
    """``[(name, value), ...]`` as a query string."""
    from urllib.parse import urlencode

    return urlencode(list(pairs))
