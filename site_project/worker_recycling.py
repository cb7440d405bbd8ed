"""Retire a gunicorn worker when its memory grows too large, not after a fixed number of requests.

Recycling every 2,000 requests restarted a worker every few seconds at cached
page rates: each new worker starts cold (connections, templates, caches), which
cost a fifth of the throughput and gave one-second p99 spikes. Memory is what
recycling guards against, so it is what is measured: after every
``CHECK_EVERY`` requests a worker reads its resident set size and, above the
limit (``GUNICORN_MAX_WORKER_MEMORY_MB``), finishes the request it is serving
and exits; the master starts a fresh one. A worker that does not grow is never
restarted. ``site_project/gunicorn.conf.py`` wires this into ``post_request``.
"""

import os
import resource
import sys

# Reading /proc costs a few microseconds; checking every 32nd request keeps it
# out of the hot path while a leak still trips the limit within seconds.
CHECK_EVERY = 32
MIB = 1024 * 1024


def resident_bytes():
    """This process's resident set size now (peak size where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Kilobytes on Linux, bytes on macOS.
        return peak if sys.platform == "darwin" else peak * 1024


def limit_from_environment(environ=os.environ, default_mib=400):
    """``GUNICORN_MAX_WORKER_MEMORY_MB`` in bytes; 0 turns the check off."""
    value = environ.get("GUNICORN_MAX_WORKER_MEMORY_MB", "").strip() or str(default_mib)
    try:
        mib = int(value)
    except ValueError:
        raise ValueError(f"GUNICORN_MAX_WORKER_MEMORY_MB must be a whole number of MiB, not {value!r}") from None
    if mib < 0:
        raise ValueError("GUNICORN_MAX_WORKER_MEMORY_MB cannot be negative")
    return mib * MIB


def retire_if_too_big(worker, limit_bytes, measure=resident_bytes):
    """Ask ``worker`` to exit after this request when its memory is above ``limit_bytes``.

    Returns True when it was asked. Gunicorn's own ``max_requests`` works the
    same way: a sync worker whose ``alive`` is false finishes the request in
    hand, leaves its loop and is replaced by the master.
    """
    if not limit_bytes or not worker.alive or worker.nr % CHECK_EVERY:
        return False
    size = measure()
    if size <= limit_bytes:
        return False
    worker.log.info(
        "Worker %s retires after %s requests: %d MiB resident, above the %d MiB limit",
        worker.pid, worker.nr, size // MIB, limit_bytes // MIB,
    )
    worker.alive = False
    return True
