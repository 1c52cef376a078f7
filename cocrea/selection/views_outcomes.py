"""The selection decision in the workspace: every submitted proposal by axis with its
eligibility and outcome, a form per row recording the commission's decision at the meeting
chosen once on the page, withdrawals, promoted alternates and the publication of the reasoned
response. Thin: find -> check -> bind -> call the action -> redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.params import int_param
from cocrea.plans import queries as plan_queries
from cocrea.proposals.models import Proposal

from . import actions, queries, rules
from .forms_outcomes import MeetingForm, OutcomeForm, PromoteForm, WithdrawForm, merge_choices
from .models import Outcome

PAGE_SIZE = 50
# The page's filter of outcomes: every result, and "pending" (no outcome yet).
PENDING = "pending"
# How many proposals without an outcome the publication box names.
MISSING_SHOWN = 20


def _plan(request, slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    require_perm(request.user, "selection.view_selection", plan)
    return plan


def _proposal(plan, pk) -> Proposal:
    proposal = get_object_or_404(
        Proposal.objects.select_related("plan", "working_table", "axis"),
        plan=plan,
        pk=pk,
        status=Proposal.Status.SUBMITTED,
    )
    proposal.plan = plan
    return proposal


def _filters(request) -> dict:
    result = request.GET.get("outcome", "")
    return {
        "meeting": int_param(request.GET, "meeting"),
        "axis": int_param(request.GET, "axis"),
        "outcome": result if result in (PENDING, *Outcome.Result.values) else "",
        "page": int_param(request.GET, "page"),
    }


def _ids(kind: str, proposal) -> str:
    """Each row's forms have their own element ids (`id_record-12-result`)."""
    return f"id_{kind}-{proposal.pk}-%s"


def _back(plan, data, pk=None) -> str:
    """The page as it was (meeting, filters, page), at the row acted on."""
    keep = {k: data.get(k) for k in ("meeting", "axis", "outcome", "page") if data.get(k)}
    url = reverse("selection:decision", args=[plan.slug])
    if keep:
        url += "?" + urlencode(keep)
    return url + (f"#proposal-{pk}" if pk else "")


@login_required
def decision(request, slug, *, bound=None, status=200):
    """The page; `bound`: (proposal pk, the refused form of that row, its kind), shown with
    its errors and what was typed."""
    plan = _plan(request, slug)
    user = request.user
    filters = _filters(request) if bound is None else _filters_from(request.POST)
    meeting_form = MeetingForm(
        {"meeting": filters["meeting"]} if filters["meeting"] else None, plan=plan
    )
    meeting = meeting_form.cleaned_data["meeting"] if meeting_form.is_valid() else None
    found = queries.reasoned_response(plan, axis=filters["axis"], result=filters["outcome"])
    page = Paginator(found, PAGE_SIZE).get_page(filters["page"])
    rows = queries.decision_rows(plan, page.object_list)
    may_record = rules.can_record_outcome(user, plan)
    may_withdraw = rules.can_withdraw_commitment(user, plan)
    may_promote = rules.can_promote_alternate(user, plan)
    choices = merge_choices(plan) if may_record and meeting is not None else []
    vacancies = queries.vacancies(plan) if may_promote else {}
    event_value = {"event": meeting.pk} if meeting is not None else {}
    for proposal in rows:
        proposal.forms = {}
        if bound is not None and bound[0] == proposal.pk:
            proposal.forms[bound[2]] = bound[1]
            proposal.refused = bound[2]
        decided = proposal.decided
        if may_record and meeting is not None and "record" not in proposal.forms:
            initial = {**event_value}
            if decided is not None:
                initial.update(
                    result=decided.result,
                    reason_es=decided.reason_es,
                    reason_en=decided.reason_en,
                    merged_into=decided.merged_into_id,
                    as_counterproposal=decided.as_counterproposal,
                )
            proposal.forms["record"] = OutcomeForm(
                initial=initial,
                plan=plan,
                proposal=proposal,
                merge_choices=choices,
                auto_id=_ids("record", proposal),
            )
        if may_withdraw and decided is not None and decided.is_selected:
            proposal.forms.setdefault(
                "withdraw", WithdrawForm(plan=plan, auto_id=_ids("withdraw", proposal))
            )
        promotable = (
            may_promote
            and meeting is not None
            and proposal.slot.startswith("alternate_")
            and (decided is None or not decided.is_selected)
            and vacancies.get((proposal.working_table_id, proposal.axis_id), 0) > 0
        )
        if promotable:
            proposal.forms.setdefault(
                "promote",
                PromoteForm(initial=event_value, plan=plan, auto_id=_ids("promote", proposal)),
            )
    # Once scoring has closed, each row shows its candidates' place in the ranking (the page the
    # ranking has its own, with the rule and the criteria: selection:ranking).
    ranked = {}
    if queries.scoring_closed(plan):
        for row in queries.ranking(plan):
            if row.rank is None:
                continue
            ranked[(row.candidate.proposal_id, row.candidate.is_counterproposal)] = row
    for proposal in rows:
        proposal.ranked = ranked.get((proposal.pk, False))
        proposal.counter_ranked = ranked.get((proposal.pk, True))
    waiting = queries.without_outcome(plan)
    return render(
        request,
        "selection/decision.html",
        {
            "plan": plan,
            "page": page,
            "rows": rows,
            "scoring_closed": bool(ranked) or queries.scoring_closed(plan),
            "meeting_form": meeting_form,
            "meeting": meeting,
            "meetings_exist": bool(meeting_form.fields["meeting"].queryset[:1]),
            "axes": list(plan.axes.order_by("number")),
            "results": [(PENDING, _("No outcome yet")), *Outcome.Result.choices],
            "selected": queries.selected_count(plan),
            "published": queries.is_published(plan),
            # What publishing waits for: the first proposals without an outcome, and how many.
            "missing": list(waiting[:MISSING_SHOWN]),
            "missing_count": waiting.count(),
            "may_record": may_record,
            "may_publish": rules.can_publish_selection(user, plan),
            "query": urlencode({k: v for k, v in filters.items() if v and k != "page"}),
            "bound": bound,
            "meeting_id": filters["meeting"],
            "axis": filters["axis"],
            "outcome": filters["outcome"],
        },
        status=status,
    )


