"""The bell in the site header: the signed-in person's unread count, read once and only when a
page renders it (lazy), so a page without the header pays no query."""

from django.utils.functional import cached_property

from .models import Notification


class Bell:
    def __init__(self, user):
        self.user = user

    @cached_property
    def unread(self) -> int:
        if not getattr(self.user, "is_authenticated", False):
            return 0
        return Notification.objects.filter(user=self.user, read_at=None).count()


def bell(request):
    return {"bell": Bell(getattr(request, "user", None))}
