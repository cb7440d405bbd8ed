"""WCAG 2.2 AA on every public page type, in every language, wide and narrow.

Each page is loaded once, in a 1280 px window, and checked in turn:

- axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) at 1280 px;
- structure: labelled landmarks, one h1, no skipped heading levels, labelled
  breadcrumbs and pagination with the current item marked, tables with
  captions and headers, statistics as term/description pairs, language marks
  on the language switcher;
- reflow (WCAG 1.4.4, 1.4.10, 1.4.12): no sideways scrolling, nothing outside
  the window, no box cutting off or spilling its text, at 1280 px, with the
  root text size at 200%, with the text-spacing overrides, at 640 px (a 1280 px
  window zoomed to 200%) and at 320 px;
- axe-core again at 320 px, and the text-spacing overrides at 320 px.

The results are computed once per page type and language and shared by the
tests below, which only report them.
"""

import pytest

from tests.browser.a11y import (
    TEXT_SPACING_CSS,
    format_violations,
    layout_problems,
    run_axe,
    structure_problems,
)
from tests.browser.pages import BLOCK_TYPES, LANGUAGES, PAGE_KINDS, urls_for, visit

pytestmark = pytest.mark.browser

REFLOW_CONDITIONS = ("1280px", "200%-text", "text-spacing-1280px", "640px", "320px", "text-spacing-320px")
REPORTS = {}


@pytest.fixture(scope="module")
def checker_tab(browser, server_url):
    """One tab for all page checks, so that the browser keeps axe-core compiled."""
    from tests.browser.a11y import serve_axe

    context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    serve_axe(context)
    tab = context.new_page()
    tab.external_requests = []
    tab.errors = []
    tab.on(
        "request",
        lambda request: None
        if request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
        else tab.external_requests.append(request.url),
    )
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def _layout(tab, results, condition, url):
    problems = layout_problems(tab)
    if problems:
        results[condition].append(f"{url}:\n  " + "\n  ".join(problems[:15]))


def _axe(tab, results, check, url, width):
    violations = run_axe(tab)
    if violations:
        results[check].append(f"{url} at {width}px:\n{format_violations(violations)}")


def _check_pages(tab, urls, kind, language):
    results = {name: [] for name in ("lang", "axe-1280", "axe-320", "structure", "requests", *REFLOW_CONDITIONS)}
    for url in urls:
        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.external_requests.clear()
        tab.errors.clear()
        visit(tab, url, kind)
        tab.evaluate("document.fonts.ready.then(() => true)")
        lang = tab.locator("html").get_attribute("lang")
        if lang != language:
            results["lang"].append(f"{url} has lang={lang!r}")
        _axe(tab, results, "axe-1280", url, 1280)
        problems = structure_problems(tab)
        if problems:
            results["structure"].append(f"{url}:\n  " + "\n  ".join(problems))
        _layout(tab, results, "1280px", url)

        tab.evaluate("document.documentElement.style.fontSize = '200%'")
        _layout(tab, results, "200%-text", url)
        tab.evaluate("document.documentElement.style.fontSize = ''")

        tab.evaluate(
            "(css) => { const s = document.createElement('style'); s.id = 'text-spacing'; s.textContent = css; document.head.append(s); }",
            TEXT_SPACING_CSS,
        )
        _layout(tab, results, "text-spacing-1280px", url)
        tab.set_viewport_size({"width": 320, "height": 800})
        _layout(tab, results, "text-spacing-320px", url)
        tab.evaluate("document.getElementById('text-spacing').remove()")

        tab.set_viewport_size({"width": 640, "height": 800})
        _layout(tab, results, "640px", url)
        tab.set_viewport_size({"width": 320, "height": 800})
        _layout(tab, results, "320px", url)
        _axe(tab, results, "axe-320", url, 320)

        if tab.external_requests or tab.errors:
            results["requests"].append(f"{url}: external {tab.external_requests}, script errors {tab.errors}")
    return results


