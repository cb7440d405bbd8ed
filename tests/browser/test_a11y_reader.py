"""Reader controls, print, no-JavaScript use, user preferences and fonts."""

import pytest

from tests.browser.pages import LANGUAGES

pytestmark = pytest.mark.browser

ARTICLE_FONT_SIZE = "parseFloat(getComputedStyle(document.querySelector('.article__content')).fontSize)"


def test_text_size_is_remembered_across_pages(open_tab, site_pages):
    first, second = site_pages["vi"]["articles"][:2] if len(site_pages["vi"]["articles"]) > 1 else (
        site_pages["vi"]["articles"][0],
        site_pages["en"]["articles"][0],
    )
    tab = open_tab()
    tab.goto(first)
    normal = tab.evaluate(ARTICLE_FONT_SIZE)
    tools = tab.locator(".reader-tools")
    assert tools.is_visible()
    tools.locator("[data-text-size=larger]").click()
    tools.locator("[data-text-size=larger]").click()
    larger = tab.evaluate(ARTICLE_FONT_SIZE)
    assert larger > normal * 1.2
    tab.goto(second)
    assert tab.locator("html").get_attribute("data-reader-size") == "2"
    assert tab.evaluate(ARTICLE_FONT_SIZE) == larger
    # A brings back the normal size, A- makes it smaller; both are remembered too.
    tab.locator("[data-text-size=reset]").click()
    assert tab.evaluate(ARTICLE_FONT_SIZE) == normal
    tab.locator("[data-text-size=smaller]").click()
    assert tab.evaluate(ARTICLE_FONT_SIZE) < normal
    tab.goto(first)
    assert tab.evaluate(ARTICLE_FONT_SIZE) < normal


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_size_buttons_have_names_in_the_page_language(open_tab, site_pages, language):
    tab = open_tab()
    tab.goto(site_pages[language]["articles"][0])
    group = tab.get_by_role("group")
    assert group.count() == 1
    names = [button.get_attribute("data-text-size") for button in group.get_by_role("button").all()]
    assert names == ["smaller", "reset", "larger"]
    label = tab.locator("#text-size-label").inner_text()
    if language != "en":
        assert label != "Text size:"


def test_high_contrast_is_remembered_across_pages(open_tab, site_pages):
    pages = site_pages["vi"]
    tab = open_tab()
    tab.goto(pages["home"])
    toggle = tab.locator(".contrast-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    background = "getComputedStyle(document.body).backgroundColor"
    assert tab.evaluate(background) == "rgb(0, 0, 0)"
    tab.goto(pages["articles"][0])
    assert tab.locator(".contrast-toggle").get_attribute("aria-pressed") == "true"
    assert tab.evaluate(background) == "rgb(0, 0, 0)"
    tab.locator(".contrast-toggle").click()
    tab.goto(pages["home"])
    assert tab.locator(".contrast-toggle").get_attribute("aria-pressed") == "false"
    assert tab.evaluate(background) == "rgb(255, 255, 255)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_print_button_and_print_stylesheet(open_tab, site_pages, language):
    tab = open_tab()
    tab.goto(site_pages[language]["articles"][0])
    tab.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    tab.locator("[data-print]").click()
    assert tab.evaluate("window.printed") == 1

    tab.emulate_media(media="print")
    for hidden in (
        ".skip-link",
        ".languages",
        ".site-search",
        ".main-nav",
        ".breadcrumbs",
        ".sidebar",
        ".footer-nav",
        ".reader-tools",
        ".contrast-toggle",
    ):
        for element in tab.locator(hidden).all():
            assert not element.is_visible(), f"{hidden} is printed"
    for shown in ("h1", ".dateline", ".article__body", ".site-footer__name"):
        assert tab.locator(shown).first.is_visible(), f"{shown} is not printed"
    # Printed text is black on white.
    assert tab.evaluate("getComputedStyle(document.querySelector('h1')).color") == "rgb(0, 0, 0)"


@pytest.mark.parametrize("width", [320, 1280])
def test_pages_work_without_javascript(open_tab, site_pages, width):
    pages = site_pages["vi"]
    tab = open_tab(width, java_script_enabled=False)
    tab.goto(pages["home"])
    assert tab.locator("html").get_attribute("class") == "no-js"
    # The menu stays open; the controls that need JavaScript are not shown.
    assert tab.locator("#main-menu a").first.is_visible()
    assert not tab.locator(".menu-toggle").is_visible()
    assert not tab.locator(".contrast-toggle").is_visible()
    menu_links = tab.locator("#main-menu a")
    assert menu_links.count() >= 3
    href = menu_links.nth(1).get_attribute("href")
    menu_links.nth(1).click()
    tab.wait_for_url(f"**{href}")
    assert tab.locator("h1").is_visible()
    # Skip link, search and an article read as usual.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "skip-link"
    tab.keyboard.press("Enter")
    assert tab.url.endswith("#main")
    tab.goto(pages["articles"][0])
    assert tab.locator("h1").is_visible()
    assert tab.locator(".article__body").is_visible()
    assert not tab.locator(".reader-tools").is_visible()
    tab.goto(pages["home"])
    tab.locator("#site-search-q").fill(pages["search_query"])
    tab.locator("#site-search-q").press("Enter")
    tab.wait_for_load_state()
    assert tab.locator(".search-results > li").count() > 0


def test_reduced_motion_is_honoured(open_tab, site_pages):
    url = site_pages["vi"]["articles"][0]
    durations = """() => [...document.querySelectorAll('*')].some(el => {
        const s = getComputedStyle(el);
        return [s.transitionDuration, s.animationDuration].some(d => d.split(',').some(v => parseFloat(v) > 0.01));
    })"""
    tab = open_tab(reduced_motion="reduce")
    tab.goto(url)
    assert tab.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert not tab.evaluate(durations)
    tab = open_tab(reduced_motion="no-preference")
    tab.goto(url)
    assert tab.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"


def test_prefers_contrast_more_darkens_the_colours(open_tab, site_pages):
    url = site_pages["vi"]["articles"][0]
    tab = open_tab()
    tab.goto(url)
    normal = tab.evaluate("getComputedStyle(document.body).color")
    tab.emulate_media(contrast="more")
    assert tab.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert normal != "rgb(0, 0, 0)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_hosted_fonts_cover_the_language_with_room_for_stacked_marks(open_tab, site_pages, language):
    tab = open_tab()
    fonts = []
    tab.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    tab.goto(site_pages[language]["articles"][0])
    tab.wait_for_load_state("networkidle")
    assert fonts and all(url.endswith(".woff2") and "/static/fonts/" in url for url in fonts)
    loaded = tab.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', '')))"
    )
    expected = {"vi": "Noto Sans", "en": "Noto Sans", "lo": "Noto Sans Lao"}[language]
    assert expected in loaded
    if language == "vi":
        assert any("noto-sans-latin-vi" in url for url in fonts)
    # The font the h1 and body text are actually drawn with.
    first_family = "getComputedStyle(document.querySelector(%r)).fontFamily.split(',')[0].replaceAll('\"', '').trim()"
    assert tab.evaluate(first_family % "h1") == expected
    assert tab.evaluate(first_family % ".article__body p") == expected
    # Line heights leave room for Vietnamese stacked marks and Lao vowels above and below.
    ratio = """(selector) => { const s = getComputedStyle(document.querySelector(selector));
                               return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }"""
    minimum = 1.8 if language == "lo" else 1.5
    assert tab.evaluate(ratio, ".article__body p") >= minimum - 0.01
    assert tab.evaluate(ratio, "h1") >= 1.4
    assert tab.external_requests == []
