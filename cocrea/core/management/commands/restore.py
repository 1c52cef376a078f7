from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cocrea.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database's content and the uploaded files (MEDIA_ROOT) by those of an "
        "archive written by `backup`. Stop the app servers and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive, interactive=True, **options):
        if not Path(archive).is_file():
            raise CommandError(f"no such archive: {archive}")
        if interactive:
            where = f"{connection.settings_dict['NAME']} and {settings.MEDIA_ROOT}"
            answer = input(f"This replaces everything in {where}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled")
        try:
            manifest = restore(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored the backup of {manifest['created']} ({manifest['vendor']})")
