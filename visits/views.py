"""The figures block fetched by the page itself when a caching proxy is in front.

With ``VISITS_COUNT_IN_BROWSER`` on, pages carry an empty figures slot so
that the proxy can give every reader the same bytes; ``visits.js`` asks this
view for the block. Its answer is the figures marker of the page being read,
which ``VisitCounterMiddleware`` counts and fills in exactly as it would a
whole page (same rules: bots, prefetches and ``HEAD`` are not counted). It
is never cached by anyone (``Cache-Control: private, no-store``).
"""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from visits import conf, markers

# Page ids are database integers; a longer string is not one.
MAX_ID_DIGITS = 18


@never_cache
def figures(request):
    if not conf.count_in_browser():
        raise Http404
    raw = request.GET.get("page", "")
    page_id = None
    if raw:
        if not raw.isdigit() or len(raw) > MAX_ID_DIGITS:
            return HttpResponseBadRequest("page must be a page id\n", content_type="text/plain")
        page_id = int(raw)
        # Only views of pages a visitor can read are counted for a page.
        if not Page.objects.live().public().filter(pk=page_id).exists():
            raise Http404
    response = HttpResponse(markers.marker(page_id), content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response
