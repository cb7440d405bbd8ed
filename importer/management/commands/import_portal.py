"""``manage.py import_portal``: bring the old portal's articles over (see README, "Moving from the old portal")."""

import csv
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from importer import selectors as selector_files
from importer.checking import check_old_addresses
from importer.engine import Importer
from importer.sources import FetchError, open_source

PLAIN_PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Import the old portal's articles from a wget mirror folder or a sitemap/URL list address, "
        "as Vietnamese news pages with 301 redirects from every old address."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="mirror folder, or http(s) address of a sitemap or URL list")
        parser.add_argument("--selectors", help="TOML file of CSS selectors (default: the Sơn La Liferay preset)")
        parser.add_argument("--dry-run", action="store_true", help="report what would be done; write nothing")
        parser.add_argument("--drafts", action="store_true", help="import as drafts instead of live pages")
        parser.add_argument(
            "--translation-drafts", action="store_true",
            help="start English and Lao draft translations of each new page, as publishing in the admin does",
        )
        parser.add_argument("--report", help="write a CSV: old address, new address, status, warnings")
        parser.add_argument("--delay", type=float, default=1.0, help="seconds between requests over HTTP")
        parser.add_argument(
            "--check", action="store_true",
            help="check that every recorded old address answers 301 to its page (no import)",
        )

    def handle(self, *args, **options):
        if options["check"]:
            return self._check()
        if not options["source"]:
            raise CommandError("Give a mirror folder or a sitemap address (or --check).")
        try:
            selectors = (
                selector_files.load(options["selectors"]) if options["selectors"] else selector_files.preset()
            )
        except selector_files.SelectorsError as error:
            raise CommandError(str(error))
        try:
            source = open_source(options["source"], delay=options["delay"])
            total = source.count()
        except FetchError as error:
            raise CommandError(f"{options['source']}: {error}")
        importer = Importer(
            source, selectors, dry_run=options["dry_run"], drafts=options["drafts"],
            translation_drafts=options["translation_drafts"],
        )
        report = None
        if options["report"]:
            report_file = open(options["report"], "w", newline="", encoding="utf-8")
            report = csv.writer(report_file)
            report.writerow(["old_address", "new_address", "status", "warnings"])
        self.stdout.write(f"Importing {total} pages from {source.describe()}")
        try:
            self._run(importer, source, total, report)
            relinked = importer.relink()
            if relinked:
                self.stdout.write(f"Links to later articles made page links in {relinked} pages")
        finally:
            importer.finish()
            if report is not None:
                report_file.close()
        self.stdout.write(importer.totals.line(dry_run=options["dry_run"]))

    def _run(self, importer, source, total, report):
        interactive = sys.stderr.isatty() and self.stdout.isatty()
        if interactive:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(
                TextColumn("Importing"), BarColumn(bar_width=30), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.fields[counts]}"), transient=False,
            ) as progress:
                task = progress.add_task("import", total=total, counts="")
                for url, load in source.pages():
                    outcome = importer.import_page(url, load)
                    self._record(outcome, report, progress.console.print)
                    progress.update(task, advance=1, counts=importer.totals.line())
            return
        started = time.monotonic()
        for done, (url, load) in enumerate(source.pages(), start=1):
            outcome = importer.import_page(url, load)
            self._record(outcome, report, self.stdout.write)
            if done % PLAIN_PROGRESS_EVERY == 0 or done == total:
                elapsed = time.monotonic() - started
                rate = done / elapsed if elapsed else 0
                remaining = (total - done) / rate if rate else 0
                self.stdout.write(
                    f"[{done}/{total}] {rate:.1f} pages/s, about {remaining:.0f} s left; "
                    f"{importer.totals.line()}"
                )

    def _record(self, outcome, report, write):
        if outcome.reason:
            write(f"{outcome.status}: {outcome.url}: {outcome.reason}")
        for warning in outcome.warnings:
            write(f"warning: {outcome.url}: {warning}")
        if report is not None:
            report.writerow([
                outcome.url, outcome.new_url, outcome.status,
                "; ".join(([outcome.reason] if outcome.reason else []) + outcome.warnings),
            ])

    def _check(self):
        failures, checked = check_old_addresses(self.stdout.write)
        self.stdout.write(f"checked {checked} old addresses, {len(failures)} not answering 301 to their page")
        if failures:
            raise CommandError(f"{len(failures)} old addresses do not answer 301 to their page")
