# ruff: noqa: F811  (the fixtures imported from test_proposals_review)
"""One permission context per request and plan (cocrea/plans/context.py): roles, open
capabilities and seats loaded once, whatever the number of roles, tables and checks; every
permission asked through its `can_<verb>`; no view, form or template re-deriving a rule."""

import importlib
import re
from pathlib import Path

import pytest
import rules
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.plans import actions as plan_actions
from cocrea.plans.context import permissions_for
from cocrea.plans.models import PlanRole, Role, Step
from cocrea.proposals import rules as proposal_rules
from cocrea.proposals.models import ReviewDelegate
from cocrea.tables.models import TableMember

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import OrganisationFactory, PlanFactory
from .factories_participation import TableFactory
from .test_proposals import seat
from .test_proposals_review import (  # noqa: F401  (fixtures)
    REVIEW,
    ministry,
    programme,
    proposal,
    review,
    submitted,
    table,
)

ROOT = Path(__file__).resolve().parent.parent / "cocrea"


def queries_of(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


# --- the context --------------------------------------------------------------------------------


def test_the_context_holds_roles_capabilities_and_seats(plan, people, review, ministry, table):
    head = people["head"]
    context = permissions_for(head, plan)
    assert context.roles == frozenset({Role.HEAD_OF_INSTITUTION})
    assert context.capabilities == frozenset(
        {"drafting", "training", "viability-review", "public-comment", "scoring"}
    )
    assert context.seats("reviews") == (frozenset({ministry.pk}), frozenset())
    assert permissions_for(people["leader"], plan).seats("tables") == (
        frozenset({table.pk}),
        frozenset({table.pk}),
    )
    assert permissions_for(people["anonymous"], plan).roles == frozenset()
    assert permissions_for(head, None) is None


def test_checks_after_the_first_cost_no_query(plan, people, review, table, proposal):
    """The view checks, the rows check, the action checks again: one load, then memory."""
    head, leader = people["head"], people["leader"]
    proposal_rules.can_review_proposal(head, review)  # loads roles, capabilities, seats
    proposal_rules.can_assign_institutions(leader, proposal)
    proposal_rules.can_comment_draft(leader, proposal)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(20):
            assert proposal_rules.can_review_proposal(head, review) is True
            assert proposal_rules.can_list_reviews(head, plan) is True
            assert proposal_rules.can_view_review(head, review) is True
            assert proposal_rules.can_assign_institutions(leader, proposal) is False
            assert proposal_rules.can_comment_draft(leader, proposal) is True
            assert proposal_rules.can_list_assignments(leader, plan) is True
    assert len(captured) == 0


def test_a_step_opened_in_the_same_request_is_seen_at_once(plan, people, review, programme):
    """A changed step (or role, seat, delegation) makes every context stale."""
    head, secretary = people["head"], people["secretary"]
    assert proposal_rules.can_review_proposal(head, review) is True
    plan_actions.close_step(programme[REVIEW], by=secretary)
    assert proposal_rules.can_review_proposal(head, review) is False
    plan_actions.open_step(Step.objects.get(pk=programme[REVIEW].pk), by=secretary)
    assert proposal_rules.can_review_proposal(head, review) is True


def test_a_seat_given_in_the_same_request_is_seen_at_once(plan, people, review, ministry):
    citizen = people["citizen"]
    assert proposal_rules.can_review_proposal(citizen, review) is False
    delegation = ReviewDelegate.objects.create(plan=plan, institution=ministry, user=citizen)
    assert proposal_rules.can_review_proposal(citizen, review) is True
    delegation.delete()
    assert proposal_rules.can_review_proposal(citizen, review) is False


def test_the_superuser_holds_no_seat_in_the_context(plan, people, review):
    superuser = people["superuser"]
    assert permissions_for(superuser, plan).roles == frozenset()
    assert proposal_rules.can_review_proposal(superuser, review) is False
    assert proposal_rules.can_view_review(superuser, review) is True  # administration


# --- a handful of queries whatever the page -----------------------------------------------------


def _grow(plan, person, count: int) -> None:
    """Give `person` roles in `count` - 1 other plans, a leader's seat at `count` - 1 more tables
    of `plan` and `count` - 1 more institutions to review for as a delegate."""
    for n in range(2, count + 1):
        other = PlanFactory(slug=f"other-plan-{n}")
        PlanRole.objects.create(plan=other, user=person, role=Role.TABLE_LEADER)
        seat(TableFactory(plan=plan, number=n), person, leader=True)
        ReviewDelegate.objects.create(plan=plan, institution=OrganisationFactory(), user=person)


@pytest.mark.parametrize("page", ["workspace:plan", "proposals:reviews", "proposals:assignments"])
def test_a_page_costs_the_same_with_1_and_50_roles_and_tables(
    page, client, plan, people, review, table
):
    head = people["head"]
    plan_actions.grant_role(plan, head, Role.TABLE_LEADER, by=SYSTEM)
    seat(table, head, leader=True)
    client.force_login(head)
    url = reverse(page, args=[plan.slug])
    assert client.get(url).status_code == 200
    one = queries_of(lambda: client.get(url))
    _grow(plan, head, 50)
    assert PlanRole.objects.filter(user=head).count() == 51  # head and leader here, 49 others
    assert TableMember.objects.filter(user=head, table__plan=plan).count() == 50
    assert ReviewDelegate.objects.filter(user=head).count() == 49
    response = client.get(url)
    assert response.status_code == 200
    assert queries_of(lambda: client.get(url)) == one


# --- can_<verb> for every permission ------------------------------------------------------------


def test_every_permission_has_its_can_function():
    missing = []
    for name in sorted(rules.permissions.permissions):
        app, _, verb = name.partition(".")
        module = importlib.import_module(f"cocrea.{app}.rules")
        can = getattr(module, f"can_{verb}", None)
        if getattr(can, "permission", None) != name:
            missing.append(name)
    assert missing == []


def test_can_answers_as_the_permission(plan, people, review):
    for persona in ("head", "secretary", "citizen", "superuser", "anonymous"):
        user = people[persona]
        assert proposal_rules.can_review_proposal(user, review) is user.has_perm(
            "proposals.review_proposal", review
        )


# --- no rule re-derived outside rules.py --------------------------------------------------------

# What "is the secretariat" looks like when a view, form, query or template decides it itself.
REDERIVED = [
    re.compile(r"plans\.change_plan"),
    re.compile(r"roles_in\("),
    re.compile(r"""["']secretariat["'] in """),
    re.compile(r"Role\.SECRETARIAT in "),
    re.compile(r"is_superuser"),
]
# Where they may appear: the plans app edits the plan (its actions ask `plans.change_plan`); the
# answer to a public comment names the body it speaks for (data, not a permission).
ALLOWED = {
    "plans/actions.py": {r"plans\.change_plan"},
    "proposals/actions.py": {r"roles_in\(", r"Role\.SECRETARIAT in "},
}


def _scanned():
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        if path.suffix == ".html" or path.name in {
            "views.py",
            "forms.py",
            "queries.py",
            "actions.py",
            "manage.py",
        }:
            yield relative, path.read_text()


def test_no_view_form_or_template_re_derives_a_rule():
    found = []
    for relative, text in _scanned():
        for pattern in REDERIVED:
            if pattern.pattern in ALLOWED.get(relative, set()):
                continue
            if pattern.search(text):
                found.append((relative, pattern.pattern))
    assert found == []


# --- the scopes pages ask instead of "is the secretariat" ---------------------------------------

SCOPES = {
    "proposals.view_assignments": SECRETARIAT_POWERS,
    "proposals.list_assignments": {*SECRETARIAT_POWERS, "leader"},
    "proposals.view_reviews": SECRETARIAT_POWERS,
    "proposals.list_reviews": {*SECRETARIAT_POWERS, "head"},
    "proposals.view_comments": SECRETARIAT_POWERS,
    "proposals.list_comments": {*SECRETARIAT_POWERS, "leader", "head"},
    "events.manage_events": SECRETARIAT_POWERS,
    "events.view_commission_meetings": {*SECRETARIAT_POWERS, "commissioner"},
    "tables.form_tables": SECRETARIAT_POWERS,
}


@pytest.mark.parametrize("perm", list(SCOPES))
def test_scope_permissions_by_persona(perm, plan, people, ministry, table):
    allowed = {name for name in ALL_PERSONAS if people[name].has_perm(perm, plan)}
    assert allowed == SCOPES[perm]


@pytest.mark.parametrize("persona", ["secretary", "leader", "head", "citizen", "superuser"])
def test_the_assignments_and_reviews_pages_follow_their_permission(
    persona, client, plan, people, review
):
    client.force_login(people[persona])
    for name, perm in (
        ("proposals:assignments", "proposals.list_assignments"),
        ("proposals:reviews", "proposals.list_reviews"),
    ):
        expected = 200 if persona in SCOPES[perm] else 403
        assert client.get(reverse(name, args=[plan.slug])).status_code == expected
