"""iCalendar (RFC 5545) output of the product, the one writer: the events feed, the event attached
to registration mail, and the work programme's calendar. The `icalendar` library escapes text
(backslash, comma, semicolon, every line break, a lone carriage return included) and folds long
lines, which a hand-written writer got wrong."""

import datetime
from typing import TypedDict

import icalendar
from django.conf import settings
from django.utils import timezone

from cocrea.core.links import absolute_url


class Entry(TypedDict, total=False):
    """One VEVENT. `start` and `end` are both dates (an all-day entry; `end` inclusive) or both
    aware datetimes (`end` may be None: two hours after the start)."""

    uid: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime | None
    summary: str
    description: str
    location: str
    url: str
    cancelled: bool


def calendar(name: str, entries: list[Entry], *, host: str) -> str:
    """A VCALENDAR with one VEVENT per entry. Times are written in UTC, which every client
    converts to the reader's zone; each UID is made global with `host`."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//cocrea//cocrea//ES")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # An X- property is not typed by the library: vText makes it escape the name too.
    cal.add("x-wr-calname", icalendar.vText(name))
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for entry in entries:
        start, end = entry["start"], entry.get("end")
        vevent = icalendar.Event()
        vevent.add("uid", f"{entry['uid']}@{host}")
        vevent.add("dtstamp", stamp)
        if isinstance(start, datetime.datetime):
            end = end or start + datetime.timedelta(hours=2)
            vevent.add("dtstart", start.astimezone(datetime.UTC))
            vevent.add("dtend", end.astimezone(datetime.UTC))
        else:
            # DTEND of an all-day event is exclusive.
            vevent.add("dtstart", start)
            vevent.add("dtend", (end or start) + datetime.timedelta(days=1))
        vevent.add("summary", entry.get("summary", ""))
        vevent.add("description", entry.get("description", ""))
        if "location" in entry:
            vevent.add("location", entry["location"])
        vevent.add("url", entry["url"])
        if "cancelled" in entry:
            vevent.add("status", "CANCELLED" if entry["cancelled"] else "CONFIRMED")
        cal.add_component(vevent)
    return cal.to_ical().decode("utf-8")


def event_entry(event, url: str | None = None) -> Entry:
    """The VEVENT of an `Event` (a cancelled event is marked CANCELLED, so calendars that
    imported it drop it)."""
    from .models import Event

    return {
        "uid": f"event-{event.pk}",
        "start": event.starts_at,
        "end": event.ends_at,
        "summary": event.title,
        "description": event.description,
        "location": event.online_url or event.venue,
        "url": url or absolute_url(event.get_absolute_url()),
        "cancelled": event.status == Event.Status.CANCELLED,
    }


def event_calendar(event) -> str:
    """The event as an iCalendar file, the attachment of the mails to its registrants."""
    return calendar(
        event.plan.title,
        [event_entry(event)],
        host=settings.SITE_URL.split("//")[-1].split("/")[0],
    )