def _filters_from(data) -> dict:
    return {
        "meeting": int_param(data, "meeting"),
        "axis": int_param(data, "axis"),
        "outcome": data.get("outcome", "")
        if data.get("outcome", "") in (PENDING, *Outcome.Result.values)
        else "",
        "page": int_param(data, "page"),
    }


def _refused(request, slug, proposal, form, kind):
    return decision(request, slug, bound=(proposal.pk, form, kind), status=400)


@login_required
@require_POST
def record(request, slug, pk):
    plan = _plan(request, slug)
    proposal = _proposal(plan, pk)
    require_perm(request.user, "selection.record_outcome", proposal)
    queries.decision_rows(plan, [proposal])
    form = OutcomeForm(
        request.POST,
        plan=plan,
        proposal=proposal,
        merge_choices=merge_choices(plan),
        auto_id=_ids("record", proposal),
    )
    if form.is_valid():
        data = form.cleaned_data
        result = data["result"]
        try:
            actions.record_outcome(
                proposal,
                event=data["event"],
                by=request.user,
                result=result,
                reason_es=data.get("reason_es", ""),
                reason_en=data.get("reason_en", ""),
                as_counterproposal=bool(data.get("as_counterproposal"))
                and result == Outcome.Result.SELECTED,
                merged_into=data["merged_into"] if result == Outcome.Result.MERGED else None,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Outcome recorded for “%(title)s”.") % {"title": proposal})
            return redirect(_back(plan, request.POST, proposal.pk))
    return _refused(request, slug, proposal, form, "record")


@login_required
@require_POST
def withdraw(request, slug, pk):
    plan = _plan(request, slug)
    proposal = _proposal(plan, pk)
    outcome = get_object_or_404(Outcome, proposal=proposal)
    outcome.plan = plan
    require_perm(request.user, "selection.withdraw_commitment", outcome)
    form = WithdrawForm(request.POST, plan=plan, auto_id=_ids("withdraw", proposal))
    if form.is_valid():
        try:
            actions.withdraw_commitment(
                outcome,
                by=request.user,
                reason_es=form.cleaned_data.get("reason_es", ""),
                reason_en=form.cleaned_data.get("reason_en", ""),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("“%(title)s” is withdrawn from the plan.") % {"title": proposal}
            )
            return redirect(_back(plan, request.POST, proposal.pk))
    return _refused(request, slug, proposal, form, "withdraw")


@login_required
@require_POST
def promote(request, slug, pk):
    plan = _plan(request, slug)
    proposal = _proposal(plan, pk)
    require_perm(request.user, "selection.promote_alternate", proposal)
    form = PromoteForm(request.POST, plan=plan, auto_id=_ids("promote", proposal))
    if form.is_valid():
        try:
            actions.promote_alternate(
                proposal,
                event=form.cleaned_data["event"],
                by=request.user,
                reason_es=form.cleaned_data.get("reason_es", ""),
                reason_en=form.cleaned_data.get("reason_en", ""),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("“%(title)s” is promoted and selected.") % {"title": proposal}
            )
            return redirect(_back(plan, request.POST, proposal.pk))
    return _refused(request, slug, proposal, form, "promote")


@login_required
@require_POST
def publish(request, slug):
    plan = _plan(request, slug)
    try:
        actions.publish_selection(plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(plan, request.POST) + "#publish")
    messages.success(request, _("The selection is published with its reasoned response."))
    return redirect("public:reasoned_response", slug=plan.slug)
