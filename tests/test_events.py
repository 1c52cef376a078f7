"""Events: the actions (state, log row, mail), registration rules, the reminder job, the
permission matrix and the privacy of attendance."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.events import actions, queries
from cocrea.events.models import Event, Registration
from cocrea.organisations.models import Organisation

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import RegionFactory
from .factories_events import EventFactory, RegistrationFactory, in_days, led_table

Status = Registration.Status


def _register(event, email, by=None, **extra):
    from django.contrib.auth.models import AnonymousUser

    return actions.register(
        event, by=by or AnonymousUser(), name=extra.pop("name", "Ana Pérez"), email=email, **extra
    )


def _confirmed(event, email, **extra):
    """Register and confirm from the mailed link, as the person would."""
    return actions.confirm_registration(_register(event, email, **extra), by=SYSTEM)


def test_registering_creates_a_pending_registration_that_holds_no_seat(
    plan, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, capacity=1, title_en="Outreach in Colón")
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, "Ana@Example.org", language="en")
    registration.refresh_from_db()
    assert (registration.status, registration.confirmed_at) == (Status.PENDING, None)
    assert registration.email == "ana@example.org"
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Confirm your registration: Outreach in Colón"
    assert f"/en/registrations/{registration.token}/" in message.body
    assert message.attachments == []
    # Nothing is held: someone else confirming first takes the only seat.
    other = _confirmed(event, "bo@example.org")
    assert other.status == Status.CONFIRMED
    assert actions.confirm_registration(registration, by=SYSTEM).status == Status.WAITING


def test_registering_an_address_again_changes_nothing_and_mails_its_link(
    plan, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_en="Outreach in Colón")
    first = _confirmed(
        event, "ana@example.org", phone="6000-0001", organisation_name="Fundación A", language="en"
    )
    before = Registration.objects.values().get(pk=first.pk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = _register(
            event,
            "ANA@example.org",
            name="Impostor",
            phone="0",
            organisation_name="B",
            name_public=True,
            language="es",
        )
    assert again.pk == first.pk
    assert Registration.objects.values().get(pk=first.pk) == before
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "Your registration: Outreach in Colón"  # the holder's language
    assert f"/en/registrations/{first.token}/" in message.body
    verbs = list(
        ActionLog.objects.filter(verb__startswith="events.")
        .order_by("id")
        .values_list("verb", "public")
    )
    assert verbs == [
        ("events.register", False),
        ("events.confirm_registration", False),
        ("events.send_registration_link", False),
    ]


def test_a_cancelled_registration_does_not_come_back_from_the_form(plan):
    event = EventFactory(plan=plan)
    first = _confirmed(event, "ana@example.org")
    actions.cancel_registration(first, by=SYSTEM)
    _register(event, "ana@example.org", name="Otra")
    first.refresh_from_db()
    assert (first.status, first.name) == (Status.CANCELLED, "Ana Pérez")
    # The holder of the link takes it back; it goes to the end of the queue.
    restored = actions.confirm_registration(first, by=SYSTEM)
    assert restored.status == Status.CONFIRMED
    assert ActionLog.objects.filter(verb="events.restore_registration").count() == 1


def test_unconfirmed_registrations_expire_after_24_hours(plan):
    event = EventFactory(plan=plan, capacity=1)
    stale = _register(event, "ana@example.org", phone="1")
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=24, seconds=1)
    )
    stale.refresh_from_db()
    with pytest.raises(ValidationError, match="Este enlace ha caducado: inscríbase de nuevo."):
        actions.confirm_registration(stale, by=SYSTEM)
    assert list(event.registrations.expired(timezone.now())) == [stale]
    # The address may register afresh: the old row (and its link) is gone.
    fresh = _register(event, "ana@example.org", phone="2")
    assert fresh.pk != stale.pk and fresh.token != stale.token
    assert list(event.registrations.values_list("phone", "status")) == [("2", Status.PENDING)]
    assert actions.confirm_registration(fresh, by=SYSTEM).status == Status.CONFIRMED


def test_seats_go_in_confirmation_order_and_cancelling_promotes(
    plan, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, capacity=2)
    a, b, c, d = (_register(event, f"{x}@example.org") for x in "abcd")
    with django_capture_on_commit_callbacks(execute=True):
        for registration in (d, b, c, a):
            actions.confirm_registration(registration, by=SYSTEM)
    for r in (a, b, c, d):
        r.refresh_from_db()
    assert [a.status, b.status, c.status, d.status] == [
        Status.WAITING,
        Status.CONFIRMED,
        Status.WAITING,
        Status.CONFIRMED,
    ]
    assert [m.to for m in mail.outbox] == [[f"{x}@example.org"] for x in "dbca"]
    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Inscripción confirmada",
        "Inscripción confirmada",
        "Está en la lista de espera",
        "Está en la lista de espera",
    ]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = actions.cancel_registration(b, by=SYSTEM)
    assert promoted == c  # confirmed before a
    c.refresh_from_db()
    a.refresh_from_db()
    assert (c.status, a.status) == (Status.CONFIRMED, Status.WAITING)
    assert [m.to for m in mail.outbox] == [["c@example.org"]]
    with pytest.raises(ValidationError):
        actions.cancel_registration(b, by=SYSTEM)


def test_confirming_twice_changes_nothing(plan):
    event = EventFactory(plan=plan)
    registration = _confirmed(event, "ana@example.org")
    stamp = registration.confirmed_at
    again = actions.confirm_registration(registration, by=SYSTEM)
    assert (again.status, again.confirmed_at) == (Status.CONFIRMED, stamp)
    assert ActionLog.objects.filter(verb="events.confirm_registration").count() == 1


def test_holder_corrects_their_data_but_not_the_address(plan):
    event = EventFactory(plan=plan)
    registration = _confirmed(event, "ana@example.org")
    changed = actions.update_registration(
        registration, by=SYSTEM, name=" Ana María ", phone="6000-1111", name_public=True
    )
    assert changed == ["name", "phone", "name_public", "name_public_at"]
    registration.refresh_from_db()
    assert (registration.name, registration.phone, registration.email) == (
        "Ana María",
        "6000-1111",
        "ana@example.org",
    )
    assert registration.name_public_at is not None
    with pytest.raises(TypeError):
        actions.update_registration(registration, by=SYSTEM, email="x@example.org")


def test_reminders_and_cancellations_skip_unconfirmed_addresses(
    plan, secretary, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, starts_at=timezone.now() + datetime.timedelta(hours=20))
    _register(event, "invented@example.org")
    RegistrationFactory(event=event, email="real@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_event_reminders() == 1
        actions.cancel_event(event, by=secretary, reason_es="Lluvia")
    assert [m.to for m in mail.outbox] == [["real@example.org"], ["real@example.org"]]


def test_registration_closes_when_the_event_is_not_open(plan):
    for event in (
        EventFactory(plan=plan, registration_open=False),
        EventFactory(plan=plan, published=False),
        EventFactory(plan=plan, starts_at=in_days(-1)),
        EventFactory(plan=plan, status=Event.Status.CANCELLED),
    ):
        with pytest.raises(PermissionDenied):
            _register(event, "x@example.org")
    assert Registration.objects.count() == 0


def test_confirmation_mail_has_the_ical_and_the_registration_link(
    plan, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://cocrea.example.org"
    event = EventFactory(plan=plan, title_en="Outreach in Colón", title_es="Divulgación en Colón")
    registration = _register(event, "ana@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm_registration(registration, by=SYSTEM)
    assert "waiting list" not in mail.outbox[0].body
    message = mail.outbox[0]
    assert message.subject == "Registration confirmed: Outreach in Colón"
    assert f"https://cocrea.example.org/en/registrations/{registration.token}/" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    start = event.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}\r\n" in content
    assert f"UID:event-{event.pk}@cocrea.example.org" in content


def test_confirmation_is_in_spanish_for_spanish_registrants(
    plan, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_es="Divulgación en Colón")
    with django_capture_on_commit_callbacks(execute=True):
        _confirmed(event, "ana@example.org", language="es")
    assert mail.outbox[0].subject.endswith(": Divulgación en Colón")
    assert "Ana Pérez" in mail.outbox[0].body


def test_reminders_are_sent_once_to_confirmed_registrants_of_tomorrow(
    plan, django_capture_on_commit_callbacks
):
    tomorrow = EventFactory(plan=plan, starts_at=timezone.now() + datetime.timedelta(hours=20))
    later = EventFactory(plan=plan, starts_at=in_days(5))
    RegistrationFactory(event=tomorrow, email="yes@example.org")
    RegistrationFactory(event=tomorrow, email="wait@example.org", status=Status.WAITING)
    RegistrationFactory(event=tomorrow, email="gone@example.org", status=Status.CANCELLED)
    RegistrationFactory(event=later, email="later@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_event_reminders() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_event_reminders() == 0
    assert [m.to for m in mail.outbox] == [["yes@example.org"]]
    assert Registration.objects.get(email="yes@example.org").reminder_sent_at is not None


def test_reminder_job_is_scheduled():
    from cocrea.jobs.schedule import jobs

    scheduled = {job.name: job.function for job in jobs()}
    assert scheduled["event-reminders"] is actions.send_event_reminders
    assert scheduled["unconfirmed-registrations"] is actions.purge_unconfirmed_registrations


def test_managers_list_leaves_out_expired_unconfirmed_registrations(plan):
    event = EventFactory(plan=plan)
    stale = _register(event, "stale@example.org")
    fresh = _register(event, "fresh@example.org")
    kept = _confirmed(event, "kept@example.org")
    Registration.objects.filter(pk__in=[stale.pk, kept.pk]).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    assert list(queries.registrations_for(event)) == [kept, fresh]


def test_purge_deletes_only_expired_unconfirmed_registrations(plan):
    event = EventFactory(plan=plan)
    old = timezone.now() - datetime.timedelta(hours=25)
    stale = _register(event, "stale@example.org")
    fresh = _register(event, "fresh@example.org")
    kept = _confirmed(event, "kept@example.org")
    Registration.objects.filter(pk__in=[stale.pk, kept.pk]).update(created_at=old)
    assert actions.purge_unconfirmed_registrations() == 1
    assert sorted(event.registrations.values_list("email", flat=True)) == [
        "fresh@example.org",
        "kept@example.org",
    ]
    assert fresh.status == Status.PENDING


def test_attendance_minutes_and_public_summary(plan, secretary):
    centro, colon = RegionFactory(code="PA"), RegionFactory(code="CO", name="Colón")
    event = EventFactory(plan=plan, starts_at=in_days(-2), registration_open=False)
    kinds = Organisation.Kind
    a = RegistrationFactory(
        event=event,
        name="Ana",
        organisation_kind=kinds.CIVIL_SOCIETY,
        region=colon,
        name_public=True,
        organisation_name="Fundación Colón",
        phone="6000-0000",
    )
    b = RegistrationFactory(
        event=event, name="Beto", organisation_kind=kinds.PUBLIC_INSTITUTION, region=centro
    )
    RegistrationFactory(event=event, name="Carla (absent)")
    assert actions.record_attendance(event, by=secretary, present=[a.pk, b.pk]) == 2
    actions.add_walk_in(
        event, by=secretary, name="Dora", organisation_kind=kinds.ACADEMIA, region=colon
    )
    event.refresh_from_db()
    assert event.status == Event.Status.HELD
    summary = queries.attendance_summary(event)
    assert summary["total"] == 3
    assert summary["by_region"] == [("Colón", 2), ("Panamá", 1)]
    assert summary["names"] == [("Ana", "Fundación Colón")]
    actions.record_minutes(
        event,
        by=secretary,
        minutes_es="Se reunió la comisión.",
        decisions=[("Metodología adoptada", "Methodology adopted"), ("Ejes adoptados", "")],
    )
    assert list(event.decisions.values_list("number", "text_es", "text_en")) == [
        (1, "Metodología adoptada", "Methodology adopted"),
        (2, "Ejes adoptados", ""),
    ]
    verbs = list(
        ActionLog.objects.filter(verb__startswith="events.")
        .order_by("id")
        .values_list("verb", "public")
    )
    assert verbs == [
        ("events.record_attendance", True),
        ("events.add_walk_in", False),
        ("events.record_minutes", True),
    ]


def test_cancel_needs_a_reason_and_only_planned_events(plan, secretary):
    event = EventFactory(plan=plan)
    with pytest.raises(ValidationError):
        actions.cancel_event(event, by=secretary, reason_es=" ")
    actions.cancel_event(event, by=secretary, reason_es="Lluvias", reason_en="Floods")
    event.refresh_from_db()
    assert (event.status, event.cancel_reason_en) == (Event.Status.CANCELLED, "Floods")
    with pytest.raises(ValidationError):
        actions.cancel_event(event, by=secretary, reason_es="Otra vez")
    with pytest.raises(ValidationError):
        actions.record_minutes(event, by=secretary, minutes_es="Acta")


def test_leader_creates_table_sessions_only(plan, people):
    leader = people["leader"]
    table = led_table(plan)
    session = actions.create_event(
        plan,
        by=leader,
        kind=Event.Kind.TABLE_SESSION,
        working_table=table,
        title_es="Sesión",
        starts_at=in_days(3),
    )
    assert session.kind == Event.Kind.TABLE_SESSION
    with pytest.raises(ValidationError):
        actions.create_event(
            plan, by=leader, kind=Event.Kind.TRAINING, title_es="Taller", starts_at=in_days(3)
        )


def test_leader_manages_only_the_sessions_of_tables_they_lead(plan, people):
    from cocrea.tables.models import WorkingTable

    leader = people["leader"]
    mine = led_table(plan)
    other = WorkingTable.objects.create(plan=plan, number=91, name_es="Otra mesa")
    other.axes.set(mine.axes.all())
    with pytest.raises(ValidationError) as error:
        actions.create_event(
            plan,
            by=leader,
            kind=Event.Kind.TABLE_SESSION,
            working_table=other,
            title_es="Sesión ajena",
            starts_at=in_days(3),
        )
    assert "working_table" in error.value.message_dict
    theirs = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION, working_table=other)
    unassigned = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION)
    own = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION, working_table=mine)
    assert [leader.has_perm("events.change_event", e) for e in (theirs, unassigned, own)] == [
        False,
        False,
        True,
    ]
    with pytest.raises(PermissionDenied):
        actions.update_event(theirs, by=leader, venue="Otro")


def test_queries_for_the_tables_app(plan, people):
    from cocrea.tables.models import WorkingTable

    from .factories import AxisFactory

    table = WorkingTable.objects.create(plan=plan, number=1, name="Mesa 1")
    table.axes.set([AxisFactory(plan=plan)])
    session = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION, working_table=table)
    EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION)
    assert list(queries.sessions_for_table(table)) == [session]
    participant = people["participant"]
    training = EventFactory(plan=plan, kind=Event.Kind.TRAINING, starts_at=in_days(-3))
    other = EventFactory(plan=plan, kind=Event.Kind.TRAINING, starts_at=in_days(-1))
    RegistrationFactory(event=training, email=participant.email, attended=True)
    RegistrationFactory(event=other, email=participant.email, attended=False)
    assert list(queries.trainings_attended_by(participant, plan)) == [training]


# --- role x action matrix -------------------------------------------------------------------------

SECRETARY_ONLY = {"secretary"}
EVENT_MANAGERS = SECRETARIAT_POWERS  # of an outreach event
SESSION_MANAGERS = {*SECRETARIAT_POWERS, "leader"}  # of a working-table session


def _outreach(plan):
    return EventFactory(plan=plan, kind=Event.Kind.OUTREACH, starts_at=in_days(-1))


def _session(plan):
    return EventFactory(
        plan=plan,
        kind=Event.Kind.TABLE_SESSION,
        working_table=led_table(plan),
        starts_at=in_days(-1),
    )


MATRIX = {
    "events.create_event": (
        SESSION_MANAGERS,
        lambda plan, user: actions.create_event(
            plan,
            by=user,
            kind=Event.Kind.TABLE_SESSION,
            working_table=led_table(plan),
            title_es="S",
            starts_at=in_days(2),
        ),
    ),
    "events.update_event": (
        EVENT_MANAGERS,
        lambda plan, user: actions.update_event(_outreach(plan), by=user, venue="Otro"),
    ),
    "events.update_event(session)": (
        SESSION_MANAGERS,
        lambda plan, user: actions.update_event(_session(plan), by=user, venue="Otro"),
    ),
    "events.publish_event": (
        EVENT_MANAGERS,
        lambda plan, user: actions.publish_event(EventFactory(plan=plan, published=False), by=user),
    ),
    "events.cancel_event": (
        EVENT_MANAGERS,
        lambda plan, user: actions.cancel_event(EventFactory(plan=plan), by=user, reason_es="R"),
    ),
    "events.record_attendance": (
        EVENT_MANAGERS,
        lambda plan, user: actions.record_attendance(_outreach(plan), by=user, present=[]),
    ),
    "events.add_walk_in": (
        SESSION_MANAGERS,
        lambda plan, user: actions.add_walk_in(_session(plan), by=user, name="W"),
    ),
    "events.record_minutes": (
        EVENT_MANAGERS,
        lambda plan, user: actions.record_minutes(_outreach(plan), by=user, minutes_es="Acta"),
    ),
    "events.register": (
        set(ALL_PERSONAS),
        lambda plan, user: actions.register(
            EventFactory(plan=plan), by=user, name="N", email="n@example.org"
        ),
    ),
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("verb", list(MATRIX))
def test_event_action_matrix(verb, persona, plan, people):
    allowed_personas, run = MATRIX[verb]
    user = people[persona]
    logged = ActionLog.objects.count()
    if persona in allowed_personas:
        run(plan, user)
        entry = ActionLog.objects.order_by("-id").first()
        assert entry.verb == verb.split("(")[0]
        assert entry.actor == (user if user.is_authenticated else None)
    else:
        with pytest.raises(PermissionDenied):
            run(plan, user)
        assert ActionLog.objects.count() == logged


VIEWERS_OF_COMMISSION_DRAFT = {*SECRETARIAT_POWERS, "commissioner"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_commission_drafts_are_seen_by_secretariat_and_members(persona, plan, people):
    draft = EventFactory(plan=plan, kind=Event.Kind.COMMISSION_MEETING, published=False)
    outreach_draft = EventFactory(plan=plan, published=False)
    user = people[persona]
    assert user.has_perm("events.view_event", draft) is (persona in VIEWERS_OF_COMMISSION_DRAFT)
    assert user.has_perm("events.view_event", outreach_draft) is (persona in SECRETARIAT_POWERS)
    assert user.has_perm("events.view_event", EventFactory(plan=plan)) is True


def test_cancelling_an_event_tells_every_active_registrant(
    plan, secretary, django_capture_on_commit_callbacks, mailoutbox
):
    event = EventFactory(plan=plan, starts_at=in_days(5))
    kept = RegistrationFactory(event=event, email="ana@example.org", language="en")
    RegistrationFactory(event=event, email="bo@example.org", status=Registration.Status.WAITING)
    RegistrationFactory(event=event, email="cy@example.org", status=Registration.Status.CANCELLED)
    RegistrationFactory(event=event, email="", walk_in=True)
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_event(event, by=secretary, reason_es="Lluvias", reason_en="Floods")
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "bo@example.org"]
    english = next(m for m in mailoutbox if m.to == [kept.email])
    assert english.subject == f"Event cancelled: {event.title_en or event.title_es}"
    assert "Floods" in english.body
    assert "STATUS:CANCELLED" in english.attachments[0][1]


# --- scheduling is a capability of the programme ----------------------------------------------


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        (Event.Kind.COMMISSION_MEETING, "forum-meetings"),
        (Event.Kind.OUTREACH, "outreach"),
        (Event.Kind.TRAINING, "training"),
    ],
)
def test_scheduling_a_meeting_outreach_or_training_needs_its_step_open(kind, key, plan, secretary):
    from cocrea.plans import actions as plan_actions

    from .factories import StepFactory

    step = StepFactory(plan=plan, capabilities=[key])
    StepFactory(plan=plan, status="open", capabilities=["drafting"])
    with pytest.raises(PermissionDenied):
        actions.create_event(plan, by=secretary, kind=kind, title_es="A", starts_at=in_days(3))
    assert Event.objects.count() == 0
    plan_actions.open_step(step, by=secretary)
    event = actions.create_event(plan, by=secretary, kind=kind, title_es="A", starts_at=in_days(3))
    plan_actions.close_step(step, by=secretary)
    # What follows for an event already scheduled is not gated.
    actions.update_event(event, by=secretary, venue="Otra sala")
    actions.publish_event(event, by=secretary)
    actions.record_minutes(event, by=secretary, minutes_es="Acta")
    event.refresh_from_db()
    assert (event.venue, event.published, event.status) == ("Otra sala", True, "held")
    # Turning an event into one of that kind is scheduling one: refused while the step is closed.
    session = EventFactory(plan=plan, kind=Event.Kind.PRESENTATION)
    with pytest.raises(PermissionDenied):
        actions.update_event(session, by=secretary, kind=kind)
    assert Event.objects.get(pk=session.pk).kind == Event.Kind.PRESENTATION
