"""Reads shared by the public site and the workspace, already joined for the pages that use them."""

from django.core.cache import cache
from django.db.models import Prefetch

from cocrea.core import revisions
from cocrea.core.models import ActionLog

from .models import ActionPlan, PlanRole, Role, Step
from .versions import compare, snapshot_steps


def is_secretariat_anywhere(user) -> bool:
    """Holds the secretariat's role in some action plan (login lockouts are site-wide)."""
    return PlanRole.objects.filter(user=user, role=Role.SECRETARIAT).exists()


CURRENT_PLAN_ORDER = ("-is_current", "-period_start")


def current_plan() -> ActionPlan | None:
    return ActionPlan.objects.select_related("lead_agency").order_by(*CURRENT_PLAN_ORDER).first()


def current_plan_id():
    """The id of `current_plan()`, as a query: what the page cache keys the home page by."""
    return ActionPlan.objects.order_by(*CURRENT_PLAN_ORDER).values("id")[:1]


def plan_by_slug(slug: str) -> ActionPlan | None:
    return ActionPlan.objects.select_related("lead_agency").filter(slug=slug).first()


# How long a plan's row stays in the cache: keyed by the revisions, it is never stale.
PLAN_TIMEOUT = 600


def _cached_plan(value: revisions.Revisions, name: str, read) -> ActionPlan | None:
    """The plan `read()` finds, from the cache keyed by `value`, the revisions this request
    read for it (every write to a plan, or to its lead agency, moves them)."""
    key = f"plan:{revisions.key(value)}:{name}"
    plan = cache.get(key)
    if plan is None:
        plan = read()
        if plan is not None:
            cache.set(key, plan, PLAN_TIMEOUT)
    return plan


def plan_for_request(request, slug: str) -> ActionPlan | None:
    """`plan_by_slug` for a page: on a GET whose plan's revisions this request has read (the
    language middleware reads them), from the cache keyed by them: no query. A POST, and a
    request that has not read them, asks the database."""
    value = revisions.read_for_request(request, slug) if request.method == "GET" else None
    if value is None or not value.plan:
        return plan_by_slug(slug)
    return _cached_plan(value, slug, lambda: plan_by_slug(slug))


def current_plan_for_request(request) -> ActionPlan | None:
    """`current_plan` for the home page: the revisions of the site and of the current plan read
    in one raw query (kept for this request, for the page's fragments), and the plan from the
    cache keyed by them."""
    name = f"{current_plan_id.__module__}.{current_plan_id.__qualname__}"
    value = revisions.for_query(name, current_plan_id, keep=False)
    if not value.plan:
        return current_plan()
    plan = _cached_plan(value, "current", current_plan)
    if plan is not None and plan.pk == value.plan:
        revisions.remember_for_request(request, plan.slug, value)
        return plan
    return current_plan()


def programme_steps(plan: ActionPlan):
    return plan.steps.order_by("number", "id")


def commission_members(plan: ActionPlan):
    return (
        PlanRole.objects.filter(plan=plan, role=Role.COMMISSION_MEMBER)
        .select_related("user", "organisation", "organisation__region")
        .order_by("organisation__sector", "organisation__name", "user__full_name")
    )


def public_log(plan: ActionPlan):
    return ActionLog.objects.public().filter(plan=plan).select_related("target_type")


def step_history(step: Step):
    return ActionLog.objects.public().for_object(step)


def plans_for_user(user):
    return (
        ActionPlan.objects.filter(roles__user=user)
        .distinct()
        .prefetch_related(Prefetch("roles", PlanRole.objects.filter(user=user)))
    )


def all_plans():
    """Every plan, the current one first, then the newest: the platform administrators' list."""
    return ActionPlan.objects.select_related("jurisdiction").order_by(
        "-is_current", "-period_start", "id"
    )


def unpublished_changes(plan: ActionPlan):
    """How the current steps differ from the latest published version (all added if none)."""
    latest = plan.versions.order_by("-number").first()
    return compare(latest.snapshot if latest else [], snapshot_steps(programme_steps(plan)))
