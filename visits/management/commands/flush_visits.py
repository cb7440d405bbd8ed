"""Move counts waiting in Redis to the database; forget expired visitor hashes and old receipts.

Run it from cron (or a systemd timer) every minute when ``REDIS_URL`` is
set; ``--loop 60`` keeps it running instead. Without Redis it only deletes
"online" hashes older than five minutes, which page views also do.
"""

import datetime
import time

import redis
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from visits.models import FlushedBatch
from visits.stores import get_store
from visits.stores.database import DatabaseStore

RECEIPTS_KEPT = datetime.timedelta(days=7)


class Command(BaseCommand):
    help = "Move visit counts from Redis to the database and delete expired visitor hashes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDS",
            help="Keep running, flushing every SECONDS seconds.",
        )

    def handle(self, *args, loop=None, verbosity=1, **options):
        while True:
            try:
                self.run_once(verbosity)
            except CommandError as error:
                if not loop:
                    raise
                # Keep looping: the counts wait in Redis for the next round.
                self.stderr.write(str(error))
            if not loop:
                return
            time.sleep(loop)

    def run_once(self, verbosity):
        now = timezone.now()
        DatabaseStore().prune(now)
        # A receipt only matters until its batch has left Redis: minutes.
        FlushedBatch.objects.filter(flushed_at__lt=now - RECEIPTS_KEPT).delete()
        store = get_store()
        try:
            moved = store.flush()
        except redis.RedisError as error:
            # The counts stay in Redis (or in a batch) for the next run.
            raise CommandError(f"Redis could not be reached; nothing was moved: {error}")
        if verbosity >= 1 and store.name != "database":
            self.stdout.write(f"Moved {moved} visit(s) from {store.name} to the database.")
