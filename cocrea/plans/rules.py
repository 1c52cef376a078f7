"""Permissions of the plans app, named `plans.<verb>_<noun>`.

Every rule takes the object acted on (a plan, or something that belongs to one) and asks which
roles the person holds in that plan."""

import rules

from cocrea.core.permissions import asker

from .context import is_platform_admin as platform_admin_check
from .context import permissions_for
from .models import ActionPlan, Role


def plan_of(obj):
    if obj is None:
        return None
    if isinstance(obj, ActionPlan):
        return obj
    return getattr(obj, "plan", None)


def roles_in(user, plan) -> frozenset[str]:
    """The roles `user` holds in `plan`, from the request's permission context."""
    context = permissions_for(user, plan)
    return context.roles if context is not None else frozenset()


def has_role(*names: str):
    wanted = frozenset(names)

    @rules.predicate(name=f"has_role({', '.join(names)})")
    def predicate(user, obj=None):
        return bool(roles_in(user, plan_of(obj)) & wanted)

    return predicate


is_secretariat = has_role(Role.SECRETARIAT)
has_any_role = has_role(*Role.values)


@rules.predicate
def holds_a_seat(user, obj=None):
    """Sits at one of the plan's working tables or reviews for an institution as a named
    delegate, even without a role in the plan."""
    context = permissions_for(user, plan_of(obj))
    return context is not None and context.authenticated and context.holds_a_seat


@rules.predicate
def is_platform_admin(user, obj=None):
    """A platform administrator (site-level: creates plans, names their secretariat, chooses the
    current plan), whatever the object."""
    return platform_admin_check(user)


# The plan's workspace: whoever holds a role in it or a seat (a delegate reviewer, a table member).
rules.add_perm("plans.view_workspace", has_any_role | holds_a_seat)
rules.add_perm("plans.change_plan", is_secretariat)
rules.add_perm("plans.change_axes", is_secretariat)
rules.add_perm("plans.start_programme", is_secretariat)
rules.add_perm("plans.grant_role", is_secretariat)
rules.add_perm("plans.revoke_role", is_secretariat)
rules.add_perm("plans.create_step", is_secretariat)
rules.add_perm("plans.change_step", is_secretariat)
rules.add_perm("plans.delete_step", is_secretariat)
rules.add_perm("plans.open_step", is_secretariat)
rules.add_perm("plans.close_step", is_secretariat)
rules.add_perm("plans.publish_version", is_secretariat)
# The plan's settings, numbers, commission and people: its secretariat.
rules.add_perm("plans.configure_plan", is_secretariat)
rules.add_perm("plans.manage_roles", is_secretariat)
# The platform: creating plans and naming their secretariat, the current plan, its administrators.
rules.add_perm("plans.add_actionplan", is_platform_admin)
rules.add_perm("plans.set_current_plan", is_platform_admin)
rules.add_perm("plans.name_secretariat", is_platform_admin)
rules.add_perm("plans.grant_platform_admin", is_platform_admin)
# The plan's secretariat keeps its jurisdiction's regions and organisations (asked of the plan;
# its `can_` function is in cocrea/organisations/rules.py, which cannot read roles).
rules.add_perm("organisations.manage_territory", is_secretariat)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_change_axes = asker("plans.change_axes")
can_add_actionplan = asker("plans.add_actionplan")
can_change_plan = asker("plans.change_plan")
can_configure_plan = asker("plans.configure_plan")
can_grant_platform_admin = asker("plans.grant_platform_admin")
can_manage_roles = asker("plans.manage_roles")
can_name_secretariat = asker("plans.name_secretariat")
can_set_current_plan = asker("plans.set_current_plan")
can_change_step = asker("plans.change_step")
can_close_step = asker("plans.close_step")
can_create_step = asker("plans.create_step")
can_delete_step = asker("plans.delete_step")
can_grant_role = asker("plans.grant_role")
can_open_step = asker("plans.open_step")
can_publish_version = asker("plans.publish_version")
can_revoke_role = asker("plans.revoke_role")
can_start_programme = asker("plans.start_programme")
can_view_workspace = asker("plans.view_workspace")
