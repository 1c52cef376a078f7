"""A plan ready for its document: one working table (axis 1) with two commitments developed
from selected proposals, each with two milestones written in Spanish and English; a step
enabling "plan-drafting" (open unless asked otherwise). The selection's rows are written as in
tests/factories_commitments.py; the commitments are created through their action."""

import datetime

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import Commitment
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans import context
from cocrea.plans.models import Step
from cocrea.proposals.models import Milestone

from .factories import AxisFactory, OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory

SECOND = {
    "title_es": "Compras públicas abiertas",
    "title_en": "Open public procurement",
}
MILESTONES_EN = {1: "Data inventory", 2: "Portal published"}


def drafting_step(plan, *, status=Step.Status.OPEN, number=13) -> Step:
    step = StepFactory(
        plan=plan,
        key="drafting-plan",
        number=number,
        status=status,
        capabilities=["plan-drafting"],
        title_es="Elaboración del plan",
        title_en="Drafting the plan",
        planned_start=datetime.date(2017, 10, 1),
        planned_end=datetime.date(2017, 11, 30),
        actual_start=datetime.date(2017, 10, 2),
    )
    context.invalidate()
    return step


def document_plan(plan, *, table=None, status=Step.Status.OPEN) -> list[Commitment]:
    """Commitments 1 ("Datos abiertos de salud") and 2 ("Compras públicas abiertas") of table 1,
    led by one ministry, with milestones 1 and 2 in both languages."""
    if table is None:
        axis = AxisFactory(plan=plan, number=1, name_es="Transparencia", name_en="Transparency")
        table = TableFactory(plan=plan, number=1, axes=[axis])
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud",
        name_en="Ministry of Health",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )
    proposals = [
        selected_proposal(plan, table, lead=ministry, slot="commitment_1"),
        selected_proposal(plan, table, lead=ministry, slot="commitment_2", **SECOND),
    ]
    for proposal in proposals:
        for milestone in Milestone.objects.filter(proposal=proposal):
            milestone.description_en = MILESTONES_EN[milestone.order]
            milestone.save(update_fields=["description_en"])
    drafting_step(plan, status=status)
    # Creating a commitment needs its own capability: open it for a moment, with the system.
    development = StepFactory(
        plan=plan,
        key="develop",
        number=12,
        status=Step.Status.OPEN,
        capabilities=["commitment-development"],
        title_es="Desarrollo de compromisos",
        title_en="Developing the commitments",
        planned_start=datetime.date(2017, 9, 1),
        planned_end=datetime.date(2017, 9, 30),
        actual_start=datetime.date(2017, 9, 11),
        actual_end=datetime.date(2017, 9, 29),
    )
    context.invalidate()
    commitments = [commitment_actions.create_commitment(p, by=SYSTEM) for p in proposals]
    Step.objects.filter(pk=development.pk).update(status=Step.Status.CLOSED)
    context.invalidate()
    return commitments
