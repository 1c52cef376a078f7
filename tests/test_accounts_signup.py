"""Self-service sign-up (an inactive account, activated by an e-mailed link), what a second
sign-up with the same address reveals (nothing), the rate limits, and the password reset."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cocrea.accounts import actions
from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog

from .factories import UserFactory

User = get_user_model()
SIGNUP = "/en/accounts/signup/"
PASSWORD = "mangrove-heron-1903"


def form(**extra):
    data = {
        "full_name": "Lucía Pérez",
        "email": "Lucia@Example.net",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_privacy": "on",
    }
    data.update(extra)
    return data


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.fixture
def sign_up(db, client, django_capture_on_commit_callbacks):
    """POST the sign-up form in English, running the after-commit mail."""

    def post(url=SIGNUP, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, form(**extra))

    return post


# --- sign-up and its link ----------------------------------------------------------------------


def test_sign_up_creates_an_inactive_account_and_mails_one_link(db, sign_up, smtp_server):
    response = sign_up()
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/signup/sent/"
    user = User.objects.get()
    assert (user.username, user.email, user.full_name) == (
        "lucia",
        "lucia@example.net",
        "Lucía Pérez",
    )
    assert (user.is_active, user.preferred_language, user.last_login) == (False, "en", None)
    assert user.check_password(PASSWORD)
    entry = ActionLog.objects.get()
    assert (entry.verb, entry.target, entry.public, entry.actor) == (
        "accounts.sign_up",
        user,
        False,
        None,
    )
    # No plan, no notice: the sign-up records that it was shown none.
    assert entry.data == {"privacy_notice": None, "language": "en"}
    [message] = smtp_server
    assert message["X-Envelope-To"] == "lucia@example.net"
    assert message["Subject"] == "Activate your account"
    body = message.get_body(("plain",)).get_content()
    assert "Dear Lucía Pérez," in body
    assert 'Your user name is "lucia".' in body
    [link] = links_in(body)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    assert link.startswith(f"http://127.0.0.1:8000/en/accounts/confirm/{uid}/")


def test_an_inactive_account_cannot_log_in_before_its_link_is_followed(client, sign_up):
    sign_up()
    response = client.post("/en/accounts/login/", {"username": "lucia", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_following_the_link_activates_the_account_and_logs_in(client, sign_up):
    sign_up()
    user = User.objects.get()
    [link] = links_in(mail.outbox[0].body)
    # Opening the link (as a mail scanner does) changes nothing: a button does.
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Activate my account and log in" in page.content.decode()
    user.refresh_from_db()
    assert user.is_active is False
    response = client.post(path_of(link), follow=True)
    assert response.redirect_chain == [("/en/", 302)]
    assert (
        "Your account is active and you are logged in. Your user name is lucia."
        in response.content.decode()
    )
    user.refresh_from_db()
    assert user.is_active is True
    assert client.session["_auth_user_id"] == str(user.pk)
    entry = ActionLog.objects.get(verb="accounts.confirm_account")
    assert (entry.actor, entry.target, entry.public) == (user, user, False)


def test_the_link_leads_back_to_the_page_the_person_came_from(client, sign_up):
    sign_up(url=SIGNUP + "?next=/en/plans/panama/proposals/3/")
    [link] = links_in(mail.outbox[0].body)
    assert link.endswith("?next=%2Fen%2Fplans%2Fpanama%2Fproposals%2F3%2F")
    response = client.post(path_of(link))
    assert response["Location"] == "/en/plans/panama/proposals/3/"


def test_a_next_address_on_another_site_is_ignored(client, sign_up):
    sign_up(url=SIGNUP + "?next=https://evil.example/")
    [link] = links_in(mail.outbox[0].body)
    assert "next" not in link
    response = client.post(path_of(link) + "?next=//evil.example/")
    assert response["Location"] == "/en/"


def test_a_used_link_no_longer_works(client, sign_up):
    sign_up()
    [link] = links_in(mail.outbox[0].body)
    assert client.post(path_of(link)).status_code == 302
    client.logout()
    for response in (client.get(path_of(link)), client.post(path_of(link))):
        assert response.status_code == 410
        assert "This link no longer works" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert ActionLog.objects.filter(verb="accounts.confirm_account").count() == 1


def test_a_forged_link_does_not_work(client, sign_up):
    sign_up()
    user = User.objects.get()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    other_uid = urlsafe_base64_encode(force_bytes(user.pk + 1))
    [link] = links_in(mail.outbox[0].body)
    token = path_of(link).rstrip("/").rsplit("/", 1)[1]
    for path in (
        f"/en/accounts/confirm/{uid}/{token[:-1]}x/",
        f"/en/accounts/confirm/{other_uid}/{token}/",
        f"/en/accounts/confirm/not-base64/{token}/",
    ):
        assert client.post(path).status_code == 410
    user.refresh_from_db()
    assert user.is_active is False
    assert "_auth_user_id" not in client.session


def test_a_link_never_reactivates_an_account_staff_deactivated(client, db):
    # A valid token of Django's generator for an account that was never signed up.
    user = UserFactory(username="ana", is_active=False)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    assert client.post(f"/en/accounts/confirm/{uid}/{token}/").status_code == 410
    user.refresh_from_db()
    assert user.is_active is False


def test_a_taken_user_name_gets_a_suffix(db, sign_up):
    UserFactory(username="lucia", email="other@example.org")
    sign_up()
    user = User.objects.get(email="lucia@example.net")
    assert re.fullmatch(r"lucia-[0-9a-f]{4}", user.username)


# --- an address that already has an account ----------------------------------------------------


def test_signing_up_with_a_known_address_reveals_nothing_and_creates_nothing(client, sign_up):
    owner = UserFactory(username="lperez", email="lucia@example.net", full_name="Lucía P.")
    response = sign_up(full_name="Someone Else")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/signup/sent/"
    assert list(User.objects.values_list("pk", flat=True)) == [owner.pk]
    owner.refresh_from_db()
    assert (owner.full_name, owner.check_password("secret-pass-123")) == ("Lucía P.", True)
    assert ActionLog.objects.count() == 0
    [message] = mail.outbox
    assert (message.to, message.subject) == (["lucia@example.net"], "You already have an account")
    assert 'Your user name is "lperez".' in message.body
    assert links_in(message.body) == [
        "http://127.0.0.1:8000/en/accounts/login/",
        "http://127.0.0.1:8000/en/accounts/password/reset/",
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Check your e-mail" in page


def test_the_owner_of_a_known_address_gets_the_mail_in_their_language(sign_up):
    UserFactory(username="lperez", email="lucia@example.net", preferred_language="es")
    sign_up()
    assert links_in(mail.outbox[0].body) == [
        "http://127.0.0.1:8000/accounts/login/",
        "http://127.0.0.1:8000/accounts/password/reset/",
    ]


def test_signing_up_again_before_activating_sends_a_new_link(client, sign_up):
    sign_up()
    sign_up(full_name="Lucía Other", password1="another-pass-9911", password2="another-pass-9911")
    user = User.objects.get()
    assert (user.full_name, user.check_password(PASSWORD)) == ("Lucía Pérez", True)
    first, second = mail.outbox
    assert second.subject == "You already have an account"
    assert "Your account is not active yet." in second.body
    [link] = links_in(second.body)
    assert client.post(path_of(link)).status_code == 302
    user.refresh_from_db()
    assert user.is_active is True


# --- the form ----------------------------------------------------------------------------------


def test_mismatched_passwords_show_an_error_and_keep_name_and_email(client, db):
    response = client.post(SIGNUP, form(password2="mangrove-heron-1904"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "The two password fields didn’t match." in text
    assert 'value="Lucía Pérez"' in text
    assert 'value="Lucia@Example.net"' in text
    assert PASSWORD not in text
    assert (User.objects.count(), len(mail.outbox)) == (0, 0)


def test_weak_passwords_are_refused_by_djangos_validators(client, db):
    for password, error in (
        ("12345678", "This password is too common."),
        ("x7!q", "This password is too short. It must contain at least 8 characters."),
        ("lucia@example.net", "The password is too similar to the e-mail address."),
    ):
        response = client.post(SIGNUP, form(password1=password, password2=password))
        text = response.content.decode()
        assert response.status_code == 200
        assert error in text
        assert 'value="Lucía Pérez"' in text
    assert (User.objects.count(), len(mail.outbox)) == (0, 0)


def test_the_privacy_notice_must_be_accepted(client, db):
    data = form()
    del data["accept_privacy"]
    response = client.post(SIGNUP, data)
    assert "You need to accept the privacy notice to sign up." in response.content.decode()
    assert User.objects.count() == 0


def test_the_form_says_the_name_is_public_and_links_the_privacy_notice(client, plan):
    text = client.get(SIGNUP).content.decode()
    assert "Shown publicly next to your comments." in text
    assert f'href="/en/plans/{plan.slug}/call/privacy/"' in text


def test_without_a_plan_the_form_links_no_privacy_notice(client, db):
    # The address comes from participation through accounts/hooks.py: none without a plan.
    text = client.get(SIGNUP).content.decode()
    assert "Read the privacy notice" not in text
    assert "/call/privacy/" not in text


def test_the_apps_above_accounts_registered_their_answers_once():
    from cocrea.accounts import hooks
    from cocrea.participation.queries import privacy_notice_url
    from cocrea.plans.queries import is_secretariat_anywhere

    assert hooks._lockout_managers == [is_secretariat_anywhere]
    assert hooks._privacy_notice_urls == [privacy_notice_url]


def test_a_logged_in_person_is_sent_to_the_workspace(client, people):
    client.force_login(people["citizen"])
    response = client.get(SIGNUP)
    assert response["Location"] == "/en/workspace/"


def test_only_people_without_an_account_may_sign_up(people):
    assert people["anonymous"].has_perm("accounts.sign_up") is True
    assert people["citizen"].has_perm("accounts.sign_up") is False
    with pytest.raises(PermissionDenied):
        actions.sign_up(
            by=people["citizen"],
            full_name="X",
            email="x@example.org",
            password=PASSWORD,
            language="en",
        )
    assert (
        actions.sign_up(
            by=SYSTEM, full_name="X", email="x@example.org", password=PASSWORD, language="es"
        ).is_active
        is False
    )


# --- rate limits -------------------------------------------------------------------------------


def test_sign_ups_for_one_address_are_refused_after_the_limit(settings, sign_up):
    settings.ACCOUNTS_RATE_LIMIT_PER_EMAIL = 2
    assert sign_up().status_code == 302
    assert sign_up().status_code == 302
    response = sign_up()
    assert response.status_code == 429
    assert "Too many attempts from this connection" in response.content.decode()
    assert (User.objects.count(), len(mail.outbox)) == (1, 2)


def test_sign_ups_from_one_connection_are_refused_after_the_limit(settings, sign_up):
    settings.ACCOUNTS_RATE_LIMIT_PER_IP = 2
    assert sign_up(email="a@example.net").status_code == 302
    assert sign_up(email="b@example.net").status_code == 302
    assert sign_up(email="c@example.net").status_code == 429
    assert sorted(User.objects.values_list("email", flat=True)) == [
        "a@example.net",
        "b@example.net",
    ]


def test_invalid_forms_do_not_count_towards_the_limit(settings, client, sign_up):
    settings.ACCOUNTS_RATE_LIMIT_PER_EMAIL = 1
    client.post(SIGNUP, form(password2="typo"))
    client.post(SIGNUP, form(password2="typo"))
    assert sign_up().status_code == 302


# --- password reset ----------------------------------------------------------------------------


def test_the_login_page_links_to_password_reset_and_sign_up(client, db):
    text = client.get("/en/accounts/login/?next=/en/plans/x/").content.decode()
    assert '<a href="/en/accounts/password/reset/">Forgot your password?</a>' in text
    assert '<a href="/en/accounts/signup/?next=/en/plans/x/">Create an account</a>' in text


def test_the_header_offers_sign_up_next_to_log_in(client, plan):
    text = client.get("/en/").content.decode()
    log_in = '<a href="/en/accounts/login/">Log in</a>'
    sign_up = '<a href="/en/accounts/signup/">Sign up</a>'
    assert f"{log_in}\n        {sign_up}" in text


def test_password_reset_mails_a_link_that_sets_a_new_password(
    client, db, django_capture_on_commit_callbacks
):
    user = UserFactory(username="ana", email="ana@example.org", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "ANA@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    [message] = mail.outbox
    assert (message.to, message.subject) == (["ana@example.org"], "Choose a new password")
    assert 'Your user name is "ana".' in message.body
    [link] = links_in(message.body)
    assert link.startswith("http://127.0.0.1:8000/en/accounts/password/reset/")
    form_page = client.get(path_of(link), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    assert set_password_url.endswith("/set-password/")
    response = client.post(
        set_password_url, {"new_password1": "new-river-4471", "new_password2": "new-river-4471"}
    )
    assert response["Location"] == "/en/accounts/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password("new-river-4471")
    assert client.get(path_of(link)).context["validlink"] is False


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    UserFactory(username="pending", email="pending@example.org", is_active=False)
    for email in ("nobody@example.org", "pending@example.org"):
        response = client.post("/en/accounts/password/reset/", {"email": email})
        assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert mail.outbox == []


@pytest.mark.cache
def test_password_reset_requests_are_rate_limited(
    settings, client, db, django_capture_on_commit_callbacks
):
    settings.ACCOUNTS_RATE_LIMIT_PER_EMAIL = 1
    UserFactory(username="ana", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/accounts/password/reset/", {"email": "ana@example.org"}).status_code
        response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 429
    assert len(mail.outbox) == 1


# --- caching and CSRF --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/accounts/signup/", "/en/accounts/signup/", "/en/accounts/password/reset/"]
)
def test_pages_with_forms_are_never_cached_and_need_the_csrf_token(db, url):
    client = Client(enforce_csrf_checks=True)
    first = client.get(url)
    assert "no-store" in first["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert client.post(url, form(email="ana@example.org")).status_code == 403
    assert (User.objects.count(), len(mail.outbox)) == (0, 0)


@pytest.mark.cache
def test_the_activation_page_is_never_cached_and_needs_the_csrf_token(db, sign_up):
    sign_up()
    [link] = links_in(mail.outbox[0].body)
    client = Client(enforce_csrf_checks=True)
    page = client.get(path_of(link))
    assert "no-store" in page["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert client.post(path_of(link)).status_code == 403
    assert User.objects.get().is_active is False
