from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cocrea.core.backup import BackupError, backup, default_archive_path


class Command(BaseCommand):
    help = "Write the database and the uploaded files (MEDIA_ROOT) into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="where to write it (default: var/backups/cocrea-<time>.tar.gz)",
        )

    def handle(self, *args, archive=None, **options):
        try:
            path = backup(Path(archive) if archive else default_archive_path())
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
