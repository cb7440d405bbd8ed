"""WCAG 2.2 AA on the documents register and a document's page, vi/en/lo, at 1280 and 320 px.

axe-core finds no violation; at 320 px nothing scrolls sideways or spills
out of its box (the table becomes labelled blocks); the structure checks
(one h1, table caption and headers, labelled landmarks) pass.
"""

import pytest

from tests.browser.a11y import format_violations, layout_problems, run_axe, structure_problems

pytestmark = pytest.mark.browser

REGISTERS = {"vi": "/vi/van-ban/", "en": "/en/documents/", "lo": "/lo/documents/"}
DOCUMENT = "1120-qd-ubnd/"  # amended: shows the "amended by" links and a file


def addresses(language):
    register = REGISTERS[language]
    return [register, register + "?status=in-force&q=UBND&year=2025", register + "?page=2", register + DOCUMENT]


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_register_and_document_pages_have_no_violations(open_tab, language, width):
    tab = open_tab(width=width)
    problems = []
    for url in addresses(language):
        response = tab.goto(url)
        assert response.status == 200, url
        tab.evaluate("document.fonts.ready.then(() => true)")
        violations = run_axe(tab)
        if violations:
            problems.append(f"{url} at {width}px:\n{format_violations(violations)}")
        layout = layout_problems(tab)
        if layout:
            problems.append(f"{url} at {width}px layout:\n  " + "\n  ".join(layout[:10]))
        structure = structure_problems(tab)
        if structure:
            problems.append(f"{url} structure:\n  " + "\n  ".join(structure[:10]))
    assert not problems, "\n".join(problems)


def test_filters_work_without_javascript(open_tab):
    tab = open_tab(java_script_enabled=False)
    tab.goto(REGISTERS["en"])
    tab.select_option("#register-status", "replaced")
    tab.click(".register-filters button[type=submit]")
    tab.wait_for_load_state()
    assert "status=replaced" in tab.url
    rows = tab.locator("table.register tbody tr")
    assert rows.count() == 2
