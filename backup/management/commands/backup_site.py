"""``manage.py backup_site DIRECTORY``: the database and the media in one directory (see backup/archive.py)."""

from django.core.management.base import BaseCommand, CommandError

from backup import archive as backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty directory to write the backup into.")
        parser.add_argument(
            "--format",
            choices=["pgdump", "json"],
            help="Database dump format: pgdump (default on PostgreSQL) or json (any database).",
        )

    def handle(self, directory, format=None, verbosity=1, **options):
        try:
            manifest = backup.backup(directory, database_format=format)
        except backup.BackupError as error:
            raise CommandError(str(error))
        if verbosity:
            self.stdout.write(
                f"Backed up {sum(manifest['rows'].values())} rows ({manifest['database_format']}) "
                f"and the media into {directory}."
            )
