"""Reads of the selection app shared by its pages, the actions and the higher apps."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cocrea.plans.capabilities import enabling_step
from cocrea.plans.models import Role, Step

from .models import (
    Ballot,
    Candidate,
    EligibilityCheck,
    Methodology,
    Outcome,
    SelectionPublication,
)


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


# --- methodology, eligibility, scoring ---------------------------------------------------------


def methodology_versions(plan):
    """Every version of the plan's methodology, newest first, with its adoption meeting."""
    return (
        Methodology.objects.filter(plan=plan)
        .select_related("adopted_at")
        .prefetch_related("requirements", "criteria")
        .order_by("-number")
    )


def published_versions(plan):
    """The versions the public sees: the published one and those it superseded, newest first."""
    return methodology_versions(plan).filter(
        status__in=[Methodology.Status.PUBLISHED, Methodology.Status.SUPERSEDED]
    )


def checks_by_candidate(plan, methodology) -> dict[int, EligibilityCheck]:
    """The eligibility checks of `plan`'s candidates under `methodology`, by candidate id."""
    if methodology is None:
        return {}
    return {
        check.candidate_id: check
        for check in EligibilityCheck.objects.filter(
            methodology=methodology, candidate__plan=plan
        ).select_related("overturned_at")
    }


def eligible_ids(plan, methodology) -> set[int]:
    """Ids of the candidates found eligible under `methodology` (one query)."""
    return {pk for pk, check in checks_by_candidate(plan, methodology).items() if check.is_eligible}


def _slot_order(slot: str) -> tuple[int, int]:
    kind, _sep, number = slot.rpartition("_")
    return (0 if kind == "commitment" else 1, int(number) if number.isdigit() else 0)


def proposal_order(candidate) -> tuple:
    """The proposals' own order: table number, axis number, slot; a counterproposal after its
    proposal. The last tie-break of the ranking."""
    proposal = candidate.proposal
    return (
        proposal.working_table.number,
        proposal.axis.number,
        _slot_order(proposal.slot),
        candidate.is_counterproposal,
        candidate.pk,
    )


def ordered_candidates(plan):
    """The plan's candidates in the proposals' order (for lists)."""
    return sorted(candidates(plan), key=proposal_order)


def member_score(ballot_values: dict[int, int], criteria) -> Fraction | None:
    """A member's score for a candidate, from 0 to 100: Σ(weight × normalised value) / Σ weight
    × 100, where normalised = (value − lowest) / (highest − lowest). None unless the ballot
    scores every criterion."""
    if any(c.pk not in ballot_values for c in criteria):
        return None
    total = sum(c.weight for c in criteria)
    weighted = sum(
        Fraction(c.weight) * Fraction(ballot_values[c.pk] - c.scale_min, c.scale_max - c.scale_min)
        for c in criteria
    )
    return weighted / total * 100


def rounded(value: Fraction | None) -> Decimal | None:
    """Two decimals, halves rounded up (what the ranking shows and compares)."""
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


TWO_PLACES = Decimal("0.01")


@dataclass
class Row:
    """One candidate of the ranking."""

    candidate: Candidate
    mean: Decimal | None  # 0-100, two decimals; None when no member's ballot counts
    criteria: list  # (criterion, mean value on its scale, two decimals, or None)
    members: int  # members whose complete ballot counts
    abstentions: int
    rank: int | None = None  # overall; None when not scored
    axis_rank: int | None = None  # within the candidate's axis

    @property
    def axis(self):
        return self.candidate.proposal.axis


def tie_order(criteria) -> list:
    """The criteria in the order ties are broken: heaviest first, then the methodology's order."""
    return sorted(criteria, key=lambda c: (-c.weight, c.order, c.pk))


def ranking(plan, methodology=None) -> list[Row]:
    """The eligible candidates ranked under `methodology` (default: the published one).

    A member's score for a candidate is `member_score`; the candidate's mean is the mean of the
    scores of the members who did not abstain and scored every criterion, rounded to two
    decimals. Ties: the higher mean on the heaviest criterion, then on the next heaviest (equal
    weights in the methodology's order), then the proposals' order (table, axis, slot). Ballots
    under another version do not count. Candidates nobody scored come last, without a rank.
    Constant queries: the candidates, the checks, the criteria, the ballots and their scores."""
    methodology = methodology or published_methodology(plan)
    if methodology is None:
        return []
    criteria = list(methodology.criteria.all())
    checks = checks_by_candidate(plan, methodology)
    found = [c for c in candidates(plan) if c.pk in checks and checks[c.pk].is_eligible]
    ballots = Ballot.objects.filter(
        methodology=methodology, candidate_id__in=[c.pk for c in found]
    ).prefetch_related("scores")
    by_candidate: dict[int, list] = {}
    for ballot in ballots:
        by_candidate.setdefault(ballot.candidate_id, []).append(ballot)
    rows = []
    for candidate in found:
        scores, abstentions, values_by_criterion = [], 0, {c.pk: [] for c in criteria}
        for ballot in by_candidate.get(candidate.pk, []):
            if ballot.abstained:
                abstentions += 1
                continue
            values = {s.criterion_id: s.value for s in ballot.scores.all()}
            score = member_score(values, criteria)
            if score is None:
                continue
            scores.append(score)
            for criterion in criteria:
                values_by_criterion[criterion.pk].append(values[criterion.pk])
        mean = rounded(sum(scores, Fraction(0)) / len(scores)) if scores else None
        per_criterion = [
            (
                c,
                rounded(Fraction(sum(values_by_criterion[c.pk]), len(values_by_criterion[c.pk])))
                if values_by_criterion[c.pk]
                else None,
            )
            for c in criteria
        ]
        rows.append(Row(candidate, mean, per_criterion, len(scores), abstentions))
    heaviest = [c.pk for c in tie_order(criteria)]

    def key(row: Row):
        means = dict((c.pk, m) for c, m in row.criteria)
        return (
            row.mean is None,
            -(row.mean or 0),
            *(-(means[pk] or 0) for pk in heaviest),
            proposal_order(row.candidate),
        )

    rows.sort(key=key)
    axis_counts: dict[int, int] = {}
    rank = 0
    for row in rows:
        if row.mean is None:
            continue
        rank += 1
        row.rank = rank
        axis_counts[row.axis.pk] = axis_counts.get(row.axis.pk, 0) + 1
        row.axis_rank = axis_counts[row.axis.pk]
    return rows


