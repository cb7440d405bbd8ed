"""Private by design: no cookie, no address or user agent stored, hashes that expire."""

import datetime

from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone

from tests.visits.helpers import visitor_rows
from visits import privacy
from visits.figures import public_figures
from visits.models import Tally
from visits.stores.database import DatabaseStore

PROBE_IP = "203.0.113.77"
PROBE_UA = "Mozilla/5.0 (X11; Linux x86_64) PrivacyProbe/7Q3Z Firefox/140.0"


def test_counting_sets_no_cookie(visitor, demo_content):
    for page in (demo_content.homes["vi"], demo_content.articles["lo"][0]):
        response = visitor.get(page.url)
        assert response.status_code == 200
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
    assert not visitor.cookies


def columns():
    """Every table of the database with all its columns (any type can be read as text)."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            names = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            yield table, names


def occurrences(needle):
    """``table.column`` names where ``needle`` appears anywhere in the stored text."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table, names in columns():
            casts = [f"CAST({quote(name)} AS TEXT)" for name in names]
            where = " OR ".join(f"{cast} LIKE %s" for cast in casts)
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)} WHERE {where}", [f"%{needle}%"] * len(casts))
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def test_no_address_or_user_agent_reaches_the_database(demo_content):
    client = Client(HTTP_USER_AGENT=PROBE_UA, REMOTE_ADDR=PROBE_IP)
    for language in ("vi", "en", "lo"):
        assert client.get(demo_content.articles[language][0].url).status_code == 200
    assert client.get("/vi/search/?q=biên giới").status_code == 200
    assert visitor_rows() == 1
    # The scan itself works: it finds what the demo content holds.
    assert "visits_tally" in dict(columns())
    assert occurrences("Sơn La")
    for needle in (PROBE_IP, "PrivacyProbe", "7Q3Z"):
        assert occurrences(needle) == []
    # What is kept instead: an opaque token.
    hashed = Tally.objects.get(kind=Tally.VISITOR).visitor
    assert len(hashed) == 32 and int(hashed, 16) >= 0


def request(ip=PROBE_IP, agent=PROBE_UA, **extra):
    return RequestFactory().get("/", HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **extra)


def test_the_visitor_hash_changes_every_day_and_with_the_secret(settings):
    day = datetime.date(2026, 11, 26)
    first = privacy.visitor_hash(request(), day)
    assert privacy.visitor_hash(request(), day) == first
    assert privacy.visitor_hash(request(), day + datetime.timedelta(days=1)) != first
    assert privacy.visitor_hash(request(ip="203.0.113.78"), day) != first
    assert privacy.visitor_hash(request(agent=PROBE_UA + " "), day) != first
    settings.SECRET_KEY = "another-secret"
    assert privacy.visitor_hash(request(), day) != first


def test_a_forged_forwarded_for_cannot_inflate_online_now(settings, article):
    """Behind one proxy, only the address the proxy appended tells visitors apart."""
    settings.TRUSTED_PROXIES = 1
    client = Client(HTTP_USER_AGENT=PROBE_UA, REMOTE_ADDR="10.0.0.1")
    for forged in ("1.2.3.4", "5.6.7.8, 9.9.9.9", '"', "unknown", "[::1"):
        response = client.get(article.url, HTTP_X_FORWARDED_FOR=f"{forged}, {PROBE_IP}")
        assert response.status_code == 200
    assert visitor_rows() == 1
    assert public_figures().online == 1
    # A second person behind the same proxy is a second visitor.
    client.get(article.url, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert visitor_rows() == 2
    assert public_figures().online == 2


def test_without_a_trusted_proxy_forwarding_headers_are_ignored(settings, article):
    settings.TRUSTED_PROXIES = 0
    client = Client(HTTP_USER_AGENT=PROBE_UA, REMOTE_ADDR=PROBE_IP)
    for forged in ("1.2.3.4", "5.6.7.8"):
        client.get(article.url, HTTP_X_FORWARDED_FOR=forged, HTTP_X_REAL_IP=forged)
    assert visitor_rows() == 1


def test_visitor_hashes_are_deleted_minutes_after_the_last_view(db):
    store = DatabaseStore()
    now = timezone.now()
    day = now.date()
    store.count(day=day, page_id=None, visitor="a" * 32, now=now - datetime.timedelta(minutes=6))
    store.count(day=day, page_id=None, visitor="b" * 32, now=now - datetime.timedelta(minutes=1))
    store.prune(now)
    assert list(Tally.objects.filter(kind=Tally.VISITOR).values_list("visitor", flat=True)) == ["b" * 32]
    # The counts themselves stay.
    assert Tally.objects.get(kind=Tally.SITE).views == 2


def test_page_views_prune_expired_hashes_every_few_minutes(visitor, article, monkeypatch):
    from visits.stores import get_store

    old = timezone.now() - datetime.timedelta(hours=3)
    Tally.objects.create(kind=Tally.VISITOR, day=old.date(), visitor="c" * 32, views=1, seen_at=old)
    store = get_store()
    store._next_prune = 0
    visitor.get(article.url)
    assert not Tally.objects.filter(visitor="c" * 32).exists()
