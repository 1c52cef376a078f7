"""Reads of the selection app shared by its pages, the actions and the higher apps."""

from cocrea.plans.capabilities import enabling_step
from cocrea.plans.models import Step

from .models import Candidate, EligibilityCheck, Methodology, Outcome, SelectionPublication


def published_methodology(plan) -> Methodology | None:
    """The plan's methodology in force (the published version), or None."""
    return (
        Methodology.objects.filter(plan=plan, status=Methodology.Status.PUBLISHED)
        .prefetch_related("requirements", "criteria")
        .first()
    )


def scoring_closed(plan) -> bool:
    """Scoring has closed: a step enabling "scoring" exists, none is open, and one has closed.
    Until then nobody sees anyone else's scores (one query)."""
    step = enabling_step(plan, "scoring")
    return step is not None and step.status == Step.Status.CLOSED


def eligibility(candidate, methodology) -> EligibilityCheck | None:
    """The check of `candidate` under `methodology`, or None when not checked yet."""
    return EligibilityCheck.objects.filter(candidate=candidate, methodology=methodology).first()


def candidates(plan):
    """The plan's candidates with their proposal's table and axis (for lists)."""
    return Candidate.objects.filter(plan=plan).select_related(
        "proposal__working_table", "proposal__axis"
    )


def is_published(plan) -> bool:
    """The plan's outcomes are public (the reasoned response)."""
    return SelectionPublication.objects.filter(plan=plan).exists()


def selected_count(plan) -> int:
    return Outcome.objects.filter(plan=plan, result=Outcome.Result.SELECTED).count()


# --- selection decision ---


def decision_meetings(plan):
    """The commission meetings of `plan` a decision may be recorded at: held, with minutes."""
    from cocrea.events.models import Event

    return Event.objects.filter(
        plan=plan,
        kind=Event.Kind.COMMISSION_MEETING,
        status=Event.Status.HELD,
        minutes_published_on__isnull=False,
    ).order_by("-starts_at", "-id")


def is_decision_meeting(plan, event) -> bool:
    from cocrea.events.models import Event

    return bool(
        event is not None
        and event.plan_id == plan.pk
        and event.kind == Event.Kind.COMMISSION_MEETING
        and event.status == Event.Status.HELD
        and event.minutes_published_on is not None
    )


def without_outcome(plan):
    """The plan's submitted proposals the commission has not decided on yet."""
    from cocrea.proposals.models import Proposal
    from cocrea.proposals.queries import SLOT_ORDER

    return Proposal.objects.filter(
        plan=plan, status=Proposal.Status.SUBMITTED, outcome__isnull=True
    ).order_by("axis__number", "working_table__number", SLOT_ORDER, "id")


def places_to_fill(plan, table_id: int, axis_id: int) -> int:
    """How many withdrawn proposals of a table and axis no promoted alternate replaced yet."""
    found = Outcome.objects.filter(
        plan=plan, proposal__working_table_id=table_id, proposal__axis_id=axis_id
    )
    withdrawn = found.filter(result=Outcome.Result.WITHDRAWN).count()
    promoted = found.filter(result=Outcome.Result.SELECTED, promoted=True).count()
    return max(withdrawn - promoted, 0)


def decision_rows(plan, proposals) -> list:
    """The selection page's rows: each proposal of `proposals` (a page of submitted ones) with
    `.candidacy` (its eligibility, the counterproposal's, and whether it has one) and its
    outcome (`proposal.outcome`, selected with the proposal). A fixed number of queries."""
    from cocrea.proposals.models import Counterproposal

    rows = list(proposals)
    methodology = published_methodology(plan)
    checks = {}
    if methodology is not None:
        for check in EligibilityCheck.objects.filter(
            methodology=methodology, candidate__proposal__in=rows
        ).select_related("candidate"):
            checks[(check.candidate.proposal_id, check.candidate.is_counterproposal)] = check
    countered = set(
        Counterproposal.objects.filter(review__proposal__in=rows).values_list(
            "review__proposal_id", flat=True
        )
    )
    for proposal in rows:
        proposal.eligibility = checks.get((proposal.pk, False))
        proposal.counter_eligibility = checks.get((proposal.pk, True))
        proposal.has_counterproposal = proposal.pk in countered
        proposal.decided = getattr(proposal, "outcome", None)
    return rows


def outcome_of(proposal) -> Outcome | None:
    """The proposal's outcome once the plan's selection is published, else None (one query)."""
    return (
        Outcome.objects.filter(proposal=proposal, plan__selection_publication__isnull=False)
        .select_related("decided_at", "merged_into")
        .first()
    )


# --- the reasoned response ---


def reasoned_response(plan, *, axis: int | None = None, result: str = ""):
    """Every submitted proposal of `plan` with what became of it: its table and axis, the
    viability review (and counterproposal), the count of visible public comments and of those
    answered, and its outcome (`outcome`, with the meeting); optionally of one axis or one
    result ("pending": no outcome yet). One query per page, whatever the rows."""
    from django.db.models import Count, Q

    from cocrea.proposals.models import Proposal
    from cocrea.proposals.queries import SLOT_ORDER

    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    if axis is not None:
        found = found.filter(axis__number=axis)
    if result == "pending":
        found = found.filter(outcome__isnull=True)
    elif result in Outcome.Result.values:
        found = found.filter(outcome__result=result)
    visible = Q(comments__hidden_at__isnull=True)
    return (
        found.select_related(
            "axis",
            "working_table",
            "review__institution",
            "review__counterproposal",
            "outcome__decided_at",
            "outcome__merged_into",
        )
        .annotate(
            comment_count=Count("comments", filter=visible),
            answered_count=Count(
                "comments", filter=visible & Q(comments__answered_at__isnull=False)
            ),
        )
        .order_by("axis__number", "working_table__number", SLOT_ORDER, "id")
    )


def never_submitted(plan) -> int:
    """How many of the plan's proposals stayed drafts (the reasoned response does not list them)."""
    from cocrea.proposals.models import Proposal

    return Proposal.objects.filter(plan=plan, status=Proposal.Status.DRAFT).count()


def vacancies(plan) -> dict[tuple[int, int], int]:
    """(table id, axis id) -> places left by withdrawn proposals that no promoted alternate
    filled yet, for every table and axis with one (one query)."""
    from django.db.models import Count, Q

    rows = (
        Outcome.objects.filter(plan=plan)
        .values("proposal__working_table_id", "proposal__axis_id")
        .annotate(
            withdrawn=Count("id", filter=Q(result=Outcome.Result.WITHDRAWN)),
            promoted=Count("id", filter=Q(result=Outcome.Result.SELECTED, promoted=True)),
        )
        .order_by()
    )
    return {
        (row["proposal__working_table_id"], row["proposal__axis_id"]): row["withdrawn"]
        - row["promoted"]
        for row in rows
        if row["withdrawn"] > row["promoted"]
    }
