"""The language switcher on a page with no translation, in a real browser.

The page is one of the padding copies ``site_pages`` makes (live in one
language only). Its switcher must say, visibly and to assistive technology,
in the page's language, that the other languages have no translation, and
link to their home pages; the 404 at the other language's address must link
back to the original. axe-core must find nothing on either, wide or narrow.
"""

import pytest

from tests.browser.a11y import format_violations, layout_problems, run_axe
from tests.browser.pages import LANGUAGES

pytestmark = pytest.mark.browser

NOTES = {
    "vi": {"en": "chưa được dịch – về trang chủ tiếng Anh", "lo": "chưa được dịch – về trang chủ tiếng Lào"},
    "en": {"vi": "not translated yet – go to the Vietnamese home page", "lo": "not translated yet – go to the Lao home page"},
    "lo": {"vi": "ຍັງບໍ່ທັນແປ – ໄປໜ້າຫຼັກພາສາຫວຽດ", "en": "ຍັງບໍ່ທັນແປ – ໄປໜ້າຫຼັກພາສາອັງກິດ"},
}


def _untranslated_url(site_pages, language):
    url = site_pages[language]["untranslated"]
    assert url, f"The browser site has no untranslated {language} article."
    return url


def _check_accessible(tab, url):
    problems = []
    for width in (1280, 320):
        tab.set_viewport_size({"width": width, "height": 900})
        violations = run_axe(tab)
        if violations:
            problems.append(f"{url} at {width}px:\n{format_violations(violations)}")
        problems += [f"{url} at {width}px: {problem}" for problem in layout_problems(tab)]
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_says_which_languages_have_no_translation(open_tab, site_pages, language):
    url = _untranslated_url(site_pages, language)
    tab = open_tab()
    response = tab.goto(url)
    assert response.status == 200

    for other in LANGUAGES:
        link = tab.locator(f'.languages a[hreflang="{other}"]')
        if other == language:
            assert link.get_attribute("aria-current") == "true"
            assert link.get_attribute("href") == url
            continue
        # Visible, in the page's language, part of the link's accessible name.
        note = link.locator(".languages__note")
        assert note.is_visible()
        assert note.get_attribute("lang") == language
        assert NOTES[language][other] in note.inner_text()
        assert link.get_attribute("lang") == other
        assert link.get_attribute("href") == site_pages[other]["home"]
        name = tab.evaluate(
            "(el) => el.textContent.replace(/\\s+/g, ' ').trim()", link.element_handle()
        )
        assert name.endswith(NOTES[language][other])

    # Following the note leads to that language's home page.
    other = next(code for code in LANGUAGES if code != language)
    tab.locator(f'.languages a[hreflang="{other}"]').click()
    tab.wait_for_url(f"**{site_pages[other]['home']}")
    assert tab.locator("html").get_attribute("lang") == other

    tab.goto(url)
    problems = _check_accessible(tab, url)
    assert not problems and not tab.errors, "\n".join(problems) + str(tab.errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_translation_404_links_the_original(open_tab, site_pages, language):
    url = _untranslated_url(site_pages, language)
    other = next(code for code in LANGUAGES if code != language)
    missing = f"/{other}/" + url.removeprefix(f"/{language}/")
    tab = open_tab()
    response = tab.goto(missing)
    assert response.status == 404
    assert tab.locator("html").get_attribute("lang") == other
    original = tab.locator(f'main a[hreflang="{language}"]')
    assert original.get_attribute("href") == url
    original.click()
    tab.wait_for_url(f"**{url}")
    assert tab.locator("h1").is_visible()

    tab.goto(missing)
    problems = _check_accessible(tab, missing)
    assert not problems and not tab.errors, "\n".join(problems) + str(tab.errors)
