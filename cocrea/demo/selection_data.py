"""The selection and development of Panama's 2017-2019 commitments for the demo (steps 10 to 12):
the selection methodology the commission adopted, the secretariat's eligibility checks, the
members' scores, the selection meeting's outcome for each of the fifteen proposals with its
reasons, and the nine commitments the plan adopted (OGP ids PA0026-PA0034) developed with their
milestones, weights and responsible institutions. People are fictional; institutions are real.

Proposals are keyed by (axis, slot) as in proposals_data.py; a candidate by (axis, slot,
counterproposal?)."""

import datetime as dt

from .proposals_data import ALT, C1, C2

D = dt.date

# --- the commission's meetings (events of the plan, with minutes) --------------------------------
# key -> (date, hour, title es, title en, minutes es, minutes en, decisions [(es, en)])
MEETINGS = {
    "methodology": (
        D(2017, 8, 17),
        10,
        "Sesión de la Comisión: metodología de selección",
        "Commission meeting: the selection methodology",
        "La Comisión revisó el borrador de metodología de selección presentado por la ANTAI y "
        "lo adoptó con dos ajustes: más peso a la demanda de los participantes y una escala de "
        "1 a 5 en todos los criterios.",
        "The Commission reviewed the draft selection methodology presented by ANTAI and adopted "
        "it with two adjustments: more weight on participants' demand and a 1-to-5 scale on "
        "every criterion.",
        [
            (
                "Se adopta la versión 1 de la metodología de selección de compromisos.",
                "Version 1 of the commitment selection methodology is adopted.",
            ),
            (
                "Los miembros puntuarán las propuestas elegibles hasta el cierre de la revisión.",
                "Members will score the eligible proposals until the review closes.",
            ),
        ],
    ),
    "eligibility": (
        D(2017, 8, 24),
        15,
        "Sesión extraordinaria de la Comisión: elegibilidad de las propuestas",
        "Extraordinary Commission meeting: eligibility of the proposals",
        "La Comisión examinó las verificaciones de elegibilidad de la secretaría y revocó la "
        "de la propuesta de canal seguro de denuncias.",
        "The Commission examined the secretariat's eligibility checks and overturned the one on "
        "the proposal for a secure complaints channel.",
        [
            (
                "El canal seguro de denuncias es elegible: el anteproyecto de ley es un "
                "entregable verificable con fecha.",
                "The secure complaints channel is eligible: the draft bill is a verifiable "
                "deliverable with a date.",
            ),
        ],
    ),
    "selection": (
        D(2017, 9, 5),
        10,
        "Sesión de la Comisión: selección de compromisos",
        "Commission meeting: selection of the commitments",
        "La Comisión conoció la clasificación de las propuestas según la metodología adoptada y "
        "seleccionó nueve compromisos para el Plan de Acción, con las razones de cada decisión.",
        "The Commission saw the ranking of the proposals under the adopted methodology and "
        "selected nine commitments for the Action Plan, with the reasons for each decision.",
        [
            (
                "Se seleccionan nueve compromisos, dos por eje salvo el eje 3 y uno más del eje 5.",
                "Nine commitments are selected: two per axis except axis 3, and one more from "
                "axis 5.",
            ),
            (
                "La ANTAI publicará la respuesta razonada sobre las quince propuestas.",
                "ANTAI will publish the reasoned response on the fifteen proposals.",
            ),
        ],
    ),
}

# --- the methodology (version 1) -----------------------------------------------------------------
METHODOLOGY_DRAFTED = D(2017, 8, 9)
METHODOLOGY_PUBLISHED = D(2017, 8, 18)

