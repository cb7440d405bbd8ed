"""System checks: the counter must sit where it sees every page once, after caches."""

from django.conf import settings
from django.core.checks import Error, Warning, register

MIDDLEWARE = "visits.middleware.VisitCounterMiddleware"
# Middleware that must come after (inside) the counter: page caches would
# otherwise store the filled-in figures, or answer before counting.
INNER = (
    "django.middleware.cache.UpdateCacheMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
    "django.middleware.cache.CacheMiddleware",
)
# Middleware that must come before (outside) it: compressed HTML hides the marker.
OUTER = ("django.middleware.gzip.GZipMiddleware",)


@register()
def check_middleware_order(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE not in middleware:
        return [
            Warning(
                f"{MIDDLEWARE} is not in MIDDLEWARE: visits are not counted and the "
                "sidebar shows no figures.",
                id="visits.W001",
            )
        ]
    position = middleware.index(MIDDLEWARE)
    errors = []
    for name in INNER:
        if name in middleware and middleware.index(name) < position:
            errors.append(
                Error(f"{MIDDLEWARE} must come before {name}.", id="visits.E001")
            )
    for name in OUTER:
        if name in middleware and middleware.index(name) > position:
            errors.append(
                Error(f"{MIDDLEWARE} must come after {name}.", id="visits.E002")
            )
    return errors
