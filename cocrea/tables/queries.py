"""Reads of the working tables for the public site and the workspace."""

from collections import Counter

from django.conf import settings
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


def table_for_workspace(plan, number: int) -> WorkingTable | None:
    """The table for its workspace page: its axes and its leaders (`leader_members`), without
    every member (the page lists them a page at a time, `members_page`)."""
    table = (
        WorkingTable.objects.filter(plan=plan, number=number)
        .prefetch_related(
            Prefetch("axes", Axis.objects.order_by("number")),
            Prefetch(
                "members",
                TableMember.objects.filter(is_leader=True)
                .select_related("user", "user__organisation")
                .order_by("user__full_name", "id"),
                to_attr="leader_members",
            ),
        )
        .first()
    )
    if table is not None:
        table.plan = plan
    return table


def axes_without_table(plan):
    """The plan's axes that no working table covers, in order."""
    return plan.axes.filter(tables__isnull=True).order_by("number")


def leaders(table: WorkingTable) -> list[TableMember]:
    """The table's leaders by name: those `table_for_workspace` read, or from every member."""
    found = getattr(table, "leader_members", None)
    if found is not None:
        return found
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
    """The members of `table`, leaders first, for a paginated list: what a row shows (the
    person's name and organisation, role, side and source), not the whole account."""
    return (
        TableMember.objects.filter(table=table)
        .select_related("user", "user__organisation")
        .only(
            "id",
            "table_id",
            "user_id",
            "is_leader",
            "side",
            "source",
            "user__id",
            "user__full_name",
            "user__first_name",
            "user__last_name",
            "user__username",
            "user__organisation_id",
            "user__organisation__id",
            *(f"user__organisation__name_{code}" for code, _name in settings.LANGUAGES),
        )
        .order_by("-is_leader", "user__full_name", "id")
    )
