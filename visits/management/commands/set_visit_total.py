"""Set the total carried over from the old portal, e.g. when moving to this one."""

from django.core.management.base import BaseCommand, CommandError

from visits.figures import set_carried_over_total


class Command(BaseCommand):
    help = "Set the number of visits carried over from the old portal (Settings → Visit statistics)."

    def add_arguments(self, parser):
        parser.add_argument("total", type=int, help="e.g. 51827387")

    def handle(self, *args, total, **options):
        if total < 0:
            raise CommandError("The total cannot be negative.")
        set_carried_over_total(total)
        self.stdout.write(f"Visits carried over: {total}.")
