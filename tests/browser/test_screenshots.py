"""PNG screenshots for people to look at (not compared with anything).

Home, an article and a search page, at 1280 and 390 pixels, in every
language, saved to ``.local/screenshots/`` (ignored by git).
"""

from pathlib import Path

import pytest

from tests.browser.pages import LANGUAGES

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".local" / "screenshots"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", LANGUAGES)
def test_save_screenshots(open_tab, site_pages, language, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = site_pages[language]
    tab = open_tab(width, 900, reduced_motion="reduce")
    for name, url in (
        ("home", pages["home"]),
        ("article", pages["articles"][0]),
        ("search", pages["search_results"]),
    ):
        tab.goto(url)
        tab.evaluate("document.fonts.ready.then(() => true)")
        path = SCREENSHOTS / f"{name}-{language}-{width}.png"
        tab.screenshot(path=path, full_page=True, animations="disabled")
        assert path.stat().st_size > 10_000
