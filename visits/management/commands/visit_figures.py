"""Print the public figures, as the sidebar would show them right now."""

import json

from django.core.management.base import BaseCommand, CommandError

from visits.figures import carried_over_total, public_figures


class Command(BaseCommand):
    help = "Print total visits, visits today, people online now and the carried-over total."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options):
        figures = public_figures()
        if figures is None:
            raise CommandError("The visit counter store cannot be read (see the log).")
        values = {
            "total": figures.total,
            "today": figures.today,
            "online": figures.online,
            "carried_over": carried_over_total(),
        }
        if options["json"]:
            self.stdout.write(json.dumps(values))
        else:
            for name, value in values.items():
                self.stdout.write(f"{name}: {value}")
