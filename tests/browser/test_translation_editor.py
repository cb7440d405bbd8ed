"""The Lao translator in wagtail-localize's editor, in a real browser.

The footer's main button is the translator's next step (submit for review,
or publish for a reviewer), never "Delete" or "Convert to alias page"; those
sit in the "More actions" menu and ask first. Translating strings moves the
progress and enables "Submit for review" with no reload.
"""

import json
import re
import secrets
import subprocess

import pytest

from tests.browser.conftest import signed_in_tab

pytestmark = pytest.mark.browser

# A new Vietnamese article, published: the portal starts its Lao draft translation.
NEW_ARTICLE = """
import json
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation
from news.models import NewsPage, SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
with transaction.atomic():
    page = NewsPage(title="Sơn La tiếp đoàn công tác tỉnh Hủa Phăn", slug="son-la-tiep-doan-cong-tac-hua-phan",
                    lead="Đoàn công tác tỉnh Hủa Phăn thăm và làm việc tại Sơn La.",
                    body=[{"type": "paragraph", "value": "<p>Hai bên trao đổi về hợp tác phát triển vùng biên giới.</p>"}])
    section.add_child(instance=page)
    page.save_revision().publish()
translation = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="lo")
# A live Lao translation nobody has in review: the site is shared by the whole
# session, and test_admin_vietnamese submits the first one (by path) for review.
live = next(p for p in NewsPage.objects.filter(locale__language_code="lo", live=True).order_by("path")
            if not p.workflow_in_progress and not p.locked)
print(json.dumps({"draft": translation.get_target_instance().pk, "translation": translation.pk, "live": live.pk}))
"""

STATE = """
import json
from wagtail.models import Page
from wagtail_localize.models import Translation
page = Page.objects.filter(pk={page}).first()
print(json.dumps({{"exists": page is not None, "enabled": Translation.objects.get(pk={translation}).enabled,
                  "in_review": bool(page and page.workflow_in_progress)}}))
"""

PROGRESS = re.compile(r"Đã dịch (\d+) trên (\d+) chuỗi")


@pytest.fixture(scope="module")
def editor_site(browser_site):
    password = secrets.token_urlsafe(12)
    env = dict(browser_site.env, PORTAL_DEMO_PASSWORD=password)
    subprocess.run(browser_site.manage + ["setup_roles", "--demo-users"], env=env, check=True, capture_output=True)
    made = subprocess.run(
        browser_site.manage + ["shell", "-c", NEW_ARTICLE], env=env, check=True, capture_output=True, text=True
    )
    ids = json.loads(made.stdout.strip().splitlines()[-1])

    def state():
        out = subprocess.run(
            browser_site.manage + ["shell", "-c", STATE.format(page=ids["draft"], translation=ids["translation"])],
            env=env, check=True, capture_output=True, text=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    return password, ids, state


@pytest.fixture
def login(browser, server_url, editor_site):
    password = editor_site[0]
    contexts = []

    def login(username):
        context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return signed_in_tab(context, server_url, username, password)

    yield login
    for context in contexts:
        context.close()


def footer(tab):
    return tab.locator("footer.footer:visible")


def main_button(tab):
    return footer(tab).locator(".w-dropdown-button").first.locator(":scope > button, :scope > a").first


def progress(tab):
    done, total = PROGRESS.search(footer(tab).inner_text()).groups()
    return int(done), int(total)


def open_editor(tab, page_id):
    tab.goto(f"/admin/pages/{page_id}/edit/")
    tab.locator(".js-translation-editor li").first.wait_for()
    tab.wait_for_load_state("networkidle")


def translate_visible(tab, value):
    """Translate every untranslated string on the current tab through the React editor."""
    while (button := tab.get_by_role("button", name="Dịch", exact=True)).count():
        before = progress(tab)[0]
        button.first.click()
        tab.locator(".js-translation-editor textarea").first.fill(value)
        tab.get_by_role("button", name="Lưu", exact=True).first.click()
        tab.wait_for_function(
            "([done]) => /Đã dịch (\\d+)/.exec(document.querySelector('[data-translation-progress]').textContent)[1] > done",
            arg=[before],
        )


def test_the_translator_submits_from_the_footer_and_deletes_only_after_confirming(login, editor_site):
    _, ids, state = editor_site
    tab = login("translator-lo")
    open_editor(tab, ids["draft"])

    # The main button is "Submit for review", waiting for the strings; "Delete" is in the menu.
    assert main_button(tab).inner_text().strip() == "Gửi duyệt"
    assert main_button(tab).is_disabled()
    done, total = progress(tab)
    assert done < total
    assert footer(tab).get_by_role("button", name="Xóa").count() == 0
    assert footer(tab).get_by_role("link", name="Xóa").is_hidden()

    # Translating moves the progress and enables submitting, with no reload.
    tab.evaluate("window.stillTheSamePage = true")
    translate_visible(tab, "ແຂວງຫົວພັນ ແລະ ແຂວງເຊີນລາ")
    if progress(tab)[0] < total:  # the address is on the Promote tab
        tab.get_by_role("tab", name="Quảng bá").click()
        translate_visible(tab, "son-la-tiep-doan-hua-phan-lo")
    assert progress(tab) == (total, total)
    assert tab.get_by_text(f"Đã dịch {total} trên {total} chuỗi.").first.is_visible()
    assert main_button(tab).is_enabled()
    assert tab.evaluate("window.stillTheSamePage") is True

    # Stopping the synced translation asks first; saying no keeps it.
    tab.once("dialog", lambda dialog: dialog.dismiss())
    footer(tab).get_by_role("button", name="Thao tác khác").click()
    footer(tab).get_by_role("button", name="Dừng bản dịch đồng bộ").click()
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.stillTheSamePage") is True
    assert state()["enabled"] is True

    # Delete leads to Wagtail's confirmation page; nothing is deleted until confirmed.
    delete = footer(tab).get_by_role("link", name="Xóa")
    if not delete.is_visible():  # the menu stays open after "no"
        footer(tab).get_by_role("button", name="Thao tác khác").click()
    delete.click()
    tab.wait_for_url(f"**/admin/pages/{ids['draft']}/delete/")
    assert tab.get_by_role("button", name=re.compile("^Có, xóa")).is_visible()
    assert state()["exists"] is True

    # Back in the editor, the main button submits the finished translation for review.
    open_editor(tab, ids["draft"])
    main_button(tab).click()
    tab.wait_for_load_state("networkidle")
    assert state()["in_review"] is True
    assert tab.errors == []


def test_a_live_translation_offers_submitting_not_converting_to_an_alias(login, editor_site):
    _, ids, _ = editor_site
    tab = login("translator-lo")
    open_editor(tab, ids["live"])
    assert main_button(tab).inner_text().strip() == "Gửi duyệt"
    assert "bí danh" not in main_button(tab).inner_text()
    footer(tab).get_by_role("button", name="Thao tác khác").click()
    assert footer(tab).get_by_role("link", name="Chuyển thành trang bí danh").is_visible()


def test_the_lao_reviewer_publishes_from_the_footer(login, editor_site):
    _, ids, _ = editor_site
    tab = login("reviewer-lo")
    open_editor(tab, ids["live"])
    assert main_button(tab).inner_text().strip() == "Xuất bản bằng ພາສາລາວ"
