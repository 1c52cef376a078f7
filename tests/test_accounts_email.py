"""One e-mail address, one account: unique case-insensitively in the database, the migration that
resolves existing duplicates, every place that makes accounts finding the existing one, and
concurrent requests for the same address or the same delegate answered normally (PostgreSQL)."""

import io
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from cocrea.accounts import actions
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import ReviewDelegate

from .factories import OrganisationFactory, PlanFactory, UserFactory

User = get_user_model()
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent connections need PostgreSQL (make test-postgres)",
)


def test_two_accounts_cannot_share_an_address_in_any_case(db):
    UserFactory(username="ana", email="Ana.Ruiz@Gob.pa")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="ana2", email="ana.ruiz@gob.PA")
    assert list(User.objects.values_list("username", flat=True)) == ["ana"]


def test_many_accounts_may_have_no_address(db):
    UserFactory(username="one", email="")
    UserFactory(username="two", email="")
    assert User.objects.filter(email="").count() == 2


def test_the_admin_refuses_a_taken_address(client, db):
    UserFactory(username="ana", email="ana@gob.pa")
    other = UserFactory(username="luis", email="luis@gob.pa")
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(
        f"/admin/accounts/user/{other.pk}/change/",
        {
            "username": "luis",
            "email": "ANA@gob.pa",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "is_active": "on",
            "preferred_language": "",
        },
    )
    assert response.status_code == 200
    # The admin speaks the default language, Spanish.
    assert (
        "Ya existe una cuenta con esta dirección de correo electrónico."
        in response.content.decode()
    )
    assert User.objects.get(pk=other.pk).email == "luis@gob.pa"


def test_sign_up_with_a_known_address_in_another_case_creates_nothing(db, mailoutbox):
    UserFactory(username="ana", email="ana@gob.pa")
    created = actions.sign_up(
        by=AnonymousUser(),
        full_name="Ana",
        email="  ANA@Gob.PA ",
        password="a-long-pass-phrase-42",
        language="es",
    )
    assert created is None
    assert User.objects.count() == 1


def test_accounts_made_for_invitations_and_seats_find_the_existing_one(db):
    ana = UserFactory(username="ana", email="ana@gob.pa")
    assert actions.find_or_create_account("Ana@GOB.pa", full_name="Ana R.") == (ana, False)
    new, created = actions.find_or_create_account("luis@gob.pa", full_name="Luis")
    assert (created, new.username, new.email, new.has_usable_password()) == (
        True,
        "luis",
        "luis@gob.pa",
        False,
    )


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_oldest_active_account_and_blanks_the_others(capsys):
    call_command("migrate", "accounts", "0001", verbosity=0)
    try:
        inactive_first = User.objects.create(username="old", email="ana@gob.pa", is_active=False)
        kept = User.objects.create(username="ana", email="Ana@Gob.pa")
        later = User.objects.create(username="ana2", email="ANA@GOB.PA")
        alone = User.objects.create(username="luis", email="luis@gob.pa")
        blank = User.objects.create(username="nobody", email="")
    finally:
        call_command("migrate", "accounts", verbosity=0, stdout=io.StringIO())
    emails = dict(User.objects.values_list("username", "email"))
    assert emails == {
        "old": "",
        "ana": "Ana@Gob.pa",
        "ana2": "",
        "luis": "luis@gob.pa",
        "nobody": "",
    }
    printed = capsys.readouterr().out
    assert (
        f"accounts: e-mail 'ana@gob.pa' shared by several accounts; kept by #{kept.pk} 'ana', "
        f"blanked on #{inactive_first.pk} 'old'"
    ) in printed
    assert f"blanked on #{later.pk} 'ana2'" in printed
    assert (alone.pk, blank.pk) == tuple(
        User.objects.filter(username__in=["luis", "nobody"])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- concurrent requests (real connections, one per thread) -------------------------------------


def _in_thread(target, results, key):
    def run():
        try:
            results[key] = target()
        except Exception as error:  # noqa: BLE001 - the test reports what each thread got
            results[key] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _sign_up(email):
    return actions.sign_up(
        by=AnonymousUser(),
        full_name="Ana",
        email=email,
        password="a-long-pass-phrase-42",
        language="es",
    )


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_sign_ups_with_one_address_create_one_account():
    """The first sign-up has created the account but not committed when the second checks the
    address: the second's insert waits on the unique index, fails, and it answers as for a known
    address (None: the owner is mailed), never an error."""
    created = threading.Event()
    results = {}

    def first():
        with transaction.atomic():
            user = _sign_up("ana@gob.pa")
            created.set()
            time.sleep(1.0)  # the second request checks and inserts meanwhile
        return user

    def second():
        created.wait(5)
        return _sign_up("ANA@gob.pa")

    threads = [_in_thread(first, results, "first"), _in_thread(second, results, "second")]
    for thread in threads:
        thread.join(15)
    assert isinstance(results["first"], User)
    assert results["second"] is None
    assert list(User.objects.values_list("email", flat=True)) == ["ana@gob.pa"]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_namings_of_one_delegate_give_one_delegation_and_the_normal_error():
    plan = PlanFactory(slug="concurrent")
    ministry = OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION)
    head = UserFactory(username="head")
    plan_actions.grant_role(plan, head, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=ministry)
    delegate = UserFactory(username="ana")
    named = threading.Event()
    results = {}

    def first():
        with transaction.atomic():
            delegation = proposal_actions.name_delegate(plan, ministry, by=head, user=delegate)
            named.set()
            time.sleep(1.0)
        return delegation

    def second():
        named.wait(5)
        return proposal_actions.name_delegate(plan, ministry, by=head, user=delegate)

    threads = [_in_thread(first, results, "first"), _in_thread(second, results, "second")]
    for thread in threads:
        thread.join(15)
    assert isinstance(results["first"], ReviewDelegate)
    assert isinstance(results["second"], ValidationError)
    # Threads speak the default language (Spanish).
    assert results["second"].messages == ["Esta persona ya es delegada de la institución."]
    assert ReviewDelegate.objects.count() == 1


def test_the_demo_reuses_an_account_that_holds_its_address(db):
    from cocrea.demo.plans import _user

    existing = UserFactory(username="ana-real", email="SECRETARIA@demo.cocrea.invalid")
    assert _user("secretaria", "Secretaría", "", None) == existing
    fresh = _user("otra", "Otra", "", None)
    assert (fresh.username, fresh.email) == ("otra", "otra@demo.cocrea.invalid")
    assert User.objects.count() == 2
