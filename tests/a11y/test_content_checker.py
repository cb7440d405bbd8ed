"""Editors get the portal's accessibility checker in the userbar and the page editor."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from home.wagtail_hooks import ALT_TEXT_PATTERN, PortalContentChecker

PORTAL_RULES = {
    "alt-text-quality",
    "portal-alt-text-length",
    "portal-alt-text-caption",
    "heading-order",
    "empty-heading",
    "p-as-heading",
    "link-name",
    "portal-link-text",
    "empty-table-header",
    "portal-table-headers",
    "portal-table-caption",
}


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("kiemtra", "kiemtra@sonla.gov.vn", "mat-khau-thu")
    client.force_login(user)
    return client


def axe_configuration(html):
    match = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no content checker configuration on the page"
    return json.loads(match.group(1))


def assert_portal_configuration(config):
    assert config["context"]["include"] == ["main"]
    assert PORTAL_RULES <= set(config["options"]["runOnly"])
    rules = {rule["id"] for rule in config["spec"]["rules"]}
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    assert {"portal-link-text", "portal-table-headers", "portal-table-caption"} <= rules
    assert checks["check-image-alt-text"]["options"]["pattern"] == ALT_TEXT_PATTERN
    assert checks["portal-link-text-meaningful"]["evaluate"].lstrip().startswith("function")
    for rule in PORTAL_RULES:
        assert config["messages"][rule]["error_name"], rule


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_userbar_runs_the_portal_checker_on_pages_in_every_language(editor_client, demo_content, language):
    for page in (demo_content.homes[language], demo_content.articles[language][0]):
        html = editor_client.get(page.url).content.decode()
        assert "<wagtail-userbar" in html
        assert_portal_configuration(axe_configuration(html))


def test_page_editor_checks_panel_uses_the_portal_checker(editor_client, demo_content):
    # English and Lao pages are edited in wagtail-localize's translation editor,
    # whose preview shows the userbar checker (next test).
    article = demo_content.articles["vi"][0]
    response = editor_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert_portal_configuration(axe_configuration(response.content.decode()))


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_preview_panel_userbar_uses_the_portal_checker(rf, editor_client, demo_content, language):
    from django.contrib.auth import get_user_model
    from wagtail.admin.userbar import Userbar

    page = demo_content.articles[language][0]
    request = rf.get(page.url)
    request.user = get_user_model().objects.get(username="kiemtra")
    request.in_preview_panel = True
    html = Userbar(object=page).render_html({"request": request})
    assert_portal_configuration(axe_configuration(html))


def test_visitors_get_no_userbar(client, demo_content):
    assert "<wagtail-userbar" not in client.get(demo_content.homes["lo"].url).content.decode()


@pytest.mark.parametrize(
    "alt, flagged",
    [
        ("IMG_2031.jpg", True),
        ("DSC 0042", True),
        ("anh_hoi_nghi", True),
        ("ảnh", True),
        ("Hình ảnh", True),
        ("ຮູບພາບ", True),
        ("Image of the conference hall", True),
        ("Hình ảnh về hội nghị", True),
        ("2026", True),
        ("Đại biểu hai tỉnh ký biên bản ghi nhớ tại hội trường", False),
        ("Delegates of the two provinces sign the memorandum", False),
        ("ຜູ້ແທນສອງແຂວງລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ", False),
        ("Ảnh chụp đồi chè Mộc Châu lúc bình minh", False),
    ],
)
def test_alt_text_pattern(alt, flagged):
    # The same test the checker's JavaScript makes: new RegExp(pattern, "i").test(alt)
    assert bool(re.search(ALT_TEXT_PATTERN, alt, re.I)) is flagged


def test_checker_messages_are_translated_into_vietnamese():
    with translation.override("vi"):
        for rule in PORTAL_RULES:
            message = PortalContentChecker.axe_messages[rule]
            with translation.override("en"):
                english = str(message["error_name"])
            assert str(message["error_name"]) != english, rule
