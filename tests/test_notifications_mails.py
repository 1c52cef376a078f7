"""The mails the product sends, as notification kinds: who receives each one and who does not, in
the recipient's language; the mails a person asked for or that secure an account ignore an "off"
preference; the others honour "off" and "daily", for an address without an account too; the
event mails carry the event's calendar file."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import timezone

from cocrea.accounts import actions as account_actions
from cocrea.core.actions import SYSTEM
from cocrea.events import actions as event_actions
from cocrea.events.models import Registration as EventRegistration
from cocrea.notifications.catalogue import CATALOGUE
from cocrea.notifications.models import Delivery, Frequency, Notification, Preference
from cocrea.participation import actions as call_actions
from cocrea.participation.models import Invitation, Sector
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role

from .factories import AxisFactory, OrganisationFactory, RegionFactory, StepFactory
from .factories_events import EventFactory, RegistrationFactory, in_days
from .factories_participation import OpenCallFactory

# kind -> who receives it in the scenarios below (personas of tests/conftest.py, or the people
# reached by address only). Merged into the kind x persona matrix.
MAIL_ROWS = {
    "accounts.confirm_account": {"new account"},
    "accounts.account_exists": {"citizen"},
    "accounts.password_reset": {"participant"},
    "plans.role_granted": {"citizen", "new account"},
    "participation.invitation": {"invitee"},
    "participation.welcome": {"invitee"},
    "participation.confirm_link": {"call registrant"},
    "participation.data_link": {"call registrant"},
    "participation.liaison_request": {"head by address"},
    "participation.liaison_reminder": {"head by address"},
    "events.address_check": {"event registrant"},
    "events.registration_link": {"event registrant"},
    "events.registration_confirmed": {"event registrant"},
    "events.event_changed": {"event registrant", "waiting registrant"},
    "events.event_cancelled": {"event registrant", "waiting registrant"},
    "events.reminder": {"event registrant"},
}

ANONYMOUS = AnonymousUser()


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run an action and the mail sent after its commit; returns what it returned."""

    def call(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return call


def sent() -> list[tuple[str, str]]:
    """(address, subject) of each mail sent, in order."""
    return [(message.to[0], message.subject) for message in mail.outbox]


def links_in(message) -> list[str]:
    """The links of the message's text, above the preferences footer."""
    return re.findall(r"https?://\S+", message.body.split("\n-- \n")[0])


def test_every_kind_of_mail_has_a_row():
    """The kinds of accounts, participation and events, and the role granted, are tested here;
    the matrix (tests/test_notifications_matrix.py) tests the others and checks the union."""
    from .test_notifications_matrix import ROWS

    assert set(MAIL_ROWS) == set(CATALOGUE) - set(ROWS)
    assert {key.split(".")[0] for key in MAIL_ROWS} == {
        "accounts",
        "participation",
        "events",
        "plans",
    }


# --- accounts ----------------------------------------------------------------------------------


def test_a_sign_up_mails_the_new_account_alone_in_its_language(people, run):
    run(
        account_actions.sign_up,
        by=ANONYMOUS,
        full_name="Lucía Pérez",
        email="lucia@example.net",
        password="a-long-pass-2017",
        language="en",
    )
    run(
        account_actions.sign_up,
        by=ANONYMOUS,
        full_name="Pedro Ríos",
        email="pedro@example.net",
        password="a-long-pass-2017",
        language="es",
    )
    assert sent() == [
        ("lucia@example.net", "Activate your account"),
        ("pedro@example.net", "Active su cuenta"),
    ]
    assert "Estimado/a Pedro Ríos," in mail.outbox[1].body
    # A link the person asked for: mailed, never in the bell.
    assert Notification.objects.count() == 0


def test_signing_up_with_a_known_address_tells_its_owner_in_the_owners_language(people, run):
    citizen = people["citizen"]
    citizen.preferred_language = "en"
    citizen.save(update_fields=["preferred_language"])
    for address in ("CITIZEN@example.org", "leader@example.org"):
        run(
            account_actions.sign_up,
            by=ANONYMOUS,
            full_name="Someone",
            email=address,
            password="a-long-pass-2017",
            language="es",
        )
    assert sent() == [
        ("citizen@example.org", "You already have an account"),
        ("leader@example.org", "Usted ya tiene una cuenta"),
    ]
    [login, reset] = links_in(mail.outbox[0])
    assert login == "http://127.0.0.1:8000/en/accounts/login/"
    assert reset == "http://127.0.0.1:8000/en/accounts/password/reset/"


def test_a_password_reset_is_mailed_even_to_who_turned_it_off(people, client, run):
    participant = people["participant"]
    Preference.objects.create(
        user=participant, kind="accounts.password_reset", frequency=Frequency.OFF
    )
    leader = people["leader"]
    leader.preferred_language = "en"
    leader.save(update_fields=["preferred_language"])
    response = run(client.post, "/accounts/password/reset/", {"email": "participant@example.org"})
    assert response.status_code == 302
    run(client.post, "/accounts/password/reset/", {"email": "leader@example.org"})
    assert sent() == [
        ("participant@example.org", "Elija una contraseña nueva"),
        ("leader@example.org", "Choose a new password"),
    ]
    [link] = links_in(mail.outbox[0])
    assert link.startswith("http://127.0.0.1:8000/accounts/password/reset/")
    # Always sent: no way out of it is offered, neither in the headers nor in the text.
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    assert "\n-- \n" not in mail.outbox[0].body
    assert "/notifications/" not in mail.outbox[0].body


# --- plans -------------------------------------------------------------------------------------


def test_a_role_given_is_mailed_to_its_holder_not_to_who_gave_it(plan, people, run):
    citizen = people["citizen"]
    citizen.preferred_language = "en"
    citizen.save(update_fields=["preferred_language"])
    run(
        plan_actions.invite_to_role,
        plan,
        by=people["secretary"],
        email="citizen@example.org",
        role=Role.PARTICIPANT,
    )
    run(
        plan_actions.invite_to_role,
        plan,
        by=people["secretary"],
        email="nueva@example.org",
        role=Role.COMMISSION_MEMBER,
    )
    assert sent() == [
        ("citizen@example.org", f"Your role in {plan.title_en}"),
        ("nueva@example.org", f"Tu rol en {plan.title_es}"),
    ]
    # Only the new account gets the link to choose a password.
    assert "/en/accounts/password/reset/" not in mail.outbox[0].body
    assert "/accounts/password/reset/" in mail.outbox[1].body
    told = Notification.objects.filter(kind="plans.role_granted")
    assert sorted(told.values_list("user__email", flat=True)) == [
        "citizen@example.org",
        "nueva@example.org",
    ]


# --- participation -----------------------------------------------------------------------------


def _invite(plan, by, *, email="rosa@gob.example", language="es"):
    return call_actions.send_invitation(
        plan,
        by=by,
        full_name="Rosa Pitti",
        email=email,
        side=Invitation.Side.GOVERNMENT,
        purpose=Invitation.Purpose.TAKE_PART,
        language=language,
    )


def test_an_invitation_and_its_welcome_go_to_the_invitee_alone(plan, people, run):
    invitation = run(_invite, plan, people["secretary"], language="en")
    other = run(_invite, plan, people["secretary"], email="luis@gob.example", language="es")
    assert sent() == [
        ("rosa@gob.example", f"Invitation: {plan.title_en}"),
        ("luis@gob.example", f"Invitación: {plan.title_es}"),
    ]
    [link] = links_in(mail.outbox[0])
    assert invitation.link_token in link
    mail.outbox.clear()
    for answered in (invitation, other):
        call_actions.respond_invitation(answered.link_token, by=SYSTEM, accept=True)
        answered.refresh_from_db()
        run(call_actions.confirm_invitation, answered, by=people["secretary"])
    assert sent() == [
        ("rosa@gob.example", f"Your account for {plan.title_en}"),
        ("luis@gob.example", f"Su cuenta para {plan.title_es}"),
    ]
    # Address-only until now: nobody's bell shows the invitation or the welcome.
    assert Notification.objects.count() == 0


@pytest.fixture
def open_call(plan):
    OpenCallFactory(plan=plan)
    return RegionFactory(code="CH", name="Chiriquí", is_capital=False), AxisFactory(
        plan=plan, number=1
    )


def _answer_call(plan, open_call, email, language):
    region, axis = open_call
    return call_actions.register(
        plan,
        by=SYSTEM,
        axes=[axis],
        language=language,
        full_name="Lucía Pérez",
        email=email,
        phone="",
        organisation_name="",
        sector=Sector.CITIZEN,
        region_id=region.pk,
        heard_from="social",
        accessibility="",
    )


def test_the_open_call_links_go_to_the_registrant_even_with_mail_turned_off(plan, open_call, run):
    Preference.objects.create(
        email="lucia@example.net",
        kind="participation.confirm_link",
        frequency=Frequency.OFF,
    )
    registration, _created = run(_answer_call, plan, open_call, "lucia@example.net", "en")
    run(_answer_call, plan, open_call, "ana@example.net", "es")
    assert sent() == [
        ("lucia@example.net", "Confirm your registration"),
        ("ana@example.net", "Confirme su inscripción"),
    ]
    [confirm] = links_in(mail.outbox[0])
    assert registration.link_token in confirm
    mail.outbox.clear()
    run(call_actions.confirm_registration, registration.link_token, by=SYSTEM)
    run(call_actions.send_data_link, plan, "ANA@example.net", by=SYSTEM)
    assert sent() == [
        ("lucia@example.net", "Your data in the open call"),
        ("ana@example.net", "Sus datos en la convocatoria abierta"),
    ]


def test_the_head_of_an_institution_is_asked_and_reminded_by_address(plan, people, run):
    StepFactory(plan=plan, number=90, status="open", capabilities=["liaisons"])
    axis = AxisFactory(plan=plan, number=2, name_es="Salud", name_en="Health")
    ministry = OrganisationFactory(name_es="Ministerio de Salud", kind="public_institution")
    request = run(
        call_actions.request_liaison,
        plan,
        by=people["secretary"],
        axis=axis,
        institution=ministry,
        head_name="Eduardo Pinzón",
        head_email="Ministro@Salud.example",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        language="en",
    )
    assert sent() == [("ministro@salud.example", "Designation of an institutional liaison: Health")]
    [link] = links_in(mail.outbox[0])
    assert request.link_token in link
    mail.outbox.clear()
    assert run(call_actions.remind_liaison, request, by=people["secretary"]) is True
    assert sent() == [
        ("ministro@salud.example", "Reminder: designation of an institutional liaison (Health)")
    ]
    mail.outbox.clear()
    run(
        call_actions.request_liaison,
        plan,
        by=people["secretary"],
        axis=axis,
        institution=OrganisationFactory(name_es="Ministerio de Obras", kind="public_institution"),
        head_name="Ana Díaz",
        head_email="ministra@obras.example",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
        language="es",
    )
    assert sent() == [("ministra@obras.example", "Designación de un enlace institucional: Salud")]
    assert Notification.objects.count() == 0


# --- events ------------------------------------------------------------------------------------


def _register(event, email, language="es"):
    return event_actions.register(
        event, by=ANONYMOUS, name="Ana Pérez", email=email, language=language
    )


def test_a_registration_is_checked_confirmed_and_reminded_at_its_address(plan, run):
    tomorrow = timezone.now() + datetime.timedelta(hours=20)
    event = EventFactory(plan=plan, title_es="Taller", title_en="Workshop", starts_at=tomorrow)
    Preference.objects.create(
        email="ana@example.org", kind="events.address_check", frequency=Frequency.OFF
    )
    registration = run(_register, event, "ana@example.org", "en")
    other = run(_register, event, "luis@example.org", "es")
    run(_register, event, "ana@example.org", "en")  # again: the link to their registration
    run(_register, event, "luis@example.org", "es")
    assert sent() == [
        ("ana@example.org", "Confirm your registration: Workshop"),
        ("luis@example.org", "Confirme su inscripción: Taller"),
        ("ana@example.org", "Your registration: Workshop"),
        ("luis@example.org", "Su inscripción: Taller"),
    ]
    [check] = links_in(mail.outbox[0])
    assert check == f"http://127.0.0.1:8000/en/registrations/{registration.token}/"
    mail.outbox.clear()
    run(event_actions.confirm_registration, registration, by=SYSTEM)
    run(event_actions.confirm_registration, other, by=SYSTEM)
    assert sent() == [
        ("ana@example.org", "Registration confirmed: Workshop"),
        ("luis@example.org", "Inscripción confirmada: Taller"),
    ]
    [(filename, ics, mimetype)] = mail.outbox[0].attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert "SUMMARY:Workshop" in ics
    assert "SUMMARY:Taller" in mail.outbox[1].attachments[0][1]
    mail.outbox.clear()
    assert run(event_actions.send_event_reminders) == 2
    assert sorted(sent()) == [
        ("ana@example.org", "Reminder: tomorrow: Workshop"),
        ("luis@example.org", "Recordatorio: mañana: Taller"),
    ]


@pytest.fixture
def registered(plan):
    """A published event with a confirmed (English), a waiting (Spanish), a pending and a
    cancelled registrant."""
    event = EventFactory(plan=plan, title_es="Taller", title_en="Workshop", capacity=1)
    Status = EventRegistration.Status
    RegistrationFactory(event=event, email="ana@example.org", language="en")
    RegistrationFactory(event=event, email="luis@example.org", status=Status.WAITING)
    RegistrationFactory(event=event, email="pendiente@example.org", status=Status.PENDING)
    RegistrationFactory(event=event, email="baja@example.org", status=Status.CANCELLED)
    return event


def test_a_change_of_date_tells_the_confirmed_and_waiting_registrants_with_the_new_file(
    registered, people, run
):
    new_start = in_days(12, hour=15)
    run(event_actions.update_event, registered, by=people["secretary"], starts_at=new_start)
    assert sorted(sent()) == [
        ("ana@example.org", "Event changed: Workshop"),
        ("luis@example.org", "Actividad modificada: Taller"),
    ]
    for message in mail.outbox:
        [(filename, ics, mimetype)] = message.attachments
        assert (filename, mimetype) == ("event.ics", "text/calendar")
        stamp = new_start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        assert f"DTSTART:{stamp}" in ics


def test_a_change_of_the_text_alone_tells_nobody(registered, people, run):
    run(event_actions.update_event, registered, by=people["secretary"], title_en="Workshop 2")
    assert sent() == []


def test_a_cancelled_event_tells_the_confirmed_and_waiting_registrants(registered, people, run):
    run(event_actions.cancel_event, registered, by=people["secretary"], reason_es="Lluvia")
    assert sorted(sent()) == [
        ("ana@example.org", "Event cancelled: Workshop"),
        ("luis@example.org", "Actividad cancelada: Taller"),
    ]
    assert all("STATUS:CANCELLED" in m.attachments[0][1] for m in mail.outbox)


def test_an_address_without_account_turns_a_kind_off_or_to_a_daily_digest(registered, people, run):
    Preference.objects.create(
        email="ana@example.org", kind="events.event_changed", frequency=Frequency.OFF
    )
    Preference.objects.create(
        email="luis@example.org",
        kind="events.event_changed",
        frequency=Frequency.DAILY,
    )
    run(event_actions.update_event, registered, by=people["secretary"], venue="Otra sala")
    assert sent() == []
    held = Delivery.objects.filter(kind="events.event_changed")
    assert list(held.values_list("email", "state")) == [("luis@example.org", "held")]


def test_an_event_confirmation_crosses_a_real_smtp_server_with_its_html_part(
    plan, smtp_server, run
):
    event = EventFactory(plan=plan, title_es="Taller", title_en="Workshop")
    registration = run(_register, event, "ana@example.org", "es")
    smtp_server.clear()
    run(event_actions.confirm_registration, registration, by=SYSTEM)
    [message] = smtp_server
    assert message["X-Envelope-To"] == "ana@example.org"
    assert message["Subject"] == "Inscripción confirmada: Taller"
    assert "Hola, Ana Pérez," in message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "<h1" in html and "Inscripción confirmada: Taller" in html
    [calendar] = [part for part in message.iter_attachments() if part.get_filename()]
    assert calendar.get_filename() == "event.ics"
    assert calendar.get_content_type() == "text/calendar"
