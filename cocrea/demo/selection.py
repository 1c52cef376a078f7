"""The selection and development stage of the demo (Panama, August-October 2017): the secretariat
drafts the selection methodology, the commission adopts it at a meeting and it is published; the
last review comes in, the secretariat checks every candidate's eligibility (the commission
overturns one check), the members score the eligible ones (one declares a conflict) while the
review step is open; the step closes and the scores are unsealed; the selection meeting decides
on the fifteen proposals and the reasoned response is published; the nine commitments are
developed with their milestones.

Everything goes through the actions, in the order it happened, and is backdated as the proposals
demo does (selection_data.py holds the data)."""

import datetime
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import Commitment, CommitmentRevision
from cocrea.events import actions as event_actions
from cocrea.events.models import Event
from cocrea.organisations.models import Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import ActionPlan
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import Proposal
from cocrea.selection import actions
from cocrea.selection.models import (
    Ballot,
    Candidate,
    EligibilityCheck,
    Methodology,
    Outcome,
    SelectionPublication,
)

from . import proposals_data
from . import selection_data as data
from .proposals import _People, _Replay

STAMPED = [
    (Methodology, "plan", ("created_at", "updated_at", "published_at")),
    (EligibilityCheck, "candidate__plan", ("checked_at",)),
    (Ballot, "candidate__plan", ("created_at", "updated_at")),
    (Outcome, "plan", ("created_at", "updated_at")),
    (SelectionPublication, "plan", ("published_at",)),
    (Commitment, "plan", ("created_at", "updated_at")),
    (CommitmentRevision, "commitment__plan", ("created_at",)),
]


def load_selection_demo(plan: ActionPlan) -> bool:
    """Add the selection and development stage to the demo plan (once; after the proposals).
    Returns whether anything was created."""
    if Methodology.objects.filter(plan=plan).exists() or not plan.proposals.exists():
        return False
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        _load(plan)
    return True


def _meeting(plan: ActionPlan, officer, key: str) -> Event:
    day, hour, title_es, title_en, minutes_es, minutes_en, decisions = data.MEETINGS[key]
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    event = event_actions.create_event(
        plan,
        by=officer,
        kind=Event.Kind.COMMISSION_MEETING,
        title_es=title_es,
        title_en=title_en,
        description_es=f"{title_es}. Convoca: ANTAI.",
        description_en=f"{title_en}. Convened by ANTAI.",
        agenda_es="1. Verificación del quórum\n2. Presentación de la ANTAI\n3. Deliberación\n"
        "4. Acuerdos",
        agenda_en="1. Quorum\n2. ANTAI's presentation\n3. Deliberation\n4. Agreements",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        venue="ANTAI, Balboa, Ancón",
        organiser="ANTAI",
        published=True,
    )
    event_actions.record_minutes(
        event,
        by=officer,
        minutes_es=minutes_es,
        minutes_en=minutes_en,
        decisions=decisions,
        published_on=day,
    )
    return event


def score(base: int, member: int, candidate: int, criterion: int) -> int:
    """A member's score on one criterion: the candidate's base, one point up or down for some
    members (data.OFFSETS), kept on the 1-5 scale."""
    offset = data.OFFSETS[(member + candidate + criterion) % len(data.OFFSETS)]
    return min(5, max(1, base + offset))


