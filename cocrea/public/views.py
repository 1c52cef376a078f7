"""The public site. Views read queries and render; they never write models."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cocrea.core.cache import cache_public_page, fragment_key
from cocrea.core.languages import use_plan_languages
from cocrea.core.params import int_param
from cocrea.events import queries as event_queries
from cocrea.events.ical import calendar
from cocrea.plans import queries
from cocrea.plans.models import ActionPlan, Step
from cocrea.plans.versions import compare, localized

from .charts import gantt


def _plan(slug: str | None) -> ActionPlan:
    plan = queries.plan_by_slug(slug) if slug else queries.current_plan()
    if plan is None:
        raise Http404(_("No action plan has been published yet."))
    return plan


@require_GET
@cache_public_page(plan=queries.current_plan_id)
def home(request, slug=None):
    plan = (
        queries.plan_for_request(request, slug)
        if slug
        else queries.current_plan_for_request(request)
    )
    if plan is None:
        if slug:
            raise Http404
        return render(request, "public/empty.html")
    if not slug:
        use_plan_languages(request, plan)
    # The page's body is one fragment, the same for everyone, cached by the plan's revisions
    # (a signed-in visit renders the page afresh): its steps, axes and version are read only
    # when it is rendered.
    steps = SimpleLazyObject(lambda: list(queries.programme_steps(plan)))
    return render(
        request,
        "public/home.html",
        {
            "plan": plan,
            "axes": SimpleLazyObject(lambda: list(plan.axes.all())),
            "steps": steps,
            "open_steps": SimpleLazyObject(
                lambda: [s for s in steps if s.status == Step.Status.OPEN]
            ),
            "closed_count": SimpleLazyObject(
                lambda: sum(s.status == Step.Status.CLOSED for s in steps)
            ),
            "latest_version": SimpleLazyObject(lambda: plan.versions.order_by("-number").first()),
            "fragment": fragment_key(request, plan, get_language()),
        },
    )


@require_GET
@cache_public_page
def programme(request, slug):
    plan = _plan(slug)
    today = timezone.localdate()
    # The chart and the table are one fragment, the same for everyone, cached by the plan's
    # revisions: the steps are read only when it is rendered.
    steps = SimpleLazyObject(lambda: list(queries.programme_steps(plan)))
    return render(
        request,
        "public/programme.html",
        {
            "plan": plan,
            "steps": steps,
            "chart": SimpleLazyObject(lambda: gantt(steps, today=today)),
            "today": today,
            "fragment": fragment_key(request, plan, get_language(), today.isoformat()),
            "latest_version": plan.versions.order_by("-number").first(),
        },
    )


@require_GET
@cache_public_page
def step_detail(request, slug, key):
    plan = _plan(slug)
    step = get_object_or_404(plan.steps, key=key)
    history = queries.step_history(step)[:50]
    return render(request, "public/step.html", {"plan": plan, "step": step, "history": history})


@require_GET
@cache_public_page
def versions(request, slug):
    plan = _plan(slug)
    items = list(plan.versions.order_by("-number").select_related("published_by"))
    return render(request, "public/versions.html", {"plan": plan, "versions": items})


@require_GET
@cache_public_page
def version_detail(request, slug, number):
    plan = _plan(slug)
    version = get_object_or_404(plan.versions, number=number)
    rows = [
        {
            "number": row["number"],
            "key": row["key"],
            "title": localized(row, "title"),
            "description": localized(row, "description"),
            "responsible": localized(row, "responsible"),
            "planned_start": row["planned_start"],
            "planned_end": row["planned_end"],
        }
        for row in version.snapshot
    ]
    others = (
        plan.versions.exclude(pk=version.pk).order_by("-number").values_list("number", flat=True)
    )
    return render(
        request,
        "public/version.html",
        {"plan": plan, "version": version, "rows": rows, "others": list(others)},
    )


@require_GET
@cache_public_page
def compare_versions(request, slug):
    plan = _plan(slug)
    numbers = list(plan.versions.order_by("number").values_list("number", flat=True))
    if len(numbers) < 2:
        return render(request, "public/compare.html", {"plan": plan, "numbers": numbers})
    # An unreadable or out-of-range number is one no version has: the page says so (400).
    old_number = int_param(request.GET, "from", default=0) if "from" in request.GET else numbers[-2]
    new_number = int_param(request.GET, "to", default=0) if "to" in request.GET else numbers[-1]
    by_number = {v.number: v for v in plan.versions.filter(number__in=[old_number, new_number])}
    error = None
    if old_number not in by_number or new_number not in by_number:
        error = _("Choose two published versions.")
        changes = []
    else:
        changes = compare(by_number[old_number].snapshot, by_number[new_number].snapshot)
    return render(
        request,
        "public/compare.html",
        {
            "plan": plan,
            "numbers": numbers,
            "old": by_number.get(old_number),
            "new": by_number.get(new_number),
            "old_number": old_number,
            "new_number": new_number,
            "changes": changes,
            "error": error,
        },
        status=400 if error else 200,
    )


@require_GET
@cache_public_page
def commission(request, slug):
    plan = _plan(slug)
    commission = getattr(plan, "commission", None)
    members = list(queries.commission_members(plan))
    return render(
        request,
        "public/commission.html",
        {
            "plan": plan,
            "commission": commission,
            "members": members,
            "meetings": event_queries.commission_status(plan),
            "decisions": Paginator(event_queries.commission_decisions(plan), 50).get_page(
                request.GET.get("page")
            ),
        },
    )


@require_GET
@cache_public_page
def activity(request, slug):
    plan = _plan(slug)
    page = Paginator(queries.public_log(plan), 50).get_page(request.GET.get("page"))
    return render(request, "public/activity.html", {"plan": plan, "page": page})


@require_GET
@cache_public_page
def programme_ical(request, slug):
    plan = _plan(slug)
    events = []
    for step in queries.programme_steps(plan):
        start = step.actual_start or step.planned_start
        end = step.actual_end or step.planned_end or start
        if start is None:
            continue
        events.append(
            {
                "uid": f"{plan.slug}-{step.key}",
                "start": start,
                "end": max(end, start),
                "summary": f"{step.number}. {step.title}",
                "description": (
                    f"{step.get_status_display()}. {step.responsible}\n\n{step.description}"
                ),
                "url": request.build_absolute_uri(step.get_absolute_url()),
            }
        )
    body = calendar(f"{plan.title} · {_('Work programme')}", events, host=request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-programme.ics"'
    return response


@require_GET
@cache_public_page(plan=queries.current_plan_id)
def about(request):
    plan = queries.current_plan()
    if plan is not None:
        use_plan_languages(request, plan)
    commission = getattr(plan, "commission", None) if plan else None
    return render(request, "public/about.html", {"plan": plan, "commission": commission})


@require_GET
def minimal(request):
    """The reference page of `make bench`: Django's floor on this server."""
    if not settings.BENCH_MINIMAL_VIEW:
        raise Http404
    return HttpResponse("ok", content_type="text/plain")
