"""The figures pages show: read from the store every few seconds, not on every view.

Reading the figures costs a round trip to the store (and the carried-over
total one to Django's cache, which is Redis in production) on every page
view; the sidebar does not need that. Each web process keeps the last
figures it read (a snapshot) for ``VISITS_FIGURES_MAX_AGE`` seconds
(default 5) and adds the views it has counted itself since. So:

- the stored counts stay exact: only what is *shown* is cached;
- a visitor always sees their own view in the total and in "today";
- views counted by other processes appear within the maximum age;
- within a process the total never goes down, nor "today" within a day,
  even if two refreshes finish out of order;
- "online now" is the snapshot's, so it may lag by the maximum age.

Different processes read at different moments, so two consecutive views
served by two processes may show totals a few seconds apart.

With a maximum age of 0 the figures are read on every view.

Stored counts only ever grow. Should someone delete tallies by hand, restart
the web processes: each keeps showing the highest total it has shown.
"""

import datetime
import threading
import time
from dataclasses import dataclass

from django.core.signals import setting_changed
from django.dispatch import receiver

from visits import conf
from visits.figures import PublicFigures, carried_over_total

# The clock snapshots are aged by (a module attribute so tests can move it).
clock = time.monotonic

# Rendered blocks kept per process: (language, figures) -> bytes. Bots and
# non-counted views between two counts reuse them.
RENDERED_KEPT = 64


@dataclass(frozen=True)
class Snapshot:
    """Figures read from the store (views counted here, not carried over)."""

    day: datetime.date
    total: int
    today: int
    online: int
    carried_over: int
    read_at: float


class ShownFigures:
    """One process's view of the figures; safe to share between threads."""

    def __init__(self, max_age):
        self.max_age = max_age
        self._lock = threading.Lock()
        self._snapshot = None
        self._failed_until = -1.0
        self._since = 0  # views this process counted after the snapshot was read
        self._generation = 0  # bumped with each snapshot
        self._highest = (None, 0, 0)  # (day, total, today) shown so far
        self._rendered = {}

    # What the store says ----------------------------------------------------

    def due(self, day):
        """Whether the next view should read the figures from the store."""
        snapshot = self._snapshot
        now = clock()
        if snapshot is None or snapshot.day != day or now - snapshot.read_at >= self.max_age:
            return now >= self._failed_until
        return False

    def read(self, day, figures):
        """Take figures just read from the store (``Figures`` of the store, or None if it failed)."""
        now = clock()
        if figures is None:
            # A failing store is not asked again on every view.
            with self._lock:
                self._snapshot = None
                self._failed_until = now + self.max_age
            return
        carried_over = carried_over_total()
        with self._lock:
            self._snapshot = Snapshot(
                day, figures.total, figures.today, figures.online, carried_over, now
            )
            self._failed_until = -1.0
            self._since = 0
            self._generation += 1

    def generation(self):
        """Taken before counting a view, and handed back to ``counted``."""
        return self._generation

    def counted(self, generation):
        """One view counted by this process, not included in the snapshot.

        If a snapshot was read meanwhile it may already hold this view: then
        it is not added, so the page may lag by a view but never shows one
        that was not counted, or one twice.
        """
        with self._lock:
            if generation == self._generation:
                self._since += 1

    def forget(self):
        """Read again on the next view (e.g. the carried-over total changed)."""
        with self._lock:
            self._snapshot = None
            self._failed_until = -1.0

    # What the page shows ----------------------------------------------------

    def current(self, day):
        """The figures to show now, or None if the store could not be read."""
        with self._lock:
            snapshot = self._snapshot
            if snapshot is None:
                return None
            total = snapshot.total + self._since
            today = snapshot.today + self._since if snapshot.day == day else 0
            highest_day, highest_total, highest_today = self._highest
            total = max(total, highest_total)
            if highest_day == day:
                today = max(today, highest_today)
            self._highest = (day, total, today)
            return PublicFigures(total + snapshot.carried_over, today, snapshot.online)

    def rendered(self, language, figures, render):
        """``render(figures, language)``, reused while the figures stay the same."""
        key = (language, figures)
        html = self._rendered.get(key)
        if html is None:
            html = render(figures, language)
            if len(self._rendered) >= RENDERED_KEPT:
                self._rendered.clear()
            self._rendered[key] = html
        return html


_shown = None


def shown_figures():
    """This process's ``ShownFigures``."""
    global _shown
    if _shown is None:
        _shown = ShownFigures(conf.figures_max_age())
    return _shown


@receiver(setting_changed)
def _forget_shown(setting, **kwargs):
    # Tests change stores and ages with override_settings; start afresh.
    global _shown
    if setting.startswith("VISITS_"):
        _shown = None
