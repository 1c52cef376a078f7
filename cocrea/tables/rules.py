"""Permissions of the tables app, named `tables.<verb>_<noun>`."""

import rules

from cocrea.plans.rules import is_secretariat

from .models import TableMember


def _table_ids(user, plan, *, leaders_only: bool) -> frozenset[int]:
    """Ids of the working tables of `plan` where `user` sits (or leads), cached on the user for
    the request."""
    if plan is None or not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault("_cocrea_tables", {})
    key = (plan.pk, leaders_only)
    if key not in cache:
        seats = TableMember.objects.filter(table__plan=plan, user=user)
        if leaders_only:
            seats = seats.filter(is_leader=True)
        cache[key] = frozenset(seats.values_list("table_id", flat=True))
    return cache[key]


def tables_led_by(user, plan) -> frozenset[int]:
    return _table_ids(user, plan, leaders_only=True)


def tables_joined_by(user, plan) -> frozenset[int]:
    """Tables where `user` is a leader or a member."""
    return _table_ids(user, plan, leaders_only=False)


@rules.predicate
def sits_at_table(user, table) -> bool:
    """Leaders and members of this table."""
    return table is not None and table.pk in tables_joined_by(user, table.plan)


rules.add_perm("tables.view_table", is_secretariat | sits_at_table)
rules.add_perm("tables.add_member", is_secretariat)
rules.add_perm("tables.remove_member", is_secretariat)
