"""State changes of the working tables: who leads them and who sits at them."""

from django.db import transaction

from cocrea.core.actions import log_action, require_perm
from cocrea.plans.actions import grant_role
from cocrea.plans.models import Role

from .models import TableMember, WorkingTable


@transaction.atomic
def add_member(
    table: WorkingTable, user, *, by, side: str, sector: str, source: str, is_leader=False
) -> TableMember:
    """Seat `user` at `table` (or make a member its leader) and give them the matching role."""
    require_perm(by, "tables.add_member", table)
    member, created = TableMember.objects.get_or_create(
        table=table,
        user=user,
        defaults={"is_leader": is_leader, "side": side, "sector": sector, "source": source},
    )
    if not created and is_leader and not member.is_leader:
        member.is_leader = True
        member.save(update_fields=["is_leader", "updated_at"])
    elif not created:
        return member
    role = Role.TABLE_LEADER if is_leader else Role.PARTICIPANT
    grant_role(table.plan, user, role, by=by, organisation=user.organisation)
    log_action(
        actor=by,
        verb="tables.add_leader" if is_leader else "tables.add_member",
        target=table,
        plan=table.plan,
        data={"user": user.pk, "side": side, "sector": sector},
        public=False,
    )
    return member


@transaction.atomic
def remove_member(member: TableMember, *, by) -> None:
    table = member.table
    require_perm(by, "tables.remove_member", table)
    log_action(
        actor=by,
        verb="tables.remove_member",
        target=table,
        plan=table.plan,
        data={"user": member.user_id},
        public=False,
    )
    member.delete()


@transaction.atomic
def create_default_tables(plan, *, by) -> list[WorkingTable]:
    """One table for each axis that has none yet (idempotent)."""
    require_perm(by, "tables.form_tables", plan)
    made = []
    for axis in plan.axes.filter(tables__isnull=True).order_by("number"):
        table, created = WorkingTable.objects.get_or_create(
            plan=plan,
            number=axis.number,
            defaults={"axis": axis, "name_es": axis.name_es, "name_en": axis.name_en},
        )
        if created:
            log_action(actor=by, verb="tables.create_table", target=table, plan=plan)
            made.append(table)
    return made
