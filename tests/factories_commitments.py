"""Selected proposals to develop into commitments. The selection's outcome rows are written with
the ORM: this sets the stage, the selection's own actions are tested in their files."""

import datetime

from django.utils import timezone

from cocrea.events.models import Event
from cocrea.proposals.models import (
    Counterproposal,
    Milestone,
    Proposal,
    ResponsibleInstitution,
    ViabilityReview,
)
from cocrea.selection.models import Outcome

TEXT = {
    "title_es": "Datos abiertos de salud",
    "title_en": "Open health data",
    "problem_es": "No se publican los datos de salud.",
    "commitment_es": "Publicar los datos de salud en formato abierto.",
    "contribution_es": "La ciudadanía podrá vigilar el gasto.",
    "relevance_es": "Acceso a la información.",
    "start_date": datetime.date(2017, 9, 1),
    "end_date": datetime.date(2019, 6, 30),
    "ogp_values": ["access_to_information"],
    "contact_name": "Ana Ruiz",
    "contact_email": "ana.ruiz@example.gob.pa",
}
MILESTONES = [
    {
        "description_es": "Inventario de datos",
        "start_date": datetime.date(2017, 9, 1),
        "end_date": datetime.date(2017, 12, 31),
    },
    {
        "description_es": "Portal publicado",
        "start_date": datetime.date(2018, 1, 1),
        "end_date": datetime.date(2019, 6, 30),
    },
]


def meeting(plan) -> Event:
    """A held commission meeting with its minutes, where the commission decided."""
    return Event.objects.create(
        plan=plan,
        kind=Event.Kind.COMMISSION_MEETING,
        title_es="Sesión de selección",
        starts_at=timezone.make_aware(datetime.datetime(2017, 9, 20, 10)),
        venue="ANTAI",
        status=Event.Status.HELD,
        minutes="Se seleccionaron las propuestas.",
    )


def selected_proposal(
    plan,
    table,
    *,
    lead,
    others=(),
    slot="commitment_1",
    result=Outcome.Result.SELECTED,
    as_counterproposal=False,
    counter=None,
    **fields,
) -> Proposal:
    """A submitted proposal of `table` with two milestones, `lead` as its lead institution and
    `others` as the other responsible ones, and the commission's outcome `result`. With
    `counter` (fields), the lead institution found it not viable with that counterproposal."""
    proposal = Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot=slot,
        status=Proposal.Status.SUBMITTED,
        submitted_at=timezone.now(),
        template_version=plan.template_version,
        **{**TEXT, **fields},
    )
    Milestone.objects.bulk_create(
        Milestone(proposal=proposal, order=order, **row)
        for order, row in enumerate(MILESTONES, start=1)
    )
    ResponsibleInstitution.objects.create(proposal=proposal, organisation=lead, is_lead=True)
    for other in others:
        ResponsibleInstitution.objects.create(proposal=proposal, organisation=other)
    if counter is not None:
        review = ViabilityReview.objects.create(
            proposal=proposal,
            institution=lead,
            due_on=datetime.date(2017, 8, 25),
            outcome=ViabilityReview.Outcome.NOT_VIABLE,
            reasons_es="No es viable así.",
        )
        text = Counterproposal.objects.create(
            review=review, template_version=plan.template_version, **counter
        )
        Milestone.objects.create(
            counterproposal=text,
            order=1,
            description_es="Tablero mensual",
            start_date=datetime.date(2018, 1, 1),
            end_date=datetime.date(2018, 6, 30),
        )
    Outcome.objects.create(
        plan=plan,
        proposal=proposal,
        result=result,
        as_counterproposal=as_counterproposal,
        reason="Cumple los criterios.",
        decided_at=meeting(plan),
    )
    return proposal
