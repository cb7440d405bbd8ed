"""Gunicorn settings for the portal: ``gunicorn -c site_project/gunicorn.conf.py``.

Every value can be changed with an environment variable (names below) or on
the command line. The defaults suit a machine with two cores behind a reverse
proxy that terminates TLS, buffers slow clients and serves /media/.
"""

import multiprocessing
import os
import sys
from pathlib import Path

# Gunicorn reads this file before the application is imported: make the
# project importable for the recycling hook.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from site_project import worker_recycling  # noqa: E402

wsgi_app = "site_project.wsgi:application"
raw_env = ["DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "site_project.settings.production")]

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: page rendering is CPU-bound and the proxy absorbs slow clients.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Workers are recycled by memory, not by request count: a worker whose
# resident memory passes GUNICORN_MAX_WORKER_MEMORY_MB (default 400 MiB; they
# stay near 120 MiB) finishes its request and is replaced
# (site_project/worker_recycling.py). Restarting every 2,000 requests cost a
# fifth of the cached-page throughput and one-second p99 spikes.
worker_memory_limit = worker_recycling.limit_from_environment()


def post_request(worker, req, environ, resp):
    worker_recycling.retire_if_too_big(worker, worker_memory_limit)


# A request-count limit stays available as a second guard (0, the default,
# turns it off); a tenth of jitter keeps the workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# Loading Django once in the master lets workers share its memory pages.
preload_app = True

# Hostile request lines and headers are refused before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The proxy on the same machine sets X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No client address in the access log: the portal keeps no visitor IPs.
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'

# Gunicorn 25+ opens a control socket under ~/.gunicorn by default, which two
# instances on one machine would share; process signals are enough here.
control_socket_disable = True
