"""``/healthz/``: whether this app server can answer, for the proxy's health checks.

The proxy in front (Varnish in ``cluster/``) asks every second and sends
visitors only to servers that answered ``200``. The check runs the request
path without the page machinery and asks the primary database one trivial
query: a server that cannot reach its database is no use to a visitor.
Nothing is cached and nothing is counted.
"""

import logging

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database cannot be reached.")
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
