"""The public figures: carried-over total plus counted views, today, online now."""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from visits import conf
from visits.models import VisitSettings
from visits.stores import get_store

logger = logging.getLogger(__name__)

CARRIED_OVER_KEY = "visits:carried-over"
# Other processes learn of an editor's change within this time (their local
# caches are not told; this process's is cleared on save).
CARRIED_OVER_SECONDS = 60


@dataclass(frozen=True)
class PublicFigures:
    total: int
    today: int
    online: int


def today(now=None):
    """The Vietnamese calendar day of ``now``."""
    return timezone.localtime(now or timezone.now(), conf.TIME_ZONE).date()


def carried_over_total():
    value = cache.get(CARRIED_OVER_KEY)
    if value is None:
        # Not VisitSettings.load(): that creates the row, a write on a page view.
        value = VisitSettings.objects.values_list("carried_over_total", flat=True).first() or 0
        cache.set(CARRIED_OVER_KEY, value, CARRIED_OVER_SECONDS)
    return value


def forget_carried_over_total():
    cache.delete(CARRIED_OVER_KEY)


def set_carried_over_total(total, replace=True):
    """Store the old portal's total; with ``replace=False`` only where none is set yet.

    The demo loader starts the counter from the old portal's figure without
    ever overwriting one an editor (or ``set_visit_total``) has set. Returns
    the total now in force.
    """
    if total < 0:
        raise ValueError("The carried-over total cannot be negative.")
    settings = VisitSettings.load()
    if replace or not settings.carried_over_total:
        settings.carried_over_total = total
        settings.save()
        forget_carried_over_total()
    return settings.carried_over_total


def with_carried_over(counted):
    """The store's figures as the public sees them: the total continues the old portal's."""
    return PublicFigures(counted.total + carried_over_total(), counted.today, counted.online)


def public_figures(now=None):
    """What the sidebar shows; None (and a log entry) if the store cannot be read."""
    now = now or timezone.now()
    try:
        return with_carried_over(get_store().figures(day=today(now), now=now))
    except Exception:
        logger.exception("Visit counter: could not read the figures.")
        return None
