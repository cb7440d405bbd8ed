"""The visits app's settings, each with a default that needs no server.

Every value can be set in Django settings; the Redis URL also comes from the
``REDIS_URL`` environment variable, and the key prefix and flush bound from
``VISITS_REDIS_PREFIX`` and ``VISITS_REDIS_FLUSH_EVERY``, so a deployment
switches to Redis without a settings change.
"""

import functools
import os
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# "Today" is the Vietnamese calendar day, whatever TIME_ZONE says.
TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

# A visitor seen within this many seconds is "online now".
ONLINE_WINDOW_SECONDS = 5 * 60

# Case-insensitive fragments of user agents that are not people reading.
DEFAULT_BOT_PATTERN = (
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|embedly"
    r"|preview|feedfetcher|mediapartners|lighthouse|pagespeed|headlesschrome|phantomjs"
    r"|python-|curl/|wget/|httpclient|okhttp|go-http-client|java/|libwww|scrapy|axios/"
    r"|node-fetch|pingdom|uptime|monitor|check_http|validator|w3c_|zgrab|masscan|nmap"
)

# Paths that never count even when they answer with HTML.
DEFAULT_EXCLUDED_PATHS = ("/admin/", "/documents/", "/static/", "/media/")


def redis_url():
    """The Redis server to count through, or ``""`` to count in the database."""
    value = getattr(settings, "VISITS_REDIS_URL", None)
    if value is None:
        value = os.environ.get("REDIS_URL", "")
    return value.strip()


def redis_prefix():
    """Namespace of the counter's Redis keys, so one server can serve several sites."""
    value = getattr(settings, "VISITS_REDIS_PREFIX", None)
    return value or os.environ.get("VISITS_REDIS_PREFIX", "sonla:visits:")


def redis_flush_every():
    """How many counts may wait in Redis before a flush to the database starts."""
    value = getattr(settings, "VISITS_REDIS_FLUSH_EVERY", None)
    if value is None:
        value = os.environ.get("VISITS_REDIS_FLUSH_EVERY", "1000")
    return max(1, int(value))


def flush_in_thread():
    """Whether a flush started by a page view runs beside the request (production) or in it."""
    return getattr(settings, "VISITS_FLUSH_IN_THREAD", True)


# Settings read on every page view are looked up once per process (and again
# when tests change them).
_per_process = []


def once_per_process(function):
    cached = functools.cache(function)
    _per_process.append(cached)
    return cached


@receiver(setting_changed)
def _forget_settings(setting, **kwargs):
    if setting.startswith("VISITS_"):
        for function in _per_process:
            function.cache_clear()


@once_per_process
def asynchronous_commit():
    """On PostgreSQL, let a view's count commit without waiting for the disk.

    The commit's fsync costs milliseconds per page view on ordinary disks;
    without it a PostgreSQL crash (not a web process crash) can forget the
    counts of its last ~0.6 s (3 × wal_writer_delay), and nothing else.
    """
    return getattr(settings, "VISITS_ASYNCHRONOUS_COMMIT", True)


@once_per_process
def bot_pattern():
    return re.compile(getattr(settings, "VISITS_BOT_PATTERN", DEFAULT_BOT_PATTERN), re.IGNORECASE)


@once_per_process
def excluded_paths():
    return tuple(getattr(settings, "VISITS_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS))


@once_per_process
def count_in_browser():
    """Whether each page view is counted by a small request the page itself makes.

    For a caching proxy in front (Varnish, a CDN) that answers most views
    without reaching Django: the page then carries an empty figures slot and
    ``visits/visits.js`` fetches ``visit_figures`` for it, which counts the
    view and returns the figures (see README.md, "Behind a caching proxy").
    Setting ``VISITS_COUNT_IN_BROWSER``, else the environment variable.
    """
    value = getattr(settings, "VISITS_COUNT_IN_BROWSER", None)
    if value is None:
        value = os.environ.get("VISITS_COUNT_IN_BROWSER", "")
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def article_models():
    """Page types listed in "Most read" and the report's top articles, as ``app_label.model``."""
    return tuple(getattr(settings, "VISITS_ARTICLE_MODELS", ("news.newspage",)))


def most_read_cache_seconds():
    return getattr(settings, "VISITS_MOST_READ_CACHE_SECONDS", 5 * 60)


def figures_max_age():
    """Seconds a process shows the figures it read before reading them again (0: every view).

    Only what pages show waits; every view is still counted at once.
    """
    return max(0.0, float(getattr(settings, "VISITS_FIGURES_MAX_AGE", 5)))
