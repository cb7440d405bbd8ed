"""No template syntax reaches a visitor as text.

Django's ``{# #}`` comment ends at the line's end: one spread over several
lines is printed on the page, in every language.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATE_SYNTAX = re.compile(r"\{#|#\}|\{%|%\}|\{\{|\}\}")
APPS = ("core", "demo", "admin_i18n", "backup", "home", "news", "search", "translations", "visits", "site_project")


def test_no_comment_in_a_template_spans_lines():
    unclosed = []
    for app in APPS:
        for template in (Path(settings.BASE_DIR) / app).rglob("templates/**/*.html"):
            for number, line in enumerate(template.read_text().splitlines(), 1):
                if "{#" in line and "#}" not in line.split("{#", 1)[1]:
                    unclosed.append(f"{template.relative_to(settings.BASE_DIR)}:{number}")
    assert unclosed == []


@pytest.mark.parametrize("language", ["vi", "en", "lo"])
def test_home_section_and_article_show_no_template_syntax(client, demo_content, language):
    pages = [
        demo_content.homes[language],
        demo_content.sections[language][0],
        demo_content.articles[language][0],
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        text = response.content.decode()
        assert not TEMPLATE_SYNTAX.search(re.sub(r"<script.*?</script>", "", text, flags=re.S)), page.url
