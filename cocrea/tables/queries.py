"""Reads of the working tables for the public site and the workspace."""

from collections import Counter

from django.db.models import Count, Prefetch, Q

from cocrea.organisations.models import Sector
from cocrea.plans.models import Axis

from .models import TableMember, WorkingTable


def tables_of(plan):
    return (
        WorkingTable.objects.filter(plan=plan)
        .prefetch_related(Prefetch("axes", Axis.objects.order_by("number")))
        .annotate(
            member_count=Count("members"),
            leader_count=Count("members", filter=Q(members__is_leader=True)),
        )
        .order_by("number")
    )


def table_with_people(plan, number: int) -> WorkingTable | None:
    return (
        WorkingTable.objects.filter(plan=plan, number=number)
        .select_related("plan")
        .prefetch_related(
            Prefetch("axes", Axis.objects.order_by("number")),
            Prefetch(
                "members",
                TableMember.objects.select_related("user", "user__organisation").order_by(
                    "-is_leader", "user__full_name", "id"
                ),
            ),
        )
        .first()
    )


def axes_without_table(plan):
    """The plan's axes that no working table covers, in order."""
    return plan.axes.filter(tables__isnull=True).order_by("number")


def leaders(table: WorkingTable) -> list[TableMember]:
    return [m for m in table.members.all() if m.is_leader]


def sector_counts(table: WorkingTable) -> list[tuple[str, int]]:
    """Members (leaders included) by sector, largest first, from the prefetched members."""
    labels = dict(Sector.choices)
    counts = Counter(m.sector for m in table.members.all())
    return [
        (str(labels.get(sector, sector)), n)
        for sector, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def leader_balance(table: WorkingTable) -> dict:
    """Whether the table has a leader from each side, as the seed's process intends."""
    sides = {m.side for m in leaders(table)}
    return {
        "government": TableMember.Side.GOVERNMENT in sides,
        "civil_society": TableMember.Side.CIVIL_SOCIETY in sides,
    }


def members_page(table: WorkingTable):
    """The members of `table`, leaders first, for a paginated list."""
    return (
        TableMember.objects.filter(table=table)
        .select_related("user", "user__organisation")
        .order_by("-is_leader", "user__full_name", "id")
    )
