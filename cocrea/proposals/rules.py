"""Permissions of the proposals app, named `proposals.<verb>_<noun>`.

The object is the working table (or one of its proposals). Its leaders and members draft while
the plan's "training-and-tables" step is open; its leaders, or the secretariat, submit the set."""

import rules

from cocrea.plans.models import Step
from cocrea.plans.rules import is_secretariat
from cocrea.tables.models import WorkingTable
from cocrea.tables.rules import tables_joined_by, tables_led_by

DRAFTING_STEP = "training-and-tables"


def table_of(obj) -> WorkingTable | None:
    if isinstance(obj, WorkingTable):
        return obj
    return getattr(obj, "working_table", None)


@rules.predicate
def member_of_table(user, obj=None) -> bool:
    table = table_of(obj)
    return table is not None and table.pk in tables_joined_by(user, table.plan)


@rules.predicate
def leads_table(user, obj=None) -> bool:
    table = table_of(obj)
    return table is not None and table.pk in tables_led_by(user, table.plan)


def step_is_open(key: str):
    """The plan's step with this key is open. Not cached: steps open and close within a request
    cycle of tests and commands, and it is one indexed query."""

    @rules.predicate(name=f"step_is_open({key})")
    def predicate(user, obj=None) -> bool:
        table = table_of(obj)
        if table is None:
            return False
        return Step.objects.filter(plan_id=table.plan_id, key=key, status=Step.Status.OPEN).exists()

    return predicate


drafting_open = step_is_open(DRAFTING_STEP)

rules.add_perm("proposals.change_proposal", (is_secretariat | member_of_table) & drafting_open)
rules.add_perm("proposals.submit_proposals", (is_secretariat | leads_table) & drafting_open)
