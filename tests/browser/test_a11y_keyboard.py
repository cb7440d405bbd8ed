"""Keyboard use: skip link, reachable controls, visible focus, no trap, mobile menu.

axe-core cannot see focus indicators, so each focused control is
photographed focused and blurred: the two pictures must differ.
"""

import pytest
from django.utils import translation

from tests.browser.pages import LANGUAGES

pytestmark = pytest.mark.browser

# Every element a keyboard user should be able to reach.
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)

TAGGED_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    if (!el.dataset.kbd) el.dataset.kbd = String(document.querySelectorAll("[data-kbd]").length);
    const r = el.getBoundingClientRect();
    // Controls styled alike (same tag and classes, in the same kind of parent, in the same part of
    // the page) share a focus style; the focus check photographs one of each kind.
    const part = el.closest("header, nav, main, aside, footer");
    const kind = [el, el.parentElement, el.parentElement && el.parentElement.parentElement]
        .filter(Boolean).map(node => node.tagName + "." + [...node.classList].join(".")).join("<")
        + "@" + (part ? part.tagName + "." + part.className : "");
    return {id: el.dataset.kbd, tag: el.tagName, text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40),
            x: r.x, y: r.y, width: r.width, height: r.height, inMain: !!el.closest("main"), kind: kind + ":" + el.getAttribute("aria-current")};
}"""

REACHABLE = f"""() => [...document.querySelectorAll("{FOCUSABLE}")]
    .filter(el => !el.closest("wagtail-userbar") && !el.disabled
                  && (el.offsetWidth || el.offsetHeight || el.getClientRects().length)
                  && getComputedStyle(el).visibility !== "hidden")
    .map(el => el.dataset.kbd || (el.outerHTML.slice(0, 100)))"""


def _tab_through(tab, limit=400):
    """Press Tab until focus comes round to the first stop again; the stops in order."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(TAGGED_ACTIVE)
        if stop is None:
            continue  # focus left the document (the browser's own UI) for one step
        if stops and stop["id"] == stops[-1]["id"]:
            continue  # the next part of the same control (day, month, year of a date)
        if stops and stop["id"] == stops[0]["id"]:
            break
        if any(stop["id"] == earlier["id"] for earlier in stops):
            pytest.fail(f"focus goes round in a loop that never reaches the end: {stop}")
        stops.append(stop)
    else:
        pytest.fail("Tab never came back round: a keyboard trap or an endless page")
    return stops


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tab_reaches_a_visible_skip_link_in_the_page_language(open_tab, site_pages, language):
    tab = open_tab()
    tab.goto(site_pages[language]["articles"][0])
    tab.keyboard.press("Tab")
    link = tab.locator(":focus")
    assert link.get_attribute("class") == "skip-link"
    with translation.override(language):
        expected = translation.gettext("Skip to main content")
    if language != "en":
        assert expected != "Skip to main content", f"no {language} translation of the skip link"
    assert link.inner_text() == expected
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 20 and box["height"] > 20
    # The skip link is drawn on top of the page, not hidden under anything.
    assert tab.evaluate(
        """() => { const el = document.activeElement, r = el.getBoundingClientRect();
                  return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"""
    )
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.closest('main') !== null")
    # The next Tab continues inside the main content, not back in the header.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize(
    "page", ["home", "article", "search", "section", "article-high-contrast", "home-320px-lo"]
)
def test_every_control_is_reachable_with_visible_focus_and_no_trap(open_tab, site_pages, page):
    pages = site_pages["lo" if page.endswith("-lo") else "vi"]
    url = {
        "home": pages["home"],
        "article": pages["articles"][0],
        "search": pages["search_filtered"],
        "section": pages["section_page_2"],
        "article-high-contrast": pages["articles"][0],
        "home-320px-lo": pages["home"],
    }[page]
    tab = open_tab(320 if "320px" in page else 1280, reduced_motion="reduce")
    if "high-contrast" in page:
        tab.add_init_script("localStorage.setItem('portal:high-contrast', '1')")
    tab.goto(url)
    if "320px" in page:
        tab.locator(".menu-toggle").click()  # open the menu so that its links count too
    stops = _tab_through(tab)
    reached = {stop["id"] for stop in stops}
    unreached = [el for el in tab.evaluate(REACHABLE) if el not in reached]
    assert not unreached, f"not reachable with Tab: {unreached}"
    # The order follows the page: header, then main, then the sidebar and footer.
    in_main = [stop["inMain"] for stop in stops]
    first, last = in_main.index(True), len(in_main) - 1 - in_main[::-1].index(True)
    assert all(in_main[first : last + 1]), "focus leaves <main> and comes back"
    # Shift+Tab walks back the same way.
    tab.evaluate("(id) => document.querySelector(`[data-kbd='${id}']`).focus()", stops[-1]["id"])
    for stop in reversed(stops[-4:-1]):
        tab.keyboard.press("Shift+Tab")
        assert tab.evaluate(TAGGED_ACTIVE)["id"] == stop["id"]

    invisible = []
    kinds = {}
    for stop in stops:
        kinds.setdefault(stop["kind"], stop)
    for stop in kinds.values():
        tab.evaluate("(id) => document.querySelector(`[data-kbd='${id}']`).focus()", stop["id"])
        box = tab.evaluate(TAGGED_ACTIVE)
        pad = 8
        clip = {
            "x": max(box["x"] - pad, 0),
            "y": max(box["y"] - pad, 0),
            "width": box["width"] + 2 * pad,
            "height": box["height"] + 2 * pad,
        }
        focused = tab.screenshot(clip=clip, animations="disabled")
        tab.evaluate("document.activeElement.blur()")
        blurred = tab.screenshot(clip=clip, animations="disabled")
        if focused == blurred:
            invisible.append(f"{stop['tag']} {stop['text']!r}")
    assert not invisible, f"focus is not visible on: {invisible}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_mobile_menu_opens_and_closes_with_the_keyboard(open_tab, site_pages, language):
    tab = open_tab(320, 640)
    tab.goto(site_pages[language]["home"])
    toggle = tab.locator(".menu-toggle")
    menu = tab.locator("#main-menu")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('#main-menu') !== null")
    tab.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert tab.evaluate("document.activeElement.classList.contains('menu-toggle')")
    tab.keyboard.press("Space")
    assert menu.is_visible()
    tab.keyboard.press("Space")
    assert not menu.is_visible()
    # Tabbing past the closed menu does not land on hidden links.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('#main-menu') === null")


def test_wide_menu_has_no_toggle(open_tab, site_pages):
    tab = open_tab()
    tab.goto(site_pages["vi"]["home"])
    assert not tab.locator(".menu-toggle").is_visible()
    assert tab.locator("#main-menu a").first.is_visible()
