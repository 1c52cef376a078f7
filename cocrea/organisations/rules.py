"""Permissions of the organisations app, named `organisations.<verb>_<noun>`.

Each plan's secretariat keeps its jurisdiction's regions and organisations. The rule asks the
person's role in the plan, which `organisations` (below `plans` in the import layers) cannot
read: it is declared in cocrea/plans/rules.py, asked of the plan. The `can_` functions live
here."""

from cocrea.core.permissions import asker

# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_manage_territory = asker("organisations.manage_territory")
