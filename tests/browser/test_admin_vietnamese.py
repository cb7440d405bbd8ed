"""A Vietnamese editor's working day in a real browser, with no English left from Wagtail.

The editor, the moderator and the Lao translator are the demo users of
``setup_roles --demo-users``; their browsers ask for English, so the
Vietnamese comes from their admin language, not from ``Accept-Language``.
On every page of the main editing path the visible text is compared, line by
line, with the English messages of Wagtail's and wagtail-localize's
catalogues (Python and JavaScript, React translation editor included): a
line that is such a message, untranslated, fails the test. So does English
that never passes through a catalogue: a block's field named after its
Python name ("Image*"), the names of the portal's roles, workflows and
tasks, English month names and tool names in the translation editor, a
"None" in a count. The notification e-mails the moderator and the Lao
reviewer receive on the way are read the same way.
"""

import email
import email.policy
import json
import re
import secrets
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from admin_i18n.catalogues import UPSTREAM_CATALOGUES
from admin_i18n.coverage import VietnameseLookup, forget_loaded_translations
from tests.browser.conftest import signed_in_tab

pytestmark = pytest.mark.browser

# Shown as they are in every admin language (names of languages, file formats).
SAME_IN_VIETNAMESE = {"English", "Tiếng Việt", "CSV", "XLSX", "URL", "OK", "ID", "PO"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")

# English that reaches the Vietnamese admin without a catalogue: role, workflow and
# task names as setup_roles used to write them, month names from strftime, stored
# tool names, a missing verbose name, the editor's hard-coded section heading.
ENGLISH_OUTSIDE_CATALOGUES = re.compile(
    r"\b(Editors|Moderators|translators|reviewers|moderation|translation review|approve)\b"
    r"|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|Translation memory|\bNone\b|\bto \S+ translation\b"
)

PAGE_IDS = """
import json
from news.models import NewsPage, SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
article = NewsPage.objects.filter(locale__language_code="vi").order_by("path").first()
lao = NewsPage.objects.get(locale__language_code="lo", translation_key=article.translation_key)
print(json.dumps({"section": section.pk, "article": article.pk, "lao_article": lao.pk}))
"""


def english_patterns():
    """Patterns matching a whole visible line that is an untranslated upstream message."""
    call_command("compile_catalogues", verbosity=0)
    forget_loaded_translations()
    lookups = {"django": VietnameseLookup("django"), "djangojs": VietnameseLookup("djangojs")}
    patterns = {}
    for catalogue in UPSTREAM_CATALOGUES:
        for key, entry in catalogue.source_entries.items():
            msgid = entry.msgid.strip()
            if msgid in SAME_IN_VIETNAMESE or "<" in msgid:
                continue
            if lookups[catalogue.domain].is_translated(key):
                continue
            parts = PLACEHOLDER.split(msgid)
            if not re.search(r"[A-Za-z]{3}", "".join(parts)):
                continue  # nothing English left once the placeholders are filled in
            # A filled-in placeholder never spans table cells (innerText joins them with tabs).
            pattern = "([^\t]{1,120}?)".join(re.escape(part) for part in parts)
            patterns.setdefault(pattern, (catalogue.name, entry.msgid))
    return [(re.compile(rf"^{pattern}$"), source) for pattern, source in patterns.items()]


@pytest.fixture(scope="module")
def untranslated_patterns():
    return english_patterns()


@pytest.fixture(scope="module")
def demo(browser_site):
    """Demo users with one password made up here, and the pages the walk needs."""
    password = secrets.token_urlsafe(12)
    env = dict(browser_site.env, PORTAL_DEMO_PASSWORD=password)
    subprocess.run(browser_site.manage + ["setup_roles", "--demo-users"], env=env, check=True, capture_output=True)
    ids = subprocess.run(
        browser_site.manage + ["shell", "-c", PAGE_IDS], env=env, check=True, capture_output=True, text=True
    )
    return password, json.loads(ids.stdout.strip().splitlines()[-1])


@pytest.fixture
def login(browser, server_url, demo):
    """``login(username)`` opens a tab logged in as that demo user, browser asking for English."""
    password, _ = demo
    contexts = []

    def login(username):
        context = browser.new_context(base_url=server_url, locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
        contexts.append(context)
        return signed_in_tab(context, server_url, username, password)

    yield login
    for context in contexts:
        context.close()


def visible_lines(tab):
    tab.wait_for_load_state("networkidle")
    return {line.strip() for line in tab.evaluate("document.body.innerText").splitlines()}


def english_in(lines, patterns):
    """Lines that are untranslated upstream messages, or English no catalogue carries."""
    found = []
    for line in lines:
        line = line.strip()
        if not line or line in SAME_IN_VIETNAMESE:
            continue
        # A required field's label ends in "*": "Image*" is the label "Image".
        label = line.rstrip("*").strip()
        if label in ENGLISH_FIELD_NAMES:
            found.append((line, "a block field named in English", label))
            continue
        if ENGLISH_OUTSIDE_CATALOGUES.search(line):
            found.append((line, "English outside the catalogues", ""))
            continue
        for pattern, source in patterns:
            if pattern.match(line):
                found.append((line, *source))
                break
    return sorted(found)


def english_lines(tab, patterns):
    """Visible lines of the page that are English."""
    return english_in(visible_lines(tab), patterns)


# Wagtail names an unlabelled block after its Python name, in English.
ENGLISH_FIELD_NAMES = {"Image", "Alt text", "Decorative", "Caption", "Value", "Unit", "Label", "Source", "Heading"}


def mails(browser_site):
    """The e-mails the test server sent so far (file-based backend), decoded."""
    found = []
    for path in sorted(Path(browser_site.env["PORTAL_TEST_EMAIL_DIR"]).glob("*.log")):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                found.append(email.message_from_bytes(raw.strip(), policy=email.policy.default))
    return found


def mail_text(message):
    part = message.get_body(preferencelist=("plain",))
    return [message["Subject"]] + part.get_content().splitlines()


def check(tab, patterns, where, report):
    assert tab.locator("html").get_attribute("lang") == "vi", f"{where}: the admin is not in Vietnamese"
    report[where] = english_lines(tab, patterns)


def test_the_main_editing_path_shows_no_untranslated_wagtail_text(login, demo, untranslated_patterns, browser_site):
    _, ids = demo
    report = {}

    editor = login("editor")
    check(editor, untranslated_patterns, "dashboard", report)
    assert "Bảng điều khiển" in editor.title()

    editor.goto(f"/admin/pages/{ids['section']}/")
    check(editor, untranslated_patterns, "explorer", report)
    assert "Trang" in visible_lines(editor)  # the sidebar's "Pages", not the site's pagination label

    # Create an article as a draft.
    editor.goto(f"/admin/pages/add/news/newspage/{ids['section']}/")
    check(editor, untranslated_patterns, "create article", report)
    editor.fill("#id_title", "Bài viết thử của biên tập viên")
    editor.fill("#id_lead", "Đoạn mở đầu của bài viết thử.")
    editor.get_by_role("tab", name="Quảng bá").click()
    editor.fill("#id_slug", "bai-viet-thu-cua-bien-tap-vien")
    editor.get_by_role("tab", name="Nội dung").click()
    editor.get_by_role("button", name="Lưu bản nháp").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert editor.get_by_text("Đã tạo trang 'Bài viết thử của biên tập viên'.").is_visible()
    check(editor, untranslated_patterns, "edit article", report)

    # Edit it and submit it for moderation from the footer's "more actions" menu.
    editor.fill("#id_title", "Bài viết thử đã sửa")
    editor.get_by_role("button", name="Thao tác khác").last.click()
    editor.get_by_role("button", name=re.compile("^Gửi duyệt theo")).click()
    editor.wait_for_load_state("networkidle")
    assert editor.get_by_text("Đã gửi duyệt trang 'Bài viết thử đã sửa'.").is_visible()
    check(editor, untranslated_patterns, "submitted for moderation", report)

    editor.goto(f"/admin/pages/{ids['article']}/edit/")
    editor.locator("[data-contentpath=body]").first.wait_for()
    check(editor, untranslated_patterns, "edit existing article", report)
    assert "Ảnh" in {line.rstrip("*").strip() for line in visible_lines(editor)}  # the body image's chooser

    # The moderator finds it waiting for review, told by e-mail in Vietnamese.
    moderator = login("moderator")
    check(moderator, untranslated_patterns, "moderator's dashboard", report)
    assert moderator.get_by_text("Bài viết thử đã sửa").first.is_visible()
    [to_moderator] = [m for m in mails(browser_site) if "moderator@example.com" in m["To"]]
    body = mail_text(to_moderator)
    assert any(line.startswith("Chào Kiểm duyệt viên") for line in body), body
    report["e-mail to the moderator"] = english_in(body, untranslated_patterns)

    moderator.get_by_role("link", name="Bài viết thử đã sửa").first.click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    submitted = moderator.url.split("/admin/pages/")[1].split("/")[0]
    check(moderator, untranslated_patterns, "moderator reviews the article", report)
    moderator.goto(f"/admin/pages/{submitted}/history/")
    check(moderator, untranslated_patterns, "page history", report)
    moderator.goto(f"/admin/pages/{submitted}/workflow_history/")
    check(moderator, untranslated_patterns, "workflow history", report)
    moderator.goto("/admin/pages/search/?q=S%C6%A1n+La")
    check(moderator, untranslated_patterns, "admin page search", report)
    assert moderator.get_by_text(re.compile(r"\d+-\d+ trong số \d+ trang")).first.is_visible()

    # The Lao translator works in wagtail-localize's translation editor, a React app.
    translator = login("translator-lo")
    check(translator, untranslated_patterns, "translator's dashboard", report)
    translator.goto(f"/admin/pages/{ids['lao_article']}/edit/")
    translator.locator(".js-translation-editor button, .js-translation-editor li").first.wait_for()
    check(translator, untranslated_patterns, "translation editor", report)
    assert translator.get_by_text(re.compile("đoạn đã dịch")).first.is_visible()
    assert translator.get_by_text("Bản dịch từ Tiếng Việt sang ພາສາລາວ").first.is_visible()
    assert translator.get_by_text(re.compile(r"^Dịch thủ công ngày \d+/\d+/\d{4}$")).first.is_visible()

    # The translator submits; the Lao reviewer is told by e-mail, in Vietnamese.
    sent = len(mails(browser_site))
    translator.locator("footer.footer:visible").get_by_role("button", name="Gửi duyệt").click()
    translator.wait_for_load_state("networkidle")
    check(translator, untranslated_patterns, "translation submitted", report)
    to_reviewer = [m for m in mails(browser_site)[sent:] if "reviewer-lo@example.com" in m["To"]]
    assert to_reviewer, "the Lao reviewer got no e-mail"
    body = mail_text(to_reviewer[0])
    assert any(line.startswith("Chào Người duyệt bản dịch tiếng Lào") for line in body), body
    report["e-mail to the Lao reviewer"] = english_in(body, untranslated_patterns)

    for tab in (editor, moderator, translator):
        assert tab.errors == []
    untranslated = {where: lines for where, lines in report.items() if lines}
    assert untranslated == {}, "English left in the Vietnamese admin:\n" + json.dumps(untranslated, ensure_ascii=False, indent=1)