def _report(checker_tab, site_pages, kind, language):
    key = (kind, language)
    if key not in REPORTS:
        REPORTS[key] = _check_pages(checker_tab, urls_for(site_pages, language, kind), kind, language)
    return REPORTS[key]


@pytest.mark.parametrize("width", (1280, 320))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_axe_violations(checker_tab, site_pages, kind, language, width):
    report = _report(checker_tab, site_pages, kind, language)
    assert not report[f"axe-{width}"], "axe-core found WCAG violations:\n" + "\n".join(report[f"axe-{width}"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_structure_and_language(checker_tab, site_pages, kind, language):
    report = _report(checker_tab, site_pages, kind, language)
    failures = report["structure"] + report["lang"] + report["requests"]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("condition", REFLOW_CONDITIONS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_nothing_is_cut_off_and_nothing_scrolls_sideways(checker_tab, site_pages, kind, language, condition):
    report = _report(checker_tab, site_pages, kind, language)
    assert not report[condition], f"{condition}:\n" + "\n".join(report[condition])


@pytest.mark.parametrize("language", LANGUAGES)
def test_checked_articles_show_every_body_block(site_pages, language):
    """The article checks above cover each block type editors can use."""
    features = set(site_pages[language]["all_features"])
    missing = [block for block in BLOCK_TYPES if f"block:{block}" not in features]
    assert not missing, f"No {language} demo article uses these blocks: {missing}"
    covered = set().union(*map(set, site_pages[language]["article_features"].values()))
    assert covered == features


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_pages_show_what_their_names_say(checker_tab, site_pages, language):
    tab = checker_tab
    tab.set_viewport_size({"width": 1280, "height": 900})
    pages = site_pages[language]
    tab.goto(pages["search_results"])
    assert tab.locator(".search-results > li").count() > 0
    tab.goto(pages["search_filtered"])
    assert tab.locator(".search-results > li").count() > 0
    assert tab.locator("select[name=section]").input_value() != ""
    for width in (1280, 320):
        tab.set_viewport_size({"width": width, "height": 900})
        heights = tab.evaluate("[...document.querySelectorAll('main input, main select, main button')].map(e => e.offsetHeight)")
        assert max(heights) < 70, f"a form field is {max(heights)}px tall at {width}px"
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(pages["search_none"])
    assert tab.locator(".search-results").count() == 0
    assert tab.locator("#results-heading").is_visible()
    tab.goto(pages["section_page_2"])
    assert tab.locator(".pagination [aria-current=page]").inner_text().strip().endswith("2")


@pytest.mark.parametrize("language", LANGUAGES)
def test_high_contrast_themes_pass_axe(open_tab, site_pages, language):
    """The reader's high-contrast theme and the system's prefers-contrast: more."""
    pages = site_pages[language]
    urls = [pages["home"], pages["articles"][0], pages["search_results"]]
    failures = []
    tab = open_tab()
    tab.add_init_script("localStorage.setItem('portal:high-contrast', '1')")
    for url in urls:
        tab.goto(url)
        assert tab.evaluate("document.documentElement.classList.contains('high-contrast')")
        violations = run_axe(tab)
        if violations:
            failures.append(f"{url} (high-contrast theme):\n{format_violations(violations)}")
    tab = open_tab(320)
    tab.emulate_media(contrast="more")
    for url in urls:
        tab.goto(url)
        violations = run_axe(tab)
        if violations:
            failures.append(f"{url} (prefers-contrast: more):\n{format_violations(violations)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_largest_reader_text_size_reflows_at_320px(open_tab, site_pages, language):
    tab = open_tab(320, 800)
    tab.add_init_script("localStorage.setItem('portal:text-size', '3')")
    failures = []
    for url in site_pages[language]["articles"]:
        tab.goto(url)
        assert tab.locator("html").get_attribute("data-reader-size") == "3"
        problems = layout_problems(tab)
        if problems:
            failures.append(f"{url}:\n  " + "\n  ".join(problems[:15]))
    assert not failures, "\n".join(failures)