METHODOLOGY = {
    "introduction_es": (
        "La Comisión de Gobierno Abierto selecciona los compromisos del Tercer Plan de Acción "
        "entre las propuestas de las mesas de trabajo y las contrapropuestas de las "
        "instituciones. Primero, la secretaría verifica que cada propuesta cumpla los tres "
        "requisitos; después, cada miembro de la Comisión puntúa las elegibles en cinco criterios "
        "ponderados. Las puntuaciones se conocen al cerrar la revisión de viabilidad, y la "
        "Comisión decide en sesión, hasta un máximo de diez compromisos, dando las razones de "
        "cada decisión."
    ),
    "introduction_en": (
        "The Open Government Commission selects the commitments of the Third Action Plan from "
        "the working tables' proposals and the institutions' counterproposals. First, the "
        "secretariat checks that each proposal meets the three requirements; then each member of "
        "the Commission scores the eligible ones on five weighted criteria. The scores are known "
        "when the viability review closes, and the Commission decides at a meeting, up to ten "
        "commitments, giving the reasons for each decision."
    ),
    "requirements": [
        {
            "text_es": "La institución responsable la consideró viable, viable con cambios, o "
            "es su contrapropuesta",
            "text_en": "The lead institution found it viable, viable with changes, or it is the "
            "institution's counterproposal",
            "guidance_es": "Una propuesta no viable, o sin respuesta de la institución al cierre "
            "de la revisión, no cumple; su contrapropuesta sí puede cumplir.",
            "guidance_en": "A proposal found not viable, or not answered by the institution when "
            "the review closes, fails; its counterproposal may pass.",
        },
        {
            "text_es": "Es relevante para al menos un valor de la AGA",
            "text_en": "It is relevant to at least one OGP value",
            "guidance_es": "Acceso a la información, participación ciudadana o rendición de "
            "cuentas; tecnología e innovación cuenta solo junto con uno de ellos.",
            "guidance_en": "Access to information, civic participation or public "
            "accountability; technology and innovation counts only together with one of them.",
        },
        {
            "text_es": "Es verificable: tiene entregables y fechas dentro del periodo del plan",
            "text_en": "It is verifiable: it has deliverables and dates within the plan's period",
            "guidance_es": "Cada hito produce un entregable que un tercero puede comprobar, con "
            "fecha de inicio y de término.",
            "guidance_en": "Each milestone yields a deliverable a third party can check, with a "
            "start and an end date.",
        },
    ],
    "criteria": [
        {
            "name_es": "Resuelve un problema público",
            "name_en": "Solves a public problem",
            "guidance_es": "5: atiende un problema concreto, medido y sentido por la población; "
            "1: el problema no está claro.",
            "guidance_en": "5: addresses a concrete, measured problem people feel; 1: the "
            "problem is unclear.",
            "weight": 25,
            "scale_min": 1,
            "scale_max": 5,
        },
        {
            "name_es": "Demanda de los participantes",
            "name_en": "Demand from participants",
            "guidance_es": "Cuánto la pidieron las mesas, las jornadas en provincias y los "
            "comentarios públicos.",
            "guidance_en": "How much the tables, the outreach days in the provinces and the "
            "public comments asked for it.",
            "weight": 20,
            "scale_min": 1,
            "scale_max": 5,
        },
        {
            "name_es": "Factibilidad",
            "name_en": "Feasibility",
            "guidance_es": "Recursos, marco legal y capacidad de la institución para cumplirla "
            "en el periodo del plan.",
            "guidance_en": "Resources, legal framework and the institution's capacity to deliver "
            "it within the plan's period.",
            "weight": 20,
            "scale_min": 1,
            "scale_max": 5,
        },
        {
            "name_es": "Ambición",
            "name_en": "Ambition",
            "guidance_es": "5: cambia la práctica del gobierno; 1: continúa lo que ya se hace.",
            "guidance_en": "5: changes how government works; 1: carries on what is already done.",
            "weight": 20,
            "scale_min": 1,
            "scale_max": 5,
        },
        {
            "name_es": "Alineación con los valores de la AGA",
            "name_en": "Alignment with OGP values",
            "guidance_es": "Cuántos valores de la AGA promueve y con qué claridad.",
            "guidance_en": "How many OGP values it furthers, and how clearly.",
            "weight": 15,
            "scale_min": 1,
            "scale_max": 5,
        },
    ],
}

# --- the viability review the demo had left pending ----------------------------------------------
# IDAAN answers before the review closes; the National Assembly never does.
LATE_REVIEWS = {
    (4, C2): (
        D(2017, 8, 24),
        "viable_with_changes",
        (
            "Publicar primero la calidad del agua de las potabilizadoras y los horarios de "
            "abastecimiento de Panamá, Panamá Oeste y Colón, y extender el resto del país en 2019.",
            "Publish first the water quality of the treatment plants and the supply schedules of "
            "Panamá, Panamá Oeste and Colón, and extend to the rest of the country in 2019.",
        ),
    ),
}

REVIEW_CLOSE = D(2017, 8, 29)
SELECTION_OPEN = D(2017, 8, 30)
SELECTION_PUBLISHED = D(2017, 9, 8)
SELECTION_CLOSE = D(2017, 9, 8)
DEVELOPMENT_OPEN = D(2017, 9, 11)
DEVELOPMENT_CLOSE = D(2017, 10, 6)
REVIEW_STEP = "viability-review"
SELECTION_STEP = "selection"
DEVELOPMENT_STEP = "development"

