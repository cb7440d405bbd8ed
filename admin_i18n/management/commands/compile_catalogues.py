"""Compile the project's .po catalogues to .mo with polib.

Django's ``compilemessages`` needs GNU gettext installed; polib comes with
wagtail-localize, so a fresh machine can build the catalogues from the
project's own files. Without ``locale/lo/LC_MESSAGES/django.mo`` Django does
not serve Lao at all.

The Vietnamese catalogues also carry the project's translations of Wagtail's
and wagtail-localize's strings: ``locale/vi/upstream/*.po`` (one file per
upstream catalogue, see ``admin_i18n/catalogues.py``) are merged into
``django.mo`` and ``djangojs.mo``, and the project's own ``django.po`` and
``djangojs.po`` win where both translate a message. Because ``LOCALE_PATHS``
comes after the installed apps, these catalogues override the packages' own
in Django's translations and in both JavaScript catalogues of the admin.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from admin_i18n.catalogues import OVERRIDE_LANGUAGE, catalogues_for_domain, merged_catalogue

DOMAINS = ("django", "djangojs")


def _is_stale(mo_path, sources):
    if not mo_path.exists():
        return True
    built = mo_path.stat().st_mtime
    return any(source.stat().st_mtime > built for source in sources)


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS into its .mo file, merging the Vietnamese admin overrides."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even catalogues that look up to date.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for locale_path in map(Path, settings.LOCALE_PATHS):
            targets = {po_path.with_suffix(".mo"): [po_path] for po_path in locale_path.glob("*/LC_MESSAGES/*.po")}
            for domain in DOMAINS:
                overrides = [c.override_path for c in catalogues_for_domain(domain) if c.override_path.exists()]
                if locale_path == Path(settings.LOCALE_PATHS[0]) and overrides:
                    mo_path = locale_path / OVERRIDE_LANGUAGE / "LC_MESSAGES" / f"{domain}.mo"
                    targets[mo_path] = targets.get(mo_path, []) + overrides
            for mo_path, sources in sorted(targets.items()):
                if not force and not _is_stale(mo_path, sources):
                    continue
                if mo_path.parent.parent.name == OVERRIDE_LANGUAGE and mo_path.stem in DOMAINS:
                    catalogue = merged_catalogue(mo_path.stem)
                else:
                    catalogue = polib.pofile(str(sources[0]))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
