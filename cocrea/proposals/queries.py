"""Reads of the proposals for the public site and the workspace."""

from django.db.models import Case, IntegerField, Value, When

from .models import Proposal

SLOT_ORDER = Case(
    *[When(slot=slot, then=Value(i)) for i, slot in enumerate(Proposal.Slot.values)],
    output_field=IntegerField(),
)


def submitted(plan, *, axis: int | None = None, table: int | None = None):
    """The plan's submitted proposals by axis, table and slot, optionally of one axis or table."""
    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    if axis is not None:
        found = found.filter(axis__number=axis)
    if table is not None:
        found = found.filter(working_table__number=table)
    return found.select_related("axis", "working_table").order_by(
        "axis__number", "working_table__number", SLOT_ORDER, "id"
    )


def submitted_proposal(plan, pk: int) -> Proposal | None:
    return (
        Proposal.objects.filter(plan=plan, pk=pk, status=Proposal.Status.SUBMITTED)
        .select_related("axis", "working_table", "plan")
        .first()
    )


def slots_of(table, axis) -> list[tuple[str, str, Proposal | None]]:
    """Each slot of the table's set for `axis`: (slot, label, proposal or None)."""
    found = {p.slot: p for p in Proposal.objects.filter(working_table=table, axis=axis)}
    return [(slot, label, found.get(slot)) for slot, label in Proposal.Slot.choices]


def revisions(proposal: Proposal, *, with_authors: bool = False):
    found = proposal.revisions.order_by("number")
    return found.select_related("author") if with_authors else found
