"""The open call (window, double opt-in, consent, data rights, abuse) and its registrations."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.participation import actions, queries
from cocrea.participation.models import (
    ConsentRecord,
    Registration,
    Sector,
)
from cocrea.plans.actions import close_step, open_step

from .factories import AxisFactory, RegionFactory
from .factories_participation import OpenCallFactory, RegistrationFactory


@pytest.fixture
def call(plan):
    return OpenCallFactory(plan=plan)


@pytest.fixture
def axes(plan):
    return [AxisFactory(plan=plan, number=1), AxisFactory(plan=plan, number=2)]


@pytest.fixture
def region(db):
    return RegionFactory(code="CH", name="Chiriquí", is_capital=False)


def form_data(region, axes, **extra):
    data = {
        "full_name": "Lucía Pérez",
        "email": "Lucia@Example.net",
        "phone": "6555-0101",
        "organisation_name": "",
        "sector": Sector.CITIZEN,
        "region": region.pk,
        "axes": [axes[1].pk],
        "heard_from": "social",
        "accessibility": "Rampa de acceso",
        "consent": "on",
        "website": "",
    }
    data.update(extra)
    return data


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def register(plan, region, axes, **fields):
    data = {
        "full_name": "Lucía Pérez",
        "email": "lucia@example.net",
        "phone": "6555-0101",
        "organisation_name": "",
        "sector": Sector.CITIZEN,
        "region_id": region.pk,
        "heard_from": "social",
        "accessibility": "",
    }
    data.update(fields)
    return actions.register(plan, by=SYSTEM, axes=[axes[0]], **data)


# --- the window of the call --------------------------------------------------------------------


def test_before_its_step_opens_the_form_says_it_is_not_open_yet(client, plan):
    call = OpenCallFactory(plan=plan, step_status="pending")
    response = client.get(reverse("participation:call", args=[plan.slug]).replace("/", "/en/", 1))
    text = response.content.decode()
    assert call.window() == "before"
    assert "The call is not open yet: you can register once its step opens." in text
    assert "planned from 17 April 2017 to 19 May 2017." in text
    assert 'id="call-form"' not in text


@pytest.mark.parametrize("step_status", ["closed", "pending", False])
def test_open_call_refuses_while_its_step_is_not_open_whatever_its_dates(
    step_status, client, plan, region, axes
):
    # Its own dates say open (yesterday to in ten days); no step enabling the call is open.
    call = OpenCallFactory(plan=plan, step_status=step_status)
    assert call.opens_at < timezone.now() < call.closes_at
    url = "/en" + reverse("participation:call", args=[plan.slug])
    response = client.post(url, form_data(region, axes))
    assert response.status_code == 200
    assert 'id="call-form"' not in response.content.decode()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        register(plan, region, axes)
    assert refused.value.messages == ["The open call is not accepting registrations."]
    assert Registration.objects.count() == 0


def test_after_its_step_closes_the_form_says_it_closed(client, plan, region, axes):
    OpenCallFactory(plan=plan, step_status="open")
    step = plan.steps.get()
    step.actual_start = datetime.date(2017, 4, 17)
    step.save()
    close_step(step, by=SYSTEM, on=datetime.date(2017, 5, 19))
    url = "/en" + reverse("participation:call", args=[plan.slug])
    text = client.get(url).content.decode()
    assert "The call is closed: registrations are no longer accepted." in text
    assert "Opened on 17 April 2017. Closed on 19 May 2017." in text
    assert 'id="call-form"' not in text


def test_open_call_opens_with_its_step_whatever_its_dates(client, plan, region, axes):
    call = OpenCallFactory(
        plan=plan,
        step_status="pending",
        opens_at=timezone.make_aware(datetime.datetime(2017, 4, 17, 8)),
        closes_at=timezone.make_aware(datetime.datetime(2017, 5, 19, 17)),
    )
    open_step(plan.steps.get(), by=SYSTEM, on=datetime.date(2017, 4, 17))
    assert call.window() == "open"
    registration, created = register(plan, region, axes)
    assert (created, registration.status) == (True, Registration.Status.UNCONFIRMED)


def test_unpublished_call_is_not_shown(client, plan, call):
    call.published = False
    call.save()
    text = client.get("/en" + reverse("participation:call", args=[plan.slug])).content.decode()
    assert "The open call for participation has not been published yet." in text


def test_open_call_shows_form_and_privacy_notice_side_by_side(client, plan, call, axes):
    text = client.get("/en" + reverse("participation:call", args=[plan.slug])).content.decode()
    assert 'id="call-form"' in text
    assert 'id="privacy"' in text
    assert "Panama&#x27;s Law 81 of 2019 on personal data." in text
    assert "Notice version 1, published" in text
    assert "Radio, Social media" in text


# --- double opt-in, over real SMTP -------------------------------------------------------------


def test_registration_counts_only_after_the_email_link(
    client, plan, call, region, axes, smtp_server, django_capture_on_commit_callbacks
):
    url = "/en" + reverse("participation:call", args=[plan.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(region, axes))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.email == "lucia@example.net"
    assert registration.status == Registration.Status.UNCONFIRMED
    assert list(queries.active_registrations(plan)) == []
    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message["X-Envelope-To"] == "lucia@example.net"
    assert message["Subject"] == "Confirm your registration"
    [link] = links_in(message.get_body(("plain",)).get_content())
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert registration.confirm_token_hash != token  # only the hash is stored
    assert token not in json.dumps(list(Registration.objects.values()), default=str)

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED  # GET: no change
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path_of(link))
    assert confirmed.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert list(queries.active_registrations(plan)) == [registration]
    assert [a.number for a in registration.axes.all()] == [2]
    # The second mail carries the link to the person's data; the confirm link is spent.
    assert len(smtp_server) == 2
    assert smtp_server[1]["Subject"] == "Your data in the open call"
    assert client.post(path_of(link)).status_code == 410


def test_confirm_link_expires(plan, call, region, axes):
    registration, _created = register(plan, region, axes)
    Registration.objects.filter(pk=registration.pk).update(
        confirm_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(PermissionDenied):
        actions.confirm_registration(registration.link_token, by=SYSTEM)


def test_same_email_again_updates_the_unconfirmed_registration(plan, call, region, axes):
    first, created = register(plan, region, axes)
    second, created_again = register(plan, region, axes, full_name="Lucía Pérez Ríos")
    assert (created, created_again) == (True, False)
    assert first.pk == second.pk
    assert Registration.objects.get().full_name == "Lucía Pérez Ríos"
    assert ConsentRecord.objects.filter(registration=first).count() == 2
    with pytest.raises(PermissionDenied):  # the first link was replaced
        actions.confirm_registration(first.link_token, by=SYSTEM)
    actions.confirm_registration(second.link_token, by=SYSTEM)
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_update_of_a_confirmed_registration_waits_for_its_own_link(plan, call, region, axes):
    first, _ = register(plan, region, axes)
    actions.confirm_registration(first.link_token, by=SYSTEM)
    update, _ = register(plan, region, axes, phone="6999-0000")
    stored = Registration.objects.get()
    assert stored.status == Registration.Status.CONFIRMED  # still counts
    assert stored.phone == "6555-0101"  # not changed by someone who only knows the address
    actions.confirm_registration(update.link_token, by=SYSTEM)
    assert Registration.objects.get().phone == "6999-0000"


def test_consent_record_stores_notice_version_time_and_purposes(plan, call, region, axes):
    before = timezone.now()
    registration, _ = register(plan, region, axes)
    consent = ConsentRecord.objects.get(registration=registration)
    assert (consent.plan, consent.notice, consent.notice_version) == (
        plan,
        plan.privacy_notices.get(version=1),
        "1",
    )
    assert consent.purposes == ["contact", "statistics", "tables"]
    assert before <= consent.given_at <= timezone.now()
    assert consent.revoked_at is None


def test_form_requires_consent(client, plan, call, region, axes):
    url = "/en" + reverse("participation:call", args=[plan.slug])
    response = client.post(url, form_data(region, axes, consent=""))
    assert response.status_code == 200
    assert Registration.objects.count() == 0


# --- data rights -------------------------------------------------------------------------------


@pytest.fixture
def confirmed(plan, call, region, axes):
    registration, _ = register(plan, region, axes)
    registration, manage = actions.confirm_registration(registration.link_token, by=SYSTEM)
    return registration, manage


def test_person_downloads_their_data_as_json(client, confirmed, plan, axes):
    registration, token = confirmed
    response = client.post(reverse("participation:my_data_download", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    data = json.loads(response.content)
    assert data["email"] == "lucia@example.net"
    assert data["phone"] == "6555-0101"
    assert data["province"] == "Chiriquí"
    assert data["axes"] == [str(axes[0])]
    assert data["status"] == "confirmed"
    assert [(c["plan"], c["notice_version"]) for c in data["consents"]] == [(plan.slug, "1")]
    assert ActionLog.objects.filter(verb="participation.download_data").count() == 1


def test_person_corrects_their_data(client, confirmed, region, axes):
    registration, token = confirmed
    url = "/en" + reverse("participation:my_data", args=[token])
    data = form_data(region, axes, full_name="Lucía M. Pérez", phone="", consent="")
    data.pop("email")
    response = client.post(url, data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.full_name, registration.phone) == ("Lucía M. Pérez", "")
    assert registration.email == "lucia@example.net"
    log = ActionLog.objects.get(verb="participation.correct_registration")
    assert log.data == {"fields": ["full_name", "phone", "accessibility", "axes"]}
    assert log.public is False


def test_person_revokes_consent_and_drops_out_of_lists(client, confirmed, plan, secretary):
    registration, token = confirmed
    client.post(reverse("participation:my_data_revoke", args=[token]))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    assert ConsentRecord.objects.get(registration=registration).revoked_at is not None
    assert list(queries.active_registrations(plan)) == []


def test_erasure_keeps_only_anonymous_counts(client, confirmed, plan, region):
    registration, token = confirmed
    response = client.post("/en" + reverse("participation:my_data_erase", args=[token]))
    assert "Your data has been erased" in response.content.decode()
    stored = Registration.objects.get(pk=registration.pk)
    assert [
        stored.full_name,
        stored.email,
        stored.phone,
        stored.organisation_name,
        stored.accessibility,
        stored.heard_from,
    ] == ["", "", "", "", "", ""]
    assert stored.status == Registration.Status.ERASED
    assert (stored.sector, stored.region_id) == (Sector.CITIZEN, region.pk)
    assert ConsentRecord.objects.count() == 0
    assert queries.registration_counts(plan) == {"erased": 1}
    # The link is spent: nothing more can be read with it.
    assert client.get(reverse("participation:my_data", args=[token])).status_code == 410
    assert "lucia@example.net" not in json.dumps(
        list(ActionLog.objects.values("description", "data", "target_repr")), default=str
    )


def test_erased_person_may_register_again(plan, call, region, axes, confirmed):
    _registration, token = confirmed
    actions.erase_registration(token, by=SYSTEM)
    again, created = register(plan, region, axes)
    assert created is True
    assert Registration.objects.count() == 2


def test_new_data_link_is_sent_only_to_a_registered_address(
    client, confirmed, plan, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    url = "/en" + reverse("participation:data_link", args=[plan.slug])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"email": "nobody@example.net"}).status_code == 302
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"email": "LUCIA@example.net"}).status_code == 302
    assert [m.to for m in mail.outbox] == [["lucia@example.net"]]
    [link] = links_in(mail.outbox[0].body)
    assert client.get(path_of(link)).status_code == 200


# --- abuse -------------------------------------------------------------------------------------


def test_honeypot_stores_and_sends_nothing(client, plan, call, region, axes):
    mail.outbox.clear()
    url = "/en" + reverse("participation:call", args=[plan.slug])
    response = client.post(url, form_data(region, axes, website="http://spam.example"))
    assert response.status_code == 302
    assert Registration.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.cache
def test_rate_limit_per_email_says_so_clearly(client, plan, call, region, axes, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_EMAIL = 2
    url = "/en" + reverse("participation:call", args=[plan.slug])
    codes = [client.post(url, form_data(region, axes)).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    with translation.override("en"):
        text = client.post(url, form_data(region, axes)).content.decode()
    assert "Too many attempts from this connection or for this e-mail address." in text
    # Another address from the same connection still passes (per-IP limit is 10).
    assert client.post(url, form_data(region, axes, email="otra@example.net")).status_code == 302


@pytest.mark.cache
def test_rate_limit_per_ip(client, plan, call, region, axes, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_IP = 3
    url = "/en" + reverse("participation:call", args=[plan.slug])
    codes = [
        client.post(url, form_data(region, axes, email=f"p{i}@example.net")).status_code
        for i in range(4)
    ]
    assert codes == [302, 302, 302, 429]
    assert Registration.objects.count() == 3


# --- the secretariat's list and export -----------------------------------------------------------


@pytest.fixture
def registrations(plan, region, axes):
    capital = RegionFactory(code="PA", name="Panamá", is_capital=True)
    made = [
        RegistrationFactory(plan=plan, full_name="Ana", email="ana@x.net", region=capital),
        RegistrationFactory(
            plan=plan, full_name="Beto", email="beto@x.net", region=region, sector="academia"
        ),
        RegistrationFactory(plan=plan, full_name="Ciro", email="ciro@x.net", status="withdrawn"),
        RegistrationFactory(plan=plan, full_name="", email="", phone="", status="erased"),
        RegistrationFactory(plan=plan, full_name="Dora", email="dora@x.net", status="unconfirmed"),
    ]
    made[0].axes.set([axes[0]])
    made[1].axes.set([axes[0], axes[1]])
    return made


def test_csv_export_excludes_revoked_erased_and_unconfirmed(client, secretary, plan, registrations):
    client.force_login(secretary)
    response = client.get(reverse("participation:registrations_csv", args=[plan.slug]))
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:3] == ["full_name", "email", "phone"]
    assert [line.split(",")[1] for line in lines[1:]] == ["ana@x.net", "beto@x.net"]


def test_registration_filters(client, secretary, plan, registrations, region, axes):
    client.force_login(secretary)
    url = reverse("participation:registrations_csv", args=[plan.slug])
    by_region = client.get(url, {"region": region.pk}).content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in by_region[1:]] == ["Beto"]
    by_axis = client.get(url, {"axis": axes[1].pk}).content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in by_axis[1:]] == ["Beto"]
    by_sector = client.get(url, {"sector": "civil_society"}).content.decode("utf-8-sig")
    assert [line.split(",")[0] for line in by_sector.splitlines()[1:]] == ["Ana"]


def test_registration_list_queries_do_not_grow(
    client, secretary, plan, region, axes, django_assert_max_num_queries
):
    client.force_login(secretary)
    url = reverse("participation:registrations", args=[plan.slug])
    for _i in range(3):
        RegistrationFactory(plan=plan, region=region).axes.set(axes)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    expected = len(few)  # counted now: the connection's query log is a bounded deque
    for _i in range(30):
        RegistrationFactory(plan=plan, region=region).axes.set(axes)
    client.get(url)  # the new rows changed the site's revision: the plan's languages are re-read
    with django_assert_max_num_queries(expected):
        response = client.get(url)
    assert response.context["page"].paginator.count == 33


@pytest.mark.parametrize("persona", ["commissioner", "leader", "participant", "citizen"])
def test_registrations_are_for_the_secretariat_only(client, people, plan, persona):
    client.force_login(people[persona])
    assert client.get(reverse("participation:registrations", args=[plan.slug])).status_code == 403
    csv_url = reverse("participation:registrations_csv", args=[plan.slug])
    assert client.get(csv_url).status_code == 403


def test_person_with_an_account_reaches_their_data_without_a_mail(client, confirmed, plan):
    from .factories import UserFactory

    user = UserFactory(username="lucia", email="Lucia@example.net")
    client.force_login(user)
    page = client.get("/en" + reverse("participation:data_link", args=[plan.slug]))
    assert "Open the registration of my account" in page.content.decode()
    response = client.post(reverse("participation:my_data_from_account", args=[plan.slug]))
    assert response.status_code == 302
    assert "/call/my-data/" in response["Location"]
    assert client.get(response["Location"]).context["registration"].email == "lucia@example.net"
    other = UserFactory(username="nadie", email="nadie@example.net")
    client.force_login(other)
    response = client.post(reverse("participation:my_data_from_account", args=[plan.slug]))
    assert response["Location"] == reverse("participation:data_link", args=[plan.slug])


def _seat(plan, axes, registration, secretary):
    from cocrea.tables.models import WorkingTable

    table = WorkingTable.objects.create(plan=plan, number=1, name_es="Mesa 1")
    table.axes.set([axes[0]])
    return actions.add_registrant(table, registration, by=secretary)


def test_erasure_also_closes_the_account_made_for_the_seat(confirmed, plan, axes, people):
    from django.contrib.auth import get_user_model

    from cocrea.tables.models import TableMember

    registration, token = confirmed
    member = _seat(plan, axes, registration, people["secretary"])
    account_pk = member.user_id
    actions.erase_registration(token, by=SYSTEM)
    account = get_user_model().objects.get(pk=account_pk)
    assert (account.username, account.email, account.full_name, account.is_active) == (
        f"erased-{account_pk}",
        "",
        "",
        False,
    )
    assert TableMember.objects.filter(user=account).count() == 0
    assert account.plan_roles.count() == 0


def test_erasure_leaves_an_account_the_person_uses(confirmed, plan, axes, people):
    from django.contrib.auth import get_user_model

    registration, token = confirmed
    member = _seat(plan, axes, registration, people["secretary"])
    get_user_model().objects.filter(pk=member.user_id).update(last_login=timezone.now())
    actions.erase_registration(token, by=SYSTEM)
    account = get_user_model().objects.get(pk=member.user_id)
    assert (account.email, account.is_active) == ("lucia@example.net", True)