# --- eligibility ---------------------------------------------------------------------------------
# The secretariat checks each candidate against the three requirements. Candidates not listed
# pass all three on their date. (axis, slot, counterproposal) -> (on, {requirement number:
# (reason es, reason en)} for those it fails).
CHECKED_ON = D(2017, 8, 21)
LATE_CHECKS_ON = D(2017, 8, 25)
NOT_REVIEWED_ON = D(2017, 8, 28)
FAILED = {
    (3, C1, False): (
        NOT_REVIEWED_ON,
        {
            1: (
                "La Asamblea Nacional no respondió la revisión de viabilidad en el plazo.",
                "The National Assembly did not answer the viability review in time.",
            )
        },
    ),
    (3, C2, False): (
        NOT_REVIEWED_ON,
        {
            1: (
                "La Asamblea Nacional no respondió la revisión de viabilidad en el plazo.",
                "The National Assembly did not answer the viability review in time.",
            )
        },
    ),
    (3, ALT, False): (
        CHECKED_ON,
        {
            1: (
                "El Tribunal Electoral la consideró no viable: requiere una reforma de la ley "
                "electoral. Se evalúa su contrapropuesta.",
                "The Electoral Tribunal found it not viable: it needs a reform of electoral law. "
                "Its counterproposal is assessed instead.",
            )
        },
    ),
    (4, ALT, False): (
        CHECKED_ON,
        {
            1: (
                "El MINSA la consideró no viable en el periodo del plan. Se evalúa su "
                "contrapropuesta.",
                "MINSA found it not viable within the plan's period. Its counterproposal is "
                "assessed instead.",
            )
        },
    ),
    # Failed by the secretariat, overturned by the commission (OVERTURNED below).
    (1, ALT, False): (
        D(2017, 8, 23),
        {
            3: (
                "La adopción del protocolo de protección depende de la Asamblea Nacional: no "
                "tiene una fecha que la institución pueda cumplir.",
                "Adopting the protection protocol is up to the National Assembly: it has no date "
                "the institution can meet.",
            )
        },
    ),
}
# Checked once their review came in (the others on CHECKED_ON).
CHECKED_LATE = {(4, C2, False)}

OVERTURNED = {
    (1, ALT, False): (
        "eligibility",
        (
            "El entregable del protocolo es el anteproyecto de ley presentado por el Ministerio "
            "Público, con fecha dentro del plan; su aprobación no forma parte del compromiso.",
            "The protocol's deliverable is the draft bill the Public Prosecutor's Office "
            "presents, dated within the plan; its passing is not part of the commitment.",
        ),
    ),
}

# --- the members' scores -------------------------------------------------------------------------
# The commission's members who score, in the order of the offsets below (plans_data's users).
MEMBERS = [
    "comision",
    "cga-antai",
    "cga-aig",
    "cga-dgcp",
    "cga-meduca",
    "cga-cciap",
    "cga-up",
    "cga-rcch",
]

# Base scores of each eligible candidate on the five criteria (problem, demand, feasibility,
# ambition, OGP values); each member departs by one point from some (OFFSETS), within 1..5.
BASE_SCORES = {
    (1, C1, False): (5, 5, 4, 5, 5),
    (1, C2, False): (4, 5, 4, 4, 5),
    (1, ALT, False): (4, 3, 2, 3, 3),
    (2, C1, False): (5, 4, 4, 4, 5),
    (2, C2, False): (4, 4, 5, 4, 4),
    (2, ALT, False): (3, 3, 4, 3, 4),
    (3, ALT, True): (3, 2, 3, 2, 4),
    (4, C1, False): (4, 4, 5, 3, 3),
    (4, C2, False): (5, 5, 3, 4, 4),
    (4, ALT, True): (3, 3, 3, 3, 3),
    (5, C1, False): (4, 4, 4, 3, 4),
    (5, C2, False): (4, 4, 4, 3, 4),
    (5, ALT, False): (3, 4, 5, 3, 5),
}
# A member's departure from the base: by (member + candidate + criterion) modulo 4, one point up,
# one down or none; over the eight members they cancel out.
OFFSETS = (1, -1, 0, 0)
SCORED_FROM = D(2017, 8, 21)

# ANTAI's representative abstains on ANTAI's observatory.
CONFLICTS = {
    ("cga-antai", (1, C1, False)): (
        "Represento a la ANTAI, institución responsable de esta propuesta."
    ),
}

