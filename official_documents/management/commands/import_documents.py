"""manage.py import_documents FILE.csv|FILE.xlsx --files DIR [--dry-run] [--report out.csv]."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from official_documents import importing
from official_documents.models import DocumentIndexPage


class Command(BaseCommand):
    help = (
        "Import an agency's documents register (CSV or XLSX, one row per document) into the "
        "Vietnamese documents register; files named in the 'files' column are read from --files. "
        "Documents already there (same number and issuer) are updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("register_file")
        parser.add_argument("--files", required=True, help="Folder holding the files the rows name.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row; change nothing.")
        parser.add_argument("--report", help="Write one line per row (result and reason) to this CSV file.")
        parser.add_argument("--register", type=int, help="Id of the register page (default: the Vietnamese one).")

    def handle(self, register_file, files, dry_run=False, report=None, register=None, **options):
        registers = DocumentIndexPage.objects.filter(locale=Locale.get_default())
        page = registers.filter(pk=register).first() if register else registers.order_by("path").first()
        if page is None:
            raise CommandError("No Vietnamese documents register: create one in the admin first.")
        try:
            outcome = importing.run(register_file, files, page, dry_run=dry_run)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"Cannot read {register_file}: {error}") from error
        for row in outcome.rows:
            if row.result == "error":
                self.stderr.write(f"line {row.line} ({row.number or '?'}): {row.message}")
        if report:
            importing.write_report(outcome, report)
        prefix = "Dry run: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}created {outcome.count('created')}, updated {outcome.count('updated')}, "
            f"unchanged {outcome.count('unchanged')}, errors {outcome.count('error')}."
        )
