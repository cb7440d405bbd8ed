"""The register page costs at most 10 queries, the same with the demo's 32 documents or 3,000 more.

Measured as tests/news/test_query_budgets.py measures pages: page cache off,
after one earlier view of the same address (frame, addresses and the
register's names and years warm, as between two publications).
"""

from django.core.cache import cache
from django.test import Client

from official_documents.models import DocumentType
from tests.query_budget import BROWSER_UA, no_visit_housekeeping, page_cache_off, queries  # noqa: F401

from .bulk import add_documents

BUDGET = 10


def count(client, url):
    return len(queries(client, url, warm=True))


def addresses(register):
    decision = DocumentType.objects.get(locale__language_code="vi", name="Quyết định").pk
    return {
        "register": register.url,
        "page 2": register.url + "?page=2",
        "filtered": register.url + f"?type={decision}&status=in-force",
        "by number": register.url + "?q=3039%2FQD-UBND",
        "by words": register.url + "?q=hanh+chinh&year=2025",
    }


def test_register_stays_within_budget_with_30_or_3000_documents(registers):
    client = Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.11")
    register = registers["vi"]
    urls = addresses(register)
    few = {name: count(client, url) for name, url in urls.items()}
    add_documents(register, 3000)
    cache.clear()
    assert register.documents().count() == 3032
    many = {name: count(client, url) for name, url in urls.items()}
    for name in urls:
        assert many[name] <= BUDGET, (name, many[name])
        assert many[name] == few[name], (name, few[name], many[name])
