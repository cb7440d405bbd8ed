"""Site-wide views: the HTML site map and the error pages."""

from django.shortcuts import render
from wagtail.models import Page

from home.models import HomePage


def site_map(request):
    """Every live public page of the visitor's language, as a nested list."""
    home = HomePage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE).first()
    tree = []
    if home is not None:
        pages = list(
            Page.objects.live().public().descendant_of(home, inclusive=True).order_by("path")
        )
        tree = _nest(pages)
    return render(request, "home/site_map.html", {"tree": tree})


def _nest(pages):
    """Turn a path-ordered list of pages into ``[(page, children), ...]``."""
    roots, stack = [], []
    for page in pages:
        node = (page, [])
        while stack and not page.path.startswith(stack[-1][0].path):
            stack.pop()
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
