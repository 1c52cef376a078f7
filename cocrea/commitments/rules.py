"""Permissions of the commitments app, named `commitments.<verb>_<noun>`.

The object is the plan (creating), a commitment or one of its milestones. While a step enabling
"commitment-development" is open, the secretariat creates commitments from the selected
proposals; the secretariat, the leaders of the commitment's working table and the liaisons of
its lead or supporting institutions edit it (in their seats: being superuser is no seat)."""

import rules

from cocrea.core.permissions import add_capability_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.context import permissions_for, register_seats
from cocrea.plans.models import PlanRole, Role
from cocrea.plans.rules import has_role, is_secretariat, plan_of
from cocrea.tables.rules import tables_led_by

from .models import CommitmentMilestone


def _load_liaison_institutions(user, plan) -> frozenset[int]:
    """The organisations `user` is a liaison for in `plan` (one query; none without the role)."""
    context = permissions_for(user, plan)
    if context is None or Role.LIAISON not in context.roles:
        return frozenset()
    return frozenset(
        PlanRole.objects.filter(plan_id=plan.pk, user_id=user.pk, role=Role.LIAISON)
        .exclude(organisation=None)
        .values_list("organisation_id", flat=True)
    )


register_seats("liaison_institutions", _load_liaison_institutions)


def commitment_of(obj):
    """The commitment of a milestone, or the commitment itself (whose template has a text field
    named `commitment`, "What is the commitment?")."""
    if isinstance(obj, CommitmentMilestone):
        return obj.commitment
    return obj


@rules.predicate
def leads_commitment_table(user, obj=None) -> bool:
    commitment = commitment_of(obj)
    table_id = getattr(commitment, "working_table_id", None)
    return table_id is not None and table_id in tables_led_by(user, plan_of(commitment))


@rules.predicate
def liaison_of_commitment(user, obj=None) -> bool:
    """`user` is a liaison of the commitment's lead institution or of a supporting one (the
    supporting ones read once per commitment object)."""
    commitment = commitment_of(obj)
    if getattr(commitment, "pk", None) is None or not hasattr(commitment, "lead_institution_id"):
        return False
    context = permissions_for(user, plan_of(commitment))
    if context is None:
        return False
    seats = context.seats("liaison_institutions")
    if not seats:
        return False
    if commitment.lead_institution_id in seats:
        return True
    supporting = getattr(commitment, "_supporting_ids", None)
    if supporting is None:
        supporting = commitment._supporting_ids = frozenset(
            commitment.supporting_institutions.values_list("pk", flat=True)
        )
    return bool(supporting & seats)


@rules.predicate
def plan_unpublished(user, obj=None) -> bool:
    """The commitment's plan is not published: a published plan's commitments do not change."""
    plan = plan_of(commitment_of(obj))
    return plan is not None and getattr(plan, "published_on", None) is None


is_liaison = has_role(Role.LIAISON)

development = capability_open("commitment-development")

add_capability_perm("commitments.create_commitment", is_secretariat, development)
add_capability_perm(
    "commitments.change_commitment",
    (is_secretariat | leads_commitment_table | liaison_of_commitment) & plan_unpublished,
    development,
    seat=True,
)
# The workspace's list of the plan's commitments (each row asks `change_commitment`).
rules.add_perm(
    "commitments.list_commitments",
    is_secretariat | is_liaison | has_role(Role.TABLE_LEADER, Role.COMMISSION_MEMBER),
)

can_create_commitment = asker("commitments.create_commitment")
can_change_commitment = asker("commitments.change_commitment")
can_list_commitments = asker("commitments.list_commitments")
