"""Requirements and invitations (step 3), institutional liaisons (step 5), with the role x
action matrix of every participation action."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.jobs.schedule import jobs
from cocrea.participation import actions
from cocrea.participation.models import (
    Invitation,
    LiaisonRequest,
    Registration,
    Requirement,
)
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import PlanRole, Role
from cocrea.tables.models import TableMember

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import OrganisationFactory, RegionFactory, StepFactory
from .factories_participation import OpenCallFactory, RegistrationFactory, TableFactory

D = datetime.date


@pytest.fixture
def table(plan):
    return TableFactory(plan=plan, number=1)


@pytest.fixture
def requirements(plan, secretary):
    return [
        actions.add_requirement(
            plan, by=secretary, text_es="Organización constituida", applies_to="both"
        ),
        actions.add_requirement(
            plan, by=secretary, text_es="Experiencia en el eje", applies_to="leaders"
        ),
        actions.add_requirement(
            plan, by=secretary, text_es="Disponibilidad", applies_to="participants"
        ),
    ]


def invite(plan, by, table=None, purpose=Invitation.Purpose.LEAD, email="rosa@gob.example"):
    return actions.send_invitation(
        plan,
        by=by,
        full_name="Rosa Pitti",
        email=email,
        side=Invitation.Side.GOVERNMENT,
        purpose=purpose,
        table=table,
        organisation=OrganisationFactory(kind="public_institution"),
    )


def link_of(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# --- invitations -------------------------------------------------------------------------------


def test_invitation_is_mailed_with_a_single_use_link(
    client, plan, secretary, table, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(plan, secretary, table)
    assert [m.to for m in mail.outbox] == [["rosa@gob.example"]]
    url = link_of(mail.outbox[0])
    assert invitation.link_token in url
    assert invitation.token_hash != invitation.link_token
    assert invitation.status == Invitation.Status.SENT
    assert invitation.expires_at - invitation.sent_at == datetime.timedelta(days=14)
    response = client.post(path_of(url), {"answer": "accept", "reason": ""})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.responded_at is not None
    assert client.get(path_of(url)).status_code == 410  # used once


def test_declining_records_the_reason(plan, secretary):
    invitation = invite(plan, secretary)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=False, reason="Sin tiempo")
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == ("declined", "Sin tiempo")


def test_expired_invitation_link_does_not_work(plan, secretary):
    invitation = invite(plan, secretary)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(PermissionDenied):
        actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)


def test_resend_replaces_the_link_and_revoke_kills_it(plan, secretary):
    invitation = invite(plan, secretary)
    old = invitation.link_token
    again = actions.resend_invitation(invitation, by=secretary)
    assert again.send_count == 2
    with pytest.raises(PermissionDenied):
        actions.respond_invitation(old, by=SYSTEM, accept=True)
    actions.revoke_invitation(again, by=secretary)
    with pytest.raises(PermissionDenied):
        actions.respond_invitation(again.link_token, by=SYSTEM, accept=True)
    assert Invitation.objects.get().status == Invitation.Status.REVOKED


def test_leader_missing_a_requirement_cannot_be_confirmed(plan, secretary, table, requirements):
    invitation = invite(plan, secretary, table)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
    invitation.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        actions.confirm_invitation(invitation, by=secretary, verified=[requirements[0]])
    assert "2. Experiencia en el eje" in str(error.value)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert TableMember.objects.count() == 0


def test_confirmed_leader_gets_account_role_and_seat(
    plan, secretary, table, requirements, django_capture_on_commit_callbacks
):
    invitation = invite(plan, secretary, table)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
    invitation.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm_invitation(invitation, by=secretary, verified=requirements[:2])
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.CONFIRMED
    assert sorted(r.number for r in invitation.verified_requirements.all()) == [1, 2]
    user = invitation.user
    assert user.email == "rosa@gob.example"
    assert user.has_usable_password() is False
    assert set(PlanRole.objects.filter(user=user).values_list("role", flat=True)) == {
        Role.TABLE_LEADER
    }
    member = TableMember.objects.get(user=user)
    assert (member.table, member.is_leader, member.side, member.source) == (
        table,
        True,
        "government",
        "invitation",
    )
    # the seat at the table (tables.seat_given), then the welcome mail
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["rosa@gob.example"], f"Usted dirige la mesa de trabajo {table}"),
        (["rosa@gob.example"], f"Su cuenta para {plan.title}"),
    ]
    assert "/welcome/" in mail.outbox[1].body


def test_participant_is_confirmed_without_leader_requirements(plan, secretary, requirements):
    invitation = invite(plan, secretary, purpose=Invitation.Purpose.TAKE_PART)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
    invitation.refresh_from_db()
    actions.confirm_invitation(
        invitation, by=secretary, verified=[requirements[0], requirements[2]]
    )
    assert PlanRole.objects.filter(user=invitation.user, role=Role.PARTICIPANT).count() == 1


def test_participant_missing_a_requirement_cannot_be_confirmed(plan, secretary, requirements):
    invitation = invite(plan, secretary, purpose=Invitation.Purpose.TAKE_PART)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
    invitation.refresh_from_db()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        actions.confirm_invitation(invitation, by=secretary, verified=[requirements[2]])
    # "both" and "participants" requirements apply; the leaders-only one does not
    assert error.value.messages == [
        "A key participant must meet every requirement; not verified: 1. Organización constituida"
    ]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert PlanRole.objects.filter(user__email="rosa@gob.example").count() == 0


def test_invitation_status_is_visible_to_the_secretariat(client, plan, secretary):
    invite(plan, secretary)
    client.force_login(secretary)
    response = client.get("/en" + reverse("participation:invitations", args=[plan.slug]))
    text = response.content.decode()
    assert "Rosa Pitti" in text
    assert ">Sent<" in text or "Sent" in text
    assert "Resend" in text and "Revoke" in text


# --- liaisons ----------------------------------------------------------------------------------


@pytest.fixture
def ministry(db):
    return OrganisationFactory(name_es="Ministerio de Salud", kind="public_institution")


@pytest.fixture
def liaison_step(plan):
    """The step during which institutions name liaisons, open: deadlines are judged."""
    return StepFactory(plan=plan, number=90, status="open", capabilities=["liaisons"])


def ask(plan, secretary, ministry, axis, due=None):
    return actions.request_liaison(
        plan,
        by=secretary,
        axis=axis,
        institution=ministry,
        head_name="Eduardo Pinzón",
        head_email="Ministro@Salud.example",
        due_on=due or timezone.localdate() + datetime.timedelta(days=7),
    )


def test_head_designates_a_liaison_from_the_link(
    client, plan, secretary, ministry, table, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(plan, secretary, ministry, table.axes.get())
    assert [m.to for m in mail.outbox] == [["ministro@salud.example"]]
    url = path_of(link_of(mail.outbox[0]))
    data = {"answer": "designate", "full_name": "Carmen Vergara", "email": "carmen@salud.example"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, "position": "Enlace"})
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == LiaisonRequest.Status.DESIGNATED
    liaison = request.liaison
    assert (liaison.full_name, liaison.email, liaison.organisation) == (
        "Carmen Vergara",
        "carmen@salud.example",
        ministry,
    )
    assert PlanRole.objects.filter(user=liaison, role=Role.LIAISON).count() == 1
    assert TableMember.objects.get(user=liaison).source == "liaison"
    assert mail.outbox[-1].to == ["carmen@salud.example"]  # account set-up link
    assert client.get(url).status_code == 410


def test_head_declines_with_a_reason(plan, secretary, ministry, table):
    request = ask(plan, secretary, ministry, table.axes.get())
    with pytest.raises(ValidationError):
        actions.respond_liaison_request(request.link_token, by=SYSTEM, designate=False)
    actions.respond_liaison_request(
        request.link_token, by=SYSTEM, designate=False, reason="Sin personal"
    )
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == ("declined", "Sin personal")


def test_overdue_requests_are_reminded_once_by_the_job(
    plan, secretary, ministry, table, liaison_step, django_capture_on_commit_callbacks
):
    overdue = ask(plan, secretary, ministry, table.axes.get(), due=D(2017, 6, 30))
    ask(plan, secretary, OrganisationFactory(kind="public_institution"), table.axes.get())
    assert overdue.is_overdue() is True
    assert "liaison-reminders" in [job.name for job in jobs()]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_liaison_reminders() == 1
    assert actions.send_liaison_reminders() == 0
    assert [m.to for m in mail.outbox] == [["ministro@salud.example"]]
    assert mail.outbox[0].subject.startswith("Recordatorio") or "Reminder" in mail.outbox[0].subject
    overdue.refresh_from_db()
    assert overdue.reminded_at is not None
    # The reminder carries a fresh link: the first one no longer works.
    with pytest.raises(PermissionDenied):
        actions.respond_liaison_request(overdue.link_token, by=SYSTEM, designate=False, reason="x")


def test_liaison_page_shows_pending_and_overdue(
    client, plan, secretary, ministry, table, liaison_step
):
    ask(plan, secretary, ministry, table.axes.get(), due=D(2017, 6, 30))
    client.force_login(secretary)
    text = client.get("/en" + reverse("participation:liaisons", args=[plan.slug])).content.decode()
    assert "Overdue" in text
    assert "Send reminder" in text


def test_nothing_is_overdue_once_the_liaisons_step_is_closed(
    client, plan, secretary, ministry, table, liaison_step, django_capture_on_commit_callbacks
):
    request = ask(plan, secretary, ministry, table.axes.get(), due=D(2017, 6, 30))
    plan_actions.close_step(liaison_step, by=secretary, on=D(2017, 7, 1))
    assert request.is_overdue() is False
    client.force_login(secretary)
    text = client.get("/en" + reverse("participation:liaisons", args=[plan.slug])).content.decode()
    assert "Overdue" not in text and "Send reminder" not in text
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_liaison_reminders() == 0
        # Reminding is a capability of the liaisons step: refused while it is closed.
        with pytest.raises(PermissionDenied):
            actions.remind_liaison(request, by=secretary)
    assert LiaisonRequest.objects.get().reminded_at is None


# --- role x action matrix ----------------------------------------------------------------------

ONLY_SECRETARY = {name: name in SECRETARIAT_POWERS for name in ALL_PERSONAS}
EVERYONE = dict.fromkeys(ALL_PERSONAS, True)


@pytest.fixture
def world(plan, people, table, requirements, ministry, liaison_step):
    secretary = people["secretary"]
    OpenCallFactory(plan=plan)
    sent = invite(plan, secretary, table, email="a@gob.example")
    accepted = invite(plan, secretary, table, email="b@gob.example")
    actions.respond_invitation(accepted.link_token, by=SYSTEM, accept=True)
    accepted.refresh_from_db()
    overdue = ask(plan, secretary, ministry, table.axes.get(), due=D(2017, 6, 30))
    region = RegionFactory()
    pending = actions.register(
        plan,
        by=SYSTEM,
        full_name="Lucía",
        email="lucia@example.net",
        sector="citizen",
        region_id=region.pk,
    )[0]
    confirmed = RegistrationFactory(plan=plan)
    return {
        "sent": sent,
        "accepted": accepted,
        "overdue": overdue,
        "pending": pending,
        "confirmed": confirmed,
        "requirement": requirements[0],
        "region": region,
        "table": table,
    }


ACTIONS = {
    "participation.manage_requirements": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.add_requirement(plan, by=user, text_es="Nuevo"),
    ),
    "participation.send_invitation": (
        ONLY_SECRETARY,
        lambda plan, w, user: invite(plan, user, email="c@gob.example"),
    ),
    "participation.resend_invitation": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.resend_invitation(w["sent"], by=user),
    ),
    "participation.revoke_invitation": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.revoke_invitation(w["sent"], by=user),
    ),
    "participation.confirm_invitation": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.confirm_invitation(
            w["accepted"], by=user, verified=list(plan.requirements.all())
        ),
    ),
    "participation.publish_call": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.publish_call(plan, by=user, title_es="Nueva"),
    ),
    "participation.request_liaison": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.request_liaison(
            plan,
            by=user,
            axis=w["table"].axes.get(),
            institution=OrganisationFactory(kind="public_institution"),
            head_name="X",
            head_email="x@gob.example",
            due_on=D(2030, 1, 1),
        ),
    ),
    "participation.remind_liaison": (
        ONLY_SECRETARY,
        lambda plan, w, user: actions.remind_liaison(w["overdue"], by=user),
    ),
    "participation.register_call": (
        EVERYONE,
        lambda plan, w, user: actions.register(
            plan,
            by=user,
            full_name="Otra",
            email="otra@example.net",
            sector="citizen",
            region_id=w["region"].pk,
        ),
    ),
    "participation.respond_invitation": (
        EVERYONE,
        lambda plan, w, user: actions.respond_invitation(
            w["sent"].link_token, by=user, accept=True
        ),
    ),
    "participation.confirm_registration": (
        EVERYONE,
        lambda plan, w, user: actions.confirm_registration(w["pending"].link_token, by=user),
    ),
    "participation.respond_liaison_request": (
        EVERYONE,
        lambda plan, w, user: actions.respond_liaison_request(
            w["overdue"].link_token, by=user, designate=False, reason="No"
        ),
    ),
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("perm", list(ACTIONS))
def test_action_matrix(perm, persona, plan, people, world):
    allowed_by, run = ACTIONS[perm]
    user = people[persona]
    allowed = allowed_by[persona]
    assert user.has_perm(perm, plan) is allowed
    logged = ActionLog.objects.count()
    if allowed:
        run(plan, world, user)
        assert ActionLog.objects.count() > logged
        if user.is_authenticated:
            assert ActionLog.objects.order_by("-id").first().actor == user
    else:
        with pytest.raises(PermissionDenied):
            run(plan, world, user)
        assert ActionLog.objects.count() == logged


def test_public_acts_need_the_right_link(plan, world):
    for act in (
        lambda: actions.respond_invitation("forged", by=SYSTEM, accept=True),
        lambda: actions.confirm_registration("forged", by=SYSTEM),
        lambda: actions.respond_liaison_request("forged", by=SYSTEM, designate=False, reason="x"),
        lambda: actions.download_data("forged", by=SYSTEM),
        lambda: actions.erase_registration("forged", by=SYSTEM),
    ):
        with pytest.raises(PermissionDenied):
            act()
    assert Registration.objects.filter(status="erased").count() == 0


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize(
    "name", ["participation:manage", "participation:invitations", "participation:liaisons"]
)
def test_workspace_pages_for_the_secretariat_only(client, plan, people, persona, name):
    if persona != "anonymous":
        client.force_login(people[persona])
    response = client.get(reverse(name, args=[plan.slug]))
    expected = {"secretary": 200, "superuser": 200, "anonymous": 302}.get(persona, 403)
    assert response.status_code == expected


def test_requirements_are_listed_per_plan(plan, secretary, requirements):
    assert list(Requirement.objects.filter(plan=plan).values_list("number", "applies_to")) == [
        (1, "both"),
        (2, "leaders"),
        (3, "participants"),
    ]


def test_new_account_chooses_its_password_from_the_welcome_link(
    client, plan, secretary, django_capture_on_commit_callbacks
):
    invitation = invite(plan, secretary, purpose=Invitation.Purpose.TAKE_PART)
    actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
    invitation.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user = actions.confirm_invitation(invitation, by=secretary).user
    [welcome] = mail.outbox
    assert welcome.to == [user.email]
    first = client.get(path_of(link_of(welcome)))
    assert first.status_code == 302
    form_url = first["Location"]
    assert client.get(form_url).status_code == 200
    password = "a-long-new-pass-2017"
    done = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(password) is True


@pytest.mark.parametrize("name", ["participation:invitations", "participation:liaisons"])
def test_list_pages_queries_do_not_grow(
    client, plan, secretary, table, name, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n, start):
        for i in range(start, start + n):
            invitation = invite(plan, secretary, table, email=f"p{i}@gob.example")
            if i % 2:
                actions.respond_invitation(invitation.link_token, by=SYSTEM, accept=True)
            ask(plan, secretary, OrganisationFactory(kind="public_institution"), table.axes.get())

    client.force_login(secretary)
    url = reverse(name, args=[plan.slug])
    add(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(20, 2)
    with django_assert_max_num_queries(len(few)):
        assert client.get(url).status_code == 200
