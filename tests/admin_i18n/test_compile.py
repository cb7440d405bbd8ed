"""compile_catalogues merges the upstream overrides under the project's own catalogue."""

import gettext
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def write_po(path, entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}
    for msgid, msgstr in entries.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


def read_mo(path):
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)


@pytest.fixture
def locale_dir(tmp_path):
    root = tmp_path / "locale"
    lc = root / "vi" / "LC_MESSAGES"
    write_po(lc / "django.po", {"Save draft": "Dự án thắng", "Sơn La": "Sơn La", "Untranslated": ""})
    write_po(root / "vi" / "upstream" / "wagtailadmin.po", {"Save draft": "Bản ghi đè", "Dashboard": "Bảng điều khiển"})
    write_po(root / "vi" / "upstream" / "wagtailadmin-js.po", {"Insert a block": "Chèn khối"})
    write_po(root / "en" / "LC_MESSAGES" / "django.po", {"Sơn La": "Son La"})
    with override_settings(LOCALE_PATHS=[root]):
        yield root


def test_project_entries_win_and_overrides_fill_the_rest(locale_dir):
    call_command("compile_catalogues", verbosity=0)
    vietnamese = read_mo(locale_dir / "vi" / "LC_MESSAGES" / "django.mo")
    assert vietnamese.gettext("Save draft") == "Dự án thắng"
    assert vietnamese.gettext("Dashboard") == "Bảng điều khiển"
    # An empty project entry does not hide nor replace anything.
    assert vietnamese.gettext("Untranslated") == "Untranslated"
    assert read_mo(locale_dir / "en" / "LC_MESSAGES" / "django.mo").gettext("Sơn La") == "Son La"


def test_javascript_overrides_compile_into_djangojs_without_a_project_file(locale_dir):
    call_command("compile_catalogues", verbosity=0)
    assert read_mo(locale_dir / "vi" / "LC_MESSAGES" / "djangojs.mo").gettext("Insert a block") == "Chèn khối"


def test_a_changed_override_recompiles_an_up_to_date_catalogue(locale_dir):
    call_command("compile_catalogues", verbosity=0)
    mo_path = locale_dir / "vi" / "LC_MESSAGES" / "django.mo"
    override = locale_dir / "vi" / "upstream" / "wagtailadmin.po"
    write_po(override, {"Dashboard": "Trang điều khiển"})
    built = mo_path.stat().st_mtime
    os.utime(override, (built + 10, built + 10))
    call_command("compile_catalogues", verbosity=0)
    assert read_mo(mo_path).gettext("Dashboard") == "Trang điều khiển"


def test_the_repository_catalogues_compile_with_the_overrides(tmp_path):
    root = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", root, ignore=shutil.ignore_patterns("*.mo"))
    with override_settings(LOCALE_PATHS=[root]):
        call_command("compile_catalogues", verbosity=0)
    vietnamese = read_mo(root / "vi" / "LC_MESSAGES" / "django.mo")
    assert vietnamese.gettext("Save draft") == "Lưu bản nháp"
    assert vietnamese.gettext("Submit to %(workflow_name)s") == "Gửi duyệt theo %(workflow_name)s"
    assert read_mo(root / "vi" / "LC_MESSAGES" / "djangojs.mo").gettext("Download PO file") == "Tải về tệp PO"
