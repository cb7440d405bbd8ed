"""Counting in the project's database: one atomic upsert per view.

``INSERT ... ON CONFLICT (...) DO UPDATE SET views = views + excluded.views``
is a single statement that both SQLite (3.24+) and PostgreSQL run
atomically: no read-modify-write in Python, so concurrent views can never
overwrite each other's increment. On SQLite, the project's settings (WAL,
``BEGIN IMMEDIATE``, a 20 s busy timeout) make concurrent writers wait their
turn instead of failing; a write that still fails is logged by the caller
and never reaches the visitor. On PostgreSQL the count commits without
waiting for the disk (``conf.asynchronous_commit``), which saves the
milliseconds of an fsync per view.
"""

import datetime
import functools
import logging
import time

from django.db import connection, transaction
from django.db.models import Q, Sum

from visits import conf
from visits.models import Tally
from visits.stores import Figures

logger = logging.getLogger(__name__)

# Expired "online" rows are deleted at most this often per process, so the
# housekeeping DELETE is one extra write per process every few minutes,
# not one per view.
PRUNE_INTERVAL_SECONDS = 5 * 60


def _execute(sql, params, asynchronous=False):
    """Run one write statement, committed on its own, in one round trip.

    Inside a transaction (tests, ATOMIC_REQUESTS) a savepoint guards it, so
    a failure cannot poison the transaction the page still needs. Otherwise
    it runs in autocommit; on PostgreSQL with ``asynchronous`` its commit
    does not wait for the disk (``conf.asynchronous_commit``): a query string
    of several statements is one implicit transaction there, so ``SET LOCAL``
    sent with the statement applies to its commit alone. That needs Django's
    default client-side parameter binding; with server-side binding the
    statement simply commits synchronously.
    """
    if connection.in_atomic_block:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
        return
    if asynchronous and _asynchronous_commit_possible():
        sql = f"SET LOCAL synchronous_commit TO OFF; {sql}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _asynchronous_commit_possible():
    return (
        connection.vendor == "postgresql"
        and connection.settings_dict["OPTIONS"].get("server_side_binding") is not True
    )


@functools.lru_cache(maxsize=16)
def _upsert_sql(table, rows):
    """The counting upsert for ``rows`` rows, built once per process.

    Only a visitor row's ``seen_at`` moves: the site and page rows then
    change no indexed column, so PostgreSQL can update them in place (HOT),
    without a new entry in every index per view.
    """
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * rows)
    return (
        f"INSERT INTO {table} (kind, day, page_id, visitor, views, seen_at) VALUES {values} "
        "ON CONFLICT (kind, day, page_id, visitor) DO UPDATE SET "
        f"views = {table}.views + excluded.views, seen_at = CASE WHEN excluded.kind = {Tally.VISITOR} "
        f"THEN excluded.seen_at ELSE {table}.seen_at END"
    )


class DatabaseStore:
    """Counts straight into the ``Tally`` table."""

    name = "database"

    def __init__(self):
        self._next_prune = 0.0

    def count(self, *, day, page_id, visitor, now, read=False):
        """Add one view of the site (and of ``page_id``, if any) and mark ``visitor`` as seen.

        One statement, committed before the page leaves. With ``read``, the
        figures are read right after it and returned (None, logged, if that
        read fails: the view is counted all the same).
        """
        rows = [(Tally.SITE, day, 0, "", 1)]
        if page_id:
            rows.append((Tally.PAGE, day, page_id, "", 1))
        rows.append((Tally.VISITOR, day, 0, visitor, 1))
        self.add(rows, now, asynchronous=conf.asynchronous_commit())
        if time.monotonic() >= self._next_prune:
            self._next_prune = time.monotonic() + PRUNE_INTERVAL_SECONDS
            self.prune(now)
        if not read:
            return None
        try:
            return self.figures(day=day, now=now)
        except Exception:
            logger.exception("Visit counter: could not read the figures.")
            return None

    def add(self, rows, now, asynchronous=False):
        """Upsert ``(kind, day, page_id, visitor, n)`` rows, adding ``n`` to existing ones.

        Rows are sorted so every statement locks the same keys in the same
        order: on PostgreSQL two concurrent upserts then queue instead of
        deadlocking.
        """
        ops = connection.ops
        rows = sorted(rows, key=lambda row: row[:4])
        # Raw SQL skips the fields' conversions: store dates and times
        # exactly as the ORM would, or comparisons with them break on SQLite.
        seen_at = ops.adapt_datetimefield_value(now)
        params = []
        for kind, day, page_id, visitor, n in rows:
            params += [kind, ops.adapt_datefield_value(day), page_id, visitor, n, seen_at]
        _execute(_upsert_sql(ops.quote_name(Tally._meta.db_table), len(rows)), params, asynchronous)

    def prune(self, now):
        """Forget visitors not seen within the online window: their hashes go for good.

        Raw SQL: the ORM's ``delete()`` would load every row first, because
        a project-wide ``post_delete`` receiver exists.
        """
        table = connection.ops.quote_name(Tally._meta.db_table)
        cutoff = now - datetime.timedelta(seconds=conf.ONLINE_WINDOW_SECONDS)
        cutoff = connection.ops.adapt_datetimefield_value(cutoff)
        _execute(f"DELETE FROM {table} WHERE kind = %s AND seen_at < %s", [Tally.VISITOR, cutoff])

    def figures(self, *, day, now):
        """Total and today's views, and visitors seen within the window: one query.

        Raw SQL because this runs on every page view: the ORM spends
        milliseconds building this aggregate, the database microseconds
        answering it (both index searches on ``(kind, seen_at)``).
        """
        ops = connection.ops
        table = ops.quote_name(Tally._meta.db_table)
        day = ops.adapt_datefield_value(day)
        cutoff = ops.adapt_datetimefield_value(
            now - datetime.timedelta(seconds=conf.ONLINE_WINDOW_SECONDS)
        )
        sql = (
            "SELECT COALESCE(SUM(CASE WHEN kind = %s THEN views END), 0),"
            " COALESCE(SUM(CASE WHEN kind = %s AND day = %s THEN views END), 0),"
            " COUNT(CASE WHEN kind = %s THEN 1 END)"
            f" FROM {table} WHERE kind = %s OR (kind = %s AND seen_at >= %s)"
        )
        site, visitor = Tally.SITE, Tally.VISITOR
        with connection.cursor() as cursor:
            cursor.execute(sql, [site, site, day, visitor, site, visitor, cutoff])
            total, today, online = cursor.fetchone()
        return Figures(int(total), int(today), int(online))

    def site_sums(self, day):
        """Views counted in total and on ``day``, without the online figure."""
        result = Tally.objects.filter(kind=Tally.SITE).aggregate(
            total=Sum("views"), today=Sum("views", filter=Q(day=day))
        )
        return result["total"] or 0, result["today"] or 0

    def flush(self):
        """Nothing waits outside the database."""
        return 0
