"""Logging in: with the user name or the e-mail address; throttled by django-axes per user name and
address, on the site's login and the admin's; the secretariat lifts a lockout, logged."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from cocrea.core.models import ActionLog

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import UserFactory

PASSWORD = "secret-pass-123"  # the factories' password
LOGIN = "/en/accounts/login/"
ATTACKER = "203.0.113.9"
OFFICER_DESK = "198.51.100.7"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


@pytest.fixture
def officer(db):
    return UserFactory(username="officer", email="Officer@Gob.pa", is_staff=True)


def log_in(client, username, password, *, address=ATTACKER, url=LOGIN):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in_as(client):
    return client.get(reverse("workspace:home")).wsgi_request.user.username or None


def test_login_with_the_email_address_in_any_case(client, officer):
    response = log_in(client, "officer@GOB.PA", PASSWORD)
    assert response.status_code == 302
    assert logged_in_as(client) == "officer"


def test_login_with_the_user_name_still_works(client, officer):
    assert log_in(client, "officer", PASSWORD).status_code == 302
    assert logged_in_as(client) == "officer"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (LOGIN, "Please enter a correct username and password."),
        ("/accounts/login/", "Por favor, introduzca un nombre de usuario y clave correctos."),
    ],
)
def test_a_wrong_password_shows_one_error(client, officer, url, message):
    response = log_in(client, "officer", "wrong", url=url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(message) == 1
    assert html.count('role="alert"') == 1


def test_thirty_wrong_passwords_then_the_right_one_do_not_log_in(client, officer, axes_on):
    statuses = [log_in(client, "officer", f"guess-{n}").status_code for n in range(30)]
    assert statuses == [200] * 4 + [429] * 26
    response = log_in(client, "officer", PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed log-in attempts" in text
    assert "blocked for 15 minutes after 5 wrong passwords" in text
    assert logged_in_as(client) is None


def test_the_lockout_page_speaks_spanish(client, officer, axes_on):
    for n in range(5):
        log_in(client, "officer", f"guess-{n}", url="/accounts/login/")
    response = log_in(client, "officer", PASSWORD, url="/accounts/login/")
    assert response.status_code == 429
    assert "Demasiados intentos fallidos" in response.content.decode()


def test_the_admin_login_is_locked_out_too(client, officer, axes_on):
    officer.is_superuser = True
    officer.save()
    for n in range(5):
        log_in(client, "officer", f"guess-{n}", url="/admin/login/")
    response = log_in(client, "officer", PASSWORD, url="/admin/login/?next=/admin/")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still the login page


def test_a_lockout_from_elsewhere_does_not_lock_the_officer_out(client, officer, axes_on):
    for n in range(30):
        log_in(client, "officer", f"guess-{n}", address=ATTACKER)
    assert log_in(client, "officer", PASSWORD, address=OFFICER_DESK).status_code == 302
    assert logged_in_as(client) == "officer"


def test_the_email_and_the_user_name_count_against_one_lock(client, officer, axes_on):
    for n in range(3):
        log_in(client, "officer", f"guess-{n}")
    for n in range(2):
        log_in(client, "OFFICER@gob.pa", f"again-{n}")
    assert log_in(client, "officer@gob.pa", PASSWORD).status_code == 429
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
        ("officer", 5)
    ]


def test_the_lock_ends_after_the_cool_off(client, officer, axes_on):
    for n in range(5):
        log_in(client, "officer", f"guess-{n}")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16)
    )
    assert log_in(client, "officer", PASSWORD).status_code == 302


def test_the_secretariat_unlocks_a_login_and_it_is_logged(client, officer, people, axes_on):
    for n in range(5):
        log_in(client, "officer", f"guess-{n}")
    attempt = AccessAttempt.objects.get()
    client.force_login(people["secretary"])
    page = client.get(reverse("accounts:lockouts")).content.decode()
    assert ATTACKER in page and "Unlock officer" in page
    response = client.post(reverse("accounts:unlock", args=[attempt.pk]))
    assert response.status_code == 302
    assert AccessAttempt.objects.count() == 0
    entry = ActionLog.objects.get(verb="accounts.unlock_login")
    assert (entry.actor, entry.public, entry.data) == (
        people["secretary"],
        False,
        {"username": "officer", "ip_address": ATTACKER, "failures": 5},
    )
    client.logout()
    assert log_in(client, "officer", PASSWORD).status_code == 302


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_sees_and_lifts_lockouts(client, officer, people, persona, axes_on):
    for n in range(5):
        log_in(client, "officer", f"guess-{n}")
    attempt = AccessAttempt.objects.get()
    if persona != "anonymous":
        client.force_login(people[persona])
    listing = client.get(reverse("accounts:lockouts"))
    unlock = client.post(reverse("accounts:unlock", args=[attempt.pk]))
    if persona == "anonymous":
        assert (listing.status_code, unlock.status_code) == (302, 302)
        assert AccessAttempt.objects.count() == 1
    elif persona in SECRETARIAT_POWERS:
        assert (listing.status_code, unlock.status_code) == (200, 302)
        assert AccessAttempt.objects.count() == 0
    else:
        assert (listing.status_code, unlock.status_code) == (403, 403)
        assert AccessAttempt.objects.count() == 1
        assert not ActionLog.objects.filter(verb="accounts.unlock_login").exists()


@pytest.mark.parametrize(("persona", "shown"), [("secretary", True), ("leader", False)])
def test_the_workspace_links_the_lockouts_for_the_secretariat(client, plan, people, persona, shown):
    client.force_login(people[persona])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert (f'href="{reverse("accounts:lockouts")}"' in html) is shown
