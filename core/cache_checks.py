"""System checks: the page cache must sit below the visit counter."""

from django.conf import settings
from django.core.checks import Error, register

PAGE_CACHE = "core.page_cache.PageCacheMiddleware"
VISIT_COUNTER = "visits.middleware.VisitCounterMiddleware"


@register()
def check_page_cache_position(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if PAGE_CACHE not in middleware or VISIT_COUNTER not in middleware:
        return []
    if middleware.index(VISIT_COUNTER) > middleware.index(PAGE_CACHE):
        return [
            Error(
                f"{PAGE_CACHE} must come after {VISIT_COUNTER}: cached pages would "
                "not be counted and would keep one moment's figures.",
                id="home.E001",
            )
        ]
    return []
