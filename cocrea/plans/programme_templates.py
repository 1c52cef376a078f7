"""Templates a plan's work programme can start from, as data.

A template is a sequence of steps with their texts in each language, who is responsible, when the
step typically starts and how long it lasts (in weeks from the start of the co-creation), and the
capabilities (cocrea/plans/capabilities.py) it enables while open. `start_programme` in
cocrea/plans/actions.py turns one into the plan's steps; the secretariat then edits them with the
step pages and publishes them as version 1.

The generic sequence follows OGP's Participation & Co-Creation Standards (2021): a multi-
stakeholder forum that meets throughout; the timeline and ways to take part published at least two
weeks before the co-creation starts; outreach, an open call, trainings and institutional liaisons;
working tables drafting proposals; responsible institutions, their viability review and public
comment; the forum's scoring of the proposals by the published methodology; a selection with a
reasoned response; the development of the commitments; the draft, its review and the publication."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The standards ask for the timeline to be public this long before the co-creation starts.
MIN_WEEKS_NOTICE = 2


@dataclass(frozen=True)
class TemplateStep:
    title: dict[str, str]
    description: dict[str, str]
    responsible: dict[str, str]
    start_week: int
    weeks: int
    capabilities: tuple[str, ...] = ()

    @property
    def localized_title(self) -> str:
        lang = (get_language() or settings.LANGUAGE_CODE)[:2]
        return self.title.get(lang) or self.title[settings.LANGUAGE_CODE[:2]]

    def dates(self, starts_on: datetime.date) -> tuple[datetime.date, datetime.date]:
        start = starts_on + datetime.timedelta(weeks=self.start_week)
        return start, start + datetime.timedelta(weeks=self.weeks, days=-1)


@dataclass(frozen=True)
class ProgrammeTemplate:
    slug: str
    name: str
    description: str
    steps: tuple[TemplateStep, ...]

    @property
    def weeks(self) -> int:
        """How long the whole sequence lasts."""
        return max(step.start_week + step.weeks for step in self.steps)


SECRETARIAT = {"es": "Secretaría técnica", "en": "Secretariat"}
FORUM = {"es": "Foro multiactor", "en": "Multi-stakeholder forum"}
SECRETARIAT_AND_FORUM = {
    "es": "Secretaría técnica y foro multiactor",
    "en": "Secretariat and multi-stakeholder forum",
}
TABLES = {"es": "Mesas de trabajo", "en": "Working tables"}

OGP_2021 = ProgrammeTemplate(
    slug="ogp-2021",
    name=_("OGP co-creation sequence (Participation & Co-Creation Standards, 2021)"),
    description=_(
        "Sixteen steps over about thirty weeks: forum, published timeline, outreach, open call, "
        "trainings, liaisons, working tables, responsible institutions, viability review, public "
        "comment, the forum's scoring, selection, development, draft, review and publication."
    ),
    steps=(
        TemplateStep(
            title={
                "es": "Conformación y reuniones del foro multiactor",
                "en": "Multi-stakeholder forum set up and meetings",
            },
            description={
                "es": "Se conforma el foro de gobierno y sociedad civil, se publican sus reglas "
                "de participación y se acuerdan la metodología y los ejes temáticos. El foro se "
                "reúne durante todo el ciclo.",
                "en": "The forum of government and civil society is set up, its participation "
                "rules are published, and the methodology and thematic axes are agreed. The "
                "forum meets throughout the cycle.",
            },
            responsible=SECRETARIAT_AND_FORUM,
            start_week=0,
            weeks=30,
            capabilities=("forum-meetings",),
        ),
        TemplateStep(
            title={
                "es": "Publicación del cronograma y de las formas de participar",
                "en": "Publication of the timeline and ways to take part",
            },
            description={
                "es": "Se publica el programa de trabajo con sus fechas y las oportunidades de "
                "participación, al menos dos semanas antes de iniciar la co-creación.",
                "en": "The work programme, its dates and the opportunities to take part are "
                "published at least two weeks before the co-creation starts.",
            },
            responsible=SECRETARIAT,
            start_week=1,
            weeks=1,
        ),
        TemplateStep(
            title={"es": "Difusión y sensibilización", "en": "Awareness and outreach"},
            description={
                "es": "Actividades para informar sobre el proceso a actores del gobierno y de la "
                "sociedad civil, también fuera de la capital.",
                "en": "Activities that inform government and civil-society actors about the "
                "process, outside the capital too.",
            },
            responsible=SECRETARIAT,
            start_week=2,
            weeks=7,
            capabilities=("outreach",),
        ),
        TemplateStep(
            title={"es": "Convocatoria abierta e inscripción", "en": "Open call and registration"},
            description={
                "es": "Se invita a la ciudadanía a inscribirse para participar en las mesas de "
                "trabajo.",
                "en": "Citizens are invited to register to take part in the working tables.",
            },
            responsible=SECRETARIAT,
            start_week=4,
            weeks=5,
            capabilities=("open-call",),
        ),
        TemplateStep(
            title={"es": "Capacitaciones", "en": "Trainings"},
            description={
                "es": "Se capacita a responsables y participantes de las mesas sobre el proceso "
                "y el formato de los compromisos.",
                "en": "Table leaders and participants are trained on the process and the "
                "commitment template.",
            },
            responsible=SECRETARIAT,
            start_week=6,
            weeks=3,
            capabilities=("training",),
        ),
        TemplateStep(
            title={"es": "Enlaces institucionales", "en": "Institutional liaisons"},
            description={
                "es": "Las instituciones públicas pertinentes designan enlaces para las mesas.",
                "en": "The relevant public institutions name liaisons to the tables.",
            },
            responsible=SECRETARIAT,
            start_week=4,
            weeks=5,
            capabilities=("liaisons",),
        ),
        TemplateStep(
            title={
                "es": "Mesas de trabajo: elaboración de propuestas",
                "en": "Working tables: drafting of proposals",
            },
            description={
                "es": "Cada mesa elabora, por cada eje que cubre, su conjunto de propuestas de "
                "compromiso en el formato de la AGA.",
                "en": "Each table drafts, for each axis it covers, its set of commitment "
                "proposals in the OGP template.",
            },
            responsible=TABLES,
            start_week=9,
            weeks=5,
            capabilities=("drafting",),
        ),
        TemplateStep(
            title={
                "es": "Instituciones responsables y objetivos",
                "en": "Responsible institutions and objectives",
            },
            description={
                "es": "Se determinan las instituciones públicas responsables de cada propuesta "
                "y sus objetivos.",
                "en": "The public institutions responsible for each proposal and its "
                "objectives are named.",
            },
            responsible=SECRETARIAT_AND_FORUM,
            start_week=14,
            weeks=2,
            capabilities=("assignment",),
        ),
        TemplateStep(
            title={"es": "Revisión de viabilidad", "en": "Viability review"},
            description={
                "es": "Las instituciones responsables revisan la viabilidad de las propuestas; "
                "si una no es viable, dan sus razones y una contrapropuesta.",
                "en": "The responsible institutions review the proposals' viability; one not "
                "viable gets reasons and a counterproposal.",
            },
            responsible={"es": "Instituciones responsables", "en": "Responsible institutions"},
            start_week=16,
            weeks=4,
            capabilities=("viability-review",),
        ),
        TemplateStep(
            title={"es": "Consulta pública de las propuestas", "en": "Public comment on proposals"},
            description={
                "es": "Cualquier persona registrada comenta las propuestas presentadas.",
                "en": "Any registered person comments on the submitted proposals.",
            },
            responsible=SECRETARIAT,
            start_week=16,
            weeks=4,
            capabilities=("public-comment",),
        ),
        TemplateStep(
            title={
                "es": "Puntuación de las propuestas por el foro",
                "en": "The forum scores the proposals",
            },
            description={
                "es": "La secretaría verifica los requisitos de la metodología publicada y los "
                "miembros del foro puntúan cada propuesta elegible según sus criterios. Las "
                "puntuaciones quedan selladas hasta el cierre de este paso.",
                "en": "The secretariat checks the published methodology's requirements and the "
                "forum's members score each eligible proposal on its criteria. Scores stay "
                "sealed until this step closes.",
            },
            responsible=FORUM,
            start_week=18,
            weeks=2,
            capabilities=("scoring",),
        ),
        TemplateStep(
            title={
                "es": "Selección de compromisos y respuesta razonada",
                "en": "Selection of commitments and reasoned response",
            },
            description={
                "es": "El foro selecciona los compromisos según la metodología acordada y "
                "publica por qué cada propuesta fue o no adoptada.",
                "en": "The forum selects the commitments by the agreed methodology and publishes "
                "why each proposal was or was not adopted.",
            },
            responsible=FORUM,
            start_week=20,
            weeks=2,
            capabilities=("selection",),
        ),
        TemplateStep(
            title={"es": "Desarrollo de los compromisos", "en": "Development of the commitments"},
            description={
                "es": "Se desarrollan los compromisos seleccionados: metas, hitos, plazos y "
                "entregables.",
                "en": "The selected commitments are developed: goals, milestones, deadlines and "
                "deliverables.",
            },
            responsible=SECRETARIAT_AND_FORUM,
            start_week=22,
            weeks=3,
            capabilities=("commitment-development",),
        ),
        TemplateStep(
            title={"es": "Redacción del borrador del plan", "en": "Drafting of the plan"},
            description={
                "es": "Se redacta el borrador del plan de acción.",
                "en": "The draft action plan is written.",
            },
            responsible=SECRETARIAT,
            start_week=25,
            weeks=2,
            capabilities=("plan-drafting", "plan-public-comment"),
        ),
        TemplateStep(
            title={
                "es": "Revisión por la Unidad de Apoyo de la AGA",
                "en": "Review by the OGP Support Unit",
            },
            description={
                "es": "El borrador se envía a la Unidad de Apoyo y a los grupos de trabajo de la "
                "AGA para su revisión.",
                "en": "The draft goes to the OGP Support Unit and working groups for review.",
            },
            responsible=SECRETARIAT,
            start_week=27,
            weeks=2,
            capabilities=("ogp-review",),
        ),
        TemplateStep(
            title={
                "es": "Ajustes finales, entrega y publicación",
                "en": "Final adjustments, delivery and publication",
            },
            description={
                "es": "Ajustes finales y traducción; entrega a la AGA, presentación y "
                "publicación del plan.",
                "en": "Final adjustments and translation; delivery to OGP, presentation and "
                "publication of the plan.",
            },
            responsible=SECRETARIAT,
            start_week=29,
            weeks=1,
            capabilities=("translation", "delivery", "publication"),
        ),
    ),
)

TEMPLATES: dict[str, ProgrammeTemplate] = {template.slug: template for template in (OGP_2021,)}


def choices() -> list[tuple[str, str]]:
    return [(template.slug, template.name) for template in TEMPLATES.values()]


def default_start(template: ProgrammeTemplate, period_start: datetime.date) -> datetime.date:
    """The Monday on which the sequence must start to end before the plan's period starts."""
    start = period_start - datetime.timedelta(weeks=template.weeks)
    return start - datetime.timedelta(days=start.weekday())
