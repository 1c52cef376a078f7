"""Role x action matrix: every action of the plans app, for every persona."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cocrea.core.models import ActionLog
from cocrea.plans import actions
from cocrea.plans.models import Role

from .conftest import ALL_PERSONAS, PLATFORM_POWERS, SECRETARIAT_POWERS, WITHOUT_ROLE
from .factories import PlanFactory, UserFactory

ONLY_SECRETARY = {name: name in SECRETARIAT_POWERS for name in ALL_PERSONAS}


def _prepare(plan, steps, secretary):
    """Bring the objects into the state where each action is valid."""
    actions.open_step(steps[1], by=secretary)  # s2 open: can be closed
    actions.publish_version(plan, by=secretary)
    actions.update_step(steps[4], by=secretary, title_en="Changed")  # something to publish


ACTIONS = {
    "plans.create_step": lambda plan, steps, user: actions.create_step(plan, by=user, title_es="N"),
    "plans.change_step": lambda plan, steps, user: actions.update_step(
        steps[0], by=user, planned_end=datetime.date(2017, 4, 30)
    ),
    "plans.delete_step": lambda plan, steps, user: actions.delete_step(steps[3], by=user),
    "plans.open_step": lambda plan, steps, user: actions.open_step(steps[0], by=user),
    "plans.close_step": lambda plan, steps, user: actions.close_step(steps[1], by=user),
    "plans.publish_version": lambda plan, steps, user: actions.publish_version(
        plan, by=user, change_summary_es="Cambio"
    ),
    "plans.configure_plan": lambda plan, steps, user: actions.update_plan(
        plan, by=user, max_commitments=12
    ),
    "plans.manage_roles": lambda plan, steps, user: actions.invite_to_role(
        plan, by=user, email="newcomer@example.org", role=Role.PARTICIPANT
    ),
    "plans.grant_role": lambda plan, steps, user: actions.grant_role(
        plan, UserFactory(username="newcomer"), Role.PARTICIPANT, by=user
    ),
    "plans.revoke_role": lambda plan, steps, user: actions.revoke_role(
        plan.roles.get(user__username="participant"), by=user
    ),
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("perm", list(ACTIONS))
def test_action_matrix(perm, persona, plan, steps, people):
    _prepare(plan, steps, people["secretary"])
    user = people[persona]
    allowed = ONLY_SECRETARY[persona]
    assert user.has_perm(perm, plan) is allowed
    logged = ActionLog.objects.count()
    if allowed:
        ACTIONS[perm](plan, steps, user)
        assert ActionLog.objects.count() == logged + 1
        assert ActionLog.objects.order_by("-id").first().actor == user
    else:
        with pytest.raises(PermissionDenied):
            ACTIONS[perm](plan, steps, user)
        assert ActionLog.objects.count() == logged


# The platform's actions: platform administrators (and the superuser, administration).
PLATFORM_ACTIONS = {
    "plans.add_actionplan": lambda plan, user: actions.create_plan(
        by=user,
        slug="new-plan",
        title="Nuevo plan",
        country="Panamá",
        country_code="PA",
        jurisdiction=plan.jurisdiction,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2027, 12, 31),
    ),
    "plans.set_current_plan": lambda plan, user: actions.set_current_plan(
        PlanFactory(slug="next"), by=user
    ),
    "plans.name_secretariat": lambda plan, user: actions.name_secretariat(
        plan, by=user, email="officer@example.org"
    ),
    "plans.grant_platform_admin": lambda plan, user: actions.grant_platform_admin(
        UserFactory(username="newcomer"), by=user
    ),
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("perm", list(PLATFORM_ACTIONS))
def test_platform_action_matrix(perm, persona, plan, people):
    user = people[persona]
    allowed = persona in PLATFORM_POWERS
    assert user.has_perm(perm, plan) is allowed
    logged = ActionLog.objects.count()
    if allowed:
        PLATFORM_ACTIONS[perm](plan, user)
        assert ActionLog.objects.count() > logged
        assert ActionLog.objects.order_by("-id").first().actor == user
    else:
        with pytest.raises(PermissionDenied):
            PLATFORM_ACTIONS[perm](plan, user)
        assert ActionLog.objects.count() == logged


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_workspace_visible_to_role_holders_only(persona, client, plan, steps, people):
    if persona != "anonymous":
        client.force_login(people[persona])
    response = client.get(reverse("workspace:plan", args=[plan.slug]))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif persona in WITHOUT_ROLE:
        # A platform administrator holds no role in the plan: its workspace is not theirs.
        assert response.status_code == 403
    else:
        assert response.status_code == 200


POSTS = {
    "step_open": ("s1", {}),
    "step_close": ("s2", {}),
    "step_delete": ("s4", {}),
    "publish": (None, {"change_summary_es": "Cambio"}),
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("name", list(POSTS))
def test_workspace_posts_matrix(name, persona, client, plan, steps, people):
    _prepare(plan, steps, people["secretary"])
    key, data = POSTS[name]
    url = reverse(f"workspace:{name}", args=[plan.slug, key] if key else [plan.slug])
    if persona != "anonymous":
        client.force_login(people[persona])
    logged = ActionLog.objects.count()
    response = client.post(url, data)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif persona in SECRETARIAT_POWERS:
        assert response.status_code == 302
        assert ActionLog.objects.count() == logged + 1
    else:
        assert response.status_code == 403
        assert ActionLog.objects.count() == logged


@pytest.mark.parametrize("persona", ["commissioner", "leader", "citizen"])
def test_edit_form_is_forbidden_to_non_secretariat(persona, client, plan, steps, people):
    client.force_login(people[persona])
    for url in [
        reverse("workspace:step_edit", args=[plan.slug, "s1"]),
        reverse("workspace:step_create", args=[plan.slug]),
    ]:
        assert client.get(url).status_code == 403
        assert client.post(url, {"title_es": "X"}).status_code == 403


def test_roles_in_another_plan_grant_nothing(client, plan, steps, people):
    from .factories import PlanFactory

    other = PlanFactory(slug="other")
    assert people["secretary"].has_perm("plans.open_step", other) is False
    client.force_login(people["secretary"])
    assert client.get(reverse("workspace:plan", args=[other.slug])).status_code == 403


def test_the_seat_permissions_are_declared_in_one_set():
    """Acting as an institution, a table member or a named reviewer: the rules alone decide."""
    from cocrea.core import permissions

    declared = set(permissions.SEAT_PERMISSIONS)
    assert declared == {
        "proposals.change_proposal",
        "proposals.submit_proposals",
        "proposals.comment_draft",
        "proposals.assign_institutions",
        "proposals.name_delegate",
        "proposals.review_proposal",
        "proposals.answer_comment",
        "commitments.change_commitment",
        # a commission member's own ballots
        "selection.score_candidate",
        "selection.list_ballots",
    }


def test_superuser_keeps_administration_and_the_admin(client, plan, people):
    superuser = people["superuser"]
    assert superuser.has_perm("plans.open_step", plan) is True
    assert superuser.has_perm("plans.change_actionplan") is True
    client.force_login(superuser)
    assert client.get(reverse("admin:plans_step_changelist")).status_code == 200
