"""Helpers of the selection tests: a held commission meeting, a published methodology, submitted
proposals and their candidates, the scoring step."""

from cocrea.core.actions import SYSTEM
from cocrea.events.models import Event
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role, Step
from cocrea.proposals.models import Proposal
from cocrea.selection import actions
from cocrea.selection.models import Candidate

from .factories import StepFactory, UserFactory
from .factories_events import EventFactory, in_days

# name, weight, lowest, highest
CRITERIA = [("Resuelve un problema público", 3, 1, 5), ("Demanda ciudadana", 1, 0, 10)]
REQUIREMENTS = ["Viable o viable con cambios", "Relevante para al menos un valor de OGP"]


def meeting(plan, *, minutes="Acta de la sesión.", kind=Event.Kind.COMMISSION_MEETING):
    return EventFactory(
        plan=plan,
        kind=kind,
        title_es="Sesión de la Comisión",
        starts_at=in_days(-3),
        status=Event.Status.HELD if minutes else Event.Status.PLANNED,
        minutes_es=minutes,
        registration_open=False,
    )


def criterion_rows(criteria=CRITERIA) -> list[dict]:
    return [
        {"name_es": name, "weight": weight, "scale_min": low, "scale_max": high}
        for name, weight, low, high in criteria
    ]


def requirement_rows(requirements=REQUIREMENTS) -> list[dict]:
    return [{"text_es": text} for text in requirements]


def published(plan, *, criteria=CRITERIA, requirements=REQUIREMENTS, reason="", event=None):
    """A new version drafted, adopted at a meeting and published (by the system)."""
    methodology = actions.create_methodology(
        plan, by=SYSTEM, introduction_es="Cómo se eligen.", reason_es=reason
    )
    actions.update_methodology(
        methodology,
        by=SYSTEM,
        introduction_es="Cómo se eligen.",
        reason_es=reason,
        requirements=requirement_rows(requirements),
        criteria=criterion_rows(criteria),
    )
    actions.adopt_methodology(methodology, event=event or meeting(plan), by=SYSTEM)
    return actions.publish_methodology(methodology, by=SYSTEM)


def submitted(table, slot, title="Propuesta") -> Proposal:
    return Proposal.objects.create(
        plan=table.plan,
        working_table=table,
        axis=table.axes.get(),
        slot=slot,
        status=Proposal.Status.SUBMITTED,
        title_es=title,
    )


def candidate_of(proposal, *, counter=False) -> Candidate:
    actions.ensure_candidates(proposal.plan)
    return Candidate.objects.get(proposal=proposal, is_counterproposal=counter)


def all_pass(methodology) -> dict:
    return {r.pk: (True, "", "") for r in methodology.requirements.all()}


def eligible(candidate, methodology):
    return actions.check_eligibility(candidate, by=SYSTEM, results=all_pass(methodology))


def scoring_step(plan, status=Step.Status.OPEN):
    return StepFactory(plan=plan, number=11, key="scoring", status=status, capabilities=["scoring"])


def member(plan, username):
    user = UserFactory(username=username, full_name=username.title())
    plan_actions.grant_role(plan, user, Role.COMMISSION_MEMBER, by=SYSTEM)
    return user


def scores(methodology, *values) -> dict[int, int]:
    """Criterion id -> value, in the methodology's order."""
    return dict(zip([c.pk for c in methodology.criteria.all()], values, strict=True))