# Some ballots carry a comment: (member, candidate) -> comment.
COMMENTS = {
    ("comision", (4, C2, False)): "La demanda vino sobre todo de las jornadas en provincias.",
    ("cga-up", (5, ALT, False)): "Refuerza a todo el plan: capacita a quienes lo ejecutan.",
    ("cga-cciap", (2, C2, False)): "Conviene incluir a quienes redactan los pliegos.",
    ("cga-rcch", (1, ALT, False)): "Importante, pero depende de la Asamblea.",
}

# --- the selection meeting -----------------------------------------------------------------------
SELECTED = "selected"
NOT_SELECTED = "not_selected"
MERGED = "merged"
OUT_OF_SCOPE = "out_of_scope"

AXIS_3_OUT = (
    "La Asamblea Nacional, órgano independiente del Ejecutivo, no revisó la propuesta ni asumió "
    "compromisos en este plan. La Comisión recomienda retomarla en un plan de parlamento abierto "
    "de la propia Asamblea.",
    "The National Assembly, a branch independent of the Executive, did not review the proposal "
    "nor take on commitments in this plan. The Commission recommends taking it up in the "
    "Assembly's own open parliament plan.",
)

# (axis, slot) -> (result, (reason es, reason en), merged into (axis, slot) or None)
OUTCOMES = {
    (1, C1): (
        SELECTED,
        (
            "Primera en la clasificación: atiende la falta de seguimiento ciudadano de los casos "
            "de corrupción, pedida en todas las mesas.",
            "First in the ranking: it addresses the lack of citizen follow-up of corruption "
            "cases, asked for at every table.",
        ),
        None,
    ),
    (1, C2): (
        SELECTED,
        (
            "Alta puntuación en demanda y valores de la AGA; se selecciona con los cambios del "
            "Tribunal Electoral.",
            "High scores on demand and OGP values; selected with the Electoral Tribunal's changes.",
        ),
        None,
    ),
    (1, ALT): (
        NOT_SELECTED,
        (
            "Los dos compromisos de la mesa 1 fueron seleccionados y su factibilidad fue la más "
            "baja del eje: queda como alternativa de la mesa por si uno no pudiera cumplirse.",
            "Both commitments of table 1 were selected and its feasibility was the lowest of the "
            "axis: it stays as the table's alternate in case one cannot be carried out.",
        ),
        None,
    ),
    (2, C1): (
        SELECTED,
        (
            "Alta puntuación en todos los criterios; el MOP concentra la mayor inversión pública.",
            "High scores on every criterion; the MOP holds the largest share of public investment.",
        ),
        None,
    ),
    (2, C2): (
        SELECTED,
        (
            "La más factible del eje; se selecciona con la extensión a quienes elaboran los "
            "pliegos que pidió la DGCP.",
            "The most feasible of the axis; selected with the extension to those who draft the "
            "tender specifications that the DGCP asked for.",
        ),
        None,
    ),
    (2, ALT): (
        NOT_SELECTED,
        (
            "Los dos compromisos de la mesa 2 fueron seleccionados; queda como alternativa. La "
            "DGCP evaluará el estándar OCDS en la modernización de PanamaCompra.",
            "Both commitments of table 2 were selected; it stays as the alternate. The DGCP will "
            "assess the OCDS standard in PanamaCompra's modernisation.",
        ),
        None,
    ),
    (3, C1): (OUT_OF_SCOPE, AXIS_3_OUT, None),
    (3, C2): (OUT_OF_SCOPE, AXIS_3_OUT, None),
    (3, ALT): (
        MERGED,
        (
            "La contrapropuesta del Tribunal Electoral (los informes de financiamiento de 2019 "
            "en datos abiertos) se integra al Observatorio Ciudadano Electoral, que recibirá y "
            "analizará esos informes.",
            "The Electoral Tribunal's counterproposal (the 2019 financing reports as open data) "
            "is merged into the Citizen Electoral Observatory, which will receive and analyse "
            "those reports.",
        ),
        (1, C2),
    ),
    (4, C1): (
        SELECTED,
        (
            "La más factible del eje: la ATTT y el MEDUCA tienen los contenidos y los medios.",
            "The most feasible of the axis: the ATTT and MEDUCA have the content and the means.",
        ),
        None,
    ),
    (4, C2): (
        SELECTED,
        (
            "La mayor demanda en las jornadas de las provincias; se selecciona con la primera "
            "fase que propuso el IDAAN.",
            "The highest demand at the outreach days in the provinces; selected with the first "
            "phase the IDAAN proposed.",
        ),
        None,
    ),
    (4, ALT): (
        NOT_SELECTED,
        (
            "La contrapropuesta del MINSA puntuó por debajo de los dos compromisos de la mesa 4, "
            "ambos seleccionados; queda como alternativa de la mesa.",
            "MINSA's counterproposal scored below table 4's two commitments, both selected; it "
            "stays as the table's alternate.",
        ),
        None,
    ),
    (5, C1): (
        SELECTED,
        (
            "Seleccionada con la primera fase en tres regiones escolares que propuso el MEDUCA.",
            "Selected with the first phase in three school regions that MEDUCA proposed.",
        ),
        None,
    ),
    (5, C2): (
        SELECTED,
        (
            "Forma ciudadanía para el gobierno abierto desde la escuela; alta demanda en la mesa "
            "de educación.",
            "It educates citizens for open government from school on; high demand at the "
            "education table.",
        ),
        None,
    ),
    (5, ALT): (
        SELECTED,
        (
            "Con el eje 3 sin compromisos, la Comisión ocupa un cupo con la alternativa mejor "
            "puntuada: la Escuela de Gobierno Abierto capacita a quienes ejecutarán todo el plan.",
            "With axis 3 left without commitments, the Commission fills a place with the "
            "best-scored alternate: the Open Government School trains those who will carry out "
            "the whole plan.",
        ),
        None,
    ),
}

