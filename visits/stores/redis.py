"""Counting through Redis: atomic increments now, the database in batches.

Keys (all under the configured prefix):

- ``site``: hash day -> views of the whole site not yet in the database;
- ``pages``: hash "day|page_id" -> views of a page not yet in the database;
- ``pending``: how many views wait, to start a flush every N of them;
- ``online``: sorted set visitor hash -> time last seen (expires by itself);
- ``batch:<id>:site`` / ``batch:<id>:pages`` and the set ``batches``: counts
  taken out of ``site``/``pages`` by a flush that has not finished;
- ``flushes``: how many flushes have finished (versions the cached
  database part of the figures).

A view is one call of the ``COUNT_AND_READ`` Lua script, which Redis runs
without interleaving any other client's command; the same call returns the
figures when the process is due to refresh the ones it shows.

A flush is two-phase, so no count is lost or added twice whatever process
dies when: (1) a Lua script atomically renames ``site``/``pages`` to a new
batch and records its id; (2) one database transaction adds the batch's
counts and a ``FlushedBatch`` receipt with its id; (3) the batch keys are
deleted. A batch left over by a dead flush is finished by the next one;
if its receipt exists, step (2) already happened and is skipped.

What can be lost is only what Redis loses: the counts not yet flushed when
Redis itself goes away without persistence. A flush starts as soon as
``VISITS_REDIS_FLUSH_EVERY`` counts are pending, so that bound holds while
the database is reachable (see README, "Visit statistics").
"""

import datetime
import logging
import threading
import time
import uuid

import redis
from django.core.cache import cache
from django.db import connections, transaction
from django.utils import timezone
from redis.backoff import NoBackoff
from redis.retry import Retry

from visits import conf
from visits.models import FlushedBatch, Tally
from visits.stores import Figures

logger = logging.getLogger(__name__)

# After a Redis failure, count in the database for this long before trying
# Redis again, so a dead server costs one timeout, not one per view.
RETRY_AFTER_SECONDS = 10
FLUSH_LOCK_SECONDS = 60
BATCH_ROWS = 500

CLAIM = """
local site, pages, pending, batches, batch_site, batch_pages = unpack(KEYS)
local moved = 0
if redis.call('EXISTS', site) == 1 then redis.call('RENAME', site, batch_site); moved = 1 end
if redis.call('EXISTS', pages) == 1 then redis.call('RENAME', pages, batch_pages); moved = 1 end
if moved == 1 then
  redis.call('SET', pending, 0)
  redis.call('SADD', batches, ARGV[1])
end
return moved
"""

# One script both counts and reads, so a view that is due to refresh the
# figures shown needs one call. ARGV[1] is the mode: "count", "count+read"
# or "read". Returns {views pending} when counting only, else {views
# pending, waiting views in total, of them today, online now, flushes so far}.
COUNT_AND_READ = """
local site, pages, pending, online, batches, flushes = unpack(KEYS)
local mode, day, page_field, visitor, seen, cutoff, ttl, batch_prefix = unpack(ARGV)
local waiting = 0
if mode ~= 'read' then
  redis.call('HINCRBY', site, day, 1)
  if page_field ~= '' then redis.call('HINCRBY', pages, page_field, 1) end
  waiting = redis.call('INCR', pending)
  redis.call('ZADD', online, seen, visitor)
  -- Trimming what has left the window keeps the set small and forgets the
  -- hashes; with no traffic at all the whole set expires by itself.
  redis.call('ZREMRANGEBYSCORE', online, '-inf', '(' .. cutoff)
  redis.call('EXPIRE', online, ttl)
  if mode == 'count' then return {waiting} end
end
local total, today = 0, 0
local function add(key)
  local data = redis.call('HGETALL', key)
  for i = 1, #data, 2 do
    local n = tonumber(data[i + 1])
    total = total + n
    if data[i] == day then today = today + n end
  end
end
add(site)
for _, id in ipairs(redis.call('SMEMBERS', batches)) do add(batch_prefix .. id .. ':site') end
return {waiting, total, today, redis.call('ZCOUNT', online, cutoff, '+inf'),
        tonumber(redis.call('GET', flushes) or '0')}
"""

RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisStore:
    """Counts in Redis; ``database`` is the store it flushes into and falls back on."""

    name = "redis"

    def __init__(self, url, prefix, flush_every, database):
        self.client = redis.Redis.from_url(
            url,
            socket_timeout=0.5,
            socket_connect_timeout=0.5,
            decode_responses=True,
            # redis-py retries ten times by default: a retried transaction
            # could count a view twice, and a dead server would hold the
            # page for seconds. One try; the database takes over instead.
            retry=Retry(NoBackoff(), 0),
        )
        self.prefix = prefix
        self.flush_every = flush_every
        self.database = database
        self._retry_at = 0.0
        # Bumped when this process counts in the database instead: the cached
        # database sums must then be read again, though no flush happened.
        self._database_counts = 0
        # Scripts run by EVALSHA; redis-py loads them again if Redis forgot them.
        self._script = self.client.register_script(COUNT_AND_READ)
        self._keys = [
            self.key(name) for name in ("site", "pages", "pending", "online", "batches", "flushes")
        ]
        self._batch_prefix = self.key("batch:")
        self._claim = self.client.register_script(CLAIM)
        self._release = self.client.register_script(RELEASE)

    def key(self, name):
        return f"{self.prefix}{name}"

    def batch_key(self, batch_id, part):
        return self.key(f"batch:{batch_id}:{part}")

    # Counting -------------------------------------------------------------

    def count(self, *, day, page_id, visitor, now, read=False):
        """Add one view in one Redis script call; on failure count in the database.

        With ``read``, the same call returns the figures too. One call, not
        a transaction of several commands: each wait on the socket costs a
        scheduling delay on a busy server, and each command costs the
        client time to encode and parse.
        """
        if time.monotonic() < self._retry_at:
            return self._count_in_database(
                day=day, page_id=page_id, visitor=visitor, now=now, read=read
            )
        seen = now.timestamp()
        day_text = day.isoformat()
        try:
            result = self._script(
                keys=self._keys,
                args=[
                    "count+read" if read else "count",
                    day_text,
                    f"{day_text}|{page_id}" if page_id else "",
                    visitor,
                    seen,
                    seen - conf.ONLINE_WINDOW_SECONDS,
                    conf.ONLINE_WINDOW_SECONDS * 2,
                    self._batch_prefix,
                ],
            )
        except redis.ResponseError:
            # The script ran and a command in it was refused: the counts
            # before it are in, and counting again in the database would add
            # them twice.
            logger.exception("Visit counter: Redis refused part of a count.")
            return None
        except redis.RedisError:
            # Usually Redis is unreachable and nothing was counted. If the
            # connection broke after Redis ran the script, this one view
            # counts twice: at most one per process per outage, since the
            # database takes over for RETRY_AFTER_SECONDS.
            self._give_up_for_a_while("count")
            return self._count_in_database(
                day=day, page_id=page_id, visitor=visitor, now=now, read=read
            )
        # INCR is atomic, so exactly one view sees each multiple of the bound.
        if result[0] % self.flush_every == 0:
            self.start_flush()
        return self._with_database_sums(day, result) if read else None

    def _count_in_database(self, read, **view):
        self._database_counts += 1
        return self.database.count(read=read, **view)

    def _give_up_for_a_while(self, action):
        self._retry_at = time.monotonic() + RETRY_AFTER_SECONDS
        logger.warning("Visit counter: Redis failed to %s; using the database.", action, exc_info=True)

    # Reading --------------------------------------------------------------

    def figures(self, *, day, now):
        """Database sums (cached until the next flush) plus what waits in Redis."""
        if time.monotonic() < self._retry_at:
            return self.database.figures(day=day, now=now)
        try:
            pending = self._read_pending(day, now)
        except redis.RedisError:
            self._give_up_for_a_while("read the figures")
            return self.database.figures(day=day, now=now)
        return self._with_database_sums(day, pending)

    def _read_pending(self, day, now):
        """[0, views waiting in total, of them today, online now, flushes so far]."""
        cutoff = now.timestamp() - conf.ONLINE_WINDOW_SECONDS
        args = ["read", day.isoformat(), "", "", 0, cutoff, 0, self._batch_prefix]
        return self._script(keys=self._keys, args=args)

    def _with_database_sums(self, day, pending):
        _, pending_total, pending_today, online, flushes = pending
        cache_key = f"visits:db-sums:{self.prefix}:{flushes}:{self._database_counts}:{day.isoformat()}"
        sums = cache.get(cache_key)
        if sums is None:
            sums = self.database.site_sums(day)
            cache.set(cache_key, sums, 60 * 60)
        return Figures(sums[0] + pending_total, sums[1] + pending_today, online)

    # Flushing -------------------------------------------------------------

    def start_flush(self):
        """Flush beside the request (production) or within it (tests); never raise."""
        if not conf.flush_in_thread():
            self._flush_logged()
            return
        threading.Thread(target=self._flush_in_thread, name="visits-flush", daemon=True).start()

    def _flush_in_thread(self):
        try:
            self._flush_logged()
        finally:
            # Connections are per thread; this thread's must not linger.
            connections.close_all()

    def _flush_logged(self):
        try:
            return self.flush()
        except Exception:
            logger.exception("Visit counter: flushing Redis counts to the database failed.")
            return 0

    def flush(self):
        """Move every waiting count to the database; return how many views moved.

        Only one flush runs at a time (a Redis lock); another caller returns
        0 at once. Batches left by a flush that died are finished first.
        """
        token = uuid.uuid4().hex
        if not self.client.set(self.key("flush-lock"), token, nx=True, ex=FLUSH_LOCK_SECONDS):
            return 0
        try:
            moved = 0
            for batch_id in sorted(self.client.smembers(self.key("batches"))):
                moved += self._apply(batch_id)
            batch_id = f"{timezone.now():%Y%m%d%H%M%S}-{uuid.uuid4().hex[:12]}"
            if self.claim(batch_id):
                moved += self._apply(batch_id)
            return moved
        finally:
            self._release(keys=[self.key("flush-lock")], args=[token])

    def claim(self, batch_id):
        """Phase 1: take the waiting counts out of the live keys, atomically."""
        return self._claim(
            keys=[
                self.key("site"),
                self.key("pages"),
                self.key("pending"),
                self.key("batches"),
                self.batch_key(batch_id, "site"),
                self.batch_key(batch_id, "pages"),
            ],
            args=[batch_id],
        )

    def _apply(self, batch_id):
        """Phases 2 and 3 for one batch; return the site views it held."""
        site = self.client.hgetall(self.batch_key(batch_id, "site"))
        pages = self.client.hgetall(self.batch_key(batch_id, "pages"))
        rows = [(Tally.SITE, _day(day), 0, "", int(n)) for day, n in site.items()]
        for field, n in pages.items():
            day, page_id = field.split("|")
            rows.append((Tally.PAGE, _day(day), int(page_id), "", int(n)))
        self.write_batch(batch_id, rows)
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(self.batch_key(batch_id, "site"), self.batch_key(batch_id, "pages"))
        pipe.srem(self.key("batches"), batch_id)
        pipe.incr(self.key("flushes"))
        pipe.execute()
        return sum(int(n) for n in site.values())

    def write_batch(self, batch_id, rows):
        """Phase 2: the counts and their receipt in one transaction, once per batch."""
        with transaction.atomic():
            if FlushedBatch.objects.filter(batch_id=batch_id).exists():
                return False
            FlushedBatch.objects.create(batch_id=batch_id)
            now = timezone.now()
            # Chunks keep each statement well under the databases' parameter limits.
            for start in range(0, len(rows), BATCH_ROWS):
                self.database.add(rows[start : start + BATCH_ROWS], now)
        return True

    def pending(self):
        """How many views wait in Redis (for the flush bound and its tests)."""
        return int(self.client.get(self.key("pending")) or 0)


def _day(text):
    return datetime.date.fromisoformat(text)
