"""How much of each upstream catalogue the Vietnamese admin covers.

A message counts as covered when the Vietnamese translation Django would
use (Django's own catalogues, the installed apps', then the project's
compiled ``locale/vi`` catalogues) has a non-empty translation for it.
"""

import gettext as gettext_module
import json
from dataclasses import dataclass, field
from pathlib import Path

import polib
from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real
from django.utils.translation.trans_real import DjangoTranslation

from admin_i18n.catalogues import (
    OVERRIDE_LANGUAGE,
    UPSTREAM_CATALOGUES,
    entry_key,
    is_translated,
    locale_root,
    project_po_path,
)
from admin_i18n.recorder import CONTEXT_SEPARATOR

PROJECT = "project"
OTHER_APPS = "(other apps)"
UNCATALOGUED = "(in no catalogue)"


def baseline_path():
    """Upstream message ids at the last review of the overrides, per catalogue."""
    return locale_root() / OVERRIDE_LANGUAGE / "upstream" / "baseline.json"


def main_path_file():
    """Message ids the main editing path looked up when last recorded, per catalogue."""
    return locale_root() / OVERRIDE_LANGUAGE / "upstream" / "main-path.json"


def key_to_json(key):
    context, msgid = key
    return f"{context}{CONTEXT_SEPARATOR}{msgid}" if context else msgid


def key_from_json(text):
    context, _, msgid = text.rpartition(CONTEXT_SEPARATOR)
    return (context, msgid)


def forget_loaded_translations():
    """Make this process read the .mo files again (after ``compile_catalogues`` rebuilt them).

    Python's gettext caches each catalogue by file path and Django caches one
    translation object per language; both would keep serving the old catalogue.
    """
    gettext_module._translations.clear()
    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()


class VietnameseLookup:
    """Answers "is this message translated?" from the catalogues Django would use."""

    def __init__(self, domain="django"):
        self.catalog = DjangoTranslation(OVERRIDE_LANGUAGE, domain=domain)._catalog

    def is_translated(self, key):
        lookup = key_to_json(key)
        value = self.catalog.get(lookup)
        if value is None:
            value = self.catalog.get((lookup, 0))
        return bool(value)


def _other_app_keys():
    """Keys of the catalogues of the other third-party apps (taggit, ...)."""
    paths = []
    for app_config in apps.get_app_configs():
        app_path = Path(app_config.path)
        if app_config.name.startswith(("wagtail", "django.contrib.auth", "taggit")) or app_path.is_relative_to(settings.BASE_DIR):
            continue
        paths.append(app_path / "locale")
    keys = set()
    for locale_dir in paths:
        po_path = locale_dir / "en" / "LC_MESSAGES" / "django.po"
        if po_path.exists():
            keys.update(entry_key(entry) for entry in polib.pofile(str(po_path)))
    return keys


def _project_keys():
    """Every key of the project's own catalogue, translated or not."""
    return {entry_key(entry) for entry in polib.pofile(str(project_po_path("django")))}


def owners(keys):
    """Map each looked-up key to the catalogue names holding it (upstream first)."""
    result = {}
    project_keys = _project_keys()
    other_app_keys = _other_app_keys()
    for key in keys:
        names = [c.name for c in UPSTREAM_CATALOGUES if c.domain == "django" and key in c.source_entries]
        if not names:
            if key in project_keys:
                names = [PROJECT]
            elif key in other_app_keys:
                names = [OTHER_APPS]
            else:
                names = [UNCATALOGUED]
        result[key] = names
    return result


@dataclass
class CatalogueCoverage:
    name: str
    total: int = 0
    covered: int = 0
    upstream_covered: int = 0
    overrides: int = 0
    used: int = 0
    used_covered: int = 0
    new_upstream: list = field(default_factory=list)
    untranslated_used: list = field(default_factory=list)

    @staticmethod
    def percent(part, whole):
        return 100.0 * part / whole if whole else 100.0


def catalogue_coverage(used_keys=()):
    """Coverage of every upstream catalogue; ``used_keys`` are the keys the main path looked up."""
    baseline = load_baseline()
    lookups = {"django": VietnameseLookup("django"), "djangojs": VietnameseLookup("djangojs")}
    used_owner = owners(used_keys)
    report = []
    for catalogue in UPSTREAM_CATALOGUES:
        lookup = lookups[catalogue.domain]
        keys = set(catalogue.source_entries)
        row = CatalogueCoverage(catalogue.name, total=len(keys))
        row.covered = sum(1 for key in keys if lookup.is_translated(key))
        row.upstream_covered = len(keys & catalogue.upstream_translated_keys())
        row.overrides = len(catalogue.override_entries())
        if catalogue.domain == "djangojs":
            # JavaScript strings cannot be recorded server-side: a page may use any of them.
            used = keys
        else:
            used = {key for key, names in used_owner.items() if names[0] == catalogue.name}
        row.used = len(used)
        row.untranslated_used = sorted(key for key in used if not lookup.is_translated(key))
        row.used_covered = row.used - len(row.untranslated_used)
        if catalogue.name in baseline:
            row.new_upstream = sorted(keys - baseline[catalogue.name])
        report.append(row)
    return report


def load_baseline():
    path = baseline_path()
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: {key_from_json(text) for text in texts} for name, texts in data.items()}


def write_baseline():
    data = {
        catalogue.name: sorted(key_to_json(key) for key in catalogue.source_entries)
        for catalogue in UPSTREAM_CATALOGUES
    }
    _write_json(baseline_path(), data)


def write_main_path(keys):
    grouped = {}
    for key, names in owners(keys).items():
        grouped.setdefault(names[0], []).append(key_to_json(key))
    _write_json(main_path_file(), {name: sorted(texts) for name, texts in sorted(grouped.items())})


def load_main_path():
    path = main_path_file()
    if not path.exists():
        return set()
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key_from_json(text) for texts in data.values() for text in texts}


def _write_json(path, data):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def shadowed_upstream_messages():
    """Project entries that replace a different Vietnamese translation of an upstream message.

    The project's catalogue wins, so an entry written for the public site (say
    "In progress" for a translation's status) also renames Wagtail's message
    everywhere in the admin; such entries want a ``msgctxt``. Returns
    ``(catalogue, msgid, project translation, override or package translation)``.
    """
    project = {entry_key(e): e.msgstr for e in polib.pofile(str(project_po_path("django"))) if e.msgstr}
    found = []
    for catalogue in UPSTREAM_CATALOGUES:
        if catalogue.domain != "django":
            continue
        theirs = {entry_key(e): e.msgstr for e in _load_translated(catalogue.upstream_translation_path)}
        theirs.update({key: e.msgstr for key, e in catalogue.override_entries().items() if e.msgstr})
        for key in sorted(project.keys() & theirs.keys()):
            if project[key].casefold() != theirs[key].casefold():
                found.append((catalogue.name, key_to_json(key), project[key], theirs[key]))
    return found


def _load_translated(path):
    return [e for e in polib.pofile(str(path)) if is_translated(e)] if Path(path).exists() else []
