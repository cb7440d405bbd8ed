"""Upstream message catalogues and the project's Vietnamese overrides of them.

Each upstream catalogue is known by a short name (the app label Wagtail uses,
plus ``-js`` for JavaScript catalogues). Its full list of message ids comes
from the English source catalogue the package ships; the project's
translations of its strings live in ``locale/vi/upstream/<name>.po``, holding
only the entries the project translates. ``compile_catalogues`` merges them
under the project's own ``django.po``/``djangojs.po``, which win on conflict.
"""

import importlib.util
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polib
from django.conf import settings

OVERRIDE_LANGUAGE = "vi"
VIETNAMESE_HEADER = {
    "Project-Id-Version": "sonla-portal admin overrides",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def package_path(module):
    """The directory of an importable package, without importing it."""
    return Path(importlib.util.find_spec(module).origin).parent


def entry_key(entry):
    """How gettext tells entries apart: context and singular id."""
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


@dataclass(frozen=True)
class UpstreamCatalogue:
    """One catalogue shipped by Wagtail, wagtail-localize or Django."""

    name: str
    package: str
    domain: str = "django"

    def _po_path(self, language):
        return package_path(self.package) / "locale" / language / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def source_path(self):
        return self._po_path("en")

    @property
    def upstream_translation_path(self):
        return self._po_path(OVERRIDE_LANGUAGE)

    @property
    def override_path(self):
        return locale_root() / OVERRIDE_LANGUAGE / "upstream" / f"{self.name}.po"

    @cached_property
    def source_entries(self):
        """Every entry (with its msgid_plural) of the upstream source catalogue, by key."""
        return {entry_key(entry): entry for entry in _load(self.source_path) if not entry.obsolete}

    def upstream_translated_keys(self):
        """Keys the package's own Vietnamese catalogue translates."""
        return {entry_key(entry) for entry in _load(self.upstream_translation_path) if is_translated(entry)}

    def override_entries(self):
        """The project's translated entries of this catalogue, by key."""
        return {entry_key(entry): entry for entry in _load(self.override_path) if is_translated(entry)}


def _load(path):
    return polib.pofile(str(path)) if Path(path).exists() else []


def locale_root():
    return Path(settings.LOCALE_PATHS[0])


# Every installed app of Wagtail and wagtail-localize that ships a catalogue
# (tests/admin_i18n/test_overrides.py checks the list against INSTALLED_APPS).
UPSTREAM_CATALOGUES = [
    UpstreamCatalogue("wagtailadmin", "wagtail.admin"),
    UpstreamCatalogue("wagtailcore", "wagtail"),
    UpstreamCatalogue("wagtailimages", "wagtail.images"),
    UpstreamCatalogue("wagtaildocs", "wagtail.documents"),
    UpstreamCatalogue("wagtailsnippets", "wagtail.snippets"),
    UpstreamCatalogue("wagtailusers", "wagtail.users"),
    UpstreamCatalogue("wagtailsearch", "wagtail.search"),
    UpstreamCatalogue("wagtailsites", "wagtail.sites"),
    UpstreamCatalogue("wagtailembeds", "wagtail.embeds"),
    UpstreamCatalogue("wagtailredirects", "wagtail.contrib.redirects"),
    UpstreamCatalogue("wagtailforms", "wagtail.contrib.forms"),
    UpstreamCatalogue("wagtailsettings", "wagtail.contrib.settings"),
    UpstreamCatalogue("wagtailtableblock", "wagtail.contrib.table_block"),
    UpstreamCatalogue("wagtail_localize", "wagtail_localize"),
    UpstreamCatalogue("wagtail_localize_locales", "wagtail_localize.locales"),
    # Django's own strings the admin shows (dates, "5 minutes ago", validation, passwords).
    UpstreamCatalogue("django", "django.conf"),
    UpstreamCatalogue("django-auth", "django.contrib.auth"),
    # Tags on images and documents; taggit has no Vietnamese catalogue at all.
    UpstreamCatalogue("taggit", "taggit"),
    UpstreamCatalogue("wagtailadmin-js", "wagtail.admin", "djangojs"),
    UpstreamCatalogue("wagtail_localize-js", "wagtail_localize", "djangojs"),
]


def catalogues_for_domain(domain):
    return [catalogue for catalogue in UPSTREAM_CATALOGUES if catalogue.domain == domain]


def project_po_path(domain, language=OVERRIDE_LANGUAGE):
    return locale_root() / language / "LC_MESSAGES" / f"{domain}.po"


def merged_catalogue(domain):
    """The project's catalogue for ``domain`` with the upstream overrides merged in.

    Overrides come first in catalogue order and the project's own entries
    replace them on conflict. Returns a ``polib.POFile`` ready to save as .mo.
    """
    merged = polib.POFile()
    merged.metadata = dict(VIETNAMESE_HEADER)
    entries = {}
    for catalogue in catalogues_for_domain(domain):
        entries.update(catalogue.override_entries())
    project_path = project_po_path(domain)
    if project_path.exists():
        project = polib.pofile(str(project_path))
        merged.metadata.update(project.metadata)
        entries.update({entry_key(entry): entry for entry in project if is_translated(entry)})
    for entry in entries.values():
        merged.append(entry)
    return merged
