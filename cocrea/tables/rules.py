"""Permissions of the tables app, named `tables.<verb>_<noun>`."""

import rules

from cocrea.plans.rules import is_secretariat


@rules.predicate
def sits_at_table(user, table) -> bool:
    """Leaders and members of this table."""
    if table is None or not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_cocrea_tables", {})
    if table.pk not in cache:
        cache[table.pk] = table.members.filter(user=user).exists()
    return cache[table.pk]


rules.add_perm("tables.view_table", is_secretariat | sits_at_table)
rules.add_perm("tables.add_member", is_secretariat)
rules.add_perm("tables.remove_member", is_secretariat)
