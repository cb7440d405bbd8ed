"""Search in Wagtail's admin: page search, editors' picks, the popular-searches report."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from search.models import EditorsPick, SearchTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("searchadmin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("query", ["hoi nghi so ket", "Hội nghị sơ kết", "HOI NGHI", "hoi ng"])
def test_admin_page_search_finds_pages_without_accents(admin_client, demo_content, query):
    article = next(a for a in demo_content.articles["vi"] if a.title.startswith("Hội nghị sơ kết"))
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_admin_page_search_finds_a_lao_word_in_any_spelling(admin_client, demo_content):
    response = admin_client.get("/admin/pages/search/", {"q": "ຫລວງພະບາງ"})
    assert "ຄະນະຜູ້ແທນແຂວງຫຼວງພະບາງ" in response.content.decode()


def test_editors_picks_are_managed_in_the_admin(admin_client, demo_content):
    page = demo_content.articles["vi"][0]
    response = admin_client.post(
        "/admin/snippets/search/editorspick/add/",
        {"locale": page.locale_id, "query": "Thông tin", "page": page.pk, "description": "", "sort_order": 0},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pick = EditorsPick.objects.get()
    assert pick.query_key == "thong tin"
    listing = admin_client.get("/admin/snippets/search/editorspick/")
    assert "Thông tin" in listing.content.decode()


def test_a_pick_must_be_in_its_pages_language(admin_client, demo_content):
    page = demo_content.articles["vi"][0]
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        "/admin/snippets/search/editorspick/add/",
        {"locale": english.pk, "query": "news", "page": page.pk, "description": "", "sort_order": 0},
    )
    assert response.status_code == 200
    assert not EditorsPick.objects.exists()


def test_popular_searches_report_lists_queries_and_counts(admin_client, client, demo_content):
    for query in ["hội nghị", "Hoi nghi", "hoa ban"]:
        client.get("/vi/search/", {"q": query})
    response = admin_client.get("/admin/reports/popular-searches/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "hội nghị" in html and "hoa ban" in html
    export = admin_client.get("/admin/reports/popular-searches/", {"export": "csv"})
    body = b"".join(export.streaming_content) if export.streaming else export.content
    lines = body.decode().splitlines()
    assert lines[1:3] == ["hội nghị,vi,2", "hoa ban,vi,1"]


def test_the_report_needs_permission(client, demo_content):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    group = Group.objects.create(name="Search editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get("/admin/reports/popular-searches/").status_code in (302, 403)
    group.permissions.add(Permission.objects.get(codename="view_searchterm"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/reports/popular-searches/").status_code == 200
    assert SearchTerm.objects.count() == 0
