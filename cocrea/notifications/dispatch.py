"""From a happening to notifications and outgoing mail: the catalogue's kind names the audience;
this module leaves out the actor and duplicates, reads the preferences in one query, renders each
message in the recipient's language and writes the rows inside the action's transaction."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator

from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url
from cocrea.core.mail import render_template

from .kinds import Happening, Kind, Recipient
from .models import Delivery, Frequency, Notification, Preference
from .render import render_html, text_footer, with_footer
from .tokens import preferences_path, unsubscribe_path

SUBJECT_LENGTH = 300  # Notification.title, Delivery.subject


class UnknownKind(LookupError):
    """`happened` was called with a kind the catalogue does not declare."""


def kind_of(key: str) -> Kind:
    from .catalogue import CATALOGUE

    try:
        return CATALOGUE[key]
    except KeyError:
        raise UnknownKind(
            f"no notification kind {key!r} in cocrea/notifications/catalogue.py"
        ) from None


def recipients_of(kind: Kind, happening: Happening) -> list[Recipient]:
    """The kind's audience, once each, without the person who acted (unless `tell_actor`)."""
    actor = happening.by if getattr(happening.by, "is_authenticated", False) else None
    seen: set[tuple] = set()
    found = []
    for recipient in kind.audience(happening):
        if recipient.user is None and not recipient.email:
            continue
        if (
            actor is not None
            and not kind.tell_actor
            and recipient.user is not None
            and recipient.user.pk == actor.pk
        ):
            continue
        if recipient.identity in seen:
            continue
        seen.add(recipient.identity)
        found.append(recipient)
    return found


def frequencies(kind: Kind, recipients: list[Recipient]) -> dict[tuple, str]:
    """identity -> chosen frequency of `kind`, for the recipients who chose one (one query)."""
    if kind.required or not recipients:
        return {}
    user_ids = [r.user.pk for r in recipients if r.user is not None]
    emails = [r.email.strip().lower() for r in recipients if r.user is None]
    chosen = {}
    rows = Preference.objects.filter(kind=kind.key).filter(
        Q(user_id__in=user_ids) | Q(user=None, email__in=emails)
    )
    for user_id, email, frequency in rows.values_list("user_id", "email", "frequency"):
        identity = ("user", user_id) if user_id is not None else ("email", email)
        chosen[identity] = frequency
    return chosen


def dispatch(key: str, *, plan, obj, by, context: dict) -> None:
    """Listener of `cocrea.core.happenings`: tell the kind's audience."""
    kind = kind_of(key)
    happening = Happening(kind=key, plan=plan, obj=obj, by=by, context=context)
    recipients = recipients_of(kind, happening)
    if not recipients:
        return
    chosen = frequencies(kind, recipients)
    now = timezone.now()
    notifications, deliveries = [], []
    for recipient in recipients:
        frequency = (
            Frequency.IMMEDIATELY if kind.required else chosen.get(recipient.identity, kind.default)
        )
        path = kind.link(happening, recipient) if kind.link else ""
        language = plan_language(plan, *recipient.languages)
        subject, body = render_template(
            kind.template,
            language,
            happening=happening,
            obj=obj,
            plan=plan,
            by=by,
            recipient=recipient,
            url=absolute_url(path) if path else "",
            **happening.context,
            **recipient.context,
        )
        # The subject holds people's text (a proposal's title of up to 250 characters): it is
        # cut to the columns' length, with an ellipsis, rather than refused by the database.
        subject = Truncator(subject).chars(SUBJECT_LENGTH)
        if recipient.user is not None and kind.in_app and not kind.required:
            notifications.append(
                Notification(user=recipient.user, kind=key, plan=plan, title=subject, url=path)
            )
        address = recipient.address
        if not address or frequency == Frequency.OFF:
            continue
        attachments = kind.attachments(happening, recipient) if kind.attachments else []
        link = absolute_url(path) if path else ""
        preferences_url = absolute_url(preferences_path(address))
        unsubscribe_url = "" if kind.required else absolute_url(unsubscribe_path(address, key))
        deliveries.append(
            Delivery(
                email=address,
                user=recipient.user,
                kind=key,
                plan=plan,
                language=language,
                subject=subject,
                # A required kind (an account's or a tokened link) cannot be switched off: its
                # text carries no preferences footer, only the link the person asked for.
                body=body
                if kind.required
                else with_footer(
                    body,
                    text_footer(
                        language=language,
                        preferences_url=preferences_url,
                        unsubscribe_url=unsubscribe_url,
                    ),
                ),
                html=render_html(
                    subject=subject,
                    body=body,
                    plan=plan,
                    url=link,
                    language=language,
                    preferences_url=preferences_url,
                    unsubscribe_url=unsubscribe_url,
                    kind=kind,
                ),
                url=link,
                attachments=[list(a) for a in attachments],
                state=(
                    Delivery.State.HELD if frequency == Frequency.DAILY else Delivery.State.PENDING
                ),
                next_attempt_at=now,
            )
        )
    Notification.objects.bulk_create(notifications)
    created = Delivery.objects.bulk_create(deliveries)
    if settings.NOTIFICATIONS_SEND_ON_COMMIT:
        pending = [d for d in created if d.state == Delivery.State.PENDING]
        if pending:
            from .delivery import send_now

            transaction.on_commit(lambda: send_now(pending))
