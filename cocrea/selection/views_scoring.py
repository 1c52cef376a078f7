"""The pages of the methodology, the eligibility checks and the scoring: the secretariat's
methodology editor, eligibility list and check form, progress per member; a member's queue and
ballot; the ranking (once scoring closed) with its CSV; the public methodology page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.core.csv import csv_download
from cocrea.core.params import int_param
from cocrea.plans import capabilities
from cocrea.plans import queries as plan_queries
from cocrea.proposals.actions import language_name

from . import actions, queries, rules
from .forms_scoring import (
    AdoptForm,
    BallotForm,
    CheckForm,
    ConflictForm,
    CriterionForm,
    MethodologyForm,
    NewVersionForm,
    OverturnForm,
    RequirementForm,
    rows_formset,
)
from .models import Candidate, EligibilityCheck, Methodology

PAGE_SIZE = 50


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _refused(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _version(plan, number) -> Methodology:
    methodology = get_object_or_404(Methodology, plan=plan, number=number)
    methodology.plan = plan
    return methodology


# --- the methodology (secretariat) --------------------------------------------------------------


@login_required
def methodologies(request, slug):
    """The versions, the draft's or adopted version's next step, a new version."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "selection.change_methodology", plan)
    versions = list(queries.methodology_versions(plan))
    waiting = next((m for m in versions if m.status in ("draft", "adopted")), None)
    new_form = NewVersionForm(plan=plan) if waiting is None and versions else None
    return render(
        request,
        "selection/methodologies.html",
        {
            "plan": plan,
            "versions": versions,
            "waiting": waiting,
            "adopt_form": AdoptForm(plan=plan) if waiting and waiting.status == "draft" else None,
            "new_form": new_form,
            "may_adopt": rules.can_adopt_methodology(user, plan),
            "may_publish": rules.can_publish_methodology(user, plan),
        },
    )


@login_required
@require_POST
def methodology_new(request, slug):
    plan = _plan(slug)
    require_perm(request.user, "selection.change_methodology", plan)
    form = NewVersionForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            methodology = actions.create_methodology(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Version %(number)s drafted.") % {"number": methodology.number}
            )
            return redirect("selection:methodology_edit", slug=plan.slug, number=methodology.number)
    return redirect("selection:methodologies", slug=plan.slug)


def _initial_rows(items, fields) -> list[dict]:
    rows = []
    for item in items:
        row = {}
        for name in fields:
            if name in ("weight", "scale_min", "scale_max"):
                row[name] = getattr(item, name)
            else:
                for lang in ("es", "en"):
                    row[f"{name}_{lang}"] = getattr(item, f"{name}_{lang}") or ""
        rows.append(row)
    return rows


