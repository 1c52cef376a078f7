"""Reads of the working tables for the public site and the workspace."""

from collections import Counter

from django.db.models import Count, Prefetch, Q

from .models import TableMember, WorkingTable


def tables_of(plan):
    return (
        WorkingTable.objects.filter(plan=plan)
        .select_related("axis")
        .annotate(
            member_count=Count("members"),
            leader_count=Count("members", filter=Q(members__is_leader=True)),
        )
        .order_by("number")
    )


def table_with_people(plan, number: int) -> WorkingTable | None:
    return (
        WorkingTable.objects.filter(plan=plan, number=number)
        .select_related("axis", "plan")
        .prefetch_related(
            Prefetch(
                "members",
                TableMember.objects.select_related("user", "user__organisation").order_by(
                    "-is_leader", "user__full_name", "id"
                ),
            )
        )
        .first()
    )


def leaders(table: WorkingTable) -> list[TableMember]:
    return [m for m in table.members.all() if m.is_leader]


def sector_counts(table: WorkingTable) -> list[tuple[str, int]]:
    """Members (leaders included) by sector, largest first, from the prefetched members."""
    from cocrea.participation.models import Sector

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


def sessions(table: WorkingTable, *, public: bool = True):
    from cocrea.events.queries import sessions_for_table

    found = sessions_for_table(table)
    return list(found.filter(published=True) if public else found)


def trainings_of_leaders(table: WorkingTable) -> list[tuple[TableMember, list]]:
    from cocrea.events.queries import trainings_attended_by

    return [(m, list(trainings_attended_by(m.user, table.plan))) for m in leaders(table)]


# How many registrations the member picker shows at most: it searches, it never lists them all.
PICKER_LIMIT = 20


def members_page(table: WorkingTable):
    """The members of `table`, leaders first, for a paginated list."""
    return (
        TableMember.objects.filter(table=table)
        .select_related("user", "user__organisation")
        .order_by("-is_leader", "user__full_name", "id")
    )


def registrants_matching(table: WorkingTable, q: str, *, limit: int = PICKER_LIMIT) -> list:
    """Confirmed registrations of the table's plan whose name, e-mail or organisation contains
    `q`, by name: at most `limit` (none without a search)."""
    from cocrea.participation.models import Registration

    q = q.strip()
    if not q:
        return []
    text = Q(full_name__icontains=q) | Q(email__icontains=q) | Q(organisation_name__icontains=q)
    return list(
        Registration.objects.filter(
            text, plan_id=table.plan_id, status=Registration.Status.CONFIRMED
        )
        .only("pk", "full_name", "organisation_name")
        .order_by("full_name", "id")[:limit]
    )
