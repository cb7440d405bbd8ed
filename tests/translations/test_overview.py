"""The translation overview report and the translators' dashboard panel."""

import csv
import io
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from home.models import SiteIdentity

from .conftest import edit_source, make_article, put_string, translate_all, translation_into

TODAY = timezone.localdate().isoformat()


@pytest.fixture
def site_states(clients, demo_content, locales, new_article, settings):
    """One page in each status, in English."""
    published = demo_content.articles["vi"][0]
    outdated = edit_source(demo_content.articles["vi"][1])
    not_started = new_article(slug="chua-dich", title="Bài chưa dịch")
    half = new_article(slug="dich-mot-nua", title="Bài dịch một nửa")
    translation = translation_into(half, locales.en)
    # The address is kept from the source and not counted: half of the text.
    segments = list(translation.source.stringsegment_set.select_related("string").exclude(context__path="slug"))
    for segment in segments[: len(segments) // 2]:
        put_string(clients.translator_en, translation, segment, f"EN {segment.string.data}")
    in_review = new_article(slug="cho-duyet", title="Bài chờ duyệt")
    review_translation = translation_into(in_review, locales.en)
    translate_all(clients.translator_en, review_translation)
    clients.translator_en.post(f"/admin/translations/review/{review_translation.pk}/submit/")
    settings.TRANSLATIONS_AUTO_DRAFTS = False
    missing = make_article(demo_content.sections["vi"][1], slug="chua-gui-dich", title="Bài chưa gửi dịch")
    settings.TRANSLATIONS_AUTO_DRAFTS = True
    return SimpleNamespace(
        published=published, outdated=outdated, not_started=not_started, half=half,
        in_review=in_review, missing=missing, half_percent=(len(segments) // 2) * 100 // len(segments),
    )


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def by_title(rows, title, language="English"):
    return next(row for row in rows if row["Title"] == title and row["Language"] == language)


def test_overview_reports_each_status(clients, site_states):
    rows = csv_rows(clients.reviewer_en.get("/admin/translations/overview/?export=csv"))
    expected = {
        site_states.published.title: ("Published", ""),
        site_states.outdated.title: ("Outdated", TODAY),
        site_states.not_started.title: ("In progress", ""),
        site_states.half.title: ("In progress", ""),
        site_states.in_review.title: ("Awaiting review", ""),
        site_states.missing.title: ("Missing", ""),
    }
    for title, (status, since) in expected.items():
        row = by_title(rows, title)
        assert (row["Status"], row["Outdated since"]) == (status, since), title
    assert by_title(rows, site_states.half.title)["Translated (%)"] == str(site_states.half_percent)
    assert by_title(rows, site_states.not_started.title)["Translated (%)"] == "0"
    assert by_title(rows, site_states.outdated.title, "ພາສາລາວ")["Status"] == "Outdated"
    # Snippets too: the site identity, in both languages.
    identity = str(SiteIdentity.objects.get(locale__language_code="vi"))
    assert by_title(rows, identity)["Status"] == by_title(rows, identity, "ພາສາລາວ")["Status"] == "Published"
    assert by_title(rows, identity)["Type"] == "site identity"
    assert by_title(rows, site_states.half.title)["Section"] == site_states.half.get_parent().title


def test_overview_page_shows_statuses_with_dates_and_counts(clients, site_states):
    response = clients.reviewer_lo.get("/admin/translations/overview/?language=en")
    assert response.status_code == 200
    html = response.content.decode()
    assert site_states.outdated.title in html
    assert "Outdated since" in html
    assert f"In progress ({site_states.half_percent}%)" in html
    assert "Not started" in html and "Awaiting review" in html
    assert "ພາສາລາວ" not in html.split('id="listing-results"')[1].split("</table>")[0]


@pytest.mark.parametrize(
    "query, titles_in, titles_out",
    [
        ("status=outdated", ["outdated"], ["published", "half", "missing"]),
        ("status=in_progress&language=en", ["not_started", "half"], ["outdated", "in_review"]),
        ("status=awaiting_review", ["in_review"], ["half"]),
        ("status=missing", ["missing"], ["published"]),
    ],
)
def test_overview_filters_by_status_and_language(clients, site_states, query, titles_in, titles_out):
    rows = csv_rows(clients.reviewer_en.get(f"/admin/translations/overview/?{query}&export=csv"))
    titles = {row["Title"] for row in rows}
    for name in titles_in:
        assert getattr(site_states, name).title in titles
    for name in titles_out:
        assert getattr(site_states, name).title not in titles
    if "language=en" in query:
        assert {row["Language"] for row in rows} == {"English"}


def test_overview_filters_by_section(clients, demo_content, site_states):
    section = demo_content.sections["vi"][1]
    rows = csv_rows(clients.editor.get(f"/admin/translations/overview/?section={section.pk}&export=csv"))
    assert rows
    assert {row["Section"] for row in rows} == {section.title}
    assert site_states.missing.title in {row["Title"] for row in rows}
    assert site_states.half.title not in {row["Title"] for row in rows}


def test_overview_needs_a_translation_role(client, clients, demo_content):
    assert client.get("/admin/translations/overview/")["Location"].startswith("/admin/login/")
    outsider = get_user_model().objects.create_user("outsider", "o@example.com", "pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get("/admin/translations/overview/")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    assert clients.translator_lo.get("/admin/translations/overview/").status_code == 200


def test_dashboard_panel_lists_the_translators_work(clients, site_states):
    html = clients.translator_en.get("/admin/").content.decode()
    panel = html[html.index('id="translator-tasks-en-section"'):]
    panel = panel[: panel.index("</table>")]
    for name, label in [
        ("outdated", "Outdated since"),
        ("half", f"In progress ({site_states.half_percent}%)"),
        ("not_started", "Not started"),
        ("in_review", "Awaiting review"),
    ]:
        title = getattr(site_states, name).title
        assert title in panel
        row = panel[panel.index(title):].split("</tr>")[0]
        assert label in row, name
    assert site_states.published.title not in panel  # nothing to do there
    assert site_states.missing.title not in panel  # not submitted for translation: nothing to start from
    assert "Download PO" in panel
    assert 'id="translator-tasks-lo-section"' not in html  # only the translator's own language


def test_dashboard_panel_offers_submit_once_complete(clients, locales, site_states):
    translation = translation_into(site_states.half, locales.en)
    translate_all(clients.translator_en, translation)
    html = clients.translator_en.get("/admin/").content.decode()
    row = html[html.index(site_states.half.title):].split("</tr>")[0]
    assert f"/admin/translations/review/{translation.pk}/submit/" in row


def test_no_panel_for_vietnamese_only_roles(clients, site_states):
    assert "translator-tasks" not in clients.editor.get("/admin/").content.decode()
