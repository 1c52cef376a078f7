"""The workspace pages of events and news, through HTTP, and the e-mails end to end against a
real SMTP server."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from cocrea.core.models import ActionLog
from cocrea.events import actions
from cocrea.events.models import Event, Registration
from cocrea.news.actions import publish_news
from cocrea.news.models import NewsItem

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS, WITHOUT_ROLE
from .factories import RegionFactory, StepFactory
from .factories_events import EventFactory, RegistrationFactory, in_days, led_table


def test_scheduling_outreach_with_no_step_enabling_it_is_a_form_error_with_input_kept(
    client, plan, secretary
):
    StepFactory(plan=plan, status="closed", capabilities=["outreach"])
    client.force_login(secretary)
    response = client.post(
        "/en" + reverse("events:manage_create", args=[plan.slug]),
        {
            "title_es": "Divulgación en Colón",
            "kind": Event.Kind.OUTREACH,
            "starts_at": "2017-05-03T09:00",
            "venue": "CRU Colón",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "No open step of the work programme enables" in text
    assert 'value="Divulgación en Colón"' in text and 'value="CRU Colón"' in text
    assert Event.objects.count() == 0


def test_secretary_creates_publishes_and_records_an_event(client, plan, secretary):
    StepFactory(plan=plan, status="open", capabilities=["outreach"])  # scheduling outreach
    client.force_login(secretary)
    region = RegionFactory(code="CO", name="Colón", is_capital=False)
    response = client.post(
        reverse("events:manage_create", args=[plan.slug]),
        {
            "title_es": "Divulgación en Colón",
            "title_en": "Outreach in Colón",
            "kind": Event.Kind.OUTREACH,
            "starts_at": "2017-05-03T09:00",
            "region": region.pk,
            "venue": "CRU Colón",
            "registration_open": "on",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.published, event.status, event.region) == (False, "planned", region)
    assert client.get(reverse("events:manage_event", args=[plan.slug, event.pk])).status_code == 200
    client.post(reverse("events:manage_publish", args=[plan.slug, event.pk]))
    registered = RegistrationFactory(event=event, name="Ana")
    RegistrationFactory(event=event, name="Absent")
    client.post(
        reverse("events:manage_attendance", args=[plan.slug, event.pk]),
        {"present": [registered.pk]},
    )
    client.post(
        reverse("events:manage_walk_in", args=[plan.slug, event.pk]),
        {"name": "Walk In", "organisation_kind": "academia", "region": region.pk},
    )
    client.post(
        reverse("events:manage_minutes", args=[plan.slug, event.pk]),
        {
            "minutes_es": "Acta",
            "decisions_es": "Primero\nSegundo\n",
            "decisions_en": "First\nSecond",
        },
    )
    event.refresh_from_db()
    assert (event.published, event.status) == (True, "held")
    assert list(event.registrations.filter(attended=True).values_list("name", flat=True)) == [
        "Ana",
        "Walk In",
    ]
    assert list(event.decisions.values_list("text_es", "text_en")) == [
        ("Primero", "First"),
        ("Segundo", "Second"),
    ]
    verbs = ActionLog.objects.filter(verb__startswith="events.").order_by("id")
    assert list(verbs.values_list("verb", flat=True)) == [
        "events.create_event",
        "events.publish_event",
        "events.record_attendance",
        "events.add_walk_in",
        "events.record_minutes",
    ]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_workspace_event_pages_by_role(persona, client, plan, people):
    event = EventFactory(plan=plan)
    session = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION, working_table=led_table(plan))
    if persona != "anonymous":
        client.force_login(people[persona])
    listing = client.get(reverse("events:manage_list", args=[plan.slug]))
    outreach = client.get(reverse("events:manage_event", args=[plan.slug, event.pk]))
    table = client.get(reverse("events:manage_event", args=[plan.slug, session.pk]))
    if persona == "anonymous":
        assert listing.status_code == outreach.status_code == 302
    elif persona in WITHOUT_ROLE:
        assert (listing.status_code, outreach.status_code) == (403, 403)
    else:
        assert listing.status_code == 200
        assert outreach.status_code == (200 if persona in SECRETARIAT_POWERS else 403)
        assert table.status_code == (200 if persona in {*SECRETARIAT_POWERS, "leader"} else 403)


def test_smtp_end_to_end_confirmation_and_reminder(
    smtp_server, plan, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://cocrea.test"
    event = EventFactory(
        plan=plan,
        title_en="Training in David",
        starts_at=timezone.now() + datetime.timedelta(hours=20),
    )
    from django.contrib.auth.models import AnonymousUser

    with django_capture_on_commit_callbacks(execute=True):
        registration = actions.register(
            event, by=AnonymousUser(), name="Ana", email="ana@example.org", language="en"
        )
        assert actions.send_event_reminders() == 0  # not confirmed: no seat, no reminder
        actions.confirm_registration(registration, by=AnonymousUser())
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_event_reminders() == 1
    assert [m["X-Envelope-To"] for m in smtp_server] == ["ana@example.org"] * 3
    check, confirmation, reminder = smtp_server
    assert check["Subject"] == "Confirm your registration: Training in David"
    assert confirmation["Subject"] == "Registration confirmed: Training in David"
    assert reminder["Subject"] == "Reminder: tomorrow: Training in David"
    body = confirmation.get_body(preferencelist=("plain",)).get_content()
    assert f"http://cocrea.test/en/registrations/{registration.token}/\r\n" in body
    attachment = next(confirmation.iter_attachments())
    assert attachment.get_filename() == "event.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert "SUMMARY:Training in David" in attachment.get_content()


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_publishes_news(persona, plan, people):
    user = people[persona]
    if persona in SECRETARIAT_POWERS:
        item = publish_news(plan, by=user, title_es="Noticia", body_es="Texto")
        assert ActionLog.objects.filter(verb="news.publish_news", actor=user).count() == 1
        assert item.published_on == timezone.localdate()
    else:
        with pytest.raises(PermissionDenied):
            publish_news(plan, by=user, title_es="Noticia", body_es="Texto")
        assert NewsItem.objects.count() == 0


def test_news_form_publishes(client, plan, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("news:create", args=[plan.slug]),
        {"title_es": "Noticia", "body_es": "Texto", "published_on": "2017-02-16"},
    )
    item = NewsItem.objects.get()
    assert response.status_code == 302
    assert item.published_on == datetime.date(2017, 2, 16)


def test_demo_events_load_once_with_minutes_and_attendance(db):
    from cocrea.demo.events import load_events_demo
    from cocrea.demo.plans import load_demo

    plan, _ = load_demo()
    assert load_events_demo(plan) is True
    assert load_events_demo(plan) is False
    events = plan.events.all()
    assert events.count() == 16
    assert events.filter(kind=Event.Kind.COMMISSION_MEETING).count() == 3
    assert events.filter(kind=Event.Kind.OUTREACH).count() == 5
    assert events.filter(kind=Event.Kind.TRAINING).count() == 3
    assert events.filter(kind=Event.Kind.TABLE_SESSION).count() == 5
    assert events.exclude(status="held").count() == 0
    assert set(events.values_list("region__code", flat=True)) == {
        "PA",
        "CH",
        "CO",
        "VR",
        "HE",
        "PO",
    }
    assert Registration.objects.filter(event__plan=plan, attended=True).count() == (
        9 + 10 + 14 + 18 + 15 + 16 + 8 + 12 + 22 + 13 + 11 + 5 * 9
    )
    # Recorded by staff, so confirmed: they hold their seats.
    demo = Registration.objects.filter(event__plan=plan)
    assert demo.exclude(status="confirmed").count() == 0
    assert demo.filter(confirmed_at__isnull=True).count() == 0
    assert plan.news.count() == 3


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("secretary", ["Outreach", "Session", "Meeting"]),
        ("leader", ["Session"]),
        ("commissioner", ["Meeting"]),
        ("participant", []),
    ],
)
def test_workspace_lists_the_events_each_role_works_on(persona, expected, client, plan, people):
    EventFactory(plan=plan, title_en="Outreach", starts_at=in_days(3), published=False)
    EventFactory(
        plan=plan,
        title_en="Session",
        kind=Event.Kind.TABLE_SESSION,
        working_table=led_table(plan),
        starts_at=in_days(2),
    )
    meeting = EventFactory(
        plan=plan,
        title_en="Meeting",
        kind=Event.Kind.COMMISSION_MEETING,
        published=False,
        starts_at=in_days(1),
    )
    public_url = "/en" + meeting.get_absolute_url()
    client.force_login(people[persona])
    html = client.get("/en" + reverse("events:manage_list", args=[plan.slug])).content.decode()
    shown = [title for title in ["Outreach", "Session", "Meeting"] if f">{title}</a>" in html]
    assert shown == expected
    if persona == "commissioner":
        assert f'href="{public_url}"' in html


def test_demo_section_pages_answer(client, db):
    from cocrea.demo.events import load_events_demo
    from cocrea.demo.plans import load_demo

    plan, _ = load_demo()
    load_events_demo(plan)
    slug = plan.slug
    for url in (
        reverse("events:list", args=[slug]),
        reverse("events:month", args=[slug, 2017, 5]),
        reverse("events:event", args=[slug, plan.events.order_by("starts_at").first().pk]),
        reverse("documents:repository", args=[slug]),
        reverse("news:list", args=[slug]),
        reverse("news:reach", args=[slug]),
        reverse("news:take_part", args=[slug]),
        reverse("public:commission", args=[slug]),
    ):
        assert client.get(url).status_code == 200, url
    html = client.get("/en" + reverse("news:reach", args=[slug])).content.decode()
    # Every demo attendee is a walk-in without e-mail: 193 people. At the six events outside the
    # capital (18, 15, 16, 12, 13 and 11 people) one in five came from Panamá: 65 did not.
    found = re.search(r"(\d+) people from (\d+) organisations .*?; (\d+) of them came from", html)
    assert (found.group(1), found.group(3)) == ("193", "65")
    commission = client.get(reverse("public:commission", args=[slug])).content.decode()
    assert commission.count('<ol class="decisions">') == 3