def by_axis(rows: list[Row]) -> list[tuple]:
    """The ranking's rows grouped per axis (axis, its rows in rank order), axes by number."""
    groups: dict[int, tuple] = {}
    for row in rows:
        groups.setdefault(row.axis.pk, (row.axis, []))[1].append(row)
    return sorted(groups.values(), key=lambda group: group[0].number)


@dataclass
class Progress:
    member: object
    scored: int
    abstained: int
    due: int


def commission_members(plan):
    """The plan's active commission members, by name."""
    User = get_user_model()
    return (
        User.objects.filter(
            is_active=True,
            plan_roles__plan=plan,
            plan_roles__role=Role.COMMISSION_MEMBER,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def progress(plan) -> list[Progress]:
    """Per commission member: the eligible candidates they scored, abstained on, and still
    have to score under the published methodology (three queries whatever the numbers)."""
    methodology = published_methodology(plan)
    members = list(commission_members(plan))
    eligible = eligible_ids(plan, methodology)
    done: dict[int, dict[str, int]] = {}
    if methodology is not None and eligible:
        for member_id, abstained in Ballot.objects.filter(
            methodology=methodology, candidate_id__in=eligible, member__in=members
        ).values_list("member_id", "abstained"):
            counts = done.setdefault(member_id, {"scored": 0, "abstained": 0})
            counts["abstained" if abstained else "scored"] += 1
    rows = []
    for member in members:
        counts = done.get(member.pk, {"scored": 0, "abstained": 0})
        due = len(eligible) - counts["scored"] - counts["abstained"]
        rows.append(Progress(member, counts["scored"], counts["abstained"], due))
    return rows


def ballots_of(member, plan, methodology) -> dict[int, Ballot]:
    """The member's ballots under `methodology`, by candidate id."""
    if methodology is None or not getattr(member, "is_authenticated", False):
        return {}
    return {
        ballot.candidate_id: ballot
        for ballot in Ballot.objects.filter(
            methodology=methodology, member=member, candidate__plan=plan
        )
    }


def due_count(member, plan) -> int:
    """How many eligible candidates `member` has neither scored nor abstained on."""
    methodology = published_methodology(plan)
    eligible = eligible_ids(plan, methodology)
    if not eligible:
        return 0
    done = Ballot.objects.filter(
        methodology=methodology, member=member, candidate_id__in=eligible
    ).count()
    return len(eligible) - done


def unchecked_count(plan) -> int:
    """How many candidates have no eligibility check under the published methodology."""
    methodology = published_methodology(plan)
    if methodology is None:
        return 0
    return (
        Candidate.objects.filter(plan=plan)
        .exclude(eligibility_checks__methodology=methodology)
        .count()
    )


def scoring_links(user, plan) -> list[tuple[str, str]]:
    """The methodology and scoring pages of the workspace `user` may open: (url name, label)."""
    from .rules import (
        can_change_methodology,
        can_list_ballots,
        can_overturn_eligibility,
        can_view_progress,
        can_view_ranking,
    )

    links = []
    if can_change_methodology(user, plan):
        links.append(("selection:methodologies", _("Selection methodology")))
    if can_overturn_eligibility(user, plan):
        links.append(("selection:eligibility", _("Eligibility of the proposals")))
    if can_list_ballots(user, plan):
        links.append(("selection:queue", _("Proposals to score")))
    if can_view_progress(user, plan):
        links.append(("selection:progress", _("Scoring progress")))
    if can_view_ranking(user, plan):
        links.append(("selection:ranking", _("Ranking")))
    return links


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
    from django.db.models import Count, IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from cocrea.proposals.models import Proposal, PublicComment
    from cocrea.proposals.queries import SLOT_ORDER

    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    if axis is not None:
        found = found.filter(axis__number=axis)
    if result == "pending":
        found = found.filter(outcome__isnull=True)
    elif result in Outcome.Result.values:
        found = found.filter(outcome__result=result)
    # The counts as subqueries, one per row of the page: a join with every comment and a GROUP
    # BY over every selected column cost 75 ms to plan and run at 100x (210 proposals, 2,830
    # comments) where these cost a few.
    visible = PublicComment.objects.filter(proposal=OuterRef("pk"), hidden_at__isnull=True)

    def count(comments):
        rows = comments.order_by().values("proposal").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

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
            comment_count=count(visible),
            answered_count=count(visible.filter(answered_at__isnull=False)),
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
