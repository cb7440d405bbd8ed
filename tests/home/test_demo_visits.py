"""A fresh demo site does not look empty: the old portal's total, no empty blocks.

The demo set-up carries over the old Sơn La portal's 51,827,387 visits, as a
province moving to this portal carries over its own; "Most read" stays away
until an article has been read; error pages show no visit box without figures.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from demo import loader
from visits.figures import today
from visits.models import Tally, VisitSettings
from visits.stores.database import DatabaseStore

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
TOTAL = re.compile(r'<dt>[^<]+</dt><dd><data value="(\d+)">([^<]+)</data></dd>')


@pytest.fixture
def visitor(db, settings):
    # Count in the database, which each test starts empty: a Redis store
    # (REDIS_URL set) keeps the views earlier tests counted.
    settings.VISITS_REDIS_URL = ""
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="198.51.100.40")


def shown_total(response):
    """(value, as shown) of the first figure, the total."""
    value, shown = TOTAL.findall(response.content.decode())[0]
    return int(value), shown


def test_the_demo_site_continues_the_old_portals_total(visitor, demo_content):
    assert VisitSettings.load().carried_over_total == 51_827_387
    # The first view of a fresh site counts itself on top of the old total.
    assert shown_total(visitor.get(demo_content.homes["vi"].url)) == (51_827_388, "51.827.388")
    assert shown_total(visitor.get(demo_content.homes["en"].url)) == (51_827_389, "51,827,389")
    assert shown_total(visitor.get(demo_content.homes["lo"].url)) == (51_827_390, "51.827.390")


def test_loading_the_demo_again_keeps_a_total_an_editor_set(db):
    settings = VisitSettings.load()
    settings.carried_over_total = 1_234_567
    settings.save()
    loader.load()
    assert VisitSettings.load().carried_over_total == 1_234_567


def test_a_province_sets_its_own_starting_total(db):
    from django.core.management import call_command

    call_command("load_demo_content", "--visit-total", "9876543", verbosity=0)
    assert VisitSettings.load().carried_over_total == 9_876_543


def test_most_read_appears_only_once_something_was_read(visitor, demo_content):
    home = demo_content.homes["vi"].url
    assert not Tally.objects.filter(kind=Tally.PAGE).exists()
    html = visitor.get(home).content.decode()
    assert 'id="most-read-heading"' not in html
    assert "Đọc nhiều nhất" not in html

    article = demo_content.articles["vi"][0]
    DatabaseStore().add([(Tally.PAGE, today(), article.pk, "", 3)], timezone.now())
    # The list and the page are cached for minutes; these minutes have passed.
    cache.clear()
    html = visitor.get(home).content.decode()
    assert 'id="most-read-heading">Đọc nhiều nhất</h2>' in html
    assert article.title in html[html.index("most-read-heading"):]


@pytest.mark.parametrize(
    "method, path, status",
    [
        ("get", "/vi/khong-co-trang-nay/", 404),
        ("get", "/en/no-such-page/", 404),
        ("get", "/lo/no-such-page/", 404),
        ("get", "/vi/feeds/sections/999999/rss/x/", 404),
    ],
)
def test_error_pages_show_no_visit_box_without_figures(visitor, demo_content, method, path, status):
    response = getattr(visitor, method)(path)
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="site-header"' in html  # the portal's own page, in its frame
    assert "visit-stats" not in html and "<!--visits:" not in html


def test_the_bad_request_and_csrf_pages_show_no_visit_box_either(demo_content, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    bad_host = Client(HTTP_USER_AGENT=BROWSER_UA, HTTP_HOST="evil.example")
    csrf = Client(HTTP_USER_AGENT=BROWSER_UA, enforce_csrf_checks=True)
    for response, status in (
        (bad_host.get("/vi/"), 400),
        (csrf.post("/admin/login/", {"username": "x", "password": "y"}), 403),
    ):
        assert response.status_code == status
        html = response.content.decode()
        assert 'class="site-header"' in html
        assert "visit-stats" not in html and "<!--visits:" not in html
