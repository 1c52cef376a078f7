"""Make a person platform administrator from the server: the first one, who then names the others
in the workspace. `manage.py grant_platform_admin <username>`."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cocrea.core.actions import SYSTEM
from cocrea.plans.actions import grant_platform_admin


class Command(BaseCommand):
    help = "Make the account with this user name (or e-mail address) a platform administrator."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = (
            User.objects.filter(username=username).first()
            or User.objects.filter(email__iexact=username).first()
        )
        if user is None:
            raise CommandError(f"No account has the user name or e-mail {username!r}.")
        try:
            grant_platform_admin(user, by=SYSTEM)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{user.username} is a platform administrator.")
