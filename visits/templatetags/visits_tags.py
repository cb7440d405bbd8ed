"""Sidebar blocks: visit statistics (filled in by the middleware) and "Most read"."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from visits import markers, most_read
from visits.figures import today

register = template.Library()


@register.simple_tag(takes_context=True)
def visit_figures_marker(context):
    """Where the live figures go; carries the id of the page being viewed, if any."""
    page = context.get("page")
    page_id = page.pk if isinstance(page, Page) and page.pk else None
    return mark_safe(markers.marker(page_id))


@register.inclusion_tag("visits/includes/most_read.html", takes_context=True)
def most_read_articles(context):
    request = context.get("request")
    return {"items": most_read.sidebar_list(get_language(), today(), request=request)}
