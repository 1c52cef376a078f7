"""State changes of the working tables: who leads them and who sits at them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cocrea.core.actions import assign_changed, log_action, require_perm
from cocrea.core.happenings import happened
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
    happened("tables.seat_given", plan=table.plan, obj=member, by=by)
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


TABLE_TEXTS = ("name", "description")


def _check_table(plan, number, axes, exclude=None) -> list:
    """The axes, validated: at least one, all of `plan`; the number free in the plan."""
    errors = {}
    axes = list(axes)
    if not axes:
        errors["axes"] = _("Choose at least one thematic axis for the table.")
    elif any(axis.plan_id != plan.pk for axis in axes):
        errors["axes"] = _("Choose axes of this plan.")
    taken = WorkingTable.objects.filter(plan=plan, number=number)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        errors["number"] = _("Another working table already has number %(number)s.") % {
            "number": number
        }
    if errors:
        raise ValidationError(errors)
    return sorted(axes, key=lambda axis: axis.number)


def _axis_numbers(table) -> list[int]:
    return sorted(table.axes.values_list("number", flat=True))


@transaction.atomic
def create_table(plan, *, by, number: int, axes, **texts) -> WorkingTable:
    """Form a working table that covers `axes` (one or more axes of the plan).

    `texts` holds `name_<lang>` and `description_<lang>` values."""
    require_perm(by, "tables.form_tables", plan)
    axes = _check_table(plan, number, axes)
    table = WorkingTable(plan=plan, number=number, **texts)
    table.full_clean(exclude=["axes"])
    table.save()
    table.axes.set(axes)
    log_action(
        actor=by,
        verb="tables.create_table",
        target=table,
        plan=plan,
        data={"axes": [axis.number for axis in axes]},
    )
    return table


@transaction.atomic
def update_table(table: WorkingTable, *, by, axes=None, **fields) -> list[str]:
    """Renumber, re-word or change the axes a table covers; returns what changed.

    An axis for which the table has already drafted proposals cannot be taken off it."""
    require_perm(by, "tables.change_table", table)
    plan = table.plan
    before_axes = _axis_numbers(table)
    number = fields.get("number", table.number)
    wanted = _check_table(plan, number, axes if axes is not None else table.axes.all(), table)
    removed = {a.pk for a in table.axes.all()} - {a.pk for a in wanted}
    if removed and table.proposals.filter(axis_id__in=removed).exists():
        raise ValidationError(
            {"axes": _("The table has drafted proposals for an axis you took off it.")}
        )
    changed = assign_changed(table, fields)
    if changed:
        table.full_clean(exclude=["axes"])
        table.save(update_fields=[*changed, "updated_at"])
    if [axis.number for axis in wanted] != before_axes:
        table.axes.set(wanted)
        changed.append("axes")
    if changed:
        log_action(
            actor=by,
            verb="tables.update_table",
            target=table,
            plan=plan,
            description=", ".join(changed),
            data={"fields": changed, "axes": [axis.number for axis in wanted]},
        )
    return changed


@transaction.atomic
def delete_table(table: WorkingTable, *, by) -> None:
    """Remove a working table nobody sits at and that has no proposals, sessions or invitations."""
    require_perm(by, "tables.delete_table", table)
    table = WorkingTable.objects.select_for_update().get(pk=table.pk)
    if table.members.exists():
        raise ValidationError(_("People sit at this table: remove them before the table."))
    for relation in table._meta.related_objects:
        if not relation.one_to_many or relation.related_model is TableMember:
            continue
        found = relation.related_model._default_manager.filter(**{relation.field.name: table})
        if found.exists():
            raise ValidationError(
                _("The table is referenced by %(things)s: it can no longer be removed.")
                % {"things": relation.related_model._meta.verbose_name_plural}
            )
    log_action(
        actor=by,
        verb="tables.delete_table",
        target=table,
        plan=table.plan,
        data={"number": table.number},
    )
    table.delete()


@transaction.atomic
def create_default_tables(plan, *, by) -> list[WorkingTable]:
    """One table for each axis that no table covers yet (idempotent), numbered as its axis
    when that number is free, else after the last table."""
    require_perm(by, "tables.form_tables", plan)
    made = []
    taken = set(WorkingTable.objects.filter(plan=plan).values_list("number", flat=True))
    for axis in plan.axes.filter(tables__isnull=True).order_by("number"):
        number = axis.number if axis.number not in taken else max(taken) + 1
        taken.add(number)
        names = {f"name_{code}": getattr(axis, f"name_{code}") for code, _n in settings.LANGUAGES}
        table = WorkingTable.objects.create(plan=plan, number=number, **names)
        table.axes.set([axis])
        log_action(
            actor=by,
            verb="tables.create_table",
            target=table,
            plan=plan,
            data={"axes": [axis.number]},
        )
        made.append(table)
    return made
