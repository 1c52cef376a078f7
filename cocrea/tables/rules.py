"""Permissions of the tables app, named `tables.<verb>_<noun>`."""

import rules

from cocrea.core.permissions import asker
from cocrea.plans.context import permissions_for, register_seats, watch
from cocrea.plans.rules import is_secretariat

from .models import TableMember


def _load_table_seats(user, plan) -> tuple[frozenset[int], frozenset[int]]:
    """(tables joined, tables led) by `user` in `plan`: one query, for the permission context."""
    if not user.is_authenticated:
        return frozenset(), frozenset()
    rows = list(
        TableMember.objects.filter(table__plan_id=plan.pk, user_id=user.pk).values_list(
            "table_id", "is_leader"
        )
    )
    return (
        frozenset(table for table, _leader in rows),
        frozenset(table for table, leader in rows if leader),
    )


register_seats("tables", _load_table_seats)
watch(TableMember)


def tables_joined_by(user, plan) -> frozenset[int]:
    """Tables where `user` is a leader or a member (from the request's permission context)."""
    context = permissions_for(user, plan)
    return context.seats("tables")[0] if context is not None else frozenset()


def tables_led_by(user, plan) -> frozenset[int]:
    context = permissions_for(user, plan)
    return context.seats("tables")[1] if context is not None else frozenset()


@rules.predicate
def sits_at_table(user, table) -> bool:
    """Leaders and members of this table."""
    return table is not None and table.pk in tables_joined_by(user, table.plan)


rules.add_perm("tables.view_table", is_secretariat | sits_at_table)
rules.add_perm("tables.form_tables", is_secretariat)
rules.add_perm("tables.change_table", is_secretariat)
rules.add_perm("tables.delete_table", is_secretariat)
rules.add_perm("tables.add_member", is_secretariat)
rules.add_perm("tables.remove_member", is_secretariat)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_add_member = asker("tables.add_member")
can_change_table = asker("tables.change_table")
can_delete_table = asker("tables.delete_table")
can_form_tables = asker("tables.form_tables")
can_remove_member = asker("tables.remove_member")
can_view_table = asker("tables.view_table")
