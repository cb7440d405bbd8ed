"""The search page's database work: at most 8 queries, however many pages match (issue #7).

"Uncached" here means the page itself is built for every request (no
full-page cache), as a visitor's search always is; the caches every page
shares (the site frame: identity, menu, sidebar; the set of words editors
made picks for) are warm, as they are after the first view of any page.
The number does not grow with the articles: the count and the page of
results come from one index query, and only the ten pages shown are loaded.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import NewsPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def _articles(section, count):
    """``count`` live articles, each indexed when saved (as publishing does)."""
    now = timezone.now()
    for number in range(count):
        section.add_child(
            instance=NewsPage(
                title=f"Zorvex quillon {number}",
                slug=f"zorvex-budget-{number}",
                lead=f"Zorvex quillon lead {number}",
                published_at=now - datetime.timedelta(hours=number),
                first_published_at=now - datetime.timedelta(hours=number),
                live=True,
            )
        )


def _queries(client, **params):
    cache.clear()
    # Another search first fills the shared caches (frame, picked words).
    assert client.get("/vi/search/", {"q": "warm up"}).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/vi/search/", params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.fixture(autouse=True)
def visit_figures_read_on_every_view(settings):
    # The worst case: by default they are read every 5 s, whenever that falls.
    settings.VISITS_FIGURES_MAX_AGE = 0


@pytest.mark.parametrize("articles", [10, 300])
def test_search_page_takes_at_most_eight_queries(client, search_site, articles):
    _articles(search_site.sections["vi"], articles)

    response, queries = _queries(client, q="zorvex quillon")
    assert response.context["results"].paginator.count == articles
    assert len(response.context["results"]) == 10
    assert len(queries) <= MAX_QUERIES, "\n".join(queries)

    # Sorted by date, in one section; with 300 articles a later page of results.
    page = 2 if articles > 10 else 1
    response, queries = _queries(
        client, q="zorvex", page=page, sort="newest", section=search_site.sections["vi"].pk
    )
    first = response.context["results"][0].title
    assert first == ("Zorvex quillon 10" if page == 2 else "Zorvex quillon 0")
    assert len(queries) <= MAX_QUERIES, "\n".join(queries)
