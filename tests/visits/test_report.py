"""The admin report: visits per day as SVG and a table, top articles per language, CSV."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from visits.chart import bar_chart, nice_ceiling
from visits.figures import today
from visits.stores.database import DatabaseStore

REPORT = "/admin/reports/visits/"


@pytest.fixture
def admin(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("tk", "tk@sonla.gov.vn", "x"))
    return client


@pytest.fixture
def history(demo_content):
    """Views over the last 100 days: day n ago has n + 1 views; articles read unevenly."""
    store = DatabaseStore()
    now = timezone.now()
    last = today(now)
    for age in range(100):
        store.add([(1, last - datetime.timedelta(days=age), 0, "", age + 1)], now)
    articles = {code: demo_content.articles[code] for code in ("vi", "en", "lo")}
    rows = []
    for code, pages in articles.items():
        for rank, page in enumerate(pages[:3]):
            rows.append((2, last - datetime.timedelta(days=rank), page.pk, "", 30 - 10 * rank))
    # Read long ago: outside the default 30-day period.
    rows.append((2, last - datetime.timedelta(days=60), articles["vi"][3].pk, "", 1000))
    store.add(rows, now)
    return articles


def test_report_shows_30_days_as_a_chart_and_a_table(admin, history):
    response = admin.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg class="visits-chart"' in html and 'role="img"' in html
    assert html.count('<rect class="bar"') == 30
    assert html.count('<th scope="row"><time') == 30
    assert response.context["period_total"] == sum(range(1, 31))
    assert response.context["series"][-1] == (today(), 1)

    response = admin.get(REPORT, {"days": "90"})
    assert response.content.decode().count('<rect class="bar"') == 90


def test_report_ranks_articles_per_language_for_the_period(admin, history):
    response = admin.get(REPORT)
    top = {code: [(page.pk, page.views) for page in pages] for code, _, pages in response.context["top"]}
    for code, pages in history.items():
        assert top[code] == [(pages[0].pk, 30), (pages[1].pk, 20), (pages[2].pk, 10)]
    since = today() - datetime.timedelta(days=70)
    response = admin.get(REPORT, {"since": since.isoformat(), "until": today().isoformat()})
    top_vi = [page.pk for page in response.context["top"][0][2]]
    assert top_vi[0] == history["vi"][3].pk
    assert history["vi"][0].title in response.content.decode()


def test_bad_periods_fall_back_to_the_default(admin, history):
    response = admin.get(REPORT, {"since": "2026-02-30", "until": "x", "days": "7"})
    assert response.status_code == 200
    assert response.context["choices"]["days"] == 30
    response = admin.get(REPORT, {"since": today().isoformat(), "until": "2020-01-01"})
    assert response.context["form"].errors
    assert response.context["choices"]["since"] == today() - datetime.timedelta(days=29)


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_exports(admin, history):
    rows = read_csv(admin.get("/admin/reports/visits/daily.csv", {"days": "90"}))
    assert rows[0] == ["date", "views"]
    assert len(rows) == 91
    assert rows[-1] == [today().isoformat(), "1"]
    assert rows[1] == [(today() - datetime.timedelta(days=89)).isoformat(), "90"]

    rows = read_csv(admin.get("/admin/reports/visits/top.csv"))
    assert rows[0] == ["language", "rank", "page_id", "title", "url", "views"]
    lao = [row for row in rows[1:] if row[0] == "lo"]
    assert lao[0][2:4] == [str(history["lo"][0].pk), history["lo"][0].title]
    assert lao[0][4].startswith("http") and lao[0][5] == "30"


def test_only_editors_with_the_permission_see_the_report(db, history):
    user = get_user_model().objects.create_user("bientap", "bt@sonla.gov.vn", "x")
    editors = Group.objects.create(name="Biên tập")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client = Client()
    client.force_login(user)
    for url in (REPORT, "/admin/reports/visits/daily.csv", "/admin/reports/visits/top.csv"):
        assert client.get(url).status_code in (302, 403)
    assert REPORT not in client.get("/admin/").content.decode()

    editors.permissions.add(Permission.objects.get(codename="view_report", content_type__app_label="visits"))
    client = Client()
    client.force_login(get_user_model().objects.get(pk=user.pk))
    assert client.get(REPORT).status_code == 200
    assert client.get("/admin/reports/visits/top.csv").status_code == 200


def test_the_report_is_in_vietnamese_for_vietnamese_editors(admin, history):
    html = admin.get(REPORT, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Lượt truy cập theo ngày" in html


def test_chart_scale_is_round_and_bars_are_proportional():
    assert [nice_ceiling(n) for n in (0, 1, 3, 7, 10, 11, 260, 51_000)] == [1, 1, 5, 10, 10, 20, 500, 100_000]
    day = datetime.date(2026, 11, 1)
    chart = bar_chart([(day + datetime.timedelta(days=n), n * 10) for n in range(10)])
    assert chart["top"] == 100
    heights = [bar.height for bar in chart["bars"]]
    assert heights[0] == 0 and heights[5] == pytest.approx(heights[9] * 5 / 9, abs=0.02)
    assert [tick.value for tick in chart["ticks"]] == [0, 20, 40, 60, 80, 100]
    assert chart["labels"][-1].day == day + datetime.timedelta(days=9)
