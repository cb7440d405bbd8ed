"""The home page welcomes visitors in each language: name, purpose, shortcuts, an even featured row."""

import pytest

from tests.browser.a11y import format_violations, layout_problems, run_axe

pytestmark = pytest.mark.browser

PORTAL_NAMES = {
    "vi": "Cổng thông tin điện tử tỉnh Sơn La",
    "en": "Son La Province Web Portal",
    "lo": "ປະຕູຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ແຂວງເຊີນລາ",
}
# Shortcuts every visitor needs, by the address they lead to.
SERVICES = {
    "vi": {"Tìm kiếm": "/vi/search/", "Sơ đồ trang": "/vi/site-map/", "Tin mới qua RSS": "/vi/feeds/rss/"},
    "en": {"Search": "/en/search/", "Site map": "/en/site-map/", "News feeds (RSS)": "/en/feeds/rss/"},
    "lo": {"ຄົ້ນຫາ": "/lo/search/", "ແຜນຜັງເວັບໄຊ": "/lo/site-map/", "ຂ່າວໃໝ່ຜ່ານ RSS": "/lo/feeds/rss/"},
}
CONTACTS = {"vi": "Cơ cấu tổ chức và liên hệ", "en": "Organisation and contacts", "lo": "ໂຄງປະກອບການຈັດຕັ້ງ ແລະ ການຕິດຕໍ່"}
SECTIONS = {
    "vi": ("Thông tin đối ngoại", "Thông tin cải cách", "Tin tức - Sự kiện"),
    "en": ("Foreign information", "Reform information", "News and events"),
    "lo": ("ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ", "ຂໍ້ມູນຂ່າວສານການປະຕິຮູບ", "ຂ່າວສານ - ເຫດການ"),
}


def featured_cards(tab):
    """Each featured card's box and its picture's state."""
    return tab.evaluate(
        """() => [...document.querySelectorAll('.cards--featured > li')].map(li => {
            const card = li.querySelector('article').getBoundingClientRect();
            const img = li.querySelector('.card__image img');
            return {
                top: Math.round(card.top), height: Math.round(card.height), width: Math.round(card.width),
                image: img ? {loaded: img.complete && img.naturalWidth > 0, alt: img.getAttribute('alt'),
                              height: Math.round(img.getBoundingClientRect().height)} : null,
            };
        })"""
    )


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_home_page_welcomes_with_the_portal_name_shortcuts_and_even_featured_cards(open_tab, language):
    tab = open_tab(width=1280)
    tab.goto(f"/{language}/")
    main = tab.locator("main")
    assert main.locator("h1").count() == 1
    assert main.locator("h1").inner_text() == PORTAL_NAMES[language]
    assert main.locator(".welcome .intro").inner_text().strip()

    shortcuts = tab.get_by_role("navigation", name=main.locator("#shortcuts-heading").inner_text())
    for name, path in SERVICES[language].items():
        assert shortcuts.get_by_role("link", name=name, exact=True).get_attribute("href") == path
    assert shortcuts.get_by_role("link", name=CONTACTS[language], exact=True).count() == 1
    menu = [
        link.inner_text()
        for link in tab.get_by_role("navigation", name=tab.locator(".main-nav").get_attribute("aria-label"))
        .get_by_role("link").all()
    ]
    for section in SECTIONS[language]:
        assert section in menu
        assert shortcuts.get_by_role("link", name=section, exact=True).count() == 1

    cards = featured_cards(tab)
    assert len(cards) == 3
    assert all(card["image"] and card["image"]["loaded"] and card["image"]["alt"] for card in cards), cards
    # One row: same top, same height, pictures the same size (to a pixel of rounding).
    for measure in (lambda card: card["top"], lambda card: card["height"], lambda card: card["image"]["height"]):
        values = [measure(card) for card in cards]
        assert max(values) - min(values) <= 1, cards

    violations = run_axe(tab)
    assert violations == [], format_violations(violations)
    assert tab.errors == [] and tab.external_requests == []

    tab.set_viewport_size({"width": 320, "height": 900})
    assert layout_problems(tab) == []
    cards = featured_cards(tab)
    assert all(card["image"]["loaded"] and card["width"] <= 320 for card in cards), cards
    assert tab.locator(".shortcut__link").first.is_visible()
    violations = run_axe(tab)
    assert violations == [], format_violations(violations)


def test_the_home_page_names_its_purpose_not_trang_chu(open_tab):
    tab = open_tab()
    tab.goto("/vi/")
    assert tab.locator("main h1").inner_text() != "Trang chủ"
    # The page's own title still names it in the menu.
    assert tab.locator(".main-nav a[aria-current='page']").inner_text() == "Trang chủ"