# --- the development of the nine commitments (step 12) -------------------------------------------
PLAN_2015 = (
    "Plan Estratégico de Gobierno 2015-2019, eje {n}: {es}.",
    "Government Strategic Plan 2015-2019, axis {n}: {en}.",
)


def _plan(n: int, es: str, en: str) -> tuple[str, str]:
    return PLAN_2015[0].format(n=n, es=es), PLAN_2015[1].format(n=n, en=en)


WELFARE = _plan(1, "bienestar y desarrollo humano", "welfare and human development")


# (axis, slot) -> the commitment's development: who saves it and when (the table's leader "gov"
# or "cs", or "secretaria"), its title and dates, the institutions, budget, national plans, SDGs
# and milestones: ((description es, en), start, end, weight, responsible institution).
COMMITMENTS = {
    (1, C1): {
        "saved": ("secretaria", D(2017, 9, 13)),
        "title": (
            "Observatorio Ciudadano Anticorrupción",
            "Citizen Anti-corruption Observatory",
        ),
        "dates": (D(2017, 11, 1), D(2019, 6, 30)),
        "lead": "ANTAI",
        "supporting": ["FLC", "MP"],
        "budget": (
            "Presupuesto de funcionamiento de la ANTAI (B/. 45,000) y apoyo técnico del PNUD.",
            "ANTAI's operating budget (B/. 45,000) and technical support from UNDP.",
        ),
        "national_plans": _plan(
            5,
            "fortalecimiento de la democracia y del Estado de derecho",
            "strengthening democracy and the rule of law",
        ),
        "sdgs": ["16"],
        "milestones": [
            (
                (
                    "Reglamento del observatorio acordado con las organizaciones participantes",
                    "Observatory's rules agreed with the participating organisations",
                ),
                D(2017, 11, 1),
                D(2018, 2, 28),
                20,
                "ANTAI",
            ),
            (
                (
                    "Tablero público con el estado de los casos de corrupción en trámite",
                    "Public dashboard of the state of ongoing corruption cases",
                ),
                D(2018, 3, 1),
                D(2018, 9, 30),
                35,
                "ANTAI",
            ),
            (
                (
                    "Dos informes semestrales con recomendaciones a las instituciones",
                    "Two half-yearly reports with recommendations to institutions",
                ),
                D(2018, 7, 1),
                D(2019, 6, 30),
                30,
                "FLC",
            ),
            (
                (
                    "Audiencia pública de rendición de cuentas del observatorio",
                    "Public accountability hearing of the observatory",
                ),
                D(2019, 5, 1),
                D(2019, 6, 30),
                15,
                "ANTAI",
            ),
        ],
    },
    (1, C2): {
        "saved": ("gov", D(2017, 9, 19)),
        "title": ("Observatorio Ciudadano Electoral", "Citizen Electoral Observatory"),
        "dates": (D(2018, 1, 15), D(2019, 12, 31)),
        "lead": "TE",
        "supporting": ["FLC", "ANTAI"],
        "budget": (
            "Presupuesto del Tribunal Electoral para las elecciones de 2019; las organizaciones "
            "del observatorio aportan su trabajo voluntario.",
            "The Electoral Tribunal's budget for the 2019 election; the observatory's "
            "organisations contribute their volunteer work.",
        ),
        "national_plans": _plan(
            5,
            "fortalecimiento de la democracia y del Estado de derecho",
            "strengthening democracy and the rule of law",
        ),
        "sdgs": ["16"],
        "milestones": [
            (
                (
                    "Convenio entre el Tribunal Electoral y las organizaciones del observatorio",
                    "Agreement between the Electoral Tribunal and the observatory's organisations",
                ),
                D(2018, 1, 15),
                D(2018, 4, 30),
                15,
                "TE",
            ),
            (
                (
                    "Informes de ingresos y gastos de las candidaturas publicados en datos "
                    "abiertos",
                    "Candidacies' income and expense reports published as open data",
                ),
                D(2018, 10, 1),
                D(2019, 7, 31),
                40,
                "TE",
            ),
            (
                (
                    "Informe del observatorio sobre el financiamiento de la campaña de 2019",
                    "Observatory's report on the financing of the 2019 campaign",
                ),
                D(2019, 6, 1),
                D(2019, 10, 31),
                30,
                "FLC",
            ),
            (
                (
                    "Presentación pública del informe y respuesta del Tribunal",
                    "Public presentation of the report and the Tribunal's answer",
                ),
                D(2019, 11, 1),
                D(2019, 12, 31),
                15,
                "TE",
            ),
        ],
    },
    (2, C1): {
        "saved": ("gov", D(2017, 9, 20)),
        "title": (
            "Transparencia y rendición de cuentas en proyectos de infraestructura pública",
            "Transparency and accountability in public infrastructure projects",
        ),
        "dates": (D(2017, 12, 1), D(2019, 6, 30)),
        "lead": "MOP",
        "supporting": ["DGCP", "FLC"],
        "budget": (
            "Presupuesto de inversión del MOP (B/. 120,000 para el portal) y cooperación técnica "
            "de la iniciativa CoST.",
            "The MOP's investment budget (B/. 120,000 for the portal) and technical cooperation "
            "from the CoST initiative.",
        ),
        "national_plans": _plan(
            2, "infraestructura para el desarrollo", "infrastructure for development"
        ),
        "sdgs": ["9", "16"],
        "milestones": [
            (
                (
                    "Inventario de las obras del MOP con sus datos de planificación y contrato",
                    "Inventory of the MOP's works with their planning and contract data",
                ),
                D(2017, 12, 1),
                D(2018, 4, 30),
                25,
                "MOP",
            ),
            (
                (
                    "Portal de obras en datos abiertos con avance físico y financiero",
                    "Open data works portal with physical and financial progress",
                ),
                D(2018, 5, 1),
                D(2018, 12, 31),
                40,
                "MOP",
            ),
            (
                (
                    "Dos audiencias públicas de rendición de cuentas sobre obras en provincias",
                    "Two public accountability hearings on works in the provinces",
                ),
                D(2018, 10, 1),
                D(2019, 6, 30),
                35,
                "MOP",
            ),
        ],
    },
    (2, C2): {
        "saved": ("gov", D(2017, 9, 21)),
        "title": (
            "Prevención de conflictos de intereses en las contrataciones públicas",
            "Preventing conflicts of interest in public procurement",
        ),
        "dates": (D(2017, 10, 1), D(2019, 3, 31)),
        "lead": "DGCP",
        "supporting": ["ANTAI", "CCIAP"],
        "budget": (
            "Presupuesto de funcionamiento de la DGCP; la capacitación, con la ANTAI.",
            "The DGCP's operating budget; the training, with ANTAI.",
        ),
        "national_plans": _plan(
            5,
            "fortalecimiento de la democracia y del Estado de derecho",
            "strengthening democracy and the rule of law",
        ),
        "sdgs": ["16"],
        "milestones": [
            (
                (
                    "Formulario de declaración de ausencia de conflictos de intereses adoptado "
                    "por resolución",
                    "Declaration form of no conflict of interest adopted by resolution",
                ),
                D(2017, 10, 1),
                D(2018, 1, 31),
                25,
                "DGCP",
            ),
            (
                (
                    "Declaraciones de evaluadores y redactores de pliegos publicadas en "
                    "PanamaCompra",
                    "Declarations of evaluators and specification drafters published on "
                    "PanamaCompra",
                ),
                D(2018, 2, 1),
                D(2018, 12, 31),
                45,
                "DGCP",
            ),
            (
                (
                    "Capacitación de las veinte entidades con mayor volumen de compras",
                    "Training of the twenty bodies with the largest volume of purchases",
                ),
                D(2018, 2, 1),
                D(2019, 3, 31),
                30,
                "ANTAI",
            ),
        ],
    },
    (4, C1): {
        "saved": ("gov", D(2017, 9, 22)),
        "title": (
            "Manual y aplicación móvil sobre educación vial",
            "Road safety handbook and mobile app",
        ),
        "dates": (D(2017, 11, 1), D(2019, 6, 30)),
        "lead": "ATTT",
        "supporting": ["MEDUCA", "RCCH"],
        "budget": (
            "Presupuesto de la ATTT (B/. 60,000 para la aplicación); el MEDUCA distribuye el "
            "manual en las escuelas.",
            "The ATTT's budget (B/. 60,000 for the app); MEDUCA distributes the handbook in "
            "schools.",
        ),
        "national_plans": WELFARE,
        "sdgs": ["3", "11"],
        "milestones": [
            (
                (
                    "Manual de educación vial validado con usuarios y publicado",
                    "Road safety handbook validated with users and published",
                ),
                D(2017, 11, 1),
                D(2018, 5, 31),
                30,
                "ATTT",
            ),
            (
                (
                    "Aplicación móvil gratuita con las normas de tránsito y reportes ciudadanos",
                    "Free mobile app with the traffic rules and citizens' reports",
                ),
                D(2018, 3, 1),
                D(2018, 12, 31),
                40,
                "ATTT",
            ),
            (
                (
                    "Manual distribuido en las escuelas secundarias de cinco provincias",
                    "Handbook distributed in the secondary schools of five provinces",
                ),
                D(2018, 9, 1),
                D(2019, 6, 30),
                30,
                "MEDUCA",
            ),
        ],
    },
    (4, C2): {
        "saved": ("cs", D(2017, 9, 26)),
        "title": (
            "Transparencia en la calidad y cantidad de agua",
            "Transparency on water quality and quantity",
        ),
        "dates": (D(2018, 1, 1), D(2019, 12, 31)),
        "lead": "IDAAN",
        "supporting": ["MINSA", "RCCH"],
        "budget": (
            "Presupuesto de funcionamiento del IDAAN; los análisis de calidad, con los "
            "laboratorios del MINSA.",
            "The IDAAN's operating budget; the quality tests, with MINSA's laboratories.",
        ),
        "national_plans": _plan(
            1,
            "bienestar y desarrollo humano (Plan Nacional de Seguridad Hídrica 2015-2050)",
            "welfare and human development (National Water Security Plan 2015-2050)",
        ),
        "sdgs": ["6", "16"],
        "milestones": [
            (
                (
                    "Calidad del agua de las potabilizadoras publicada cada mes",
                    "Water quality of the treatment plants published every month",
                ),
                D(2018, 1, 1),
                D(2018, 6, 30),
                30,
                "IDAAN",
            ),
            (
                (
                    "Horarios de abastecimiento de Panamá, Panamá Oeste y Colón publicados por "
                    "sector",
                    "Supply schedules of Panamá, Panamá Oeste and Colón published by area",
                ),
                D(2018, 3, 1),
                D(2018, 12, 31),
                30,
                "IDAAN",
            ),
            (
                (
                    "Canal de reportes ciudadanos de fugas y cortes con respuesta pública",
                    "Citizens' channel for reporting leaks and cuts, with public answers",
                ),
                D(2018, 7, 1),
                D(2019, 6, 30),
                25,
                "IDAAN",
            ),
            (
                (
                    "Publicación extendida al resto de las provincias",
                    "Publication extended to the other provinces",
                ),
                D(2019, 1, 1),
                D(2019, 12, 31),
                15,
                "IDAAN",
            ),
        ],
    },
    (5, C1): {
        "saved": ("gov", D(2017, 9, 27)),
        "title": (
            "Gabinetes Psicopedagógicos del MEDUCA: cobertura y atención transparentes",
            "MEDUCA's psycho-pedagogical offices: transparent coverage and care",
        ),
        "dates": (D(2018, 3, 1), D(2019, 12, 31)),
        "lead": "MEDUCA",
        "supporting": ["UP"],
        "budget": (
            "Presupuesto del MEDUCA para los gabinetes; la medición con familias, con la "
            "Universidad de Panamá.",
            "MEDUCA's budget for the offices; the measurement with families, with the University "
            "of Panama.",
        ),
        "national_plans": WELFARE,
        "sdgs": ["4"],
        "milestones": [
            (
                (
                    "Mapa público de los gabinetes y su personal en Panamá Centro, Colón y "
                    "Chiriquí",
                    "Public map of the offices and their staff in Panamá Centro, Colón and "
                    "Chiriquí",
                ),
                D(2018, 3, 1),
                D(2018, 8, 31),
                35,
                "MEDUCA",
            ),
            (
                (
                    "Protocolo de atención con tiempos de respuesta acordado con las familias",
                    "Care protocol with response times agreed with families",
                ),
                D(2018, 6, 1),
                D(2018, 12, 31),
                30,
                "MEDUCA",
            ),
            (
                (
                    "Informe de tiempos de atención del año escolar 2019",
                    "Report on response times in the 2019 school year",
                ),
                D(2019, 3, 1),
                D(2019, 12, 31),
                35,
                "UP",
            ),
        ],
    },
    (5, C2): {
        "saved": ("cs", D(2017, 9, 28)),
        "title": (
            "Actualizar el plan de educación cívica en las escuelas",
            "Updating the civic education plan in schools",
        ),
        "dates": (D(2018, 3, 1), D(2019, 12, 31)),
        "lead": "MEDUCA",
        "supporting": ["ANTAI", "FLC"],
        "budget": (
            "Presupuesto de la Dirección de Currículo del MEDUCA; materiales con la ANTAI.",
            "The budget of MEDUCA's Curriculum Directorate; materials with ANTAI.",
        ),
        "national_plans": WELFARE,
        "sdgs": ["4", "16"],
        "milestones": [
            (
                (
                    "Contenidos de transparencia, participación y ética pública validados en "
                    "consulta con docentes",
                    "Content on transparency, participation and public ethics validated with "
                    "teachers",
                ),
                D(2018, 3, 1),
                D(2018, 9, 30),
                35,
                "MEDUCA",
            ),
            (
                (
                    "Programa de educación cívica actualizado y aprobado por resolución",
                    "Civic education programme updated and approved by resolution",
                ),
                D(2018, 10, 1),
                D(2019, 3, 31),
                35,
                "MEDUCA",
            ),
            (
                (
                    "Docentes de 100 escuelas capacitados en los nuevos contenidos",
                    "Teachers of 100 schools trained in the new content",
                ),
                D(2019, 3, 1),
                D(2019, 12, 31),
                30,
                "ANTAI",
            ),
        ],
    },
    (5, ALT): {
        "saved": ("secretaria", D(2017, 10, 3)),
        "title": ("Escuela de Gobierno Abierto", "Open Government School"),
        "dates": (D(2018, 1, 1), D(2019, 12, 31)),
        "lead": "ANTAI",
        "supporting": ["UP", "MEDUCA"],
        "budget": (
            "Presupuesto de la ANTAI (B/. 30,000 por año); la Universidad de Panamá certifica "
            "los cursos.",
            "ANTAI's budget (B/. 30,000 a year); the University of Panama certifies the courses.",
        ),
        "national_plans": _plan(
            5,
            "fortalecimiento de la democracia y del Estado de derecho",
            "strengthening democracy and the rule of law",
        ),
        "sdgs": ["4", "16"],
        "milestones": [
            (
                (
                    "Programa de cursos de la escuela diseñado con la Universidad de Panamá",
                    "The school's course programme designed with the University of Panama",
                ),
                D(2018, 1, 1),
                D(2018, 4, 30),
                20,
                "ANTAI",
            ),
            (
                (
                    "Cursos virtuales gratuitos en línea y certificados por la universidad",
                    "Free online courses certified by the university",
                ),
                D(2018, 5, 1),
                D(2018, 12, 31),
                30,
                "UP",
            ),
            (
                (
                    "500 servidores públicos y ciudadanos certificados, al menos 40 % fuera de la "
                    "capital",
                    "500 public servants and citizens certified, at least 40% outside the capital",
                ),
                D(2018, 9, 1),
                D(2019, 12, 31),
                50,
                "ANTAI",
            ),
        ],
    },
}

# A second save of some commitments, by another person: (axis, slot) -> (who, on, fields).
REVISED = {
    (1, C1): (
        "gov",
        D(2017, 9, 29),
        {
            "budget": (
                "Presupuesto de funcionamiento de la ANTAI (B/. 45,000) y apoyo técnico del PNUD; "
                "la FLC aporta la metodología de seguimiento de casos.",
                "ANTAI's operating budget (B/. 45,000) and technical support from UNDP; the FLC "
                "contributes the case-tracking methodology.",
            )
        },
    ),
    (4, C2): (
        "secretaria",
        D(2017, 10, 4),
        {
            "budget": (
                "Presupuesto de funcionamiento del IDAAN (B/. 80,000 para la publicación de "
                "datos); los análisis de calidad, con los laboratorios del MINSA.",
                "The IDAAN's operating budget (B/. 80,000 to publish the data); the quality "
                "tests, with MINSA's laboratories.",
            )
        },
    ),
}
