"""The daily digest: the worker's job `send_digests`. Once a day, after
`settings.NOTIFICATIONS_DIGEST_HOUR` (in TIME_ZONE), every address with mails HELD for the digest
gets one mail listing them, grouped by plan, and they become DIGESTED.

The digest is itself a mail of the outbox (kind `notifications.digest`), sent and retried like any
other. It is an internal kind, not in the catalogue: it cannot be switched off as such, because it
only carries the kinds the person chose "in a daily digest" for; choosing "immediately" or "off"
for those kinds is how one stops it.

Idempotent: the held rows of an address are taken by an update that only matches rows still held,
in the transaction that writes the digest; a second run, or a second worker, finds none."""

from __future__ import annotations

import datetime
import logging
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from cocrea.core.links import absolute_url
from cocrea.core.mail import clean_subject

from .delivery import send_now
from .models import Delivery
from .render import text_footer, with_footer
from .tokens import preferences_path

logger = logging.getLogger("cocrea.mail")

KIND = "notifications.digest"


class Taken(Exception):
    """Another worker took these held mails first."""


def cutoff(now: datetime.datetime) -> datetime.datetime:
    """The latest digest time at or before `now`: today's NOTIFICATIONS_DIGEST_HOUR in TIME_ZONE,
    or yesterday's before that hour. Mails held before it go in the digest sent after it."""
    local = timezone.localtime(now)
    moment = local.replace(
        hour=settings.NOTIFICATIONS_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    if moment > local:
        moment -= datetime.timedelta(days=1)
    return moment


def language_of(rows: list[Delivery]) -> str:
    """The person's preferred language, else the language most of the held mails are in."""
    user = rows[0].user
    preferred = getattr(user, "preferred_language", "") if user is not None else ""
    if preferred in dict(settings.LANGUAGES):
        return preferred
    counted = Counter(row.language for row in rows if row.language)
    return counted.most_common(1)[0][0] if counted else settings.LANGUAGE_CODE


def by_plan(rows: list[Delivery]) -> list[dict]:
    """The held mails grouped by plan, in the order their plans first appear; no plan last."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(row.plan_id, {"plan": row.plan, "items": []})["items"].append(row)
    return sorted(groups.values(), key=lambda group: group["plan"] is None)


def compose(email: str, rows: list[Delivery], now) -> Delivery:
    """The digest mail of `email` listing `rows` (not saved)."""
    language = language_of(rows)
    preferences_url = absolute_url(preferences_path(email))
    context = {
        "groups": by_plan(rows),
        "count": len(rows),
        "preferences_url": preferences_url,
        "language": language,
    }
    with translation.override(language):
        subject = ngettext(
            "Your daily summary: %(count)s notification",
            "Your daily summary: %(count)s notifications",
            len(rows),
        ) % {"count": len(rows)}
        context["subject"] = subject
        body = render_to_string("notifications/mail/digest.txt", context)
        html = render_to_string("notifications/mail/digest.html", context)
    footer = text_footer(language=language, preferences_url=preferences_url)
    return Delivery(
        email=email,
        user=rows[0].user,
        kind=KIND,
        plan=None,
        language=language,
        subject=clean_subject(subject),
        body=with_footer(body.strip() + "\n", footer),
        html=html,
        state=Delivery.State.PENDING,
        next_attempt_at=now,
    )


def digest_one(email: str, until, now) -> Delivery | None:
    """Write the digest of `email` and mark its held mails digested, in one transaction."""
    try:
        with transaction.atomic():
            rows = list(
                Delivery.objects.filter(
                    email=email, state=Delivery.State.HELD, created_at__lt=until
                )
                .select_related("plan", "user")
                .order_by("created_at", "pk")
            )
            if not rows:
                return None
            taken = Delivery.objects.filter(
                pk__in=[row.pk for row in rows], state=Delivery.State.HELD
            ).update(state=Delivery.State.DIGESTED, sent_at=now)
            if taken != len(rows):
                raise Taken
            digest = compose(email, rows, now)
            digest.save()
            return digest
    except Taken:
        return None


def send_digests(now: datetime.datetime | None = None) -> int:
    """The worker's job: one digest per address with mails held before the latest digest time;
    returns how many digests were written (each is then sent, or retried, from the outbox)."""
    now = now or timezone.now()
    until = cutoff(now)
    emails = list(
        Delivery.objects.filter(state=Delivery.State.HELD, created_at__lt=until)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    written = []
    for email in emails:
        try:
            digest = digest_one(email, until, now)
        except Exception:
            logger.exception("The daily digest of %s was not written", email)
            continue
        if digest is not None:
            written.append(digest)
    if written:
        send_now(written)
    return len(written)
