"""The editors' accessibility checker, as an editor sees it in Wagtail's userbar.

An editor logged in on the live site gets Wagtail's userbar, which runs the
portal's axe-core rules (home/wagtail_hooks.py) on the page's <main> and
shows how many issues it found.
"""

import json

import pytest
from django.utils import translation

from home.wagtail_hooks import PortalContentChecker
from tests.browser.pages import LANGUAGES

pytestmark = pytest.mark.browser

COUNT = "document.querySelector('wagtail-userbar')?.shadowRoot?.querySelector('[data-content-checker-count]')?.textContent"

BAD_CONTENT = """
<h2>Kết quả</h2><h4>Cấp tiêu đề bị nhảy</h4><h3> </h3>
<p><strong><em>Đoạn in đậm, in nghiêng giả làm tiêu đề</em></strong></p>
<p>Đoạn văn bình thường ngay sau, đủ dài để trông như nội dung của một mục trong bài viết này.</p>
<p>Đoạn văn bình thường thứ hai, cũng đủ dài để trông như nội dung của một mục trong bài.</p>
<p><a href="/vi/">xem thêm</a> · <a href="/en/">Click here.</a> · <a href="/lo/">https://sonla.gov.vn/tin-tuc</a></p>
<figure><img src="/static/img/emblem.svg" alt="IMG_2031.jpg" width="40" height="40"></figure>
<figure><img src="/static/img/emblem.svg" alt="Quốc huy" width="40" height="40"><figcaption>Quốc huy</figcaption></figure>
<img src="/static/img/emblem.svg" alt="{long}" width="40" height="40">
<table><tr><td>Không có ô tiêu đề</td></tr></table>
<table><caption>Bảng</caption><tr><th></th><th>Năm</th></tr><tr><td>1</td><td>2026</td></tr></table>
""".replace("{long}", "Quốc huy nước Cộng hòa xã hội chủ nghĩa Việt Nam " * 8)

EXPECTED_RULES = [
    "heading-order",
    "empty-heading",
    "p-as-heading",
    "portal-link-text",
    "alt-text-quality",
    "portal-alt-text-caption",
    "portal-alt-text-length",
    "portal-table-headers",
    "portal-table-caption",
    "empty-table-header",
]


@pytest.fixture(scope="session")
def editor_state(browser, server_url, admin_password, tmp_path_factory):
    """A logged-in editor's cookies (the local superuser)."""
    context = browser.new_context(base_url=server_url)
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", admin_password)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    path = tmp_path_factory.mktemp("editor") / "state.json"
    context.storage_state(path=path)
    context.close()
    return path


@pytest.fixture
def editor_tab(browser, server_url, editor_state):
    context = browser.new_context(base_url=server_url, storage_state=editor_state)
    # The admin's update check and avatars call out to the internet; not here.
    context.route("**/*", lambda route: route.abort() if not route.request.url.startswith(server_url) else route.fallback())
    yield context.new_page()
    context.close()


def checker_count(tab):
    tab.wait_for_function(f"({COUNT} || '') !== ''", timeout=15_000)
    return tab.evaluate(COUNT)


def checker_issue_names(tab):
    userbar = tab.locator("wagtail-userbar")
    userbar.locator("#wagtail-userbar-trigger").click()
    userbar.locator("#checker-trigger").click()
    names = userbar.locator("[data-content-checker-name]")
    names.first.wait_for()
    return names.all_inner_texts()


@pytest.mark.parametrize("language", LANGUAGES)
def test_checker_finds_nothing_to_fix_in_the_demo_content(editor_tab, site_pages, language):
    pages = site_pages[language]
    problems = {}
    for url in [pages["home"], pages["section"], *pages["articles"], *pages["content_pages"]]:
        editor_tab.goto(url)
        count = checker_count(editor_tab)
        if count != "0":
            problems[url] = checker_issue_names(editor_tab)
    assert not problems


def test_checker_flags_what_the_portal_rules_forbid(editor_tab, site_pages):
    editor_tab.add_init_script(
        "document.addEventListener('DOMContentLoaded', () =>"
        f" document.querySelector('.article__body').insertAdjacentHTML('afterbegin', {json.dumps(BAD_CONTENT)}))"
    )
    editor_tab.goto(site_pages["vi"]["articles"][0])
    assert int(checker_count(editor_tab)) >= len(EXPECTED_RULES)
    shown = set(checker_issue_names(editor_tab))
    # The editor's admin language is Vietnamese (the site's default).
    with translation.override("vi"):
        expected = {str(PortalContentChecker.axe_messages[rule]["error_name"]): rule for rule in EXPECTED_RULES}
    missing = [rule for name, rule in expected.items() if name not in shown]
    assert not missing, f"not flagged: {missing}; shown: {sorted(shown)}"
