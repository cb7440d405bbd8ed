"""What the query-budget tests share (tests/news, tests/official_documents, tests/open_data).

A page's budget is counted as a live site between two publications serves
it: page cache off, the visitor's view counted in the database (no Redis),
the visit figures read on every view (the worst case, so how long a test
takes cannot change a count), and the counter's occasional clean-up, tested
in tests/visits, left out as no page's cost. A module opts in by importing
``page_cache_off`` and ``no_visit_housekeeping`` (autouse fixtures).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.VISITS_REDIS_URL = ""
    settings.VISITS_FIGURES_MAX_AGE = 0


@pytest.fixture(autouse=True)
def no_visit_housekeeping():
    from visits.stores import get_store

    get_store()._next_prune = float("inf")


def queries(client, url, warm):
    """The SQL of one answer for ``url``: after an earlier one (warm) or with every cache empty."""
    if warm:
        assert client.get(url).status_code == 200
    else:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert "<!--visits:figures" not in response.content.decode()
    return [query["sql"] for query in captured]
