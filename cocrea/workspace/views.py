"""The secretariat's workspace. Each view: find the object, check the permission, bind the form,
call the action, redirect with a message."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import person_fragment, personal_page, plan_cached
from cocrea.plans import actions, capabilities, queries
from cocrea.plans.models import ActionPlan, Step
from cocrea.plans.rules import can_add_actionplan
from cocrea.proposals import queries as proposal_queries
from cocrea.proposals.rules import can_list_comments, can_view_comments
from cocrea.publication import queries_drafts as draft_queries
from cocrea.publication.rules import can_answer_draft_comment
from cocrea.selection import queries as selection_queries
from cocrea.tables.models import WorkingTable
from cocrea.tables.rules import tables_joined_by

from . import queries as workspace_queries
from .forms import PublishForm, StepForm
from .tasks import tasks_across, tasks_for


def _plan_for(request, slug: str, perm: str = "plans.view_workspace") -> ActionPlan:
    plan = queries.plan_for_request(request, slug)
    if plan is None:
        raise Http404
    require_perm(request.user, perm, plan)
    return plan


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _missing_text(missing) -> str:
    return _("No step of the programme enables: %(capabilities)s.") % {
        "capabilities": ", ".join(str(capability.name) for capability in missing)
    }


@login_required
def home(request):
    plans = list(workspace_queries.plans_for_user(request.user))
    # A platform administrator also sees every plan, which one is current, and "New plan".
    platform = can_add_actionplan(request.user)
    if len(plans) == 1 and not platform:
        return redirect("workspace:plan", slug=plans[0].slug)
    all_plans = (
        Paginator(queries.all_plans(), 50).get_page(request.GET.get("page")) if platform else None
    )
    return render(
        request,
        "workspace/home.html",
        {
            "plans": plans,
            "all_plans": all_plans,
            "platform": platform,
            "tasks": tasks_across(request.user, plans),
        },
    )


@login_required
@personal_page
def plan_dashboard(request, slug):
    return _dashboard(request, _plan_for(request, slug))


def _dashboard(request, plan, publish_form=None):
    """The plan's workspace page; `publish_form`, when given, is a refused publication form
    shown with its errors and the text as typed. What it reads of the plan (the changes since the
    published version, the count of comments, the person's tasks) comes from the cache keyed by
    the plan's revisions (and the person, the day and the language for the tasks)."""
    user = request.user
    today = timezone.localdate()
    language = get_language()
    steps = plan_cached(request, plan, "steps", lambda: list(queries.programme_steps(plan)))

    def listed() -> dict:
        return {
            "plan": plan,
            "steps": steps,
            # Each step's links: this prefix, the step's key and its action (no reverse per row).
            "steps_url": reverse("workspace:step_create", args=[plan.slug]).removesuffix("new/"),
            "proposal_links": proposal_queries.workspace_links(user, plan),
            "scoring_links": selection_queries.scoring_links(user, plan),
            "tasks": plan_cached(
                request,
                plan,
                f"tasks:{user.pk}:{today.isoformat()}:{language}",
                lambda: tasks_for(user, plan),
            ),
            "may_list_comments": can_list_comments(user, plan),
            # The queue of public comments, counted for who sees them all.
            "comment_counts": plan_cached(
                request, plan, "comment-counts", lambda: proposal_queries.comment_counts(plan)
            )
            if can_view_comments(user, plan)
            else None,
            # The queue of comments on the draft plan, for who answers them.
            "draft_comment_counts": plan_cached(
                request,
                plan,
                "draft-comment-counts",
                lambda: draft_queries.draft_comment_counts(plan),
            )
            if can_answer_draft_comment(user, plan)
            else None,
            # The tables the person leads or sits at: their daily work starts there.
            "my_tables": list(
                WorkingTable.objects.filter(pk__in=tables_joined_by(user, plan))
                .prefetch_related("axes")
                .order_by("number")
            ),
        }

    return render(
        request,
        "workspace/plan.html",
        {
            "plan": plan,
            "steps": steps,
            # Warnings: what the cycle needs that no step enables; axes no table covers.
            "missing_capabilities": capabilities.missing_for_cycle(steps) if steps else [],
            "orphan_axes": plan_cached(
                request,
                plan,
                "orphan-axes",
                lambda: list(plan.axes.filter(tables__isnull=True).order_by("number")),
            ),
            "pending_changes": plan_cached(
                request, plan, f"changes:{language}", lambda: queries.unpublished_changes(plan)
            ),
            "latest_version": plan.versions.order_by("-number").first(),
            "publish_form": publish_form or PublishForm(plan=plan),
            "my_roles": [r.get_role_display() for r in plan.roles.filter(user=request.user)],
            # The tasks, the links to the person's pages and the steps with their buttons:
            # the person's, kept by the plan's revisions (a reload renders none of it).
            "listed": person_fragment(
                request, plan, "dashboard", "workspace/_plan_listed.html", listed
            ),
        },
        status=400 if publish_form else 200,
    )


@login_required
def step_create(request, slug):
    plan = _plan_for(request, slug, "plans.create_step")
    form = StepForm(request.POST or None, instance=Step(plan=plan))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            step = actions.create_step(plan, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Step %(step)s added.") % {"step": step})
            return redirect("workspace:plan", slug=plan.slug)
    return render(request, "workspace/step_form.html", {"plan": plan, "form": form, "step": None})


@login_required
def step_edit(request, slug, key):
    plan = _plan_for(request, slug)
    step = get_object_or_404(plan.steps, key=key)
    require_perm(request.user, "plans.change_step", step)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        if data.get("number") is None:
            data.pop("number", None)
        # The form wrote its values into the instance; the action compares against the database.
        step.refresh_from_db()
        try:
            changed = actions.update_step(step, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("Step %(step)s saved.") % {"step": step})
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("workspace:plan", slug=plan.slug)
    return render(request, "workspace/step_form.html", {"plan": plan, "form": form, "step": step})


def _step_transition(request, slug, key, action, done_message):
    plan = _plan_for(request, slug)
    step = get_object_or_404(plan.steps, key=key)
    try:
        step = action(step, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, done_message % {"step": step})
    return redirect("workspace:plan", slug=plan.slug)


@login_required
@require_POST
def step_open(request, slug, key):
    return _step_transition(request, slug, key, actions.open_step, _("Step %(step)s is open."))


@login_required
@require_POST
def step_close(request, slug, key):
    return _step_transition(request, slug, key, actions.close_step, _("Step %(step)s is closed."))


@login_required
@require_POST
def step_delete(request, slug, key):
    plan = _plan_for(request, slug)
    step = get_object_or_404(plan.steps, key=key)
    title = str(step)
    try:
        actions.delete_step(step, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Step %(step)s removed.") % {"step": title})
    return redirect("workspace:plan", slug=plan.slug)


@login_required
@require_POST
def publish(request, slug):
    plan = _plan_for(request, slug, "plans.publish_version")
    form = PublishForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            version = actions.publish_version(
                plan,
                by=request.user,
                published_on=form.cleaned_data["published_on"],
                **form.change_summary(),
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request, _("Version %(number)s is published.") % {"number": version.number}
            )
            missing = capabilities.missing_for_cycle(plan.steps.all())
            if missing:
                messages.warning(request, _missing_text(missing))
            return redirect("public:version", slug=plan.slug, number=version.number)
    else:
        return _dashboard(request, plan, publish_form=form)
    return redirect("workspace:plan", slug=plan.slug)