def _load(plan: ActionPlan) -> None:
    people = _People(plan)
    officer = people.officer
    steps = {s.key: s for s in plan.steps.all()}
    User = get_user_model()
    members = {u.username: u for u in User.objects.filter(username__in=data.MEMBERS)}
    orgs = {
        o.acronym: o
        for o in Organisation.objects.filter(jurisdiction=plan.jurisdiction).exclude(acronym="")
    }
    heads = {
        acronym: User.objects.get(username=username)
        for acronym, (username, *_rest) in proposals_data.HEADS.items()
    }

    def proposal(axis: int, slot: str) -> Proposal:
        return Proposal.objects.select_related("plan", "working_table").get(
            plan=plan, axis__number=axis, slot=slot
        )

    def candidate(key: tuple) -> Candidate:
        axis, slot, counter = key
        return Candidate.objects.select_related("proposal", "plan").get(
            plan=plan, proposal__axis__number=axis, proposal__slot=slot, is_counterproposal=counter
        )

    timeline: list[tuple[datetime.date, int, Callable[[], object]]] = []

    def at(day: datetime.date, hour: int, act: Callable[[], object]) -> None:
        timeline.append((day, hour, act))

    # The methodology: drafted, adopted at a meeting, published the next day.
    def draft():
        methodology = actions.create_methodology(plan, by=officer)
        actions.update_methodology(
            methodology,
            by=officer,
            introduction_es=data.METHODOLOGY["introduction_es"],
            introduction_en=data.METHODOLOGY["introduction_en"],
            requirements=data.METHODOLOGY["requirements"],
            criteria=data.METHODOLOGY["criteria"],
        )

    at(data.METHODOLOGY_DRAFTED, 11, draft)
    meetings: dict[str, Event] = {}
    for key, (day, hour, *_rest) in data.MEETINGS.items():
        at(day, hour, lambda key=key: meetings.__setitem__(key, _meeting(plan, officer, key)))
    at(
        data.MEETINGS["methodology"][0],
        13,
        lambda: actions.adopt_methodology(
            _methodology(plan), event=meetings["methodology"], by=officer
        ),
    )
    at(
        data.METHODOLOGY_PUBLISHED,
        9,
        lambda: actions.publish_methodology(_methodology(plan), by=officer),
    )

    # The review IDAAN gives before the step closes.
    for (axis, slot), (day, outcome, (changes_es, changes_en)) in data.LATE_REVIEWS.items():
        lead = proposals_data.ASSIGNMENTS[axis, slot][2]
        at(
            day,
            14,
            lambda a=axis, s=slot, b=heads[lead], o=outcome, es=changes_es, en=changes_en: (
                proposal_actions.review_proposal(
                    proposal(a, s).review, by=b, outcome=o, changes_es=es, changes_en=en
                )
            ),
        )

    # Eligibility: every candidate checked against the three requirements.
    def check(key: tuple):
        methodology = _methodology(plan)
        requirements = list(methodology.requirements.order_by("order", "id"))
        failed = data.FAILED.get(key, (None, {}))[1]
        results = {}
        for number, requirement in enumerate(requirements, start=1):
            if number in failed:
                results[requirement.pk] = (False, *failed[number])
            else:
                results[requirement.pk] = (True, "", "")
        actions.check_eligibility(candidate(key), by=officer, results=results)

    def check_all(keys: list[tuple]):
        actions.ensure_candidates(plan)
        for key in keys:
            check(key)

    keys = _candidate_keys()
    first = [k for k in keys if k not in data.CHECKED_LATE and k not in data.FAILED]
    at(data.CHECKED_ON, 10, lambda: check_all(first))
    for key, (day, _failed) in data.FAILED.items():
        at(day, 11, lambda key=key: check_all([key]))
    for key in sorted(data.CHECKED_LATE):
        at(data.LATE_CHECKS_ON, 10, lambda key=key: check_all([key]))
    for key, (meeting, (reason_es, reason_en)) in data.OVERTURNED.items():
        at(
            data.MEETINGS[meeting][0],
            16,
            lambda key=key, m=meeting, es=reason_es, en=reason_en: actions.overturn_eligibility(
                EligibilityCheck.objects.get(candidate=candidate(key)),
                event=meetings[m],
                by=officer,
                reason_es=es,
                reason_en=en,
            ),
        )

    # The members' ballots, on the days after each candidate became eligible.
    eligible = list(data.BASE_SCORES)
    for c, key in enumerate(eligible):
        opened = _eligible_on(key)
        for m, username in enumerate(data.MEMBERS):
            day = max(opened, data.SCORED_FROM) + datetime.timedelta(days=m % 3)
            conflict = data.CONFLICTS.get((username, key))
            if conflict:
                at(
                    day,
                    12,
                    lambda key=key, u=members[username], text=conflict: actions.declare_conflict(
                        candidate(key), by=u, conflict=text
                    ),
                )
                continue
            at(
                day,
                12 + m % 5,
                lambda key=key, c=c, m=m, u=members[username]: actions.cast_ballot(
                    candidate(key),
                    by=u,
                    scores={
                        criterion.pk: score(data.BASE_SCORES[key][k], m, c, k)
                        for k, criterion in enumerate(_criteria(plan))
                    },
                    comment=data.COMMENTS.get((u.username, key), ""),
                ),
            )

    # The review step closes (and scoring with it); the selection step opens.
    at(
        data.REVIEW_CLOSE,
        17,
        lambda: plan_actions.close_step(steps[data.REVIEW_STEP], by=officer, on=data.REVIEW_CLOSE),
    )
    at(
        data.SELECTION_OPEN,
        8,
        lambda: plan_actions.open_step(
            steps[data.SELECTION_STEP], by=officer, on=data.SELECTION_OPEN
        ),
    )
    for (axis, slot), (result, (reason_es, reason_en), merged) in data.OUTCOMES.items():
        at(
            data.MEETINGS["selection"][0],
            14,
            lambda a=axis, s=slot, r=result, es=reason_es, en=reason_en, into=merged: (
                actions.record_outcome(
                    proposal(a, s),
                    event=meetings["selection"],
                    by=officer,
                    result=r,
                    reason_es=es,
                    reason_en=en,
                    merged_into=proposal(*into) if into else None,
                )
            ),
        )
    at(data.SELECTION_PUBLISHED, 10, lambda: actions.publish_selection(plan, by=officer))
    at(
        data.SELECTION_CLOSE,
        17,
        lambda: plan_actions.close_step(
            steps[data.SELECTION_STEP], by=officer, on=data.SELECTION_CLOSE
        ),
    )

    # Step 12: the nine commitments, created by the secretariat, developed with the tables.
    at(
        data.DEVELOPMENT_OPEN,
        8,
        lambda: plan_actions.open_step(
            steps[data.DEVELOPMENT_STEP], by=officer, on=data.DEVELOPMENT_OPEN
        ),
    )
    created: dict[tuple, Commitment] = {}
    for axis, slot in data.COMMITMENTS:
        at(
            data.DEVELOPMENT_OPEN,
            10,
            lambda a=axis, s=slot: created.__setitem__(
                (a, s), commitment_actions.create_commitment(proposal(a, s), by=officer)
            ),
        )
    for (axis, slot), texts in data.COMMITMENTS.items():
        who, day = texts["saved"]
        at(
            day,
            11,
            lambda a=axis, s=slot, w=who, t=texts: commitment_actions.update_commitment(
                Commitment.objects.get(pk=created[a, s].pk),
                by=people.at_table(a, w),
                fields=_commitment_fields(t, orgs),
                milestones=_milestones(t, orgs),
            ),
        )
    for (axis, slot), (who, day, changes) in data.REVISED.items():
        texts = {**data.COMMITMENTS[axis, slot], **changes}
        at(
            day,
            15,
            lambda a=axis, s=slot, w=who, t=texts: commitment_actions.update_commitment(
                Commitment.objects.get(pk=created[a, s].pk),
                by=people.at_table(a, w),
                fields=_commitment_fields(t, orgs),
                milestones=_milestones(t, orgs),
            ),
        )
    at(
        data.DEVELOPMENT_CLOSE,
        17,
        lambda: plan_actions.close_step(
            steps[data.DEVELOPMENT_STEP], by=officer, on=data.DEVELOPMENT_CLOSE
        ),
    )

    replay = _Replay(plan, STAMPED)
    for day, hour, act in sorted(timeline, key=lambda row: (row[0], row[1])):
        replay.run(day, hour, act)
    replay.backdate()


