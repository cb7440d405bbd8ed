"""The sidebar: live figures in each language's format, the carried-over total, most read."""

import datetime
import logging
import re

from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from tests.visits.conftest import browser_ua
from tests.visits.helpers import site_views
from visits.figures import today
from visits.models import Tally, VisitSettings
from visits.stores.database import DatabaseStore

FIGURE = re.compile(r'<dt>([^<]+)</dt><dd><data value="(\d+)">([^<]+)</data></dd>')


def figures(response):
    """{label: (value, as shown)} of the visit statistics block."""
    return {label: (int(value), shown) for label, value, shown in FIGURE.findall(response.content.decode())}


def set_carried_over(total):
    settings = VisitSettings.load()
    settings.carried_over_total = total
    settings.save()


def test_every_page_shows_the_block_in_its_language(visitor, demo_content):
    headings = {"vi": "Thống kê truy cập", "en": "Visit statistics", "lo": "ສະຖິຕິການເຂົ້າເບິ່ງ"}
    for language, heading in headings.items():
        for page in (demo_content.homes[language], demo_content.articles[language][0]):
            html = visitor.get(page.url).content.decode()
            assert f'<h2 id="visit-stats-heading">{heading}</h2>' in html
            assert "<!--visits:" not in html
            assert len(figures(visitor.get(page.url))) == 3


def test_total_and_today_shown_include_the_view_being_served(visitor, article):
    shown = figures(visitor.get(article.url))
    assert [value for value, _ in shown.values()] == [1, 1, 1]
    shown = figures(Client(HTTP_USER_AGENT=browser_ua(2)).get(article.url))
    # "Online now" is the figure read a moment ago (see test_shown_figures.py).
    assert [value for value, _ in shown.values()][:2] == [2, 2]
    assert site_views() == 2


def test_carried_over_total_continues_in_each_languages_format(visitor, demo_content):
    set_carried_over(51_827_387)
    visitor.get(demo_content.articles["vi"][0].url)
    expected = {"vi": "51.827.389", "en": "51,827,390", "lo": "51.827.391"}
    for language, total in expected.items():
        shown = figures(visitor.get(demo_content.articles[language][0].url))
        assert (int(total.replace(".", "").replace(",", "")), total) in shown.values()


def test_editor_sets_the_carried_over_total_in_the_admin(visitor, article):
    from django.contrib.auth import get_user_model

    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("bt", "bt@sonla.gov.vn", "x"))
    # Settings > Visit statistics leads to the one settings object's form.
    response = admin.get("/admin/settings/visits/visitsettings/", follow=True)
    assert response.status_code == 200
    url = response.redirect_chain[-1][0]
    response = admin.post(url, {"carried_over_total": "51827387"})
    assert response.status_code == 302
    assert VisitSettings.load().carried_over_total == 51_827_387
    # The cached value is replaced at once, not after its timeout.
    assert (51_827_388, "51.827.388") in figures(visitor.get(article.url)).values()
    assert admin.post(url, {"carried_over_total": "-5"}).status_code == 200
    assert VisitSettings.load().carried_over_total == 51_827_387


def test_today_is_the_vietnamese_calendar_day():
    # 17:30 UTC on 31 December is already 00:30 on 1 January in Vietnam.
    late = datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.timezone.utc)
    assert today(late) == datetime.date(2027, 1, 1)
    assert today(late - datetime.timedelta(hours=1)) == datetime.date(2026, 12, 31)


