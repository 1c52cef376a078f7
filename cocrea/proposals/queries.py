"""Reads of the proposals for the public site and the workspace."""

import datetime

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.organisations.models import Organisation
from cocrea.plans import capabilities
from cocrea.tables.rules import tables_led_by

from .models import (
    Milestone,
    Proposal,
    PublicComment,
    ResponsibleInstitution,
    ReviewDelegate,
    ViabilityReview,
    all_slot_names,
    slot_label,
    slot_names,
)
from .rules import (
    can_list_assignments,
    can_list_reviews,
    can_view_comments,
    institutions_headed_by,
)

SLOT_ORDER = Case(
    *[When(slot=slot, then=Value(i)) for i, slot in enumerate(all_slot_names())],
    default=Value(len(all_slot_names())),
    output_field=IntegerField(),
)


def submitted(
    plan,
    *,
    axis: int | None = None,
    table: int | None = None,
    outcome: str = "",
    search: str = "",
):
    """The plan's submitted proposals by axis, table and slot, optionally of one axis or table,
    with one review outcome, or whose title holds `search`; with institutions and outcomes."""
    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    if axis is not None:
        found = found.filter(axis__number=axis)
    if table is not None:
        found = found.filter(working_table__number=table)
    if outcome == "unassigned":
        found = found.filter(review__isnull=True)
    elif outcome in ViabilityReview.Outcome.values:
        found = found.filter(review__outcome=outcome)
    if search:
        found = found.filter(title__icontains=search)
    found = with_outcomes(found)
    return found.select_related("axis", "working_table").order_by(
        "axis__number", "working_table__number", SLOT_ORDER, "id"
    )


def submitted_proposal(plan, pk: int) -> Proposal | None:
    return (
        with_outcomes(Proposal.objects.filter(plan=plan, pk=pk, status=Proposal.Status.SUBMITTED))
        .select_related("axis", "working_table", "plan", "review__counterproposal")
        .prefetch_related("milestones", "review__counterproposal__milestones")
        .first()
    )


def proposal_page(plan, pk: int) -> Proposal | None:
    """A submitted proposal for its public page: what the page shows around its cached fragments
    (the axis, the table, the review's outcome), in one query. Its institutions, milestones and
    counterproposal are read only when a fragment is rendered (a few queries, whatever the
    rows)."""
    found = (
        Proposal.objects.filter(plan=plan, pk=pk, status=Proposal.Status.SUBMITTED)
        .select_related("axis", "working_table", "review")
        .first()
    )
    if found is not None:
        found.plan = plan
        # The permissions asked of the proposal's table read its plan: the same one.
        found.working_table.plan = plan
    return found


def institutions_of(proposal: Proposal) -> list[ResponsibleInstitution]:
    """The proposal's responsible institutions, the lead first (prefetched ones when there)."""
    if "institutions" in getattr(proposal, "_prefetched_objects_cache", {}):
        return list(proposal.institutions.all())
    return list(proposal.institutions.select_related("organisation"))


def slots_of(table, axis) -> list[tuple[str, str, Proposal | None]]:
    """Each of the plan's N + M slots of the table's set for `axis`: (slot, label, proposal or
    None)."""
    found = {p.slot: p for p in Proposal.objects.filter(working_table=table, axis=axis)}
    return [(slot, slot_label(slot), found.get(slot)) for slot in slot_names(table.plan)]


def milestones_of(text) -> list[Milestone]:
    """The milestone rows of a proposal or counterproposal (none before it is saved)."""
    if text is None or text.pk is None:
        return []
    return list(text.milestones.order_by("order", "id"))


def revisions(proposal: Proposal, *, with_authors: bool = False):
    found = proposal.revisions.order_by("number")
    return found.select_related("author") if with_authors else found


def institutions_prefetch() -> Prefetch:
    return Prefetch(
        "institutions",
        queryset=ResponsibleInstitution.objects.select_related("organisation"),
    )


def with_outcomes(found):
    """Proposals with their responsible institutions and review outcome, in a fixed number of
    queries."""
    return found.select_related("review", "review__institution").prefetch_related(
        institutions_prefetch()
    )


def public_comments(proposal: Proposal):
    return proposal.comments.order_by("created_at", "id")


# The public page of a proposal shows its comments this many to a page (views.COMMENTS_PAGE_SIZE).
COMMENTS_PAGE_SIZE = 50
COMMENT_STATES = ("unanswered", "answered", "hidden", "all")


def comments_for_answering(
    plan,
    user,
    *,
    state: str = "unanswered",
    table: int | None = None,
    axis: int | None = None,
    positions: bool = True,
):
    """The public comments on the plan's submitted proposals that `user` answers for, oldest
    first: all of them for who may see every comment (`view_comments`); else those on the
    proposals of the tables they lead, or whose lead institution they review for. Whether they
    may answer each one is its `can_answer_comment`. `state`: "unanswered" (visible, without an
    official answer), "answered", "hidden" or "all"; `table` and `axis` are numbers. Each row
    knows its proposal, table and axis and, with `positions`, its `position` among its
    proposal's comments (the public page shows them COMMENTS_PAGE_SIZE to a page)."""
    found = PublicComment.objects.filter(
        proposal__plan=plan, proposal__status=Proposal.Status.SUBMITTED
    )
    if not can_view_comments(user, plan):
        leads = ResponsibleInstitution.objects.filter(
            is_lead=True, organisation_id__in=institutions_headed_by(user, plan)
        ).values("proposal_id")
        found = found.filter(
            Q(proposal__working_table_id__in=tables_led_by(user, plan)) | Q(proposal_id__in=leads)
        )
    if state == "unanswered":
        found = found.filter(hidden_at__isnull=True, answered_at__isnull=True)
    elif state == "answered":
        found = found.filter(hidden_at__isnull=True, answered_at__isnull=False)
    elif state == "hidden":
        found = found.filter(hidden_at__isnull=False)
    if table is not None:
        found = found.filter(proposal__working_table__number=table)
    if axis is not None:
        found = found.filter(proposal__axis__number=axis)
    found = found.select_related("proposal", "proposal__working_table", "proposal__axis")
    if not positions:
        return found.order_by("created_at", "id")
    earlier = (
        PublicComment.objects.filter(proposal_id=OuterRef("proposal_id"))
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), id__lt=OuterRef("id"))
        )
        .order_by()
        .values("proposal_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return found.annotate(
        position=Coalesce(Subquery(earlier, output_field=IntegerField()), 0)
    ).order_by("created_at", "id")


