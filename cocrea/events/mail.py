"""The e-mails of the events app: plain text, in the registrant's language, with the event as an
iCalendar attachment. Sent after the action's transaction commits."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cocrea.core import mail as core_mail
from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url as absolute

from .ical import Entry, calendar
from .models import Event, Registration


def event_ical(event: Event) -> str:
    return calendar(
        event.plan.title,
        [ical_entry(event)],
        host=settings.SITE_URL.split("//")[-1].split("/")[0],
    )


def ical_entry(event: Event, url: str | None = None) -> Entry:
    return {
        "uid": f"event-{event.pk}",
        "start": event.starts_at,
        "end": event.ends_at,
        "summary": event.title,
        "description": event.description,
        "location": event.online_url or event.venue,
        "url": url or absolute(event.get_absolute_url()),
        "cancelled": event.status == Event.Status.CANCELLED,
    }


def registration_url(registration: Registration) -> str:
    """The person's own registration page: whoever holds this link confirms, edits or cancels."""
    return absolute(reverse("events:registration", args=[registration.token]))


def language_of(registration: Registration) -> str:
    """The registrant's language if the event's plan has it, else the plan's default one."""
    return plan_language(registration.event.plan, registration.language)


def _send(registration: Registration, template: str, subject: str, *, ics: bool = True) -> bool:
    """Never raises: a mail that cannot be built or sent is logged (see `cocrea.core.mail`)."""
    try:
        with translation.override(language_of(registration)):
            event = Event.objects.select_related("plan", "region").get(pk=registration.event_id)
            context = {
                "registration": registration,
                "event": event,
                "event_url": absolute(event.get_absolute_url()),
                "registration_url": registration_url(registration),
                "expires_hours": Registration.PENDING_HOURS,
            }
            body = render_to_string(f"events/mail/{template}.txt", context)
            attachments = (("event.ics", event_ical(event), "text/calendar"),) if ics else ()
            subject = f"{subject}: {event.title}"
    except Exception:
        core_mail.logger.exception("Mail %s to %s could not be built", template, registration.email)
        return False
    return core_mail.send(
        subject=subject,
        body=body,
        to=[registration.email],
        attachments=attachments,
    )


def send_address_check(registration: Registration) -> None:
    """The link that confirms a new registration's address (nothing is held until then)."""
    with translation.override(language_of(registration)):
        subject = translation.gettext("Confirm your registration")
    _send(registration, "check", subject, ics=False)


def send_registration_link(registration: Registration) -> None:
    """Someone registered this address again: send its holder the link to their registration."""
    with translation.override(language_of(registration)):
        subject = translation.gettext("Your registration")
    _send(registration, "link", subject, ics=False)


def send_confirmation(registration: Registration) -> None:
    with translation.override(language_of(registration)):
        if registration.status == Registration.Status.WAITING:
            subject = translation.gettext("You are on the waiting list")
        else:
            subject = translation.gettext("Registration confirmed")
    _send(registration, "confirmation", subject)


def send_cancellation(registration: Registration) -> None:
    """Tell a registered person the event will not take place (the attachment marks it
    CANCELLED, so calendars that imported it drop it)."""
    with translation.override(language_of(registration)):
        subject = translation.gettext("Event cancelled")
    _send(registration, "cancellation", subject)


def send_reminder(registration: Registration) -> None:
    with translation.override(language_of(registration)):
        subject = translation.gettext("Reminder: tomorrow")
    _send(registration, "reminder", subject)
