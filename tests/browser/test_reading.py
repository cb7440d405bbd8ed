"""A foreign visitor reads the portal in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_browses_from_home_to_an_article_and_switches_language(open_tab):
    tab = open_tab(locale="vi-VN")
    tab.goto("/")
    assert tab.url.endswith("/vi/")
    assert tab.locator("html").get_attribute("lang") == "vi"

    tab.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Thông tin đối ngoại").click()
    assert tab.locator("h1").inner_text() == "Thông tin đối ngoại"
    tab.get_by_role("link", name="Trang chủ").first.click()

    tab.locator(".cards--featured a").first.click()
    title_vi = tab.locator("h1").inner_text()
    assert tab.locator("main time").first.inner_text().endswith("| GMT+7")

    tab.locator('a[hreflang="en"]').first.click()
    assert tab.locator("html").get_attribute("lang") == "en"
    assert "/en/" in tab.url
    title_en = tab.locator("h1").inner_text()
    assert title_en != title_vi
    assert tab.locator("main time").first.inner_text().endswith("(GMT+7)")

    tab.locator('a[hreflang="lo"]').first.click()
    assert tab.locator("html").get_attribute("lang") == "lo"
    assert "/lo/" in tab.url
    assert tab.locator("h1").inner_text() not in (title_vi, title_en)
    assert tab.external_requests == []
    assert tab.errors == []


@pytest.mark.parametrize("browser_locale, language", [("en-GB", "en"), ("lo-LA", "lo"), ("fr-FR", "vi")])
def test_browser_language_chooses_the_home_page(open_tab, browser_locale, language):
    tab = open_tab(locale=browser_locale)
    tab.goto("/")
    assert tab.url.endswith(f"/{language}/")
    assert tab.locator("html").get_attribute("lang") == language
