"""One permission context per person and plan: what the rules ask, loaded once.

`permissions_for(user, plan)` returns the `PermissionContext` of the person in the plan: the
roles they hold, the plan's open capabilities (cocrea/plans/capabilities.py) and their seats
(the working tables they sit at or lead, the institutions they review for). Every part is read
by one query the first time a rule asks for it, whatever the number of roles, tables or checks;
later checks in the same request answer from memory. The rules predicates read it, so
`user.has_perm(...)`, the `can_*` functions, the templates' `{% has_perm %}` and the actions'
`require_perm` all share it: checking in the view and again in the action costs nothing.

The context lives on the user object, which Django builds anew for each request
(`request.user`): one context per request and plan. Seats belong to higher apps (tables,
proposals), which `register_seats(name, loader)` when their rules load, so this module imports
none of them.

Freshness: a write that changes a role, a step, a table seat or a review delegation (model
signals, see `watch`) moves a process-wide generation counter; a context older than it is
dropped at the next question. Within a request, an action that opens a step or grants a role is
seen by the next check, as tests and management commands expect."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from django.utils.functional import LazyObject, empty

from .models import PlanRole, PlatformAdministrator, Role, Step

# name -> loader(user, plan) -> frozenset | tuple: the seats a higher app defines.
SEAT_LOADERS: dict[str, Callable] = {}

_generation = itertools.count(1)
_current = [next(_generation)]

_CACHE = "_cocrea_permissions"


def register_seats(name: str, loader: Callable) -> None:
    """Declare a kind of seat: `loader(user, plan)` reads it in one query."""
    SEAT_LOADERS[name] = loader


def invalidate(*args, **kwargs) -> None:
    """Make every context built so far stale (a role, step or seat changed)."""
    _current[0] = next(_generation)


def watch(model) -> None:
    """Saving or deleting a `model` row changes what contexts hold."""
    uid = f"cocrea-permissions-{model._meta.label}"
    post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-save", weak=False)
    post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-delete", weak=False)


watch(PlanRole)
watch(Step)
watch(PlatformAdministrator)


class PermissionContext:
    """What `user` holds in `plan`: roles, open capabilities and seats, each loaded once."""

    def __init__(self, user, plan):
        self.user = user
        self.plan = plan
        self.generation = _current[0]
        self._roles: frozenset[str] | None = None
        self._capabilities: frozenset[str] | None = None
        self._seats: dict[str, object] = {}

    @property
    def authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False))

    @property
    def roles(self) -> frozenset[str]:
        if self._roles is None:
            self._roles = (
                frozenset(
                    PlanRole.objects.filter(plan_id=self.plan.pk, user_id=self.user.pk).values_list(
                        "role", flat=True
                    )
                )
                if self.authenticated
                else frozenset()
            )
        return self._roles

    @property
    def capabilities(self) -> frozenset[str]:
        """The capabilities enabled by the plan's open steps."""
        if self._capabilities is None:
            from .capabilities import open_capabilities

            self._capabilities = open_capabilities(self.plan)
        return self._capabilities

    def seats(self, name: str):
        """The seats of kind `name` (registered by a higher app)."""
        if name not in self._seats:
            self._seats[name] = SEAT_LOADERS[name](self.user, self.plan)
        return self._seats[name]

    @property
    def is_secretariat(self) -> bool:
        return Role.SECRETARIAT in self.roles

    @property
    def holds_a_seat(self) -> bool:
        """Holds a seat of any kind the higher apps register (a table, a named delegation), with
        or without a role: each kind read once, like every seat."""
        return any(_holds(self.seats(name)) for name in SEAT_LOADERS)


def _holds(seats) -> bool:
    """Whether a loader's answer names any seat: a set, or a tuple of sets (joined and led
    tables; headed and delegated institutions)."""
    if isinstance(seats, tuple):
        return any(bool(part) for part in seats)
    return bool(seats)


def permissions_for(user, plan) -> PermissionContext | None:
    """The permission context of `user` in `plan` (None without a saved plan), cached for the
    request on the user object. Accepts a request's lazy user."""
    if plan is None or plan.pk is None or user is None:
        return None
    if isinstance(user, LazyObject):  # a request's lazy user: cache on the user itself
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    cache = user.__dict__.setdefault(_CACHE, {})
    context = cache.get(plan.pk)
    if context is None or context.generation != _current[0]:
        context = cache[plan.pk] = PermissionContext(user, plan)
    return context


_PLATFORM = "_cocrea_platform_admin"


def is_platform_admin(user) -> bool:
    """Whether `user` is a platform administrator (a site-level role, in no plan): one query per
    request, then answered from memory; a grant or withdrawal is seen by the next check."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not getattr(user, "is_active", False):
        return False
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    cached = user.__dict__.get(_PLATFORM)
    if cached is None or cached[0] != _current[0]:
        cached = user.__dict__[_PLATFORM] = (
            _current[0],
            PlatformAdministrator.objects.filter(user_id=user.pk).exists(),
        )
    return cached[1]
