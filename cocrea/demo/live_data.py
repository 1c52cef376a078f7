"""The live demo cycle: a plan being co-created now, set up through the same workspace actions a
secretariat uses, on the OGP 2022 commitment template, with drafting open so that a visitor can
try every role today. Dates are relative to the day the demo is loaded."""

import datetime as dt

from . import plans_data

SLUG = "panama-2027-2029-demo"

PLAN = {
    "slug": SLUG,
    "country": "Panamá",
    "country_code": "PA",
    "title_es": "Panamá 2027-2029 (demo)",
    "title_en": "Panama 2027-2029 (demo)",
}

SETTINGS = {
    "summary_es": (
        "Cocreación, en curso, del plan de acción de gobierno abierto 2027-2029: un ciclo de "
        "demostración con las mesas de trabajo redactando ahora en la plantilla OGP 2022."
    ),
    "summary_en": (
        "The ongoing co-creation of the 2027-2029 open government action plan: a demonstration "
        "cycle whose working tables are drafting now on the OGP 2022 template."
    ),
    "period_start": dt.date(2027, 1, 1),
    "period_end": dt.date(2029, 6, 30),
    "languages": "es,en",
    "default_language": "es",
    "max_commitments": 12,
    "commitments_per_table_axis": 2,
    "alternates_per_table_axis": 1,
    "template_version": "2022",
    # The point of contact carries on from the 2017-2019 plan (plans_data.PLAN).
    **{
        key: value
        for key, value in plans_data.PLAN.items()
        if key.startswith(("contact_name", "contact_title", "contact_email", "contact_phone"))
        or key.startswith("contact_address")
    },
}

# The platform administrator who creates the plan and names its secretariat.
PLATFORM_ADMIN = ("plataforma", "Irene Castrellón", "Administración de la plataforma", "ANTAI")

AXES = [
    (
        1,
        "Transparencia y acceso a la información",
        "Transparency and access to information",
    ),
    (2, "Participación ciudadana", "Civic participation"),
    (3, "Integridad pública", "Public integrity"),
    (4, "Gobierno digital y datos abiertos", "Digital government and open data"),
    (5, "Ambiente y agua", "Environment and water"),
]

# number, name es, name en, axes covered: table 4 covers two axes.
TABLES = [
    (1, "Mesa de transparencia", "Transparency table", [1]),
    (2, "Mesa de participación", "Participation table", [2]),
    (3, "Mesa de integridad", "Integrity table", [3]),
    (4, "Mesa de datos y ambiente", "Data and environment table", [4, 5]),
]

# Days before today each step of the generic programme was opened; drafting is open now.
# The commission: the historical plan's members carry on (user names of plans_data).
COMMISSION = {
    "name_es": "Comisión de Gobierno Abierto",
    "name_en": "Open Government Commission",
    "acronym": "CGA",
    "mandate_es": "Conducir la cocreación del plan 2027-2029 y dar seguimiento a su ejecución.",
    "mandate_en": "Lead the co-creation of the 2027-2029 plan and follow its implementation.",
}
COMMISSION_MEMBERS = ["comision", "cga-antai", "cga-aig", "cga-up", "cga-rcch"]

# user name, table number, leader?, side, sector: who sits at which table now.
SEATS = [
    ("lider", 1, True, "civil_society", "academia"),
    ("participante", 1, False, "civil_society", "civil_society"),
    ("cga-aig", 4, True, "government", "government"),
    ("cga-rcch", 2, True, "civil_society", "civil_society"),
    ("cga-up", 3, True, "civil_society", "academia"),
]

# A first draft of table 1 on the OGP 2022 template, half written: the visitor carries it on.
DRAFT = {
    "title_es": "Solicitudes de información en línea con plazos a la vista",
    "title_en": "Online information requests with visible deadlines",
    "brief_description_es": (
        "Un portal único donde cualquier persona presenta su solicitud de acceso a la "
        "información y sigue, día a día, el plazo legal de respuesta de cada institución."
    ),
    "brief_description_en": (
        "A single portal where anyone files an access-to-information request and follows, day "
        "by day, each institution's legal deadline to answer."
    ),
    "problem_es": (
        "Las solicitudes de acceso a la información se presentan en papel o por correo en cada "
        "institución y nadie sabe cuántas se responden dentro del plazo de 30 días de la Ley 6."
    ),
    "problem_en": (
        "Access-to-information requests are filed on paper or by e-mail with each institution "
        "and nobody knows how many are answered within Law 6's 30-day deadline."
    ),
    "contact_name": "Oficina de Gobierno Abierto",
    "contact_institution": "ANTAI",
}
DRAFT_MILESTONES = [
    {
        "description_es": "Portal único de solicitudes en funcionamiento",
        "description_en": "Single request portal in operation",
        "outputs_es": "Portal publicado y 20 instituciones conectadas",
        "outputs_en": "Portal online with 20 institutions connected",
        "end_date": dt.date(2027, 12, 31),
        "stakeholders_es": "ANTAI, AIG",
        "stakeholders_en": "ANTAI, AIG",
    },
]
