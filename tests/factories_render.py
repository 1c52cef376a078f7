"""Documents to render: a plan with commitments in two languages built by the real builder, and
hand-made documents of any size (content.py's shape) for the renderers' edge cases."""

import copy

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import CommitmentMilestone
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans.models import Step

from .factories import OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory

# (table, slot, title_es, title_en): two axes, three commitments.
COMMITMENTS = [
    (1, "commitment_1", "Datos abiertos de salud pública", "Open public health data"),
    (1, "commitment_2", "Participación ciudadana en el presupuesto", "Citizens in the budget"),
    (2, "commitment_1", "Acceso a la información en municipios", "Access to information in towns"),
]


def milestone_texts(number: int, order: int) -> tuple[str, str]:
    """The (es, en) description of milestone `order` of commitment `number`."""
    return (
        f"Hito {number}.{order}: publicación del catálogo número {number}{order}",
        f"Milestone {number}.{order}: catalogue number {number}{order} published",
    )


def plan_with_commitments(plan) -> list:
    """Three commitments of `plan` on two axes, each with the factory's two milestones, their
    titles and milestone descriptions in Spanish and English (see COMMITMENTS and
    milestone_texts)."""
    StepFactory(
        plan=plan,
        key="develop",
        number=12,
        status=Step.Status.OPEN,
        capabilities=["commitment-development"],
        title_es="Desarrollo de compromisos",
        title_en="Development of commitments",
    )
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud", acronym="MINSA", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    tables = {number: TableFactory(plan=plan, number=number) for number in (1, 2)}
    commitments = []
    for table, slot, title_es, title_en in COMMITMENTS:
        proposal = selected_proposal(
            plan, tables[table], lead=ministry, slot=slot, title_es=title_es, title_en=title_en
        )
        commitment = commitment_actions.create_commitment(proposal, by=SYSTEM)
        for order, milestone in enumerate(commitment.milestones.order_by("order"), start=1):
            es, en = milestone_texts(commitment.number, order)
            # Test data: the English column the factory leaves empty.
            CommitmentMilestone.objects.filter(pk=milestone.pk).update(
                description_es=es, description_en=en
            )
        commitments.append(commitment)
    return commitments


def commitment(number: int, title: str, milestones: int) -> dict:
    return {
        "anchor": f"commitment:{number}",
        "number": number,
        "title": title,
        "lead_institution": "Autoridad Nacional de Transparencia y Acceso a la Información",
        "supporting_institutions": ["Ministerio de la Presidencia"],
        "sections": [
            {
                "label": "Descripción del compromiso",
                "items": [
                    {"label": "Problema", "kind": "text", "value": "Problema\n\nsegundo párrafo"},
                    {"label": "Compromiso", "kind": "text", "value": f"Texto {number}"},
                ],
                "table": None,
            },
            {
                "label": "Hitos",
                "items": [],
                "table": {
                    "label": "Hitos",
                    "columns": ["Hito", "Fecha de inicio", "Fecha de término"],
                    "rows": [
                        [f"Hito {number}.{order} del compromiso", "2017-09-01", "2019-06-30"]
                        for order in range(1, milestones + 1)
                    ],
                },
            },
        ],
    }


BASE = {
    "language": "es",
    "title": "Tercer Plan de Acción Nacional de Gobierno Abierto",
    "plan": {
        "country": "Panamá",
        "period_start": "2017-07-01",
        "period_end": "2019-06-30",
        "lead_agency": "ANTAI",
    },
    "sections": [
        {
            "anchor": "section:introduction",
            "kind": "introduction",
            "title": "Introducción",
            "body": "Panamá se unió a la Alianza en 2012.\n\nEste es su tercer plan.",
        },
        {
            "anchor": "section:context",
            "kind": "context",
            "title": "Contexto del gobierno abierto",
            "body": "",
        },
    ],
    "process": {
        "anchor": "process",
        "title": "El proceso de cocreación",
        "body": "Mesas de trabajo en todo el país.",
        "chronology": [
            {
                "number": 1,
                "title": "Convocatoria",
                "responsible": "ANTAI",
                "planned_start": "2017-03-01",
                "planned_end": "2017-03-31",
                "actual_start": "2017-03-02",
                "actual_end": "2017-04-05",
                "status": "Cerrado",
            }
        ],
        "figures": [{"key": "participants", "label": "Participantes", "value": "312"}],
        "reach": [{"key": "provinces", "label": "Provincias alcanzadas", "value": "9"}],
    },
    "axes": [],
    "annexes": [
        {
            "anchor": "annex:response",
            "key": "response",
            "title": "Respuesta razonada",
            "columns": ["Propuesta", "Resultado"],
            "rows": [["Datos abiertos", "Seleccionada"]],
        }
    ],
}


def document(*, commitments: int = 0, milestones: int = 3, per_axis: int = 3, **changes) -> dict:
    """A hand-made document with `commitments` commitments (`per_axis` an axis), each with
    `milestones` milestones; `changes` replace top-level keys."""
    made = copy.deepcopy(BASE)
    for number in range(1, commitments + 1):
        axis = (number - 1) // per_axis + 1
        if not made["axes"] or made["axes"][-1]["number"] != axis:
            made["axes"].append({"number": axis, "name": f"Eje temático {axis}", "commitments": []})
        made["axes"][-1]["commitments"].append(
            commitment(number, f"Compromiso número {number} de transparencia", milestones)
        )
    made.update(changes)
    return made
