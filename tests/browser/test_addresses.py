"""Addresses in the real admin: the live slug of a Vietnamese title, and the
translators' address segment, as editors and translators see them in Chromium."""

import json
import re
import subprocess

import pytest

from search.normalize import slugify

pytestmark = pytest.mark.browser

TITLES = [
    "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn",
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XVI",
    "Ứng dụng số ở Mường La: ỹ ỷ ờ ở ữ ự ặ ẫ ễ ộ — “Quỳnh Nhai”",
    # Every vowel with every tone, in both cases.
    "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đ",
    "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ Đ",
]


def shell_json(browser_site, expression):
    """``expression`` evaluated in the browser server's database (news models imported)."""
    code = f"import json; from news.models import NewsPage, SectionPage; print(json.dumps({expression}))"
    result = subprocess.run(
        browser_site.manage + ["shell", "-c", code], env=browser_site.env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def site_ids(browser_site):
    """A Vietnamese section and a Lao article's page id."""
    return shell_json(
        browser_site,
        "{'section': SectionPage.objects.filter(locale__language_code='vi').first().pk,"
        " 'lao_article': NewsPage.objects.filter(locale__language_code='lo').first().pk}",
    )


@pytest.fixture
def admin_tab(open_tab, admin_password):
    tab = open_tab()
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", admin_password)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab


def test_the_live_slug_of_a_vietnamese_title_is_its_transliteration(admin_tab, browser_site):
    tab = admin_tab
    section = site_ids(browser_site)["section"]
    tab.goto(f"/admin/pages/add/news/newspage/{section}/")
    for title in TITLES:
        tab.fill("#id_title", "")
        tab.locator("#id_title").press_sequentially(title, delay=2)
        expected = slugify(title)
        tab.wait_for_function(
            "expected => document.querySelector('#id_slug').value === expected", arg=expected, timeout=5_000
        )
    assert not tab.errors


def test_saving_with_an_empty_slug_gives_the_transliteration(admin_tab, browser_site):
    tab = admin_tab
    section = site_ids(browser_site)["section"]
    tab.goto(f"/admin/pages/add/news/newspage/{section}/")
    title = "Sơn La tiếp đoàn công tác tỉnh Hủa Phăn năm 2027"
    tab.fill("#id_title", title)
    tab.fill("#id_lead", "Sáng nay, lãnh đạo tỉnh tiếp đoàn công tác nước bạn Lào.")
    tab.evaluate("document.querySelector('#id_slug').value = ''")
    tab.locator("button[name=action-publish]").evaluate("b => b.form.requestSubmit(b)")
    # Published: Wagtail goes back to the section's page list.
    tab.wait_for_url(re.compile(rf"/admin/pages/{section}/$"), timeout=30_000)
    page_id = shell_json(browser_site, f"NewsPage.objects.get(title={title!r}, locale__language_code='vi').pk")
    try:
        tab.goto(f"/admin/pages/{page_id}/edit/")
        assert tab.input_value("#id_slug") == "son-la-tiep-doan-cong-tac-tinh-hua-phan-nam-2027"
    finally:
        # The other browser tests read the demo site as it was.
        shell_json(browser_site, f"[p.delete() for p in NewsPage.objects.get(pk={page_id}).get_translations(inclusive=True)] and 0")


def test_translators_see_guidance_and_a_clear_error_on_the_address(admin_tab, browser_site):
    tab = admin_tab
    lao_article = site_ids(browser_site)["lao_article"]
    slug_string = (
        "__import__('wagtail_localize.models', fromlist=['x']).StringTranslation.objects"
        f".filter(context__path='slug', context__object_id=NewsPage.objects.get(pk={lao_article}).translation_key,"
        " locale__language_code='lo')"
    )
    kept = shell_json(browser_site, f"{slug_string}.get().data")
    try:
        edit_the_address(tab, lao_article)
    finally:
        shell_json(browser_site, f"{slug_string}.update(data={kept!r}, has_error=False, field_error='')")
    assert not tab.errors


def edit_the_address(tab, lao_article):
    tab.goto(f"/admin/pages/{lao_article}/edit/")
    tab.get_by_role("tab", name="Quảng bá").click()
    help_box = tab.locator("#translation-address-help")
    help_box.wait_for()
    # Next to the address segment, under its heading, in the admin's language.
    assert help_box.evaluate("e => e.previousElementSibling.textContent.trim()") == "Đường dẫn rút gọn"
    assert "chữ Latinh thường a–z" in help_box.inner_text()
    segment = help_box.locator("xpath=following-sibling::*[1]")
    segment.get_by_role("button", name="Sửa").click()
    box = segment.locator("textarea")
    box.fill("ແຂວງຫົວພັນ")
    segment.get_by_role("button", name="Lưu").click()
    error = segment.get_by_text("không thể dùng làm đường dẫn rút gọn")
    error.wait_for(timeout=10_000)
