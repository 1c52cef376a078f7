"""Mail never breaks the request: a refused SMTP connection or a subject with a line break leaves
the action saved, the person on the action's normal page, the mail in the outbox to be tried again
and a line in the `cocrea.mail` log."""

import logging
import socket

import pytest
from django.core import mail
from django.urls import reverse

from cocrea.core import revisions
from cocrea.core.mail import clean_subject, render_template
from cocrea.events.models import Event
from cocrea.events.models import Registration as EventRegistration
from cocrea.notifications.models import Delivery
from cocrea.participation.models import Invitation, Sector
from cocrea.participation.models import Registration as CallRegistration

from .factories import AxisFactory, OrganisationFactory, RegionFactory
from .factories_events import EventFactory, RegistrationFactory
from .factories_participation import OpenCallFactory


@pytest.fixture
def closed_smtp(settings):
    """Django's real SMTP backend pointed at a port nothing listens on: every send is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    return port


def _mail_failures(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "cocrea.mail"]


def _waiting() -> list[tuple[str, str, int]]:
    """The outbox's mails still to be sent: (address, kind, attempts)."""
    return list(
        Delivery.objects.filter(state=Delivery.State.PENDING)
        .order_by("email")
        .values_list("email", "kind", "attempts")
    )


def _event_form(**extra):
    return {
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "phone": "",
        "organisation_name": "",
        "organisation_kind": "",
        "region": "",
        "consent": "on",
        **extra,
    }


def test_refused_smtp_does_not_break_an_event_registration(
    client, plan, closed_smtp, caplog, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_es="Taller")
    url = reverse("events:register", args=[plan.slug, event.pk])
    with (
        caplog.at_level(logging.WARNING, "cocrea.mail"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = client.post(url, _event_form())
    assert response.status_code == 302
    # One mail tried after the commit (the others forget the revisions this process read).
    assert len([c for c in callbacks if c is not revisions.forget]) == 1
    assert EventRegistration.objects.get().email == "ana@example.org"
    [failure] = _mail_failures(caplog)
    assert "to ana@example.org not sent (attempt 1)" in failure
    assert _waiting() == [("ana@example.org", "events.address_check", 1)]


def test_refused_smtp_does_not_break_cancelling_an_event(
    client, plan, secretary, closed_smtp, caplog, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_es="Taller")
    RegistrationFactory(event=event, email="ana@example.org")
    RegistrationFactory(event=event, email="luis@example.org")
    client.force_login(secretary)
    url = reverse("events:manage_cancel", args=[plan.slug, event.pk])
    with (
        caplog.at_level(logging.WARNING, "cocrea.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, {"reason_es": "Lluvia", "reason_en": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("events:manage_event", args=[plan.slug, event.pk])
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert len(_mail_failures(caplog)) == 2
    assert _waiting() == [
        ("ana@example.org", "events.event_cancelled", 1),
        ("luis@example.org", "events.event_cancelled", 1),
    ]


def test_refused_smtp_does_not_break_an_invitation(
    client, plan, secretary, closed_smtp, caplog, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(kind="public_institution")
    client.force_login(secretary)
    url = reverse("participation:invitations", args=[plan.slug])
    data = {
        "full_name": "Rosa Pitti",
        "email": "rosa@gob.example",
        "organisation": organisation.pk,
        "side": Invitation.Side.GOVERNMENT,
        "purpose": Invitation.Purpose.TAKE_PART,
        "table": "",
        "language": "es",
    }
    with (
        caplog.at_level(logging.WARNING, "cocrea.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, data)
    assert response.status_code == 302
    assert Invitation.objects.get().email == "rosa@gob.example"
    [failure] = _mail_failures(caplog)
    assert "to rosa@gob.example not sent (attempt 1)" in failure
    assert _waiting() == [("rosa@gob.example", "participation.invitation", 1)]


def test_refused_smtp_does_not_break_an_open_call_registration(
    client, plan, closed_smtp, caplog, django_capture_on_commit_callbacks
):
    OpenCallFactory(plan=plan)
    axis = AxisFactory(plan=plan, number=1)
    region = RegionFactory(code="CH", name="Chiriquí", is_capital=False)
    data = {
        "full_name": "Lucía Pérez",
        "email": "lucia@example.net",
        "phone": "",
        "organisation_name": "",
        "sector": Sector.CITIZEN,
        "region": region.pk,
        "axes": [axis.pk],
        "heard_from": "social",
        "accessibility": "",
        "consent": "on",
        "website": "",
    }
    url = reverse("participation:call", args=[plan.slug])
    with (
        caplog.at_level(logging.WARNING, "cocrea.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:registered", args=[plan.slug])
    assert CallRegistration.objects.get().email == "lucia@example.net"
    assert len(_mail_failures(caplog)) == 1
    assert _waiting() == [("lucia@example.net", "participation.confirm_link", 1)]


def test_event_title_with_a_line_break_is_one_subject_line(
    client, plan, smtp_server, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_es="Taller de\r\ndatos\nabiertos")
    url = reverse("events:register", args=[plan.slug, event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _event_form())
    assert response.status_code == 302
    assert EventRegistration.objects.count() == 1
    [message] = smtp_server
    assert message["Subject"].endswith(": Taller de datos abiertos")


def test_template_subject_keeps_a_value_with_a_line_break_whole(plan):
    plan.title_en = "Fourth\nplan"
    subject, body = render_template(
        "notifications/mail/participation/invitation.txt",
        "en",
        invitation=Invitation(plan=plan, full_name="Rosa"),
        url="https://cocrea.example.org/i/x/",
        plan=plan,
    )
    assert subject == "Invitation: Fourth plan"
    assert body.startswith("Dear Rosa,\n")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\rb", "a b"),
        ("a\u2028b\x0bc\x0cd\x85e", "a b c d e"),
        ("  padded   subject  ", "padded subject"),
    ],
)
def test_clean_subject_is_one_line(raw, clean):
    assert clean_subject(raw) == clean


def test_every_mail_goes_through_core_mail():
    """No module but the outbox builds or sends a message itself."""
    from pathlib import Path

    import cocrea

    root = Path(cocrea.__file__).parent
    senders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if any(
            call in path.read_text()
            for call in (
                "EmailMessage(",
                "EmailMultiAlternatives(",
                "send_mail(",
                "send_mass_mail(",
                "mail_admins(",
            )
        )
    )
    # accounts/forms.py overrides Django's PasswordResetForm.send_mail to report the reset to the
    # outbox (`mail_password_reset`); notifications/delivery.py sends the outbox.
    assert senders == ["accounts/forms.py", "notifications/delivery.py"]
    assert mail.outbox == []
