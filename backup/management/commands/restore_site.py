"""``manage.py restore_site DIRECTORY``: a backup_site backup into an empty database and MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError

from backup import archive as backup


class Command(BaseCommand):
    help = "Restore a backup made by backup_site into an empty database and an empty MEDIA_ROOT."
    # The target database is empty: there is nothing to check yet.
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The directory backup_site wrote.")

    def handle(self, directory, verbosity=1, **options):
        try:
            manifest = backup.restore(directory)
        except backup.BackupError as error:
            raise CommandError(str(error))
        if verbosity:
            self.stdout.write(
                f"Restored {sum(manifest['rows'].values())} rows and the media from the backup "
                f"of {manifest['created_at']}; row counts checked."
            )
