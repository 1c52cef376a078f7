"""The state changes of notifications: preferences, following, reading."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from cocrea.core.actions import log_action, require_perm

from .catalogue import CATALOGUE, FOLLOW_ON
from .models import Follow, Frequency, Notification, Preference


def set_preferences(*, by, choices: dict[str, str], user=None, email: str = "") -> list[str]:
    """Store how `user` (or, without an account, `email`) wants each kind in `choices`
    (kind -> Frequency). Required kinds cannot be changed and unknown kinds are refused.
    Returns the kinds whose choice changed."""
    if user is None and not email:
        raise ValueError("a user or an address")
    for key, frequency in choices.items():
        kind = CATALOGUE.get(key)
        if kind is None or kind.required:
            raise ValueError(f"no changeable notification kind {key!r}")
        if frequency not in Frequency.values:
            raise ValueError(f"no frequency {frequency!r}")
    owner = {"user": user} if user is not None else {"user": None, "email": email.strip().lower()}
    changed = []
    with transaction.atomic():
        current = dict(
            Preference.objects.filter(**owner, kind__in=list(choices)).values_list(
                "kind", "frequency"
            )
        )
        for key, frequency in choices.items():
            if current.get(key, CATALOGUE[key].default) == frequency:
                continue
            row, _created = Preference.objects.update_or_create(
                **owner, kind=key, defaults={"frequency": frequency}
            )
            changed.append(key)
        if changed:
            log_action(
                actor=by,
                target=user if user is not None else row,
                verb="notifications.change_preferences",
                description=", ".join(changed),
                public=False,
                changes_pages=False,
            )
    return changed


def follow(obj, *, by) -> Follow:
    """`by` follows `obj` (idempotent)."""
    require_perm(by, "notifications.follow", obj)
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        row, created = Follow.objects.get_or_create(
            user=by, content_type=content_type, object_id=obj.pk
        )
        if created:
            log_action(
                actor=by,
                verb="notifications.follow",
                target=obj,
                plan=getattr(obj, "plan", None),
                public=False,
                # The follower count shows on the signed-in people's pages (kept per person).
            )
    return row


def unfollow(obj, *, by) -> bool:
    """`by` stops following `obj`; False if they did not follow it."""
    require_perm(by, "notifications.follow", obj)
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(
            user=by, content_type=content_type, object_id=obj.pk
        ).delete()
        if deleted:
            log_action(
                actor=by,
                verb="notifications.unfollow",
                target=obj,
                plan=getattr(obj, "plan", None),
                public=False,
                # The follower count shows on the signed-in people's pages (kept per person).
            )
    return bool(deleted)


def follow_on(kind: str, *, plan, obj, by, context) -> None:
    """Listener of `cocrea.core.happenings`: the person who acted follows what the kind makes
    them follow (`FOLLOW_ON` in the catalogue: commenting on a proposal follows it). Runs after
    the dispatch, so the commenter is not told of their own comment."""
    target = FOLLOW_ON.get(kind)
    if target is None or not getattr(by, "is_authenticated", False) or not by.is_active:
        return
    from .kinds import Happening

    follow(target(Happening(kind=kind, plan=plan, obj=obj, by=by, context=context)), by=by)


def is_following(user, obj) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).exists()


def follow_state(user, obj) -> tuple[bool, int]:
    """(whether `user` follows `obj`, how many people follow it): one query."""
    found = Follow.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).aggregate(count=Count("id"), mine=Count("id", filter=Q(user_id=user.pk)))
    return bool(found["mine"]), found["count"]


def follower_count(obj) -> int:
    return Follow.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).count()


def mark_read(user, *, ids=None) -> int:
    """Mark `user`'s notifications read (those in `ids`, or all); returns how many changed."""
    rows = Notification.objects.filter(user=user, read_at=None)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())