def test_visits_today_and_online_now(visitor, article, db):
    store = DatabaseStore()
    now = timezone.now()
    yesterday = today(now) - datetime.timedelta(days=1)
    store.count(day=yesterday, page_id=None, visitor="y" * 32, now=now - datetime.timedelta(hours=20))
    store.count(day=today(now), page_id=None, visitor="z" * 32, now=now - datetime.timedelta(minutes=2))
    shown = figures(visitor.get(article.url))
    total, today_views, online = [value for value, _ in shown.values()]
    assert (total, today_views, online) == (3, 2, 2)


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_a_store_that_cannot_count_does_not_break_the_page(visitor, article, monkeypatch, caplog):
    monkeypatch.setattr(DatabaseStore, "count", locked)
    with caplog.at_level(logging.ERROR, logger="visits"):
        response = visitor.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "could not be counted" in caplog.text
    assert "database is locked" in caplog.text
    assert site_views() == 0


def test_figures_that_cannot_be_read_leave_a_notice_and_the_view_counted(visitor, article, monkeypatch, caplog):
    monkeypatch.setattr(DatabaseStore, "figures", locked)
    with caplog.at_level(logging.ERROR, logger="visits"):
        response = visitor.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert "Số liệu tạm thời chưa hiển thị được." in html
    assert "could not read the figures" in caplog.text
    assert site_views() == 1
    english = visitor.get(article.get_translation(Locale.objects.get(language_code="en")).url)
    assert "The figures are not available right now." in english.content.decode()


def test_an_unreachable_redis_falls_back_to_the_database(settings, visitor, article, caplog):
    settings.VISITS_REDIS_URL = "redis://127.0.0.1:9/0"
    with caplog.at_level(logging.WARNING, logger="visits"):
        response = visitor.get(article.url)
    assert response.status_code == 200
    assert "using the database" in caplog.text
    assert Tally.objects.get(kind=Tally.SITE).views == 1


def visits_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries if "visits_" in query["sql"]]


def test_counting_and_the_sidebar_stay_within_their_query_budget(visitor, article):
    from visits.stores import get_store

    # Housekeeping (one DELETE per process every few minutes) is tested apart.
    get_store()._next_prune = float("inf")
    cache.clear()
    cold = visits_queries(visitor, article.url)
    warm = visits_queries(visitor, article.url)
    # Warm: one upsert to count; the figures shown were read a moment ago.
    assert len(warm) == 1 and warm[0].startswith("INSERT"), warm
    # Cold adds the figures, the carried-over total and the "Most read" list.
    assert len(cold) <= 4, "\n".join(q[:300] for q in cold)
    # A bot's view counts nothing, and reads nothing while the figures are fresh.
    assert visits_queries(Client(), article.url) == []


def test_figures_are_filled_in_even_when_the_page_html_comes_from_a_cache(settings, visitor, article):
    """A full-page cache below the counter: counted and current on every hit."""
    settings.MIDDLEWARE = (
        settings.MIDDLEWARE[:3]
        + ["django.middleware.cache.UpdateCacheMiddleware"]
        + settings.MIDDLEWARE[3:]
        + ["django.middleware.cache.FetchFromCacheMiddleware"]
    )
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    totals = []
    for _ in range(3):
        response = visitor.get(article.url)
        assert response.status_code == 200
        totals.append(figures(response)["Tổng số lượt truy cập"][0])
    assert totals == [1, 2, 3]
    assert Tally.objects.get(kind=Tally.PAGE, page_id=article.pk).views == 3


def test_the_figures_block_groups_digits_as_the_figure_filter_does(db):
    """The block is rendered once per language and its numbers filled in per view (``visits.markers``)."""
    from django.template import Context, Template
    from django.utils import translation

    from visits import markers
    from visits.figures import PublicFigures

    numbers = PublicFigures(total=51_827_387, today=1_234, online=7)
    for language in ("vi", "en", "lo"):
        with translation.override(language):
            expected = Template(
                "{% load core_tags %}{{ n.total|figure }} {{ n.today|figure }} {{ n.online|figure }}"
            ).render(Context({"n": numbers}))
        html = markers.render(numbers, language).decode()
        assert [shown for _, _, shown in FIGURE.findall(html)] == expected.split(" ")
        assert [int(value) for _, value, _ in FIGURE.findall(html)] == [51_827_387, 1_234, 7]
