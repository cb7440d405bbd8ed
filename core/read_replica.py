"""Anonymous page reads on a PostgreSQL streaming replica, never stale.

Configured by production settings when ``DATABASE_REPLICA_URL`` is set (the
``replica`` database alias); without it nothing here runs and every query
goes to ``default``, the primary.

Who reads where:

- ``ReplicaReadsMiddleware`` marks a request as an *anonymous read* when it is
  a GET or HEAD outside the admin, with no session cookie and no
  ``Authorization`` header. Only those requests' reads may go to the replica.
  Everything else (the admin, editors on public pages, management commands,
  the visit counter's flushes) and every write goes to the primary.
- After a change the portal records the primary's WAL position in the shared
  cache (``note_primary_position``, called by ``core.purge`` before any
  cache is purged). An anonymous read uses the replica only once the replica
  has replayed that position, checked with one query
  (``pg_last_wal_replay_lsn() >= position``) at the request's first read; so
  a page rebuilt after a purge shows the change even while the replica lags.
- A replica that cannot be reached is skipped for ``REPLICA_RETRY_SECONDS``
  by this process; a request whose replica query failed half-way is answered
  again from the primary (the middleware re-runs the view once), so stopping
  the replica fails no request.
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
# Where the last change's primary WAL position is kept for every process.
POSITION_KEY = "read-replica:primary-position"
# A day: far longer than any replica lag worth reading from.
POSITION_TIMEOUT = 24 * 60 * 60
SAFE_METHODS = frozenset({"GET", "HEAD"})

_request_reads = contextvars.ContextVar("read_replica_request_reads", default=None)
# Per process: until when the replica is not tried again after a failure.
_replica_down_until = 0.0


def configured():
    return REPLICA in settings.DATABASES


def retry_seconds():
    return getattr(settings, "REPLICA_RETRY_SECONDS", 2.0)


def is_anonymous_read(request):
    """Whether ``request`` may read from the replica: a visitor's GET, not an editor's."""
    if request.method not in SAFE_METHODS:
        return False
    if request.path.startswith("/admin/"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return True


def note_primary_position():
    """Record where the primary's WAL is now, so reads wait for the replica to get there.

    Called after a change commits and before caches are purged; a failure is
    logged and reads then simply go on as before (the replica may show the
    change a moment later, the purge does not wait).
    """
    if not configured():
        return
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            (position,) = cursor.fetchone()
        cache.set(POSITION_KEY, position, POSITION_TIMEOUT)
    except Exception:
        logger.exception("Read replica: could not record the primary's position.")


def mark_replica_down():
    global _replica_down_until
    _replica_down_until = time.monotonic() + retry_seconds()
    try:
        connections[REPLICA].close()
    except Exception:  # a connection to a server that went away may fail to close
        logger.debug("Closing the replica connection failed", exc_info=True)


def replica_down():
    return time.monotonic() < _replica_down_until


class RequestReads:
    """Where one anonymous request reads: decided at its first read, then kept."""

    def __init__(self):
        self.alias = None
        self.replica_failed = False

    def alias_for_reads(self):
        if self.alias is None:
            self.alias = REPLICA if self.replica_usable() else DEFAULT_DB_ALIAS
        return self.alias

    def replica_usable(self):
        if replica_down():
            return False
        position = self.required_position()
        try:
            return self.replica_has_replayed(position)
        except DatabaseError:
            logger.warning("Read replica unreachable; reading from the primary.", exc_info=True)
            mark_replica_down()
            return False

    @staticmethod
    def required_position():
        # Cache errors read as "no change recorded": the Redis-backed cache
        # returns None while Redis is down.
        return cache.get(POSITION_KEY)

    @staticmethod
    def replica_has_replayed(position):
        """Whether the replica answers and has replayed ``position`` (None: any)."""
        with connections[REPLICA].cursor() as cursor:
            if position is None:
                cursor.execute("SELECT pg_last_wal_replay_lsn() IS NOT NULL")
            else:
                cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            (replayed,) = cursor.fetchone()
        return bool(replayed)

    def use_primary(self):
        self.alias = DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Django database router: the replica only for anonymous requests' reads."""

    def db_for_read(self, model, **hints):
        reads = _request_reads.get()
        if reads is None:
            return DEFAULT_DB_ALIAS
        return reads.alias_for_reads()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: objects from either relate.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A streaming replica replays the primary's migrations itself.
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Let anonymous reads use the replica, and answer from the primary if it fails mid-way.

    Place it right below ``core.page_cache.PageCacheMiddleware`` so that page
    cache hits pay nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not configured() or not is_anonymous_read(request):
            return self.get_response(request)
        reads = RequestReads()
        token = _request_reads.set(reads)
        try:
            with connections[REPLICA].execute_wrapper(self._watch(reads)):
                response = self.get_response(request)
            if reads.replica_failed:
                logger.warning("Read replica failed during %s; answering from the primary.", request.path)
                mark_replica_down()
                reads.use_primary()
                response = self.get_response(request)
        finally:
            _request_reads.reset(token)
        return response

    @staticmethod
    def _watch(reads):
        def execute(execute, sql, params, many, context):
            try:
                return execute(sql, params, many, context)
            except DatabaseError:
                # The first-read check handles its own failure.
                if reads.alias == REPLICA:
                    reads.replica_failed = True
                raise

        return execute
