"""manage.py load_demo_content: the three-language demo site; safe to run again."""

import time

from django.core.management.base import BaseCommand

from demo import loader


class Command(BaseCommand):
    help = (
        "Create or update the demo content: a Vietnamese site with English and Lao "
        "translations made through wagtail-localize. Running it again creates no duplicates."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = loader.load(stdout=self.stdout if options["verbosity"] > 1 else None)
        elapsed = time.monotonic() - started
        if options["verbosity"] >= 1:
            for language, figures in counts.items():
                self.stdout.write(
                    f"{language}: {figures['pages']} live pages, {figures['sections']} sections, "
                    f"{figures['articles']} articles"
                )
            self.stdout.write(self.style.SUCCESS(f"Demo content ready in {elapsed:.1f} s."))
