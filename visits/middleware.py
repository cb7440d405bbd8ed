"""The one point where visits are counted and the live figures enter the page.

Place ``visits.middleware.VisitCounterMiddleware`` right after WhiteNoise
and above any cache middleware (``visits.checks`` enforces the latter): it
then sees every page exactly as it leaves for the visitor, whether the HTML
was rendered now or came from a cache, and the figures it writes into the
page are never stored in that cache.

Per counted view the work is one write to the store (one statement, or one
Redis script call), committed before the page leaves. The figures shown are
read from the store only every few seconds per process (``visits.shown``),
in the same round trip as a count when the store allows it.
"""

import logging

from django.utils import timezone

from visits import conf, markers, privacy, rules
from visits.figures import today
from visits.shown import shown_figures
from visits.stores import get_store

logger = logging.getLogger(__name__)


def is_figures_request(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "visit_figures"


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" or not rules.is_countable_response(response):
            return response
        content = response.content
        match = markers.find(content)
        if match is None:
            # Not a page of the public site frame: never counted.
            return response
        language = getattr(request, "LANGUAGE_CODE", None)
        if conf.count_in_browser() and not is_figures_request(request):
            # Behind a caching proxy the page is the same for every view; the
            # browser's request for the figures counts it (visits.views).
            markers.splice(response, content, match, markers.slot(markers.page_id(match), language))
            return response
        now = timezone.now()
        day = today(now)
        shown = shown_figures()
        if rules.should_count(request, response):
            self.count(request, markers.page_id(match), now, day, shown)
        if shown.due(day):
            self.read(now, day, shown)
        html = shown.rendered(language, shown.current(day), markers.render)
        markers.splice(response, content, match, html)
        return response

    def count(self, request, page_id, now, day, shown):
        """Count one view; read the figures with it if they are due.

        A failing store is logged, never shown to the visitor.
        """
        read = shown.due(day)
        generation = shown.generation()
        try:
            figures = get_store().count(
                day=day,
                page_id=page_id,
                visitor=privacy.visitor_hash(request, day),
                now=now,
                read=read,
            )
        except Exception:
            logger.exception("Visit counter: a page view could not be counted.")
            return
        if read:
            # Read after counting, so the figures include this view; None if
            # that read failed (the view is counted all the same).
            shown.read(day, figures)
        else:
            shown.counted(generation)

    def read(self, now, day, shown):
        try:
            figures = get_store().figures(day=day, now=now)
        except Exception:
            logger.exception("Visit counter: could not read the figures.")
            figures = None
        shown.read(day, figures)
