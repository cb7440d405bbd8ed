"""``manage.py admin_catalogue_coverage``: how Vietnamese the admin is, per upstream catalogue.

For every catalogue of Wagtail and wagtail-localize it prints how many
message ids exist upstream, how many have a Vietnamese translation (the
package's own or the project's override in ``locale/vi/upstream``), and how
many of the ones the main editing path uses are covered. It lists message ids
that appeared upstream since the recorded baseline (after an upgrade: translate
them, then ``--write-baseline``).

The strings "the main editing path uses" come from ``main-path.json``, written
by ``--record`` (which walks the admin with the test client against the
configured database inside a transaction it rolls back; the database needs the
demo content). ``--walk`` measures live without writing the file.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from admin_i18n import coverage
from admin_i18n.walk import record_main_editing_path


class _Rollback(Exception):
    pass


def walk_and_roll_back():
    """The message keys the main editing path looks up; the database is left as it was."""
    try:
        with transaction.atomic():
            lookups = record_main_editing_path()
            raise _Rollback
    except _Rollback:
        pass
    return lookups.keys


class Command(BaseCommand):
    help = "Report how much of each upstream admin catalogue the project's Vietnamese translations cover."

    def add_arguments(self, parser):
        parser.add_argument("--walk", action="store_true", help="Measure the main editing path now instead of reading main-path.json.")
        parser.add_argument("--record", action="store_true", help="Walk the main editing path and store what it uses in main-path.json.")
        parser.add_argument("--write-baseline", action="store_true", help="Record the current upstream message ids as the baseline.")
        parser.add_argument("--list-untranslated", action="store_true", help="List the untranslated strings the main path uses.")
        parser.add_argument(
            "--list-shadowed",
            action="store_true",
            help="List project entries that change the meaning of an upstream message (they need a msgctxt).",
        )

    def handle(self, *args, walk=False, record=False, write_baseline=False, list_untranslated=False, list_shadowed=False, **options):
        call_command("compile_catalogues", verbosity=0, stdout=self.stdout)
        coverage.forget_loaded_translations()
        if walk or record:
            used = walk_and_roll_back()
            if record:
                coverage.write_main_path(used)
                self.stdout.write(f"Recorded {len(used)} message ids in {coverage.main_path_file()}.")
        else:
            used = coverage.load_main_path()
        if write_baseline:
            coverage.write_baseline()
            self.stdout.write(f"Baseline written to {coverage.baseline_path()}.")

        rows = coverage.catalogue_coverage(used)
        header = f"{'catalogue':<26}{'upstream vi':>12}{'overrides':>10}{'covered':>16}{'main path':>18}{'new':>5}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        totals = [0] * 5
        for row in rows:
            self.stdout.write(
                f"{row.name:<26}{row.upstream_covered:>12}{row.overrides:>10}"
                f"{f'{row.covered}/{row.total} {row.percent(row.covered, row.total):3.0f}%':>16}"
                f"{f'{row.used_covered}/{row.used} {row.percent(row.used_covered, row.used):3.0f}%':>18}"
                f"{len(row.new_upstream):>5}"
            )
            for index, value in enumerate((row.covered, row.total, row.used_covered, row.used, len(row.new_upstream))):
                totals[index] += value
        self.stdout.write("-" * len(header))
        covered, total, used_covered, used_total, new = totals
        self.stdout.write(
            f"{'all':<26}{'':>22}"
            f"{f'{covered}/{total} {100 * covered / total:3.0f}%':>16}"
            f"{f'{used_covered}/{used_total} {100 * used_covered / max(used_total, 1):3.0f}%':>18}{new:>5}"
        )
        for row in rows:
            if row.new_upstream:
                self.stdout.write(f"\nNew in {row.name} since the baseline:")
                for key in row.new_upstream:
                    self.stdout.write(f"  {coverage.key_to_json(key)!r}")
            if list_untranslated and row.untranslated_used:
                self.stdout.write(f"\nUntranslated on the main path in {row.name}:")
                for key in row.untranslated_used:
                    self.stdout.write(f"  {coverage.key_to_json(key)!r}")
        if list_shadowed:
            self.stdout.write("\nProject entries that replace an upstream translation (catalogue, msgid, project, upstream):")
            for name, msgid, ours, theirs in coverage.shadowed_upstream_messages():
                self.stdout.write(f"  {name}: {msgid!r}: {ours!r} instead of {theirs!r}")
