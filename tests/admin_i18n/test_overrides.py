"""The override files in locale/vi/upstream: well-formed, faithful to upstream, compilable."""

import gettext
import re
from pathlib import Path

import polib
import pytest

from admin_i18n.catalogues import UPSTREAM_CATALOGUES, entry_key

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "locale" / "vi" / "GLOSSARY.md"
# printf-style (%(name)s, %s, %d; %% is a literal percent), brace-style ({date}) and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")

OVERRIDES = [c for c in UPSTREAM_CATALOGUES if c.override_path.exists()]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def override_entries():
    for catalogue in OVERRIDES:
        for entry in polib.pofile(str(catalogue.override_path)):
            yield catalogue, entry


def test_the_admin_catalogues_are_overridden():
    names = {c.name for c in OVERRIDES}
    assert {"wagtailadmin", "wagtailcore", "wagtail_localize", "wagtailadmin-js", "wagtail_localize-js"} <= names


@pytest.mark.parametrize("catalogue", OVERRIDES, ids=lambda c: c.name)
def test_every_override_translates_a_current_upstream_message(catalogue):
    unknown = []
    for entry in polib.pofile(str(catalogue.override_path)):
        source = catalogue.source_entries.get(entry_key(entry))
        if source is None or (source.msgid_plural or "") != (entry.msgid_plural or ""):
            unknown.append(entry.msgid)
    assert not unknown, f"{catalogue.name}: not (or no longer) upstream: {unknown}"


def test_every_override_is_translated_and_not_fuzzy():
    bad = [
        (catalogue.name, entry.msgid)
        for catalogue, entry in override_entries()
        if "fuzzy" in entry.flags
        or (entry.msgid_plural and not all(entry.msgstr_plural.values()))
        or (not entry.msgid_plural and not entry.msgstr.strip())
    ]
    assert not bad


def test_overrides_keep_every_placeholder_and_tag():
    broken = []
    for catalogue, entry in override_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = placeholders(entry.msgid_plural or entry.msgid)
        for translation in translations:
            if placeholders(translation) != expected:
                broken.append((catalogue.name, entry.msgid, translation))
    assert not broken, "\n".join(map(repr, broken))


def test_plural_overrides_have_vietnamese_single_form():
    for catalogue in OVERRIDES:
        po = polib.pofile(str(catalogue.override_path))
        assert po.metadata["Plural-Forms"].startswith("nplurals=1;"), catalogue.name
        for entry in po:
            if entry.msgid_plural:
                assert list(entry.msgstr_plural) == [0], (catalogue.name, entry.msgid)


@pytest.mark.parametrize("catalogue", OVERRIDES, ids=lambda c: c.name)
def test_each_override_file_compiles_and_reads_back(catalogue, tmp_path):
    po = polib.pofile(str(catalogue.override_path))
    mo_path = tmp_path / "override.mo"
    po.save_as_mofile(str(mo_path))
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po:
        if entry.msgid_plural and entry.msgctxt:
            assert compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[0]
        elif entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr


def glossary_terms():
    """(English, Vietnamese) pairs from the glossary's table rows."""
    terms = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and cells[0] and not set(cells[0]) <= {"-", ":"}:
            terms.append((cells[0], cells[1]))
    return terms[1:]  # the header row


def test_glossary_lists_the_core_terms():
    english = {term.lower() for term, _ in glossary_terms()}
    assert {"page", "draft", "publish", "unpublish", "workflow", "snippet", "translation"} <= english


def test_the_admin_uses_the_glossary_term_for_each_upstream_term(compiled_catalogues):
    """A message that is exactly a glossary term reads as the glossary says, whoever translated it."""
    from admin_i18n.coverage import VietnameseLookup

    lookups = {"django": VietnameseLookup("django"), "djangojs": VietnameseLookup("djangojs")}
    inconsistent = []
    checked = 0
    for english, vietnamese in glossary_terms():
        for catalogue in UPSTREAM_CATALOGUES:
            for (context, msgid), entry in catalogue.source_entries.items():
                if msgid.lower() != english.lower() or context or entry.msgid_plural:
                    continue
                checked += 1
                translated = lookups[catalogue.domain].catalog.get(msgid, "")
                if translated.lower() != vietnamese.lower():
                    inconsistent.append((catalogue.name, msgid, translated, vietnamese))
    assert checked > 50
    assert not inconsistent, "\n".join(map(repr, inconsistent))


def test_every_installed_wagtail_app_with_a_catalogue_is_measured():
    from django.apps import apps

    listed = {catalogue.package for catalogue in UPSTREAM_CATALOGUES}
    shipped = {
        config.name
        for config in apps.get_app_configs()
        if config.name.startswith("wagtail") and (Path(config.path) / "locale" / "en" / "LC_MESSAGES" / "django.po").exists()
    }
    assert shipped - listed == set()
    assert {c.package for c in UPSTREAM_CATALOGUES if c.package.startswith("wagtail")} <= shipped
