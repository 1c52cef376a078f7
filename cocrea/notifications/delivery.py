"""Sending the outbox: the worker's job (and, where `NOTIFICATIONS_SEND_ON_COMMIT` is set, a
first try right after the action's commit). A mail the server refuses stays in the outbox and is
tried again later, with back-off; after `MAX_ATTEMPTS` it is given up and logged. Never raises.

Two workers may run: a mail is taken by moving its `next_attempt_at` forward (a lease) with an
update that only one of them wins, so it is not sent twice."""

from __future__ import annotations

import datetime
import logging

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.utils import timezone

from cocrea.core.links import absolute_url
from cocrea.core.mail import clean_subject

from .models import Delivery
from .tokens import unsubscribe_path

logger = logging.getLogger("cocrea.mail")

MAX_ATTEMPTS = 8
LEASE = datetime.timedelta(minutes=10)
BATCH = 200


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the `attempts`-th failure: 1, 2, 4 ... minutes, at most 4 hours."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 240))


def message_of(delivery: Delivery) -> EmailMultiAlternatives:
    headers = {}
    from .catalogue import CATALOGUE

    kind = CATALOGUE.get(delivery.kind)
    # Only a kind a person may switch off has a one-click unsubscribe (not a required kind, not
    # the digest, which only carries kinds chosen "daily").
    if kind is not None and not kind.required:
        link = absolute_url(unsubscribe_path(delivery.email, delivery.kind))
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=clean_subject(delivery.subject),
        body=delivery.body,
        to=[delivery.email],
        headers=headers,
    )
    if delivery.html:
        message.attach_alternative(delivery.html, "text/html")
    for filename, content, mimetype in delivery.attachments:
        message.attach(filename, content, mimetype)
    return message


def _claim(delivery: Delivery, now) -> bool:
    """Take `delivery` for this process (see the module); False if another took it first."""
    return bool(
        Delivery.objects.filter(
            pk=delivery.pk,
            state=Delivery.State.PENDING,
            next_attempt_at=delivery.next_attempt_at,
        ).update(next_attempt_at=now + LEASE)
    )


def _send(deliveries: list[Delivery]) -> int:
    """Send the claimed `deliveries` over one connection; returns how many left."""
    sent = 0
    now = timezone.now()
    connection = None
    for delivery in deliveries:
        if not _claim(delivery, now):
            continue
        try:
            if connection is None:
                connection = get_connection()
            connection.send_messages([message_of(delivery)])
        except Exception as error:
            attempts = delivery.attempts + 1
            gave_up = attempts >= MAX_ATTEMPTS
            logger.warning(
                "Mail %r to %s not sent (attempt %s%s): %s",
                delivery.subject,
                delivery.email,
                attempts,
                ", given up" if gave_up else "",
                error,
            )
            Delivery.objects.filter(pk=delivery.pk).update(
                attempts=F("attempts") + 1,
                last_error=str(error)[:300],
                state=Delivery.State.FAILED if gave_up else Delivery.State.PENDING,
                next_attempt_at=timezone.now() + backoff(attempts),
            )
            connection = None  # a broken connection is not reused
            continue
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
        )
        sent += 1
    return sent


def send_now(deliveries: list[Delivery]) -> int:
    """First try of mails just written (after the commit); never raises."""
    try:
        return _send(deliveries)
    except Exception:
        logger.exception("Sending the outbox failed")
        return 0


def send_due() -> int:
    """The worker's job: send the mails whose time has come, oldest first, a batch at a time."""
    due = list(
        Delivery.objects.filter(
            state=Delivery.State.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("next_attempt_at", "pk")[:BATCH]
    )
    return _send(due)


def retry_now(deliveries) -> int:
    """Put the unsent mails among `deliveries` (a queryset) back in the outbox, due now, with a
    fresh count of attempts (the admin's "retry now"); returns how many."""
    return deliveries.filter(state__in=[Delivery.State.PENDING, Delivery.State.FAILED]).update(
        state=Delivery.State.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )
