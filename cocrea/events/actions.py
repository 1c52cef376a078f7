"""Every state change of the events app. Each action checks its permission and the event's
transition table, saves inside one transaction, writes its action-log row and reports what happened
(`happened`: the notifications app mails the registrants, kinds `events.*`). Registrations are
personal data: their log rows are never public."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.core.actions import SYSTEM, assign_changed, log_action, require_perm
from cocrea.core.happenings import happened

from .models import Decision, Event, Registration
from .rules import SCHEDULE_PERMISSIONS, accepts_registrations

EVENT_FIELDS = {
    "kind",
    "axis",
    "working_table",
    "starts_at",
    "ends_at",
    "venue",
    "online_url",
    "region",
    "organiser",
    "registration_open",
    "capacity",
}
TEXT_FIELDS = ("title", "description", "agenda")


# A change of these fields of a published event is mailed to its registrants.
REGISTRANTS_TOLD_OF = {"starts_at", "ends_at", "venue", "region", "online_url"}


def event_fields() -> list[str]:
    texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in ("es", "en")]
    return [*texts, *sorted(EVENT_FIELDS)]


def _check_leader_kind(event: Event, by) -> None:
    """A table leader (not secretariat) may only create and edit working-table sessions."""
    if by is SYSTEM or by.has_perm("events.manage_events", event.plan):
        return
    if event.kind != Event.Kind.TABLE_SESSION:
        raise ValidationError(_("A table leader organises working-table sessions only."))
    if not by.has_perm("events.change_event", event):
        raise ValidationError({"working_table": _("Choose a working table that you lead.")})


def _check_schedule(event: Event, by) -> None:
    """Scheduling a commission meeting, an outreach activity or a training needs a step enabling
    its capability open (cocrea/plans/capabilities.py)."""
    perm = SCHEDULE_PERMISSIONS.get(event.kind)
    if perm:
        require_perm(by, perm, event.plan)


@transaction.atomic
def create_event(plan, *, by, **fields) -> Event:
    require_perm(by, "events.add_event", plan)
    unknown = set(fields) - set(event_fields()) - {"published"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    event = Event(plan=plan, **fields)
    _check_leader_kind(event, by)
    _check_schedule(event, by)
    event.full_clean()
    event.save()
    log_action(
        actor=by, verb="events.create_event", target=event, plan=plan, public=event.published
    )
    return event


@transaction.atomic
def update_event(event: Event, *, by, **fields) -> list[str]:
    require_perm(by, "events.change_event", event)
    unknown = set(fields) - set(event_fields())
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    changed = assign_changed(event, fields)
    if changed:
        _check_leader_kind(event, by)
        if "kind" in changed:  # becoming another kind is scheduling one of that kind
            _check_schedule(event, by)
        event.full_clean()
        event.save(update_fields=[*changed, "updated_at"])
        log_action(
            actor=by,
            verb="events.update_event",
            target=event,
            plan=event.plan,
            data={"fields": changed},
            public=event.published,
        )
        if (
            event.published
            and event.status == Event.Status.PLANNED
            and set(changed) & REGISTRANTS_TOLD_OF
        ):
            # The registrants (confirmed and waiting) are told, with the updated calendar file.
            happened("events.event_changed", plan=event.plan, obj=event, by=by, event=event)
    return changed


@transaction.atomic
def publish_event(event: Event, *, by) -> Event:
    require_perm(by, "events.change_event", event)
    if event.published:
        raise ValidationError(_("This event is already published."))
    event.published = True
    event.save(update_fields=["published", "updated_at"])
    log_action(actor=by, verb="events.publish_event", target=event, plan=event.plan)
    return event


@transaction.atomic
def cancel_event(event: Event, *, by, reason_es: str = "", reason_en: str = "") -> Event:
    require_perm(by, "events.change_event", event)
    if not event.can_become(Event.Status.CANCELLED):
        raise ValidationError(_("Only a planned event can be cancelled."))
    if not (reason_es or reason_en).strip():
        raise ValidationError(_("Say why the event is cancelled."))
    event.status = Event.Status.CANCELLED
    event.cancel_reason_es, event.cancel_reason_en = reason_es, reason_en
    event.save(update_fields=["status", "cancel_reason_es", "cancel_reason_en", "updated_at"])
    log_action(
        actor=by,
        verb="events.cancel_event",
        target=event,
        plan=event.plan,
        description=reason_es or reason_en,
        public=event.published,
    )
    # Its registrants (confirmed and waiting) are told, with the calendar file marked cancelled.
    happened("events.event_cancelled", plan=event.plan, obj=event, by=by, event=event)
    return event


# --- registrations ------------------------------------------------------------------------------


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _locked(event: Event) -> Event:
    """The event's row, locked until the transaction ends: registrations of one event (capacity,
    one row per e-mail) are decided one at a time, on every database."""
    return Event.objects.select_related("plan").select_for_update(of=("self",)).get(pk=event.pk)


def _tell(registration: Registration, kind: str, by) -> None:
    """Report `kind` about one registration: its address is mailed (see the catalogue)."""
    event = registration.event
    happened(kind, plan=event.plan, obj=registration, by=by, event=event)


def _check_region(event: Event, region) -> None:
    """A person's region is one of the plan's jurisdiction (never another country's)."""
    if region is not None and region.jurisdiction_id != event.plan.jurisdiction_id:
        raise ValidationError(_("This region belongs to another jurisdiction."))


@transaction.atomic
def register(
    event: Event,
    *,
    by,
    name: str,
    email: str,
    phone: str = "",
    organisation_name: str = "",
    organisation_kind: str = "",
    region=None,
    language: str = "es",
    name_public: bool = False,
) -> Registration:
    """Ask for a place at an event. A new address gets a `pending` registration, which holds no
    seat, and a mail with the link that confirms it (`confirm_registration`). An address already
    registered (cancelled included) changes nothing: that address is sent the link to its own
    registration page, where its holder edits, cancels or restores it. Whoever submits the form
    sees the same answer either way, so the form tells nobody who is registered."""
    require_perm(by, "events.register_for_event", event)
    _check_region(event, region)
    event = _locked(event)
    email = email.strip().lower()
    if not email:
        raise ValidationError(_("An e-mail address is needed to register."))
    now = timezone.now()
    existing = event.registrations.filter(email=email).first()
    if existing is not None and existing.is_expired(now):
        # Never confirmed: its data were never the address holder's; start afresh.
        existing.delete()
        existing = None
    if existing is not None:
        log_action(
            actor=by,
            verb="events.send_registration_link",
            target=event,
            plan=event.plan,
            data={"registration": existing.pk},
            public=False,
        )
        _tell(existing, "events.registration_link", by)
        return existing
    registration = Registration(
        event=event,
        email=email,
        name=name.strip(),
        phone=phone.strip(),
        organisation_name=organisation_name.strip(),
        organisation_kind=organisation_kind,
        region=region,
        language=language,
        name_public=name_public,
        name_public_at=now if name_public else None,
        status=Registration.Status.PENDING,
    )
    registration.full_clean()
    registration.save()
    log_action(
        actor=by,
        verb="events.register",
        target=event,
        plan=event.plan,
        data={"registration": registration.pk, "status": registration.status},
        public=False,
    )
    _tell(registration, "events.address_check", by)
    return registration


@transaction.atomic
def confirm_registration(registration: Registration, *, by) -> Registration:
    """The holder of the registration's link confirms its address (a pending registration) or
    takes it back (a cancelled one). It then takes a seat, or the end of the waiting list when the
    event is full: seats go in confirmation order. Sends the confirmation with the event as an
    iCalendar attachment. Confirming a confirmed or waiting registration changes nothing."""
    require_perm(by, "events.confirm_registration", registration)
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITING):
        return registration
    now = timezone.now()
    if registration.is_expired(now):
        raise ValidationError(_("This link has expired: register again."))
    if not accepts_registrations(None, event):
        raise ValidationError(_("This event no longer accepts registrations."))
    was = registration.status
    full = event.capacity is not None and _confirmed_count(event) >= event.capacity
    registration.status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
    registration.confirmed_at = now
    registration.save(update_fields=["status", "confirmed_at", "updated_at"])
    restored = was != Registration.Status.PENDING
    log_action(
        actor=by,
        verb="events.restore_registration" if restored else "events.confirm_registration",
        target=event,
        plan=event.plan,
        data={"registration": registration.pk, "status": registration.status},
        public=False,
    )
    _tell(registration, "events.registration_confirmed", by)
    return registration


REGISTRATION_FIELDS = {
    "name",
    "phone",
    "organisation_name",
    "organisation_kind",
    "region",
    "name_public",
}


@transaction.atomic
def update_registration(registration: Registration, *, by, **fields) -> list[str]:
    """The holder of the registration's link corrects their data (never the e-mail: a new
    address is a new registration). Returns the changed fields."""
    require_perm(by, "events.change_registration", registration)
    unknown = set(fields) - REGISTRATION_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled."))
    if "region" in fields:
        _check_region(registration.event, fields["region"])
    for key in ("name", "phone", "organisation_name"):
        if key in fields:
            fields[key] = fields[key].strip()
    changed = assign_changed(registration, fields)
    if "name_public" in changed:
        registration.name_public_at = timezone.now() if registration.name_public else None
        changed.append("name_public_at")
    if changed:
        registration.full_clean()
        registration.save(update_fields=[*changed, "updated_at"])
        log_action(
            actor=by,
            verb="events.update_registration",
            target=registration.event,
            plan=registration.event.plan,
            data={"registration": registration.pk, "fields": changed},
            public=False,
        )
    return changed


@transaction.atomic
def cancel_registration(registration: Registration, *, by) -> Registration | None:
    """Cancel a registration (the holder of its link, or the event's managers). The first person
    on the waiting list (in confirmation order) takes the freed place and is told so. Returns
    that person, if any."""
    require_perm(by, "events.cancel_registration", registration)
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    event = _locked(registration.event)
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    log_action(
        actor=by,
        verb="events.cancel_registration",
        target=event,
        plan=event.plan,
        data={"registration": registration.pk},
        public=False,
    )
    promoted = None
    if was_confirmed and event.status == Event.Status.PLANNED:
        promoted = (
            event.registrations.filter(status=Registration.Status.WAITING)
            .order_by(F("confirmed_at").asc(nulls_last=True), "created_at", "id")
            .first()
        )
        if promoted is not None:
            promoted.status = Registration.Status.CONFIRMED
            promoted.save(update_fields=["status", "updated_at"])
            _tell(promoted, "events.registration_confirmed", by)
    return promoted


# --- after the event ---------------------------------------------------------------------------


@transaction.atomic
def record_attendance(
    event: Event, *, by, present: list[int], among: list[int] | None = None
) -> int:
    """Mark who of the registered came (the rest did not). With `among` (the registrations one
    page of the list showed), only those are marked: the others keep what was recorded. Returns
    how many attended."""
    require_perm(by, "events.record_attendance", event)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event has no attendance."))
    registered = event.registrations.filter(walk_in=False)
    if among is not None:
        registered = registered.filter(pk__in=among)
    present_ids = set(registered.filter(pk__in=present).values_list("pk", flat=True))
    registered.filter(pk__in=present_ids).update(attended=True)
    registered.exclude(pk__in=present_ids).update(attended=False)
    count = event.registrations.filter(attended=True).count()
    _mark_held(event)
    log_action(
        actor=by,
        verb="events.record_attendance",
        target=event,
        plan=event.plan,
        data={"attended": count},
        public=event.published,
    )
    return count


@transaction.atomic
def add_walk_in(
    event: Event,
    *,
    by,
    name: str,
    organisation_name: str = "",
    organisation_kind: str = "",
    region=None,
    name_public: bool = False,
    email: str = "",
) -> Registration:
    """Record a person who came without registering."""
    require_perm(by, "events.record_attendance", event)
    _check_region(event, region)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event has no attendance."))
    email = email.strip().lower()
    now = timezone.now()
    if email:
        # An address someone typed but never confirmed does not stand in the person's way.
        event.registrations.expired(now).filter(email=email).delete()
    if email and event.registrations.filter(email=email).exists():
        raise ValidationError(_("This e-mail is already registered: mark the person present."))
    registration = Registration(
        event=event,
        name=name.strip(),
        email=email,
        organisation_name=organisation_name.strip(),
        organisation_kind=organisation_kind,
        region=region,
        name_public=name_public,
        name_public_at=now if name_public else None,
        walk_in=True,
        attended=True,
        status=Registration.Status.CONFIRMED,
        confirmed_at=now,
    )
    registration.full_clean()
    registration.save()
    _mark_held(event)
    log_action(
        actor=by,
        verb="events.add_walk_in",
        target=event,
        plan=event.plan,
        data={"registration": registration.pk},
        public=False,
    )
    return registration


