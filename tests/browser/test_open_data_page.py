"""The Open data page meets WCAG 2.2 AA in each language (axe-core, structure, reflow at 320 px)."""

import pytest

from tests.browser.a11y import format_violations, layout_problems, run_axe, structure_problems

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_open_data_page_is_accessible(open_tab, language):
    tab = open_tab()
    response = tab.goto(f"/{language}/open-data/")
    assert response.status == 200
    assert tab.get_attribute("html", "lang") == language
    violations = run_axe(tab)
    assert not violations, format_violations(violations)
    assert structure_problems(tab) == []
    assert layout_problems(tab) == []
    tab.set_viewport_size({"width": 320, "height": 800})
    assert layout_problems(tab) == [], "at 320 px"
    violations = run_axe(tab)
    assert not violations, format_violations(violations)
    # The commands are readable text, not cut off: the longest wraps inside the window.
    widths = tab.eval_on_selector_all("pre", "els => els.map(e => e.scrollWidth <= e.clientWidth + 1)")
    assert widths and all(widths)
