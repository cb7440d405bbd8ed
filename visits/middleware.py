"""The one point where visits are counted and the live figures enter the page.

Place ``visits.middleware.VisitCounterMiddleware`` right after WhiteNoise
and above any cache middleware (``visits.checks`` enforces the latter): it
then sees every page exactly as it leaves for the visitor, whether the HTML
was rendered now or came from a cache, and the figures it writes into the
page are never stored in that cache.
"""

import logging

from django.utils import timezone

from visits import markers, privacy, rules
from visits.figures import public_figures, today, with_carried_over
from visits.stores import get_store

logger = logging.getLogger(__name__)


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" or not rules.is_countable_response(response):
            return response
        match = markers.find(response.content)
        if match is None:
            # Not a page of the public site frame: never counted.
            return response
        now = timezone.now()
        figures = None
        if rules.should_count(request, response):
            figures = self.count(request, markers.page_id(match), now)
        # Figures are read after counting, so they include this view.
        if figures is None:
            figures = public_figures(now)
        language = getattr(request, "LANGUAGE_CODE", None)
        markers.fill(response, match, figures, language)
        return response

    def count(self, request, page_id, now):
        """Count one view and return the public figures (None if not read).

        A failing store is logged, never shown to the visitor.
        """
        day = today(now)
        try:
            counted = get_store().count_and_read(
                day=day, page_id=page_id, visitor=privacy.visitor_hash(request, day), now=now
            )
            return with_carried_over(counted) if counted else None
        except Exception:
            logger.exception("Visit counter: a page view could not be counted.")
            return None
