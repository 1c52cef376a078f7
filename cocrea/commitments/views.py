"""Commitments: the workspace's list (with the selected proposals still to develop), the edit
page with its completeness panel, the revision history; and the public list and page, marked as
a draft until the plan is published."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page, fragment_key
from cocrea.core.params import int_param
from cocrea.plans import queries as plan_queries
from cocrea.proposals.models import Proposal
from cocrea.proposals.revisions import diff

from . import actions, queries, rules
from .forms import CommitmentForm, Institutions, commitment_milestones

PAGE_SIZE = 20
WORKSPACE_PAGE_SIZE = 50


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _commitment(plan, number):
    found = queries.commitment(plan, number)
    if found is None:
        raise Http404
    return found


# --- workspace ---------------------------------------------------------------------------------


@login_required
@require_GET
def workspace_list(request, slug):
    """The plan's commitments with how complete each is, filtered by axis, table or "mine"; and
    the selected proposals without a commitment, for whoever may create one."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "commitments.list_commitments", plan)
    axis, table = int_param(request.GET, "axis"), int_param(request.GET, "table")
    mine = request.GET.get("mine") == "1"
    found = queries.commitments(plan, axis=axis, table=table)
    if mine:
        found = queries.edited_by(found, user, plan)
    page = Paginator(found, WORKSPACE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for commitment in queries.with_supporting_ids(page):
        commitment.plan = plan
        rows.append(
            {
                "commitment": commitment,
                "missing": len(actions.missing(commitment)),
                "percent": actions.completeness(commitment),
                "can_change": rules.can_change_commitment(user, commitment),
            }
        )
    can_create = rules.can_create_commitment(user, plan)
    return render(
        request,
        "commitments/workspace.html",
        {
            "plan": plan,
            "page": page,
            "rows": rows,
            "can_create": can_create,
            "awaiting": list(queries.awaiting_commitment(plan)[:100]) if can_create else [],
            "axes": list(plan.axes.order_by("number")),
            "tables": list(plan.tables.order_by("number")),
            "axis": axis,
            "table": table,
            "mine": mine,
        },
    )


@login_required
@require_POST
def create(request, slug, pk):
    plan = _plan(slug)
    proposal = get_object_or_404(Proposal, plan=plan, pk=pk)
    proposal.plan = plan
    try:
        commitment = actions.create_commitment(proposal, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("commitments:workspace", slug=plan.slug)
    messages.success(
        request,
        _("Commitment %(number)s created. Complete it in the plan's template.")
        % {"number": commitment.number},
    )
    return redirect("commitments:edit", slug=plan.slug, number=commitment.number)


@login_required
def edit(request, slug, number):
    plan = _plan(slug)
    commitment = _commitment(plan, number)
    require_perm(request.user, "commitments.change_commitment", commitment)
    institutions = Institutions(plan)
    data = request.POST or None
    form = CommitmentForm(
        data,
        initial=CommitmentForm.initial_from(commitment),
        commitment=commitment,
        institutions=institutions,
    )
    rows = commitment_milestones(data, commitment, institutions)
    adding_row = data is not None and "add_row" in data
    if data is not None and not adding_row and form.is_valid() and rows.is_valid():
        try:
            changed = actions.update_commitment(
                commitment, by=request.user, fields=form.cleaned_data, milestones=rows.rows()
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            if changed:
                messages.success(request, _("Commitment saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("commitments:edit", slug=plan.slug, number=commitment.number)
    missing = actions.missing(commitment)
    return render(
        request,
        "commitments/edit.html",
        {
            "plan": plan,
            "commitment": commitment,
            "form": form,
            "milestones": rows,
            "missing": missing,
            "percent": actions.completeness(commitment),
            "default_language": actions.language_name(plan.default_language),
        },
        status=400 if form.errors else 200,
    )


def _comparison(request, revisions: list, declared, *, hide_personal=False) -> dict:
    by_number = {r.number: r for r in revisions}
    if not revisions:
        return {"old": None, "new": None, "changes": []}
    new = by_number.get(int_param(request.GET, "to")) or revisions[-1]
    old = by_number.get(int_param(request.GET, "from")) or by_number.get(new.number - 1)
    if old is None:
        return {"old": None, "new": new, "changes": []}
    changes = diff(old.snapshot, new.snapshot, declared, hide_personal=hide_personal)
    return {"old": old, "new": new, "changes": changes}


@login_required
@require_GET
def history(request, slug, number):
    plan = _plan(slug)
    commitment = _commitment(plan, number)
    require_perm(request.user, "commitments.list_commitments", plan)
    revisions = list(queries.revisions(commitment, with_authors=True))
    return render(
        request,
        "commitments/history.html",
        {
            "plan": plan,
            "commitment": commitment,
            "revisions": revisions,
            "show_authors": True,
            "can_change": rules.can_change_commitment(request.user, commitment),
            **_comparison(request, revisions, commitment.declared_fields),
        },
    )


# --- public ------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def public_list(request, slug):
    plan = _plan(slug)
    axis = int_param(request.GET, "axis")
    found = queries.public_commitments(plan, axis=axis)
    page = SimpleLazyObject(lambda: Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")))
    return render(
        request,
        "commitments/public_list.html",
        {
            "plan": plan,
            "page": page,
            "fragment": fragment_key(request, plan, get_language(), request.GET.urlencode()),
            "axes": SimpleLazyObject(lambda: list(plan.axes.order_by("number"))),
            "axis": axis,
            "is_draft": getattr(plan, "published_on", None) is None,
        },
    )


@require_GET
@cache_public_page
def public_detail(request, slug, number):
    plan = _plan(slug)
    commitment = _commitment(plan, number)
    return render(
        request,
        "commitments/public_detail.html",
        {
            "plan": plan,
            "commitment": commitment,
            "sections": commitment.display_sections(public=True),
        },
    )
