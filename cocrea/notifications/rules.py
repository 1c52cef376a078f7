"""Permissions of the notifications app: following an object to be told of what happens to it."""

import rules

from cocrea.core.permissions import asker


@rules.predicate
def is_registered(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_active)


# Any signed-in person may follow a public object (a submitted proposal).
rules.add_perm("notifications.follow", is_registered)

can_follow = asker("notifications.follow")
