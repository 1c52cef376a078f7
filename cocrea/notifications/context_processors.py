"""The bell in the site header: the signed-in person's unread count, read once and only when a
page renders it (lazy), so a page without the header pays no query."""

from django.db import connection
from django.utils.functional import cached_property

from .models import Notification

_sql: list = []


class Bell:
    def __init__(self, user):
        self.user = user

    @cached_property
    def unread(self) -> int:
        if not getattr(self.user, "is_authenticated", False):
            return 0
        # One raw query (its SQL built once): it runs on every signed-in page.
        if not _sql:
            meta = Notification._meta
            quote = connection.ops.quote_name
            _sql.append(
                f"SELECT COUNT(*) FROM {quote(meta.db_table)} WHERE "
                f"{quote(meta.get_field('user').column)} = %s AND "
                f"{quote(meta.get_field('read_at').column)} IS NULL"
            )
        with connection.cursor() as cursor:
            cursor.execute(_sql[0], [self.user.pk])
            return cursor.fetchone()[0]


def bell_for(request) -> Bell:
    """The request's bell, made once: the personal page cache reads its count for its key."""
    found = getattr(request, "_bell", None)
    if found is None:
        found = request._bell = Bell(getattr(request, "user", None))
    return found


def bell(request):
    return {"bell": bell_for(request)}


def unread_stamp(request) -> int:
    """The unread count, for the key of a signed-in person's kept pages (`cocrea.core.cache`)."""
    return bell_for(request).unread
