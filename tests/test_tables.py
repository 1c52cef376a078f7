"""Working tables: leaders and members, the public page per table, the workspace page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.participation.actions import add_registrant
from cocrea.plans.models import PlanRole, Role
from cocrea.tables import actions
from cocrea.tables.models import TableMember, WorkingTable

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import AxisFactory, UserFactory
from .factories_participation import RegistrationFactory, TableFactory


@pytest.fixture
def table(plan):
    return TableFactory(plan=plan, number=1)


def seat(table, username, *, leader=False, side="civil_society", sector="civil_society"):
    user = UserFactory(username=username, full_name=username.title())
    return actions.add_member(
        table, user, by=SYSTEM, side=side, sector=sector, source="invitation", is_leader=leader
    )


def test_default_tables_one_for_each_axis_without_one(plan, secretary):
    for n in range(1, 7):
        AxisFactory(plan=plan, number=n)
    made = actions.create_default_tables(plan, by=secretary)
    assert [t.number for t in made] == [1, 2, 3, 4, 5, 6]
    assert actions.create_default_tables(plan, by=secretary) == []
    assert WorkingTable.objects.filter(plan=plan).count() == 6


def test_public_table_page_shows_leaders_and_counts_by_sector_only(client, plan, table):
    seat(table, "gob-leader", leader=True, side="government", sector="government")
    seat(table, "sc-leader", leader=True)
    seat(table, "member-a")
    seat(table, "member-b", sector="academia")
    seat(table, "member-c", side="government", sector="government")
    response = client.get("/en" + reverse("public:table", args=[plan.slug, 1]))
    assert response.status_code == 200
    assert [m.user.username for m in response.context["leaders"]] == ["gob-leader", "sc-leader"]
    assert response.context["sector_counts"] == [
        ("Civil society", 2),
        ("Government", 2),
        ("Academia", 1),
    ]
    text = response.content.decode()
    assert "5 people at the table" in text
    assert "Member-A" not in text  # members are counted, not named
    assert "@example.org" not in text


def test_public_tables_list(client, plan, table):
    seat(table, "someone")
    response = client.get("/en" + reverse("public:tables", args=[plan.slug]))
    assert "1 person" in response.content.decode()


def test_public_table_page_queries_do_not_grow(client, plan, table, django_assert_max_num_queries):
    url = reverse("public:table", args=[plan.slug, 1])
    for i in range(2):
        seat(table, f"few-{i}")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(25):
        seat(table, f"many-{i}", sector=["academia", "citizen"][i % 2])
    with django_assert_max_num_queries(len(few)):
        assert client.get(url).status_code == 200


def test_registrant_joins_a_table_with_an_account(plan, table, secretary):
    registration = RegistrationFactory(plan=plan, email="luz@example.net", sector="academia")
    member = add_registrant(table, registration, by=secretary)
    assert (member.user.email, member.sector, member.source, member.is_leader) == (
        "luz@example.net",
        "academia",
        "registration",
        False,
    )
    assert PlanRole.objects.filter(user=member.user, role=Role.PARTICIPANT).count() == 1


def test_unconfirmed_registrant_cannot_join(plan, table, secretary):
    from django.core.exceptions import ValidationError

    registration = RegistrationFactory(plan=plan, status="unconfirmed")
    with pytest.raises(ValidationError):
        add_registrant(table, registration, by=secretary)


def test_workspace_page_warns_without_a_leader_from_each_side(client, plan, table, secretary):
    seat(table, "sc-leader", leader=True)
    client.force_login(secretary)
    text = client.get("/en" + reverse("tables:workspace", args=[plan.slug, 1])).content.decode()
    assert "at least one leader from government and one from civil society" in text
    seat(table, "gob-leader", leader=True, side="government", sector="government")
    text = client.get("/en" + reverse("tables:workspace", args=[plan.slug, 1])).content.decode()
    assert "at least one leader from government and one from civil society" not in text


@pytest.mark.parametrize("persona", [*ALL_PERSONAS, "member"])
def test_workspace_table_page_for_its_people_and_the_secretariat(
    client, plan, table, people, persona
):
    user = seat(table, "member").user if persona == "member" else people[persona]
    if persona != "anonymous":
        client.force_login(user)
    response = client.get(reverse("tables:workspace", args=[plan.slug, 1]))
    expected = {"secretary": 200, "superuser": 200, "member": 200, "anonymous": 302}.get(
        persona, 403
    )
    assert response.status_code == expected


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("perm", ["tables.add_member", "tables.remove_member"])
def test_table_action_matrix(perm, persona, plan, table, people):
    user = people[persona]
    allowed = persona in SECRETARIAT_POWERS
    assert user.has_perm(perm, table) is allowed
    member = seat(table, "someone")
    logged = ActionLog.objects.count()

    def run():
        if perm == "tables.add_member":
            other = UserFactory(username="other")
            actions.add_member(
                table, other, by=user, side="government", sector="government", source="liaison"
            )
        else:
            actions.remove_member(member, by=user)

    if allowed:
        run()
        assert ActionLog.objects.count() > logged
    else:
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            run()
        assert ActionLog.objects.count() == logged
    assert TableMember.objects.filter(table=table).count() == {
        ("tables.add_member", True): 2,
        ("tables.remove_member", True): 0,
    }.get((perm, allowed), 1)


def test_secretary_forms_the_tables_from_the_workspace(client, plan, secretary):
    for n in (1, 2):
        AxisFactory(plan=plan, number=n)
    client.force_login(secretary)
    response = client.post(reverse("participation:tables_create", args=[plan.slug]))
    assert response.status_code == 302
    assert list(plan.tables.values_list("number", flat=True)) == [1, 2]
    text = client.get("/en" + reverse("participation:manage", args=[plan.slug])).content.decode()
    assert f"/en/workspace/{plan.slug}/tables/2/" in text


def test_leader_finds_the_workspace_from_the_public_table_page(client, plan, table):
    leader = seat(table, "leader-x", leader=True).user
    url = reverse("public:table", args=[plan.slug, 1])
    workspace = reverse("tables:workspace", args=[plan.slug, 1])
    assert workspace not in client.get(url).content.decode()
    client.force_login(leader)
    assert workspace in client.get(url).content.decode()
