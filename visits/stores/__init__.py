"""Counter stores: where counts go first, and how the figures are read back.

Two implementations share one interface:

- ``DatabaseStore`` (default): each view is one atomic upsert in the
  project's database; exact on SQLite and PostgreSQL.
- ``RedisStore`` (when ``REDIS_URL`` is set): each view is one Redis
  script call (atomic increments); counts move to the database in batches
  (``flush``), exactly once. It falls back to the database store while Redis
  cannot be reached.

``get_store()`` returns the one the settings select.
"""

from dataclasses import dataclass

from django.core.signals import setting_changed
from django.dispatch import receiver

from visits import conf


@dataclass(frozen=True)
class Figures:
    """Views counted by this portal (not the carried-over total) and people online."""

    total: int
    today: int
    online: int


_store = None


def get_store():
    global _store
    if _store is None:
        from visits.stores.database import DatabaseStore

        url = conf.redis_url()
        if url:
            from visits.stores.redis import RedisStore

            _store = RedisStore(url, conf.redis_prefix(), conf.redis_flush_every(), DatabaseStore())
        else:
            _store = DatabaseStore()
    return _store


@receiver(setting_changed)
def _forget_store(setting, **kwargs):
    # Tests switch stores with override_settings.
    global _store
    if setting.startswith("VISITS_"):
        _store = None
