"""At least 95% of the upstream strings the main editing path shows are in Vietnamese.

The path is walked for real (``admin_i18n/walk.py``): dashboard, explorer,
creating, editing and submitting an article, the moderator's review,
choosers, search, reports, account settings and wagtail-localize's translation
editor, while every message id looked up is recorded.
"""

import pytest

from admin_i18n.coverage import PROJECT, VietnameseLookup, catalogue_coverage, owners
from admin_i18n.walk import record_main_editing_path

pytestmark = pytest.mark.django_db

MINIMUM = 0.95


@pytest.fixture
def path_lookups(demo_content, compiled_catalogues):
    return record_main_editing_path()


def test_the_walk_records_the_admin_in_vietnamese(path_lookups):
    assert path_lookups.languages == {"vi"}
    # Hundreds of distinct strings: a walk that silently rendered nothing cannot pass.
    assert len(path_lookups.keys) > 400
    assert ("", "Save draft") in path_lookups.keys  # the page editor was rendered
    assert ("", "Translation of %(instance)s into %(locale)s") in path_lookups.keys  # and the translation editor


def test_upstream_strings_on_the_main_path_are_at_least_95_percent_vietnamese(path_lookups):
    rows = [row for row in catalogue_coverage(path_lookups.keys) if row.used]
    used = sum(row.used for row in rows)
    covered = sum(row.used_covered for row in rows)
    untranslated = {row.name: row.untranslated_used for row in rows if row.untranslated_used}
    assert used > 500
    assert covered / used >= MINIMUM, f"{covered}/{used} covered; untranslated: {untranslated}"


def test_wagtail_admin_and_localize_each_reach_95_percent(path_lookups):
    rows = {row.name: row for row in catalogue_coverage(path_lookups.keys)}
    for name in ("wagtailadmin", "wagtailcore", "wagtail_localize", "wagtailadmin-js", "wagtail_localize-js"):
        row = rows[name]
        assert row.used and row.used_covered / row.used >= MINIMUM, (name, row.untranslated_used)


def test_every_project_string_on_the_main_path_is_translated(path_lookups):
    vietnamese = VietnameseLookup()
    project = [key for key, names in owners(path_lookups.keys).items() if names == [PROJECT]]
    assert len(project) > 40  # field names, help texts and block names of the article form
    assert [key for key in project if not vietnamese.is_translated(key)] == []
