"""The Content-Security-Policy in a real browser: nothing the portal needs is blocked.

Every tab records the browser's own ``securitypolicyviolation`` reports. Public
pages must report none under the strict public policy, nor with an editor's
userbar under the editors' one (which adds eval for its checker); the Wagtail admin none under its own, looser policy,
while editing an article, choosing an image and previewing. The admin is
also tried under the strict public policy, which shows why it needs more.
"""

import re

import pytest

from core.security import PUBLIC_POLICY, render_policy

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def violations(tab):
    """Reports from the tab and every frame in it (the admin's preview is one)."""
    return [report for frame in tab.frames for report in frame.evaluate("window.__cspViolations || []")]


@pytest.fixture
def watched_context(browser, server_url):
    """A context whose tabs record policy violations; requests never leave the test server."""
    contexts = []

    def make():
        context = browser.new_context(base_url=server_url, viewport={"width": 1400, "height": 1000})
        context.add_init_script(RECORD_VIOLATIONS)
        context.route(
            "**/*",
            lambda route: route.abort()
            if not route.request.url.startswith(server_url)
            else route.fallback(),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def sign_in(tab, password):
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", password)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")


def test_public_pages_run_their_script_without_violations(watched_context, site_pages):
    tab = watched_context().new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    pages = site_pages["vi"]
    urls = [pages["home"], pages["section"], pages["articles"][0], "/vi/search/?q=Sơn+La", "/lo/", "/en/site-map/"]
    for url in urls:
        response = tab.goto(url)
        assert "script-src 'self';" in response.headers["content-security-policy"]
        # portal.js ran: it swaps the no-js class for js and shows the text-size buttons.
        assert tab.evaluate("document.documentElement.classList.contains('js')"), url
        assert violations(tab) == [], url
    assert errors == []


def test_an_injected_inline_script_is_blocked_and_reported(watched_context, site_pages):
    """The policy is really enforced: a script written into the page does not run."""
    tab = watched_context().new_page()
    tab.goto(site_pages["vi"]["home"])
    tab.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        " document.body.append(s); }"
    )
    tab.wait_for_function("window.__cspViolations.length > 0")
    assert tab.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src-elem inline") for v in violations(tab))


def test_editor_on_the_public_site_gets_a_working_userbar(watched_context, site_pages, admin_password):
    context = watched_context()
    tab = context.new_page()
    sign_in(tab, admin_password)
    response = tab.goto(site_pages["vi"]["articles"][0])
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-eval';" in policy and "unsafe-inline" not in policy
    userbar = tab.locator("wagtail-userbar")
    userbar.locator("#wagtail-userbar-trigger").click()
    userbar.locator("#wagtail-userbar-items").wait_for(state="visible")
    # The accessibility checker ran and counted (it compiles templates with eval).
    tab.wait_for_function(
        "(document.querySelector('wagtail-userbar')?.shadowRoot"
        "?.querySelector('[data-content-checker-count]')?.textContent || '') !== ''",
        timeout=15_000,
    )
    assert violations(tab) == []


def open_article_editor(tab, site_pages):
    """The edit view of the first Vietnamese article, found through the explorer's search."""
    tab.goto("/admin/pages/search/?q=" + "hội nghị")
    link = tab.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    link.wait_for()
    tab.goto(link.get_attribute("href"))
    tab.locator("#id_title").wait_for()


def test_admin_works_under_its_policy(watched_context, site_pages, admin_password):
    tab = watched_context().new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(tab, admin_password)
    assert violations(tab) == []
    for url in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/snippets/", "/admin/reports/"]:
        tab.goto(url)
        assert violations(tab) == [], url

    open_article_editor(tab, site_pages)
    # Inline panels, date pickers, StreamField and the rich text editor all started.
    tab.locator("[data-draftail-editor]").first.wait_for()
    tab.locator("[data-streamfield-stream-container]").first.wait_for()
    tab.fill("#id_title", tab.input_value("#id_title") + " (bản nháp)")
    # The image chooser opens in a modal loaded by script.
    tab.locator("button[aria-describedby='id_image-title']").click()
    tab.locator("[data-chooser-action-choose]:visible").first.click()
    tab.locator(".modal-content").wait_for()
    # Choosing an image in it closes it.
    tab.locator(".modal-content [data-chooser-modal-choice]").first.click()
    tab.locator(".modal-content").wait_for(state="hidden")
    # The preview panel frames the preview view.
    tab.locator("[data-side-panel-toggle='preview']").click()
    preview = tab.frame_locator("iframe.w-preview__iframe").last
    preview.locator("main h1").wait_for(timeout=20_000)
    tab.locator("button[name='action-publish'], button.action-save").first.wait_for()
    tab.locator("button.action-save").first.click()
    tab.locator(".messages .success, .w-messages .success, [role=status] .success").first.wait_for()
    assert violations(tab) == []
    assert errors == []


def test_admin_under_the_strict_public_policy_would_break(watched_context, site_pages, admin_password):
    """Why the admin has its own policy: Wagtail's editing views run inline scripts."""
    context = watched_context()
    tab = context.new_page()
    sign_in(tab, admin_password)

    def strict(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": render_policy(PUBLIC_POLICY)}
        route.fulfill(response=response, headers=headers)

    tab.route(re.compile(r".*/admin/pages/\d+/edit/$"), strict)
    open_article_editor(tab, site_pages)
    blocked = violations(tab)
    assert any(v.startswith("script-src-elem inline") for v in blocked), blocked
