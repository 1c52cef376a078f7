"""The one iCalendar writer (events feed, mail attachment, work programme): every text survives a
round trip through a strict parser, whatever line breaks, commas, semicolons or backslashes it
holds, and no bare carriage return reaches the file."""

import datetime
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from cocrea.events.ical import calendar

from .factories_events import EventFactory

NASTY = [
    "lone\rcarriage return",
    "line\nfeed",
    "windows\r\nbreak",
    "comma, and; semicolon",
    "back\\slash \\n not a break",
    "ñandú · çà " + "long line " * 30,
]


def _bare_cr(body: str) -> bool:
    return re.search(r"\r(?!\n)", body) is not None


def _parse(body: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def _expected(text: str) -> str:
    # RFC 5545 has one escape for a line break (\n): CR, LF and CRLF all come back as LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("text", NASTY)
def test_texts_round_trip_through_the_parser(text):
    start = timezone.make_aware(datetime.datetime(2017, 5, 3, 9))
    body = calendar(
        f"Plan {text}",
        [
            {
                "uid": "event-1",
                "start": start,
                "end": None,
                "summary": text,
                "description": text,
                "location": text,
                "url": "https://cocrea.example.org/plans/pa/events/1/",
                "cancelled": False,
            }
        ],
        host="cocrea.example.org",
    )
    assert not _bare_cr(body)
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(body)
    # The parser leaves an X- property's value escaped; unescape it as TEXT (RFC 5545 3.3.11).
    name = re.sub(
        r"\\([\\;,nN])",
        lambda m: "\n" if m[1] in "nN" else m[1],
        str(parsed["X-WR-CALNAME"]),
    )
    assert name == _expected(f"Plan {text}")
    (vevent,) = parsed.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == _expected(text)
    assert str(vevent["DESCRIPTION"]) == _expected(text)
    assert str(vevent["LOCATION"]) == _expected(text)
    assert str(vevent["UID"]) == "event-1@cocrea.example.org"
    assert vevent.decoded("DTSTART") == datetime.datetime(2017, 5, 3, 14, tzinfo=datetime.UTC)
    assert vevent.decoded("DTEND") == datetime.datetime(2017, 5, 3, 16, tzinfo=datetime.UTC)
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_all_day_entries_have_an_exclusive_end():
    body = calendar(
        "Programme",
        [
            {
                "uid": "pa-k1",
                "start": datetime.date(2017, 3, 1),
                "end": datetime.date(2017, 4, 10),
                "summary": "1. Step",
                "description": "",
                "url": "https://cocrea.example.org/",
            }
        ],
        host="h",
    )
    (vevent,) = _parse(body)
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (
        datetime.date(2017, 3, 1),
        datetime.date(2017, 4, 11),
    )
    assert "STATUS" not in vevent


def test_events_feed_escapes_a_lone_carriage_return(client, plan):
    title = "Taller\rde datos, abiertos; 2017\\A"
    description = "Primera línea\rsegunda\r\ntercera\ncuarta, con; todo\\ " + "x" * 200
    EventFactory(plan=plan, title_es=title, description_es=description)
    body = client.get(reverse("events:ical", args=[plan.slug])).content.decode()
    assert not _bare_cr(body)
    (vevent,) = _parse(body)
    assert str(vevent["SUMMARY"]) == _expected(title)
    assert str(vevent["DESCRIPTION"]) == _expected(description)


def test_programme_feed_uses_the_same_writer(client, plan):
    from .factories import StepFactory

    StepFactory(
        plan=plan,
        number=1,
        key="k1",
        title_es="Paso\runo, con; barra\\",
        planned_start=datetime.date(2017, 3, 1),
        planned_end=datetime.date(2017, 3, 31),
    )
    body = client.get(reverse("public:programme_ical", args=[plan.slug])).content.decode()
    assert not _bare_cr(body)
    (vevent,) = _parse(body)
    assert str(vevent["SUMMARY"]) == "1. Paso\nuno, con; barra\\"
    assert vevent.decoded("DTEND") == datetime.date(2017, 4, 1)


def test_no_other_calendar_writer_exists():
    """One writer: no other module writes iCalendar text, by hand or with the library."""
    from pathlib import Path

    import cocrea

    root = Path(cocrea.__file__).parent
    writers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if any(mark in path.read_text() for mark in ("VEVENT", "VCALENDAR", "icalendar"))
    )
    assert writers == ["events/ical.py"]
