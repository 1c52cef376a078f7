"""Seat permissions: what a person may do *in a seat* (as an institution, a table member or a named
reviewer) is asked of the rules alone, for superusers too.

Django's `PermissionsMixin.has_perm` answers yes to an active superuser before any backend is
asked. That is right for administration (the admin's model permissions, the secretariat's
powers an operator may need), and wrong for a seat: being superuser does not make a person the
head of an institution, a member of a working table or a named reviewer. The permissions that
act in a seat are declared here, in one set, by the rules modules that define them
(`add_seat_perm`); `User.has_perm` asks the rules alone for them."""

import rules

# The names of the seat permissions, filled by `add_seat_perm` as the rules modules load.
SEAT_PERMISSIONS: set[str] = set()


def add_seat_perm(name: str, predicate) -> None:
    """Declare a permission that acts in a seat: no superuser shortcut."""
    rules.add_perm(name, predicate)
    SEAT_PERMISSIONS.add(name)


def is_seat_permission(name: str) -> bool:
    return name in SEAT_PERMISSIONS


def seat_allows(user, perm: str, obj=None) -> bool:
    """The rule of a seat permission, evaluated for an active account (never the shortcut)."""
    return bool(getattr(user, "is_active", False) and rules.has_perm(perm, user, obj))


# Permissions gated by a capability of the plan (cocrea/plans/capabilities.py): name -> the
# predicate "a step enabling it is open". Being superuser skips the role, never the step.
CAPABILITY_GATES: dict[str, object] = {}


def add_capability_perm(name: str, predicate, gate, *, seat: bool = False) -> None:
    """Declare a permission allowed by `predicate` only while `gate` (a step enabling its
    capability is open) holds; `seat` as in `add_seat_perm`."""
    (add_seat_perm if seat else rules.add_perm)(name, predicate & gate)
    CAPABILITY_GATES[name] = gate


def superuser_allows(user, perm: str, obj=None) -> bool:
    """What an active superuser may do outside a seat: anything, within the open capabilities."""
    gate = CAPABILITY_GATES.get(perm)
    return gate is None or bool(gate.test(user, obj))


def asker(name: str):
    """The `can_<verb>(user, obj=None)` function of permission `name`: whether `user` may do the
    action on `obj`. Each rules module declares one per permission (`can_<verb>_<noun> =
    asker("<app>.<verb>_<noun>")`); views, forms, templates' rows and (later) the API and exports
    ask it instead of re-deriving who may act. It answers as `user.has_perm`, from the request's
    permission context (cocrea/plans/context.py), so asking it in the view and again in the action
    costs no query."""

    def can(user, obj=None) -> bool:
        return bool(user.has_perm(name, obj))

    can.__name__ = can.__qualname__ = "can_" + name.partition(".")[2]
    can.__doc__ = f"Whether `user` may `{name}` on `obj`."
    can.permission = name
    return can
