"""Reads of the commitments, already joined for the pages that show them."""

from django.db.models import Q, QuerySet

from cocrea.plans.context import permissions_for
from cocrea.plans.models import Role
from cocrea.proposals.models import Proposal
from cocrea.selection.models import Outcome
from cocrea.tables.rules import tables_led_by

from .models import Commitment, CommitmentRevision


def commitments(plan, *, axis: int | None = None, table: int | None = None) -> QuerySet:
    """The plan's commitments in number order, with what their rows and completeness read."""
    found = (
        Commitment.objects.filter(plan=plan)
        .select_related("axis", "working_table", "lead_institution")
        .prefetch_related("milestones__responsible", "supporting_institutions")
        .order_by("number")
    )
    if axis is not None:
        found = found.filter(axis__number=axis)
    if table is not None:
        found = found.filter(working_table__number=table)
    return found


def public_commitments(plan, *, axis: int | None = None) -> QuerySet:
    return (
        Commitment.objects.filter(plan=plan)
        .select_related("axis", "working_table", "lead_institution")
        .order_by("axis__number", "number")
        .filter(**({"axis__number": axis} if axis is not None else {}))
    )


def with_supporting_ids(found) -> list:
    """The commitments of `found` (supporting institutions prefetched), each knowing the ids the
    rules ask for (`liaison_of_commitment`) without a query per row."""
    rows = list(found)
    for commitment in rows:
        commitment._supporting_ids = frozenset(
            o.pk for o in commitment.supporting_institutions.all()
        )
    return rows


def edited_by(found: QuerySet, user, plan) -> QuerySet:
    """Those of `found` in the person's seats: their tables' and their institutions' (the
    secretariat's: all). The rows still ask `can_change_commitment`; this only narrows the list
    to "mine"."""
    context = permissions_for(user, plan)
    if context is None:
        return found.none()
    if context.is_secretariat:
        return found
    institutions = (
        context.seats("liaison_institutions") if Role.LIAISON in context.roles else frozenset()
    )
    return found.filter(
        Q(working_table_id__in=tables_led_by(user, plan))
        | Q(lead_institution_id__in=institutions)
        | Q(supporting_institutions__in=institutions)
    ).distinct()


def commitment(plan, number: int) -> Commitment | None:
    found = (
        Commitment.objects.filter(plan=plan, number=number)
        .select_related("axis", "working_table", "lead_institution", "proposal")
        .prefetch_related("milestones__responsible", "supporting_institutions")
        .first()
    )
    if found is not None:
        found.plan = plan
    return found


def awaiting_commitment(plan) -> QuerySet:
    """The selected proposals that have no commitment yet."""
    return (
        Proposal.objects.filter(
            plan=plan, outcome__result=Outcome.Result.SELECTED, developed_commitment__isnull=True
        )
        .select_related("axis", "working_table", "outcome")
        .order_by("axis__number", "working_table__number", "slot")
    )


def revisions(commitment, *, with_authors: bool = False) -> QuerySet:
    found = CommitmentRevision.objects.filter(commitment=commitment).order_by("number")
    return found.select_related("author") if with_authors else found