def _candidate_keys() -> list[tuple]:
    """Every candidate: each proposal, and the counterproposals of the two found not viable."""
    keys = [(axis, slot, False) for axis, slot in proposals_data.PROPOSALS]
    keys += [(axis, slot, True) for axis, slot in proposals_data.COUNTERPROPOSALS]
    return sorted(keys)


def _eligible_on(key: tuple) -> datetime.date:
    if key in data.OVERTURNED:
        return data.MEETINGS[data.OVERTURNED[key][0]][0] + datetime.timedelta(days=1)
    if key in data.CHECKED_LATE:
        return data.LATE_CHECKS_ON
    return data.FAILED.get(key, (data.CHECKED_ON,))[0]


def _methodology(plan: ActionPlan) -> Methodology:
    return Methodology.objects.filter(plan=plan).order_by("-number").first()


def _criteria(plan: ActionPlan):
    return list(_methodology(plan).criteria.order_by("order", "id"))


def _commitment_fields(texts: dict, orgs: dict) -> dict:
    start, end = texts["dates"]
    return {
        "title_es": texts["title"][0],
        "title_en": texts["title"][1],
        "start_date": start,
        "end_date": end,
        "lead_institution": orgs[texts["lead"]],
        "supporting_institutions": [orgs[a] for a in texts["supporting"]],
        "budget_es": texts["budget"][0],
        "budget_en": texts["budget"][1],
        "national_plans_es": texts["national_plans"][0],
        "national_plans_en": texts["national_plans"][1],
        "sdgs": texts["sdgs"],
    }


def _milestones(texts: dict, orgs: dict) -> list[dict]:
    return [
        {
            "description_es": description_es,
            "description_en": description_en,
            "start_date": start,
            "end_date": end,
            "weight": weight,
            "responsible": orgs[responsible],
        }
        for (description_es, description_en), start, end, weight, responsible in texts["milestones"]
    ]
