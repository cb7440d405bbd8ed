"""manage.py load_demo_content: the three-language demo site; safe to run again."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo import loader


class Command(BaseCommand):
    help = (
        "Create or update the demo content: a Vietnamese site with English and Lao "
        "translations made through wagtail-localize. Running it again creates no duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--visit-total",
            type=int,
            default=None,
            help=(
                "Visits carried over from the old portal (default: the old Sơn La portal's 51827387, "
                "only where no total is set yet; given here, it replaces the one set)."
            ),
        )

    def handle(self, *args, visit_total=None, **options):
        if visit_total is not None and visit_total < 0:
            raise CommandError("The visit total cannot be negative.")
        started = time.monotonic()
        counts = loader.load(
            stdout=self.stdout if options["verbosity"] > 1 else None, visit_total=visit_total
        )
        elapsed = time.monotonic() - started
        if options["verbosity"] >= 1:
            for language, figures in counts.items():
                self.stdout.write(
                    f"{language}: {figures['pages']} live pages, {figures['sections']} sections, "
                    f"{figures['articles']} articles"
                )
            self.stdout.write(self.style.SUCCESS(f"Demo content ready in {elapsed:.1f} s."))
