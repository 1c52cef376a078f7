"""Proposals: the table's workspace (slots, edit form, revision history, submit) and the public
list and page of submitted proposals. Drafts are never public."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page, fragment_key, person_fragment, personal_page
from cocrea.core.params import int_param, text_param
from cocrea.plans import capabilities
from cocrea.plans import queries as plan_queries
from cocrea.tables.models import WorkingTable
from cocrea.tables.rules import tables_led_by

from . import actions, queries, rules
from .forms import (
    AnswerForm,
    AssignForm,
    CommentForm,
    DelegateForm,
    HideForm,
    ProposalForm,
    ReviewForm,
    SubmitSetForm,
    milestone_formset,
)
from .models import (
    Proposal,
    PublicComment,
    ReviewDelegate,
    ViabilityReview,
    slot_label,
    slot_names,
)
from .revisions import diff
from .rules import review_seats

PAGE_SIZE = 20


def _plan(request, slug):
    plan = plan_queries.plan_for_request(request, slug)
    if plan is None:
        raise Http404
    return plan


def _table(plan, number) -> WorkingTable:
    table = get_object_or_404(
        WorkingTable.objects.prefetch_related("axes"), plan=plan, number=number
    )
    table.plan = plan
    return table


def _axis(query, table):
    """The axis of the set worked on: `?axis=<number>` among those the table covers, by default
    its first one. A table drafts one set per axis it covers."""
    axes = sorted(table.axes.all(), key=lambda axis: axis.number)
    if not axes:
        raise Http404
    number = int_param(query, "axis")
    if number is None:
        return axes[0]
    for axis in axes:
        if axis.number == number:
            return axis
    raise Http404


def _comparison(request, revisions: list, version: str, *, hide_personal=False) -> dict:
    """The two revisions chosen by the `from` and `to` numbers (default: the last two) and the
    fields that differ between them, labelled as template `version` labels them."""
    by_number = {r.number: r for r in revisions}
    if not revisions:
        return {"old": None, "new": None, "changes": []}
    new = by_number.get(int_param(request.GET, "to")) or revisions[-1]
    default_old = by_number.get(new.number - 1)
    old = by_number.get(int_param(request.GET, "from")) or default_old
    if old is None:
        return {"old": None, "new": new, "changes": []}
    changes = diff(old.snapshot, new.snapshot, version, hide_personal=hide_personal)
    return {"old": old, "new": new, "changes": changes}


# --- workspace ---------------------------------------------------------------------------------


@login_required
def workspace(request, slug, number):
    plan = _plan(request, slug)
    table = _table(plan, number)
    require_perm(request.user, "tables.view_table", table)
    sets = []
    for axis in sorted(table.axes.all(), key=lambda axis: axis.number):
        slots = queries.slots_of(table, axis)
        submitted = any(p and p.is_locked for _slot, _label, p in slots)
        sets.append(
            {
                "axis": axis,
                "slots": slots,
                "submitted": submitted,
                "missing": [] if submitted else actions.missing_for_submission(table, axis),
            }
        )
    return render(request, "proposals/workspace.html", {"plan": plan, "table": table, "sets": sets})


@login_required
def edit(request, slug, number, slot):
    plan = _plan(request, slug)
    table = _table(plan, number)
    require_perm(request.user, "proposals.change_proposal", table)
    axis = _axis(request.GET, table)
    proposal = Proposal.objects.filter(working_table=table, axis=axis, slot=slot).first()
    if proposal is None and slot not in slot_names(plan):
        raise Http404
    if proposal is not None and proposal.is_locked:
        messages.error(request, _("This proposal has been submitted and can no longer change."))
        return redirect("proposals:workspace", slug=plan.slug, number=table.number)
    version = proposal.template_version if proposal else plan.template_version
    data = request.POST or None
    form = ProposalForm(
        data, initial=ProposalForm.initial_from(proposal), plan=plan, version=version
    )
    rows = milestone_formset(data, plan=plan, version=version, text=proposal)
    adding_row = data is not None and "add_row" in data
    if data is not None and not adding_row and form.is_valid() and rows.is_valid():
        try:
            actions.save_proposal(
                table,
                axis,
                slot,
                by=request.user,
                milestones=rows.rows(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Proposal saved."))
            return redirect(
                reverse("proposals:workspace", args=[plan.slug, table.number])
                + f"#axis-{axis.number}"
            )
    return render(
        request,
        "proposals/edit.html",
        {
            "plan": plan,
            "table": table,
            "axis": axis,
            "slot_label": slot_label(slot),
            "form": form,
            "milestones": rows,
            "default_language": actions.language_name(plan.default_language),
        },
    )


@login_required
def history(request, slug, number, slot):
    """A draft's revisions, their comparison and the table's discussion of it (where members
    comment while the table drafts)."""
    plan = _plan(request, slug)
    table = _table(plan, number)
    require_perm(request.user, "tables.view_table", table)
    axis = _axis(request.GET, table)
    proposal = get_object_or_404(Proposal, working_table=table, axis=axis, slot=slot)
    proposal.plan = plan
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.comment_draft(proposal, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Comment added."))
            url = reverse("proposals:history", args=[plan.slug, table.number, slot])
            return redirect(f"{url}?axis={axis.number}#discussion")
    revisions = list(queries.revisions(proposal, with_authors=True))
    return render(
        request,
        "proposals/history.html",
        {
            "plan": plan,
            "table": table,
            "proposal": proposal,
            "axis": axis,
            "revisions": revisions,
            "show_authors": True,
            "comments": list(queries.draft_comments(proposal)),
            "form": form,
            **_comparison(request, revisions, proposal.template_version),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def submit(request, slug, number):
    plan = _plan(request, slug)
    table = _table(plan, number)
    require_perm(request.user, "proposals.submit_proposals", table)
    confirm = SubmitSetForm(request.POST)
    if not confirm.is_valid():
        for message in confirm.errors["final"]:
            messages.error(request, message)
        return redirect("proposals:workspace", slug=plan.slug, number=table.number)
    axis = _axis(request.POST, table)
    try:
        actions.submit_set(table, axis, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The proposals have been submitted."))
    return redirect("proposals:workspace", slug=plan.slug, number=table.number)


# --- responsible institutions and objectives (step 9) -------------------------------------------


@login_required
@require_GET
def assignments(request, slug):
    """The submitted proposals with their responsible institutions, objectives and review state:
    the secretariat sees all, table leaders those of their tables."""
    plan = _plan(request, slug)
    user = request.user
    require_perm(user, "proposals.list_assignments", plan)
    found = queries.submitted(plan)
    if not rules.can_view_assignments(user, plan):  # leaders see their tables'
        found = found.filter(working_table_id__in=tables_led_by(user, plan))
    step_open = capabilities.is_open(plan, "assignment")
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    rows = []
    for proposal in page:
        proposal.plan = plan
        rows.append((proposal, rules.can_assign_institutions(user, proposal)))
    return render(
        request,
        "proposals/assignments.html",
        {"plan": plan, "page": page, "rows": rows, "step_open": step_open},
    )


@login_required
def assign(request, slug, pk):
    plan = _plan(request, slug)
    proposal = get_object_or_404(
        Proposal.objects.select_related("axis", "working_table"),
        plan=plan,
        pk=pk,
        status=Proposal.Status.SUBMITTED,
    )
    proposal.plan = plan
    require_perm(request.user, "proposals.assign_institutions", proposal)
    form = AssignForm(request.POST or None, initial=AssignForm.initial_from(proposal), plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.assign_institutions(
                proposal,
                by=request.user,
                lead=data["lead"],
                others=data["others"],
                due_on=data["due_on"],
                **{k: v for k, v in data.items() if k.startswith("objectives_")},
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Responsible institutions and objectives saved."))
            return redirect("proposals:assignments", slug=plan.slug)
    return render(
        request,
        "proposals/assign.html",
        {"plan": plan, "proposal": proposal, "form": form},
        status=400 if form.errors else 200,
    )


# --- viability review (step 10) -----------------------------------------------------------------


@login_required
@personal_page
def reviews(request, slug):
    """The viability reviews: all of them, with the overdue ones and reminders, for the
    secretariat; those of their institutions for heads and delegates, who also name delegates."""
    plan = _plan(request, slug)
    user = request.user
    require_perm(user, "proposals.list_reviews", plan)
    secretariat = rules.can_view_reviews(user, plan)
    headed, delegated = review_seats(user, plan)
    delegate_form = DelegateForm(request.POST or None, institutions=headed)
    if request.method == "POST":
        if not headed:
            raise PermissionDenied
        response = _name_delegate(request, plan, delegate_form)
        if response is not None:
            return response
    state = request.GET.get("state", "")
    review_open = capabilities.is_open(plan, "viability-review")
    reviews_url = reverse("proposals:reviews", args=[plan.slug])

    def listed() -> dict:
        found = queries.review_rows(
            plan, institutions=None if secretariat else headed | delegated, state=state
        )
        may_remind = rules.can_remind_review(user, plan)
        page = Paginator(found, 50).get_page(request.GET.get("page"))
        rows = []
        for review in page:
            review.proposal.plan = plan
            rows.append((review, rules.can_review_proposal(user, review), may_remind))
        return {
            "page": page,
            "rows": rows,
            # Each row's links: this prefix, the review's id and its action (no reverse per row).
            "reviews_url": reviews_url,
            "state": state,
            "states": REVIEW_STATES,
            "counts": queries.review_counts(plan) if secretariat else None,
            # A closed review step has no overdue review (docs/architecture.md, "Overdue").
            "overdue_before": timezone.localdate() if review_open else None,
        }

    return render(
        request,
        "proposals/reviews.html",
        {
            "plan": plan,
            # The counts, the filter, the rows and their pages: the person's, kept by the
            # plan's revisions (a reload renders none of it).
            "listed": person_fragment(
                request, plan, "reviews", "proposals/_reviews_listed.html", listed
            ),
            "may_list_assignments": rules.can_list_assignments(user, plan),
            "review_open": review_open,
            "delegates": ReviewDelegate.objects.filter(plan=plan, institution_id__in=headed)
            .select_related("user", "institution")
            .order_by("institution__name", "user__full_name"),
            "delegate_form": delegate_form if headed else None,
        },
        status=400 if delegate_form.errors else 200,
    )


REVIEW_STATES = [
    ("", gettext_lazy("All")),
    ("pending", gettext_lazy("Awaiting review")),
    ("overdue", gettext_lazy("Overdue")),
    ("done", gettext_lazy("Reviewed")),
]


def _name_delegate(request, plan, form):
    if not form.is_valid():
        return None
    User = get_user_model()
    person = (
        User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True)
        .order_by("pk")
        .first()
    )
    if person is None:
        form.add_error(
            "email",
            _("No active account has this e-mail. Ask the person to create an account first."),
        )
        return None
    try:
        actions.name_delegate(plan, form.cleaned_data["institution"], by=request.user, user=person)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None
    messages.success(request, _("%(name)s may now review for the institution.") % {"name": person})
    return redirect("proposals:reviews", slug=plan.slug)


@login_required
@require_POST
def remove_delegate(request, slug, pk):
    plan = _plan(request, slug)
    delegation = get_object_or_404(ReviewDelegate.objects.select_related("user"), plan=plan, pk=pk)
    delegation.plan = plan
    actions.remove_delegate(delegation, by=request.user)
    messages.success(request, _("%(name)s is no longer a delegate.") % {"name": delegation.user})
    return redirect("proposals:reviews", slug=plan.slug)


def _review(plan, pk) -> ViabilityReview:
    review = get_object_or_404(
        ViabilityReview.objects.select_related(
            "proposal", "proposal__axis", "proposal__working_table", "institution"
        ),
        proposal__plan=plan,
        pk=pk,
    )
    review.proposal.plan = plan
    return review


@login_required
def review(request, slug, pk):
    """The review form of the lead institution (outcome, changes or reasons, counterproposal),
    or, once reviewed, its outcome."""
    plan = _plan(request, slug)
    review = _review(plan, pk)
    user = request.user
    require_perm(user, "proposals.view_review", review)
    may_review = rules.can_review_proposal(user, review)
    data = request.POST or None
    version = review.proposal.template_version
    form = ReviewForm(data, plan=plan)
    counter = ProposalForm(data, prefix="counter", plan=plan, version=version)
    counter_rows = milestone_formset(data, plan=plan, version=version, prefix="counter-milestones")
    adding_row = data is not None and "add_row" in data
    if request.method == "POST":
        if not may_review:
            raise PermissionDenied
        if not adding_row and form.is_valid() and counter.is_valid() and counter_rows.is_valid():
            data = form.cleaned_data
            outcome = data["outcome"]
            not_viable = outcome == ViabilityReview.Outcome.NOT_VIABLE
            written = None
            if not_viable:
                written = {**counter.cleaned_data, "milestones": counter_rows.rows()}
            try:
                actions.review_proposal(
                    review,
                    by=user,
                    outcome=outcome,
                    counterproposal=written,
                    **{k: v for k, v in data.items() if k != "outcome"},
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Review saved. It is now public."))
                return redirect("proposals:reviews", slug=plan.slug)
    return render(
        request,
        "proposals/review.html",
        {
            "plan": plan,
            "review": review,
            "proposal": review.proposal,
            "may_review": may_review and review.is_pending,
            "form": form,
            "counter": counter,
            "counter_milestones": counter_rows,
            "default_language": actions.language_name(plan.default_language),
        },
        status=400 if not adding_row and (form.errors or counter.errors) else 200,
    )


@login_required
@require_POST
def remind(request, slug, pk):
    plan = _plan(request, slug)
    review = _review(plan, pk)
    if actions.remind_review(review, by=request.user):
        messages.success(request, _("Reminder sent to the institution's reviewers."))
    else:
        messages.info(request, _("No reminder sent: the review is not overdue or was reminded."))
    return redirect(reverse("proposals:reviews", args=[plan.slug]) + "?state=overdue")


# --- public ------------------------------------------------------------------------------------


@require_GET
@cache_public_page
def public_list(request, slug):
    plan = _plan(request, slug)
    axis, table = int_param(request.GET, "axis"), int_param(request.GET, "table")
    outcome = request.GET.get("outcome", "")
    search = text_param(request.GET, "q")
    found = queries.submitted(plan, axis=axis, table=table, outcome=outcome, search=search)
    # The list is one fragment, the same for everyone, cached by the plan's revisions, the
    # language and the query string (a signed-in visit renders the page afresh): what it shows is
    # read only when it is rendered.
    page = SimpleLazyObject(lambda: Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")))
    return render(
        request,
        "proposals/public_list.html",
        {
            "plan": plan,
            "page": page,
            "fragment": fragment_key(request, plan, get_language(), request.GET.urlencode()),
            "axes": SimpleLazyObject(lambda: list(plan.axes.order_by("number"))),
            "tables": SimpleLazyObject(lambda: list(plan.tables.order_by("number"))),
            "outcomes": [("unassigned", _("No lead institution yet")), *OUTCOMES],
            "axis": axis,
            "table": table,
            "outcome": outcome,
            "q": search,
        },
    )


OUTCOMES = ViabilityReview.Outcome.choices


def _detail(request, plan, proposal, *, comment_form=None, status=200):
    # The proposal's fields, institutions and review, and its history with the comparison asked
    # for, are fragments the same for everyone, cached by the plan's revisions (a signed-in
    # visit renders the page afresh): what they show is read only when they are rendered.
    revisions = SimpleLazyObject(lambda: list(queries.revisions(proposal)))
    comparison = SimpleLazyObject(
        lambda: _comparison(
            request, revisions, proposal.template_version, hide_personal=not proposal.contact_public
        )
    )
    fragment = fragment_key(request, plan, get_language(), proposal.pk)
    comments_page = request.GET.get("comments", "")[:12]
    # The comments are the same for everyone who may neither answer nor moderate them (their rows
    # then hold no form): a fragment cached by the plan's revisions and the page of comments,
    # read only when it is rendered.
    comments = SimpleLazyObject(
        lambda: Paginator(queries.public_comments(proposal), COMMENTS_PAGE_SIZE).get_page(
            comments_page
        )
    )
    user = request.user
    can_answer = user.is_authenticated and rules.can_answer_comment(user, proposal)
    can_moderate = user.is_authenticated and rules.can_moderate_comment(user, proposal)
    return render(
        request,
        "proposals/public_detail.html",
        {
            "plan": plan,
            "proposal": proposal,
            "fragment": fragment,
            # The same revisions, and the revisions compared.
            "history_fragment": ":".join(
                [fragment, request.GET.get("from", ""), request.GET.get("to", "")]
            ),
            "comments_fragment": f"{fragment}:{comments_page}",
            "institutions": SimpleLazyObject(lambda: queries.institutions_of(proposal)),
            "review": getattr(proposal, "review", None),
            "revisions": revisions,
            "show_authors": False,
            "comments": comments,
            "comment_form": comment_form or (CommentForm() if user.is_authenticated else None),
            "can_answer": can_answer,
            "can_moderate": can_moderate,
            # For who may answer or moderate them, the comments with their forms: the person's,
            # kept by the plan's revisions and the page of comments.
            "answerable_comments": person_fragment(
                request,
                plan,
                f"comments-{proposal.pk}",
                "proposals/_comments.html",
                lambda: {
                    "plan": plan,
                    "proposal": proposal,
                    "comments": comments,
                    "can_answer": can_answer,
                    "can_moderate": can_moderate,
                },
            )
            if can_answer or can_moderate
            else None,
            "old": SimpleLazyObject(lambda: comparison["old"]),
            "new": SimpleLazyObject(lambda: comparison["new"]),
            "changes": SimpleLazyObject(lambda: comparison["changes"]),
        },
        status=status,
    )


COMMENTS_PAGE_SIZE = queries.COMMENTS_PAGE_SIZE


@require_GET
@cache_public_page
def public_detail(request, slug, pk):
    plan = _plan(request, slug)
    proposal = queries.proposal_page(plan, pk)
    if proposal is None:
        raise Http404
    return _detail(request, plan, proposal)


def _submitted_or_404(plan, pk) -> Proposal:
    proposal = queries.submitted_proposal(plan, pk)
    if proposal is None:
        raise Http404
    return proposal


@login_required
@require_POST
def comment(request, slug, pk):
    plan = _plan(request, slug)
    proposal = _submitted_or_404(plan, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            actions.comment_proposal(proposal, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(proposal.get_absolute_url() + "#comments")
    return _detail(request, plan, proposal, comment_form=form, status=400)


def _comment(plan, pk, comment_pk) -> PublicComment:
    proposal = _submitted_or_404(plan, pk)
    found = get_object_or_404(PublicComment, proposal=proposal, pk=comment_pk)
    found.proposal = proposal
    return found


def _after_comment(request, found: PublicComment, form, done: str):
    """Messages and the way back to the comment, for the answer and moderation forms."""
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    elif done:
        messages.success(request, done)
    return redirect(found.proposal.get_absolute_url() + f"#comment-{found.pk}")


def _call(request, action, found, **kwargs) -> bool:
    """Run a comment action; its refusals become error messages."""
    try:
        action(found, by=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    return True


@login_required
@require_POST
def answer(request, slug, pk, comment_pk):
    found = _comment(_plan(request, slug), pk, comment_pk)
    form = AnswerForm(request.POST)
    done = ""
    if form.is_valid() and _call(request, actions.answer_comment, found, **form.cleaned_data):
        done = _("Official answer published.")
    return _after_comment(request, found, form, done)


@login_required
@require_POST
def hide(request, slug, pk, comment_pk):
    found = _comment(_plan(request, slug), pk, comment_pk)
    form = HideForm(request.POST)
    done = ""
    if form.is_valid() and _call(request, actions.hide_comment, found, **form.cleaned_data):
        done = _("The comment is hidden; the reason is shown in its place.")
    return _after_comment(request, found, form, done)


@login_required
@require_POST
def restore(request, slug, pk, comment_pk):
    found = _comment(_plan(request, slug), pk, comment_pk)
    done = ""
    if _call(request, actions.restore_comment, found):
        done = _("The comment is visible again.")
    return _after_comment(request, found, None, done)