def _mark_held(event: Event) -> None:
    if event.status == Event.Status.PLANNED:
        event.status = Event.Status.HELD
        event.save(update_fields=["status", "updated_at"])


@transaction.atomic
def record_minutes(
    event: Event,
    *,
    by,
    minutes_es: str = "",
    minutes_en: str = "",
    decisions: list[tuple[str, str]] = (),
    published_on: datetime.date | None = None,
) -> Event:
    """Record (or replace) the minutes and their agreements, one item per decision given as
    (Spanish, English). The event counts as held from then on."""
    require_perm(by, "events.record_minutes", event)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event has no minutes."))
    if not (minutes_es or minutes_en).strip():
        raise ValidationError(_("The minutes are empty."))
    event.minutes_es, event.minutes_en = minutes_es, minutes_en
    event.minutes_published_on = published_on or timezone.localdate()
    fields = ["minutes_es", "minutes_en", "minutes_published_on", "updated_at"]
    if event.status == Event.Status.PLANNED:
        event.status = Event.Status.HELD
        fields.append("status")
    event.save(update_fields=fields)
    event.decisions.all().delete()
    Decision.objects.bulk_create(
        Decision(event=event, number=n, text_es=es, text_en=en)
        for n, (es, en) in enumerate(decisions, start=1)
        if (es or en).strip()
    )
    log_action(
        actor=by,
        verb="events.record_minutes",
        target=event,
        plan=event.plan,
        data={"decisions": len(decisions)},
        public=event.published,
    )
    return event


# --- background job ---------------------------------------------------------------------------


def send_event_reminders() -> int:
    """E-mail every confirmed registrant of a planned, published event that starts within the next
    24 hours, once (`reminder_sent_at`). Returns how many reminders were sent."""
    now = timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        walk_in=False,
        event__published=True,
        event__status=Event.Status.PLANNED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(hours=24),
    ).exclude(email="")
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            # Claim the row first: a second worker finds it already stamped and skips it.
            claimed = Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            registration = Registration.objects.select_related("event__plan").get(pk=pk)
            _tell(registration, "events.reminder", SYSTEM)
        sent += 1
    return sent


def purge_unconfirmed_registrations() -> int:
    """Delete the registrations whose address was not confirmed within `PENDING_HOURS`: they
    never held a seat, and their data (perhaps typed by someone else) are kept no longer than
    needed. Returns how many were deleted. Not logged: nothing happened to anyone's place."""
    deleted, _by_model = Registration.objects.expired(timezone.now()).delete()
    return deleted
