"""Before e-mail addresses become unique (case-insensitively), resolve the accounts that share one.

For each address held by several accounts, the oldest active account keeps it (or the oldest
account when none is active); the others' address is blanked, and each change is printed and
logged (logger `cocrea.accounts.migrations`) so an operator can contact the people concerned.
Nothing is deleted: roles, seats and history stay with their accounts."""

import logging

from django.db import migrations
from django.db.models import Count
from django.db.models.functions import Lower

logger = logging.getLogger("cocrea.accounts.migrations")


def resolve_duplicates(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    shared = (
        User.objects.exclude(email="")
        .annotate(address=Lower("email"))
        .values("address")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("address", flat=True)
    )
    for address in list(shared):
        accounts = list(
            User.objects.annotate(address=Lower("email"))
            .filter(address=address)
            .order_by("-is_active", "date_joined", "pk")
        )
        keeper, others = accounts[0], accounts[1:]
        for other in others:
            message = (
                f"accounts: e-mail {other.email!r} shared by several accounts; kept by "
                f"#{keeper.pk} {keeper.username!r}, blanked on #{other.pk} {other.username!r}"
            )
            print(message)
            logger.warning(message)
            other.email = ""
            other.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(resolve_duplicates, migrations.RunPython.noop)]
