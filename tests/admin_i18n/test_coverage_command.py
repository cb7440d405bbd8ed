"""``manage.py admin_catalogue_coverage``: figures per catalogue and strings new upstream."""

import json
from io import StringIO

from django.core.management import call_command

from admin_i18n import coverage


def run(*args):
    out = StringIO()
    call_command("admin_catalogue_coverage", *args, stdout=out)
    return out.getvalue()


def test_it_prints_a_line_per_upstream_catalogue(compiled_catalogues):
    output = run()
    lines = {line.split()[0]: line for line in output.splitlines() if line and line[0].isalpha()}
    for name in ("wagtailadmin", "wagtailcore", "wagtail_localize", "wagtailadmin-js", "wagtail_localize-js", "all"):
        assert name in lines
    name, upstream_vi, overrides, covered, _, used, used_percent, new = lines["wagtailadmin"].split()
    covered_count, total = map(int, covered.split("/"))
    assert int(upstream_vi) < covered_count <= total  # the overrides add to the package's own
    assert int(overrides) > 300
    assert float(used_percent.rstrip("%")) >= 95  # the recorded main path


def test_it_lists_messages_that_are_new_since_the_baseline(compiled_catalogues, tmp_path, monkeypatch):
    baseline = json.loads(coverage.baseline_path().read_text(encoding="utf-8"))
    baseline["wagtailadmin"].remove("Save draft")
    baseline["wagtail_localize-js"].remove("Download PO file")
    recorded = tmp_path / "baseline.json"
    recorded.write_text(json.dumps(baseline), encoding="utf-8")
    monkeypatch.setattr(coverage, "baseline_path", lambda: recorded)
    output = run()
    assert "New in wagtailadmin since the baseline:\n  'Save draft'" in output
    assert "New in wagtail_localize-js since the baseline:\n  'Download PO file'" in output


def test_the_stored_baseline_matches_the_installed_packages(compiled_catalogues):
    """After an upgrade this fails until the new strings are reviewed and the baseline rewritten."""
    rows = coverage.catalogue_coverage()
    assert {row.name: row.new_upstream for row in rows if row.new_upstream} == {}


def test_it_names_project_entries_that_rename_an_upstream_message(tmp_path, settings):
    """A project entry written for the site must not silently rename Wagtail's message in the admin."""
    import polib

    def write(path, entries):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for msgid, msgstr in entries.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))

    write(tmp_path / "vi" / "LC_MESSAGES" / "django.po", {"Pages": "Phân trang", "Save draft": "Lưu bản nháp"})
    write(tmp_path / "vi" / "upstream" / "wagtailadmin.po", {"Pages": "Trang", "Save draft": "Lưu bản nháp"})
    settings.LOCALE_PATHS = [tmp_path]
    shadowed = coverage.shadowed_upstream_messages()
    assert ("wagtailadmin", "Pages", "Phân trang", "Trang") in shadowed
    assert not [row for row in shadowed if row[1] == "Save draft"]
