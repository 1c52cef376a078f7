"""Proposals: the table's workspace (slots, edit form, revision history, submit) and the public
list and page of submitted proposals. Drafts are never public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.plans import queries as plan_queries
from cocrea.tables.models import WorkingTable

from . import actions, queries
from .forms import ProposalForm
from .models import Proposal
from .revisions import diff

PAGE_SIZE = 20


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _table(plan, number) -> WorkingTable:
    table = get_object_or_404(WorkingTable.objects.select_related("axis"), plan=plan, number=number)
    table.plan = plan
    return table


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _comparison(request, revisions: list) -> dict:
    """The two revisions chosen by the `from` and `to` numbers (default: the last two) and the
    fields that differ between them."""
    by_number = {r.number: r for r in revisions}
    if not revisions:
        return {"old": None, "new": None, "changes": []}
    new = by_number.get(_int(request.GET.get("to"))) or revisions[-1]
    default_old = by_number.get(new.number - 1)
    old = by_number.get(_int(request.GET.get("from"))) or default_old
    if old is None:
        return {"old": None, "new": new, "changes": []}
    return {"old": old, "new": new, "changes": diff(old.snapshot, new.snapshot)}


# --- workspace ---------------------------------------------------------------------------------


@login_required
def workspace(request, slug, number):
    plan = _plan(slug)
    table = _table(plan, number)
    require_perm(request.user, "tables.view_table", table)
    slots = queries.slots_of(table, table.axis)
    submitted = any(p and p.is_locked for _slot, _label, p in slots)
    return render(
        request,
        "proposals/workspace.html",
        {
            "plan": plan,
            "table": table,
            "slots": slots,
            "submitted": submitted,
            "missing": [] if submitted else actions.missing_for_submission(table, table.axis),
        },
    )


@login_required
def edit(request, slug, number, slot):
    plan = _plan(slug)
    table = _table(plan, number)
    if slot not in Proposal.Slot.values:
        raise Http404
    require_perm(request.user, "proposals.change_proposal", table)
    proposal = Proposal.objects.filter(working_table=table, axis=table.axis, slot=slot).first()
    if proposal is not None and proposal.is_locked:
        messages.error(request, _("This proposal has been submitted and can no longer change."))
        return redirect("proposals:workspace", slug=plan.slug, number=table.number)
    form = ProposalForm(request.POST or None, initial=ProposalForm.initial_from(proposal))
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_proposal(table, table.axis, slot, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Proposal saved."))
            return redirect("proposals:workspace", slug=plan.slug, number=table.number)
    return render(
        request,
        "proposals/edit.html",
        {
            "plan": plan,
            "table": table,
            "slot_label": Proposal.Slot(slot).label,
            "form": form,
        },
    )


@login_required
@require_GET
def history(request, slug, number, slot):
    plan = _plan(slug)
    table = _table(plan, number)
    require_perm(request.user, "tables.view_table", table)
    proposal = get_object_or_404(Proposal, working_table=table, axis=table.axis, slot=slot)
    revisions = list(queries.revisions(proposal, with_authors=True))
    return render(
        request,
        "proposals/history.html",
        {
            "plan": plan,
            "table": table,
            "proposal": proposal,
            "revisions": revisions,
            "show_authors": True,
            **_comparison(request, revisions),
        },
    )


@login_required
@require_POST
def submit(request, slug, number):
    plan = _plan(slug)
    table = _table(plan, number)
    try:
        actions.submit_set(table, table.axis, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The proposals have been submitted."))
    return redirect("proposals:workspace", slug=plan.slug, number=table.number)


# --- public ------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def public_list(request, slug):
    plan = _plan(slug)
    axis, table = _int(request.GET.get("axis")), _int(request.GET.get("table"))
    page = Paginator(queries.submitted(plan, axis=axis, table=table), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "proposals/public_list.html",
        {
            "plan": plan,
            "page": page,
            "axes": list(plan.axes.order_by("number")),
            "tables": list(plan.tables.order_by("number")),
            "axis": axis,
            "table": table,
        },
    )


@require_GET
@cache_public_page
def public_detail(request, slug, pk):
    plan = _plan(slug)
    proposal = queries.submitted_proposal(plan, pk)
    if proposal is None:
        raise Http404
    revisions = list(queries.revisions(proposal))
    return render(
        request,
        "proposals/public_detail.html",
        {
            "plan": plan,
            "proposal": proposal,
            "revisions": revisions,
            "show_authors": False,
            **_comparison(request, revisions),
        },
    )
