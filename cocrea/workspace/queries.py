"""Reads of the workspace that span the domain apps."""

from django.db.models import Prefetch, Q

from cocrea.plans.models import ActionPlan, PlanRole
from cocrea.proposals.models import ReviewDelegate
from cocrea.tables.models import TableMember


def plans_for_user(user):
    """The plans whose workspace is the person's: where they hold a role, sit at a working table
    or review for an institution as a named delegate (with or without a role), with their roles
    in each."""
    tables = TableMember.objects.filter(user=user).values("table__plan_id")
    delegations = ReviewDelegate.objects.filter(user=user).values("plan_id")
    return (
        ActionPlan.objects.filter(
            Q(pk__in=PlanRole.objects.filter(user=user).values("plan_id"))
            | Q(pk__in=tables)
            | Q(pk__in=delegations)
        )
        .order_by("-is_current", "-period_start", "id")
        .prefetch_related(Prefetch("roles", PlanRole.objects.filter(user=user)))
    )
