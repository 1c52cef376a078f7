"""What the selection decision needs, made directly: a commission meeting held with its minutes,
a published methodology, eligibility checks, submitted proposals and the step enabling the
selection. (The methodology's and eligibility's own actions are tested in their files.)"""

import datetime

from django.utils import timezone

from cocrea.events.models import Event
from cocrea.plans.models import Step
from cocrea.proposals.models import Counterproposal, Proposal, ViabilityReview
from cocrea.selection.models import Candidate, EligibilityCheck, Methodology

from .factories import StepFactory
from .factories_events import EventFactory

MEETING_DAY = datetime.date(2017, 11, 20)


def meeting(plan, *, minutes=True, **fields) -> Event:
    """A commission meeting of `plan` on MEETING_DAY, held with its minutes (unless `minutes`
    is False: planned, without)."""
    starts = timezone.make_aware(datetime.datetime.combine(MEETING_DAY, datetime.time(10)))
    values = {
        "plan": plan,
        "kind": Event.Kind.COMMISSION_MEETING,
        "title_es": "Sesión de la Comisión",
        "title_en": "Commission meeting",
        "starts_at": starts,
        "registration_open": False,
    }
    if minutes:
        values.update(
            status=Event.Status.HELD,
            minutes_es="La Comisión seleccionó los compromisos.",
            minutes_published_on=MEETING_DAY,
        )
    return EventFactory(**{**values, **fields})


def published_methodology(plan) -> Methodology:
    return Methodology.objects.create(plan=plan, number=1, status=Methodology.Status.PUBLISHED)


def check(proposal, methodology, *, passed=True, counterproposal=False) -> EligibilityCheck:
    candidate, _created = Candidate.objects.get_or_create(
        plan=proposal.plan, proposal=proposal, is_counterproposal=counterproposal
    )
    return EligibilityCheck.objects.create(
        candidate=candidate, methodology=methodology, passed=passed, checked_at=timezone.now()
    )


def selection_step(plan, status=Step.Status.OPEN) -> Step:
    return StepFactory(
        plan=plan, key="selection", number=11, status=status, capabilities=["selection"]
    )


def submitted(table, slots, *, axis=None, title="Propuesta") -> list[Proposal]:
    """Submitted proposals of `table` for `axis` (its only one by default), one per slot."""
    axis = axis or table.axes.get()
    return [
        Proposal.objects.create(
            plan=table.plan,
            working_table=table,
            axis=axis,
            slot=slot,
            status=Proposal.Status.SUBMITTED,
            submitted_at=timezone.now(),
            title_es=f"{title} {slot}",
        )
        for slot in slots
    ]


def counterproposal(proposal, institution) -> Counterproposal:
    review = ViabilityReview.objects.create(
        proposal=proposal,
        institution=institution,
        due_on=datetime.date(2017, 8, 4),
        outcome=ViabilityReview.Outcome.NOT_VIABLE,
        reasons_es="No hay presupuesto.",
    )
    return Counterproposal.objects.create(review=review, title_es="Contrapropuesta del ministerio")
