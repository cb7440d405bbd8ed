"""Vietnamese is offered, used and the default in the admin; English stays available."""

import re
import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile

from translations.roles import apply_roles, role_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(demo_content, compiled_catalogues):
    list(apply_roles())
    user = get_user_model().objects.create_user("biên-tập", "bt@example.com", "pw")
    user.groups.add(role_group("editor"))
    return user


def client_for(user, accept_language="en"):
    # An English browser: the language must come from the profile, not the browser.
    client = Client(HTTP_ACCEPT_LANGUAGE=accept_language)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_a_new_user_starts_with_a_vietnamese_admin(editor):
    assert UserProfile.get_for_user(editor).preferred_language == "vi"


def test_an_existing_profile_is_left_alone_when_the_user_is_saved_again(editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    editor.first_name = "Lan"
    editor.save()
    assert UserProfile.get_for_user(editor).preferred_language == "en"


def test_account_settings_offer_vietnamese_and_english_only(editor):
    html = client_for(editor).get("/admin/account/").content.decode()
    select = re.search(r'<select name="locale-preferred_language".*?</select>', html, re.S).group(0)
    # Django's own language names use combining accents (NFD-ish): compare composed text.
    options = {
        value: unicodedata.normalize("NFC", label)
        for value, label in re.findall(r'<option value="(\w*)"[^>]*>([^<]*)</option>', select)
    }
    assert options == {"": "Dùng ngôn ngữ của máy chủ: Tiếng Việt", "vi": "Tiếng Việt", "en": "English"}
    assert '<option value="vi" selected>' in select


def test_an_editor_on_an_english_browser_gets_the_dashboard_in_vietnamese(editor):
    html = client_for(editor).get("/admin/").content.decode()
    assert 'lang="vi"' in html
    assert "Bảng điều khiển" in html
    assert "Dashboard" not in html.split("<body", 1)[1]


def test_the_page_editor_speaks_vietnamese(editor, article):
    html = client_for(editor).get(f"/admin/pages/{article.pk}/edit/").content.decode()
    for vietnamese in ("Lưu bản nháp", "Gửi duyệt theo", "Sapô", "Ảnh đại diện", "Văn bản thay thế", "Thời điểm đăng", "Đoạn mở đầu, dạng văn bản thuần."):
        assert vietnamese in html or vietnamese.lower() in html.lower(), vietnamese
    for english in (">Save draft<", "Submit to Vietnamese moderation", "Gửi duyệt theo Vietnamese moderation", ">Main image<", "The opening paragraph"):
        assert english not in html, english


def test_a_translator_who_chooses_english_gets_an_english_admin(editor):
    client = client_for(editor, accept_language="vi")
    response = client.post(
        "/admin/account/",
        {"locale-preferred_language": "en", "locale-current_time_zone": "", "theme-theme": "system",
         "theme-density": "default", "theme-contrast": "system", "theme-keyboard_shortcuts": "on",
         "name_email-first_name": "Lan", "name_email-last_name": "Lê", "name_email-email": "bt@example.com"},
    )
    assert response.status_code == 302
    assert UserProfile.get_for_user(editor).preferred_language == "en"
    html = client.get("/admin/").content.decode()
    assert 'lang="en"' in html and "Dashboard" in html


def test_the_admin_javascript_catalogue_carries_the_overrides(editor):
    script = client_for(editor).get("/admin/jsi18n/").content.decode()
    assert '"Insert a block": "Ch\\u00e8n kh\\u1ed1i"' in script or "Chèn khối" in script


def test_the_translation_editor_javascript_catalogue_carries_the_overrides(editor):
    """wagtail-localize's own catalogue view also reads LOCALE_PATHS' djangojs."""
    script = client_for(editor).get("/admin/localize/jsi18n/").content.decode()
    assert "T\\u1ea3i v\\u1ec1 t\\u1ec7p PO" in script or "Tải về tệp PO" in script
