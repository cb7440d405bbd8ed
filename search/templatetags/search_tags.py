from urllib.parse import urlencode

from django import template

register = template.Library()

# The parameters a link to another page of results carries over.
KEPT = ("q", "section", "date_from", "date_to", "sort")


@register.simple_tag(takes_context=True)
def search_page_url(context, number):
    """A link to page ``number`` of the current search, with its filters."""
    query = context["request"].GET
    params = [(name, query[name]) for name in KEPT if query.get(name)]
    params.append(("page", number))
    return "?" + urlencode(params)