def comment_page_url(comment) -> str:
    """Where `comment` is on its proposal's public page, with its answer form."""
    url = comment.proposal.get_absolute_url()
    page = getattr(comment, "position", 0) // COMMENTS_PAGE_SIZE + 1
    if page > 1:
        url += f"?comments={page}"
    return f"{url}#comment-{comment.pk}"


def comment_counts(plan) -> dict:
    """The plan's visible public comments awaiting an official answer: how many, and when the
    oldest was written (None without any)."""
    return PublicComment.objects.filter(
        proposal__plan=plan,
        proposal__status=Proposal.Status.SUBMITTED,
        hidden_at__isnull=True,
        answered_at__isnull=True,
    ).aggregate(unanswered=Count("id"), oldest=Min("created_at"))


def draft_comments(proposal: Proposal):
    return proposal.draft_comments.select_related("author").order_by("created_at", "id")


def reviews(plan, *, institutions=None, state: str = ""):
    """The plan's viability reviews, optionally of some institutions; `state` is "pending",
    "overdue" or "done"."""
    found = ViabilityReview.objects.filter(proposal__plan=plan).select_related(
        "proposal", "proposal__axis", "proposal__working_table", "institution"
    )
    if institutions is not None:
        found = found.filter(institution_id__in=institutions)
    if state == "pending":
        found = found.filter(outcome=ViabilityReview.Outcome.PENDING)
    elif state == "overdue":
        found = found.filter(
            outcome=ViabilityReview.Outcome.PENDING, due_on__lt=_overdue_before(plan)
        )
    elif state == "done":
        found = found.exclude(outcome=ViabilityReview.Outcome.PENDING)
    return found.order_by("due_on", "proposal__axis__number", "proposal__working_table__number")


def _localized(path: str) -> list[str]:
    """`path` (a translated field, through relations) in every language of the site."""
    return [f"{path}_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES]


# What a row of the reviews page shows and its permissions read: wide proposals (every translated
# text of the template) and reviews are read without the rest.
REVIEW_ROW_FIELDS = [
    "id",
    "proposal_id",
    "institution_id",
    "due_on",
    "outcome",
    "reminded_at",
    "proposal__id",
    "proposal__plan_id",
    "proposal__working_table_id",
    "proposal__slot",
    *_localized("proposal__title"),
    "proposal__working_table__id",
    "proposal__working_table__number",
    *_localized("proposal__working_table__name"),
    "institution__id",
    "institution__acronym",
    *_localized("institution__name"),
]


def review_rows(plan, *, institutions=None, state: str = ""):
    """`reviews`, reading only what the rows of the reviews page show."""
    return (
        reviews(plan, institutions=institutions, state=state)
        .select_related(None)
        .select_related("proposal", "proposal__working_table", "institution")
        .only(*REVIEW_ROW_FIELDS)
    )


def pending_reviews_by_institution(plan, institutions) -> list[tuple]:
    """(institution, pending reviews, earliest deadline) for each of `institutions` (ids) with
    reviews pending in `plan` and no delegate named to review for it, by name."""
    named = ReviewDelegate.objects.filter(plan=plan).values("institution_id")
    rows = (
        ViabilityReview.objects.filter(
            proposal__plan=plan,
            institution_id__in=institutions,
            outcome=ViabilityReview.Outcome.PENDING,
        )
        .exclude(institution_id__in=named)
        .order_by()
        .values("institution_id")
        .annotate(n=Count("id"), due=Min("due_on"))
    )
    found = {row["institution_id"]: (row["n"], row["due"]) for row in rows}
    if not found:
        return []
    organisations = Organisation.objects.filter(pk__in=found).order_by("name")
    return [(org, *found[org.pk]) for org in organisations]


def review_counts(plan) -> dict[str, int]:
    """How many reviews of the plan are in each outcome, plus how many are overdue."""
    rows = (
        ViabilityReview.objects.filter(proposal__plan=plan)
        .order_by()
        .values_list("outcome")
        .annotate(n=Count("id"))
    )
    counts = {outcome: 0 for outcome in ViabilityReview.Outcome.values}
    counts.update(dict(rows))
    counts["overdue"] = ViabilityReview.objects.filter(
        proposal__plan=plan,
        outcome=ViabilityReview.Outcome.PENDING,
        due_on__lt=_overdue_before(plan),
    ).count()
    return counts


def _overdue_before(plan) -> datetime.date:
    """Deadlines before this date are overdue: today while a step enabling the viability review
    is open, none (the earliest date) otherwise."""
    open_now = capabilities.is_open(plan, "viability-review")
    return timezone.localdate() if open_now else datetime.date.min


def workspace_links(user, plan) -> list[tuple[str, str]]:
    """The proposal pages of the workspace `user` may open: (url name, label)."""
    links = []
    if can_list_assignments(user, plan):
        links.append(("proposals:assignments", _("Responsible institutions and objectives")))
    if can_list_reviews(user, plan):
        links.append(("proposals:reviews", _("Viability reviews")))
    return links