@login_required
def methodology_edit(request, slug, number):
    """The draft's editor: introduction (and reason), requirements and criteria, rows added
    and removed without JavaScript."""
    plan = _plan(slug)
    methodology = _version(plan, number)
    require_perm(request.user, "selection.change_methodology", methodology)
    if not methodology.is_editable:
        messages.info(request, _("Only a draft is edited; start a new version to change it."))
        return redirect("selection:methodologies", slug=plan.slug)
    data = request.POST or None
    with_reason = methodology.number > 1
    initial = {}
    for lang in ("es", "en"):
        initial[f"introduction_{lang}"] = getattr(methodology, f"introduction_{lang}") or ""
        initial[f"reason_{lang}"] = getattr(methodology, f"reason_{lang}") or ""
    form = MethodologyForm(data, plan=plan, with_reason=with_reason, initial=initial)
    requirements = rows_formset(
        RequirementForm,
        data,
        plan=plan,
        prefix="requirements",
        initial=_initial_rows(methodology.requirements.all(), ["text", "guidance"]),
    )
    criteria = rows_formset(
        CriterionForm,
        data,
        plan=plan,
        prefix="criteria",
        initial=_initial_rows(
            methodology.criteria.all(), ["name", "guidance", "weight", "scale_min", "scale_max"]
        ),
    )
    adding = data is not None and ("add_requirements" in data or "add_criteria" in data)
    valid = form.is_valid() and requirements.is_valid() and criteria.is_valid()
    if data is not None and not adding and valid:
        try:
            actions.update_methodology(
                methodology,
                by=request.user,
                requirements=requirements.rows(),
                criteria=criteria.rows(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("selection:methodologies", slug=plan.slug)
    return render(
        request,
        "selection/methodology_edit.html",
        {
            "plan": plan,
            "methodology": methodology,
            "form": form,
            "requirements": requirements,
            "criteria": criteria,
            "default_language": language_name(plan.default_language),
        },
        status=400 if not adding and form.errors else 200,
    )


@login_required
@require_POST
def methodology_adopt(request, slug, number):
    plan = _plan(slug)
    methodology = _version(plan, number)
    require_perm(request.user, "selection.adopt_methodology", methodology)
    form = AdoptForm(request.POST, plan=plan)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        try:
            actions.adopt_methodology(
                methodology, event=form.cleaned_data["event"], by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The commission's adoption is recorded."))
    return redirect("selection:methodologies", slug=plan.slug)


@login_required
@require_POST
def methodology_publish(request, slug, number):
    plan = _plan(slug)
    methodology = _version(plan, number)
    require_perm(request.user, "selection.publish_methodology", methodology)
    try:
        actions.publish_methodology(methodology, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The methodology is published."))
    return redirect("selection:methodologies", slug=plan.slug)


# --- eligibility (secretariat) ------------------------------------------------------------------

ELIGIBILITY_STATES = [
    ("", gettext_lazy("All")),
    ("unchecked", gettext_lazy("Not checked")),
    ("eligible", gettext_lazy("Eligible")),
    ("ineligible", gettext_lazy("Not eligible")),
]


def _state(check) -> str:
    if check is None:
        return "unchecked"
    return "eligible" if check.is_eligible else "ineligible"


@login_required
@require_GET
def eligibility(request, slug):
    """Every candidate with its eligibility under the published methodology; filters by table,
    axis and state."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "selection.overturn_eligibility", plan)
    actions.ensure_candidates(plan)
    methodology = queries.published_methodology(plan)
    checks = queries.checks_by_candidate(plan, methodology)
    table, axis = int_param(request.GET, "table"), int_param(request.GET, "axis")
    state = request.GET.get("state", "")
    found = queries.ordered_candidates(plan)
    if table:
        found = [c for c in found if c.proposal.working_table.number == table]
    if axis:
        found = [c for c in found if c.proposal.axis.number == axis]
    if state in dict(ELIGIBILITY_STATES) and state:
        found = [c for c in found if _state(checks.get(c.pk)) == state]
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    may_check = rules.can_check_eligibility(user, plan)
    rows = [(candidate, checks.get(candidate.pk)) for candidate in page]
    return render(
        request,
        "selection/eligibility.html",
        {
            "plan": plan,
            "methodology": methodology,
            "page": page,
            "rows": rows,
            "may_check": may_check,
            "tables": list(plan.tables.order_by("number")),
            "axes": list(plan.axes.order_by("number")),
            "table": table,
            "axis": axis,
            "state": state,
            "states": ELIGIBILITY_STATES,
        },
    )


def _candidate(plan, pk) -> Candidate:
    candidate = get_object_or_404(
        Candidate.objects.select_related(
            "proposal__working_table", "proposal__axis", "proposal__review"
        ),
        plan=plan,
        pk=pk,
    )
    candidate.plan = candidate.proposal.plan = plan
    return candidate


@login_required
def check(request, slug, pk):
    """The check form of one candidate (each requirement met or not, the reason when not), its
    current check and the commission's overturn."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "selection.overturn_eligibility", plan)
    candidate = _candidate(plan, pk)
    methodology = queries.published_methodology(plan)
    current = queries.eligibility(candidate, methodology) if methodology else None
    requirements = list(methodology.requirements.all()) if methodology else []
    may_check = methodology is not None and rules.can_check_eligibility(user, candidate)
    form = CheckForm(request.POST or None, plan=plan, requirements=requirements, check=current)
    if request.method == "POST":
        if not may_check:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.check_eligibility(candidate, by=user, results=form.results())
            except ValidationError as error:
                _refused(form, error)
            else:
                messages.success(request, _("The eligibility check is saved."))
                return redirect("selection:eligibility", slug=plan.slug)
    return render(
        request,
        "selection/check.html",
        {
            "plan": plan,
            "candidate": candidate,
            "text": candidate.text,
            "methodology": methodology,
            "current": current,
            "form": form,
            "may_check": may_check,
            "overturn_form": OverturnForm(plan=plan)
            if current is not None and not current.is_overturned
            else None,
            "default_language": language_name(plan.default_language),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def overturn(request, slug, pk):
    plan = _plan(slug)
    candidate = _candidate(plan, pk)
    require_perm(request.user, "selection.overturn_eligibility", candidate)
    methodology = queries.published_methodology(plan)
    current = get_object_or_404(EligibilityCheck, candidate=candidate, methodology=methodology)
    current.candidate = candidate
    form = OverturnForm(request.POST, plan=plan)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        data = form.cleaned_data
        try:
            actions.overturn_eligibility(
                current,
                event=data["event"],
                by=request.user,
                reason_es=data.get("reason_es", ""),
                reason_en=data.get("reason_en", ""),
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The commission's overturn is recorded."))
    return redirect("selection:check", slug=plan.slug, pk=candidate.pk)


# --- scoring (commission members) ---------------------------------------------------------------


def _ballot_state(ballot) -> str:
    if ballot is None:
        return "due"
    return "abstained" if ballot.abstained else "scored"


@login_required
@require_GET
def queue(request, slug):
    """A member's eligible candidates with the state of their ballot: due, scored, abstained."""
    plan = _plan(slug)
    user = request.user
    require_perm(user, "selection.list_ballots", plan)
    actions.ensure_candidates(plan)
    methodology = queries.published_methodology(plan)
    eligible = queries.eligible_ids(plan, methodology)
    found = [c for c in queries.ordered_candidates(plan) if c.pk in eligible]
    ballots = queries.ballots_of(user, plan, methodology)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(c, _ballot_state(ballots.get(c.pk))) for c in page]
    due = sum(1 for c in found if c.pk not in ballots)
    return render(
        request,
        "selection/queue.html",
        {
            "plan": plan,
            "methodology": methodology,
            "page": page,
            "rows": rows,
            "due": due,
            "scoring_open": capabilities.is_open(plan, "scoring"),
            "closed": queries.scoring_closed(plan),
        },
    )


def _scoring_candidate(request, slug, pk):
    plan = _plan(slug)
    require_perm(request.user, "selection.list_ballots", plan)
    candidate = _candidate(plan, pk)
    methodology = queries.published_methodology(plan)
    if methodology is None or candidate.pk not in queries.eligible_ids(plan, methodology):
        raise Http404
    return plan, candidate, methodology


@login_required
def ballot(request, slug, pk):
    """The ballot of one candidate: its text, each criterion with its guidance and scale, the
    comment; and the declaration of a conflict of interest."""
    plan, candidate, methodology = _scoring_candidate(request, slug, pk)
    user = request.user
    mine = queries.ballots_of(user, plan, methodology).get(candidate.pk)
    may_score = rules.can_score_candidate(user, candidate)
    criteria = list(methodology.criteria.all())
    form = BallotForm(request.POST or None, plan=plan, criteria=criteria, ballot=mine)
    if request.method == "POST":
        if not may_score:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.cast_ballot(
                    candidate,
                    by=user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                _refused(form, error)
            else:
                messages.success(request, _("Your scores are saved."))
                return redirect("selection:queue", slug=plan.slug)
    return _ballot_page(request, plan, candidate, methodology, mine, may_score, form, None)


def _ballot_page(request, plan, candidate, methodology, mine, may_score, form, conflict_form):
    return render(
        request,
        "selection/ballot.html",
        {
            "plan": plan,
            "candidate": candidate,
            "text": candidate.text,
            "methodology": methodology,
            "ballot": mine,
            "may_score": may_score,
            "form": form,
            "conflict_form": conflict_form or ConflictForm(plan=plan),
        },
        status=400 if form.errors or (conflict_form and conflict_form.errors) else 200,
    )


@login_required
@require_POST
def conflict(request, slug, pk):
    plan, candidate, methodology = _scoring_candidate(request, slug, pk)
    user = request.user
    require_perm(user, "selection.score_candidate", candidate)
    form = ConflictForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            actions.declare_conflict(candidate, by=user, conflict=form.cleaned_data["conflict"])
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("Your conflict of interest is recorded: you abstain."))
            return redirect("selection:queue", slug=plan.slug)
    mine = queries.ballots_of(user, plan, methodology).get(candidate.pk)
    ballot_form = BallotForm(plan=plan, criteria=list(methodology.criteria.all()), ballot=mine)
    return _ballot_page(request, plan, candidate, methodology, mine, True, ballot_form, form)


# --- progress and ranking -----------------------------------------------------------------------


@login_required
@require_GET
def progress(request, slug):
    plan = _plan(slug)
    require_perm(request.user, "selection.view_progress", plan)
    rows = queries.progress(plan)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "selection/progress.html",
        {
            "plan": plan,
            "page": page,
            "methodology": queries.published_methodology(plan),
            "closed": queries.scoring_closed(plan),
        },
    )


def _ranking(request, slug):
    plan = _plan(slug)
    require_perm(request.user, "selection.view_ranking", plan)
    closed = queries.scoring_closed(plan)
    methodology = queries.published_methodology(plan)
    rows = queries.ranking(plan, methodology) if closed else []
    return plan, closed, methodology, rows


@login_required
@require_GET
def ranking(request, slug):
    """The ranking overall and per axis, once scoring closed; before, a message."""
    plan, closed, methodology, rows = _ranking(request, slug)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "selection/ranking.html",
        {
            "plan": plan,
            "closed": closed,
            "methodology": methodology,
            "page": page,
            "groups": queries.by_axis(rows),
            "criteria": list(methodology.criteria.all()) if methodology else [],
            "tie_order": queries.tie_order(methodology.criteria.all()) if methodology else [],
        },
    )


@login_required
@require_GET
def ranking_csv(request, slug):
    plan, closed, methodology, rows = _ranking(request, slug)
    if not closed or methodology is None:
        raise Http404
    response, writer = csv_download(f"ranking-{plan.slug}-v{methodology.number}.csv")
    criteria = list(methodology.criteria.all())
    writer.writerow(
        [
            _("Rank"),
            _("Rank in its axis"),
            _("Proposal"),
            _("Counterproposal"),
            _("Working table"),
            _("Thematic axis"),
            _("Score (0-100)"),
            *(c.name for c in criteria),
            _("Members counted"),
            _("Abstentions"),
        ]
    )
    for row in rows:
        proposal = row.candidate.proposal
        writer.writerow(
            [
                row.rank or "",
                row.axis_rank or "",
                row.candidate.text.title if row.candidate.is_counterproposal else proposal.title,
                _("yes") if row.candidate.is_counterproposal else _("no"),
                proposal.working_table,
                proposal.axis,
                row.mean if row.mean is not None else "",
                *(mean if mean is not None else "" for _c, mean in row.criteria),
                row.members,
                row.abstentions,
            ]
        )
    return response


# --- public -------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def public_methodology(request, slug):
    """The published methodology with its requirements, criteria, weights and scales, the
    meeting that adopted it, and the history of its versions with their reasons."""
    plan = _plan(slug)
    versions = list(queries.published_versions(plan))
    current = next((m for m in versions if m.status == Methodology.Status.PUBLISHED), None)
    page = Paginator(versions, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "selection/public_methodology.html",
        {"plan": plan, "current": current, "page": page, "language": get_language()},
    )
