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

# --- up to scoring: every set submitted, the institutions' reviews, the methodology, scores ----
# How long before today the scoring step opened: the members are scoring now.
SCORING_OPENED_DAYS_AGO = 4
# The set's texts share these (the 2022 template's dates and contact, one milestone each).
START, END = dt.date(2027, 2, 1), dt.date(2029, 6, 30)
CONTACT = {
    "contact_name": "Oficina de Gobierno Abierto",
    "contact_institution": "ANTAI",
    "contact_email": "gobiernoabierto@demo.cocrea.invalid",
}

# (axis, slot) -> title, brief description, problem, causes, solution, results: (es, en) each;
# its milestone ((description es, en), (outputs es, en), end date); the table leader who saves it
# (SEATS), and the lead and other responsible institutions (acronyms).
PROPOSALS = {
    (1, "commitment_1"): {
        "texts": {
            "title": (DRAFT["title_es"], DRAFT["title_en"]),
            "brief_description": (DRAFT["brief_description_es"], DRAFT["brief_description_en"]),
            "problem": (DRAFT["problem_es"], DRAFT["problem_en"]),
            "causes": (
                "Cada institución lleva su propio registro y la ANTAI no recibe los datos de "
                "las solicitudes.",
                "Each institution keeps its own register and ANTAI does not receive the "
                "requests' data.",
            ),
            "solution": (
                "Un portal único de solicitudes, conectado a las oficinas de información de "
                "cada institución, con el plazo de respuesta a la vista.",
                "A single request portal, connected to each institution's information office, "
                "with the deadline to answer in view.",
            ),
            "results": (
                "El 80 % de las solicitudes del Órgano Ejecutivo entra por el portal y se "
                "publica cada mes el porcentaje respondido a tiempo.",
                "80% of the Executive's requests come through the portal and the share answered "
                "in time is published every month.",
            ),
        },
        "milestone": (
            (
                DRAFT_MILESTONES[0]["description_es"],
                DRAFT_MILESTONES[0]["description_en"],
            ),
            (DRAFT_MILESTONES[0]["outputs_es"], DRAFT_MILESTONES[0]["outputs_en"]),
            DRAFT_MILESTONES[0]["end_date"],
        ),
        "lead": "ANTAI",
        "others": ["AIG"],
        "review": "viable",
    },
    (1, "commitment_2"): {
        "texts": {
            "title": ("Agendas públicas de las autoridades", "Public agendas of senior officials"),
            "brief_description": (
                "Ministros y directores publican sus reuniones con grupos de interés.",
                "Ministers and directors publish their meetings with interest groups.",
            ),
            "problem": (
                "No se sabe con quién se reúnen las autoridades que deciden políticas y contratos.",
                "Nobody knows whom the officials who decide policies and contracts meet.",
            ),
            "causes": (
                "Ninguna norma obliga a registrar esas reuniones.",
                "No rule requires those meetings to be recorded.",
            ),
            "solution": (
                "Un registro en línea de las agendas de ministros, viceministros y directores, "
                "adoptado por decreto.",
                "An online register of the agendas of ministers, deputy ministers and directors, "
                "adopted by decree.",
            ),
            "results": (
                "Agendas de 60 autoridades publicadas cada semana.",
                "The agendas of 60 officials published every week.",
            ),
        },
        "milestone": (
            ("Decreto de agendas públicas adoptado", "Public agendas decree adopted"),
            ("Decreto publicado en la Gaceta Oficial", "Decree published in the Official Gazette"),
            dt.date(2027, 9, 30),
        ),
        "lead": "ANTAI",
        "others": ["MEF"],
        "review": (
            "viable_with_changes",
            (
                "Empezar por los ministerios y extender a las entidades descentralizadas en 2028.",
                "Start with the ministries and extend to the decentralised bodies in 2028.",
            ),
        ),
    },
    (1, "alternate_1"): {
        "texts": {
            "title": (
                "Índice de transparencia activa de los municipios",
                "Proactive transparency index of the municipalities",
            ),
            "brief_description": (
                "Medir y publicar cada año lo que cada municipio publica en su sitio web.",
                "Measure and publish every year what each municipality publishes on its website.",
            ),
            "problem": (
                "Los municipios cumplen poco la publicación de oficio que exige la Ley 6.",
                "Municipalities do little of the proactive publication Law 6 requires.",
            ),
            "causes": (
                "Falta de personal y de seguimiento a los gobiernos locales.",
                "Lack of staff and of follow-up of local governments.",
            ),
            "solution": (
                "Un índice anual con asistencia técnica a los municipios peor evaluados.",
                "A yearly index with technical assistance to the lowest-rated municipalities.",
            ),
            "results": (
                "Los 81 municipios evaluados dos veces y la mitad por encima de 60 puntos.",
                "All 81 municipalities assessed twice and half above 60 points.",
            ),
        },
        "milestone": (
            ("Primer índice municipal publicado", "First municipal index published"),
            ("Informe y datos abiertos del índice", "Index report and open data"),
            dt.date(2027, 12, 15),
        ),
        "lead": "ANTAI",
        "others": [],
        "review": "viable",
    },
    (2, "commitment_1"): {
        "texts": {
            "title": (
                "Presupuestos participativos en los municipios",
                "Participatory budgets in the municipalities",
            ),
            "brief_description": (
                "Las comunidades deciden una parte de la inversión municipal.",
                "Communities decide part of the municipal investment.",
            ),
            "problem": (
                "La ciudadanía no incide en el uso de los fondos de descentralización.",
                "Citizens have no say in how decentralisation funds are spent.",
            ),
            "causes": (
                "Las consultas son informales y no se da cuenta de sus resultados.",
                "Consultations are informal and their results are not reported.",
            ),
            "solution": (
                "Una guía y una plataforma de votación de proyectos, con informes públicos de "
                "ejecución.",
                "A guide and a platform to vote on projects, with public reports on execution.",
            ),
            "results": (
                "Veinte municipios con presupuesto participativo y sus obras en seguimiento.",
                "Twenty municipalities with participatory budgets and their works tracked.",
            ),
        },
        "milestone": (
            ("Guía de presupuesto participativo", "Participatory budgeting guide"),
            (
                "Guía adoptada y 20 municipios capacitados",
                "Guide adopted, 20 municipalities trained",
            ),
            dt.date(2027, 11, 30),
        ),
        "lead": "MEF",
        "others": ["AIG"],
        "review": "viable",
    },
    (2, "commitment_2"): {
        "texts": {
            "title": (
                "Consulta pública de los reglamentos",
                "Public consultation on regulations",
            ),
            "brief_description": (
                "Todo proyecto de reglamento se publica treinta días para comentarios.",
                "Every draft regulation is published for thirty days of comment.",
            ),
            "problem": (
                "Los reglamentos se adoptan sin conocer la opinión de quienes los cumplirán.",
                "Regulations are adopted without hearing those who will comply with them.",
            ),
            "causes": (
                "No hay un lugar único ni un plazo para consultarlos.",
                "There is no single place nor period to consult on them.",
            ),
            "solution": (
                "Un portal de consulta con respuesta pública a cada comentario.",
                "A consultation portal with a public answer to each comment.",
            ),
            "results": (
                "El 70 % de los reglamentos del Ejecutivo consultados antes de adoptarse.",
                "70% of the Executive's regulations consulted before adoption.",
            ),
        },
        "milestone": (
            ("Portal de consulta en funcionamiento", "Consultation portal in operation"),
            (
                "Portal publicado con sus primeras consultas",
                "Portal online with its first consultations",
            ),
            dt.date(2028, 3, 31),
        ),
        "lead": "AIG",
        "others": ["ANTAI"],
        "review": "viable",
    },
    (2, "alternate_1"): {
        "texts": {
            "title": ("Consejos consultivos juveniles", "Youth advisory councils"),
            "brief_description": (
                "Jóvenes de cada provincia asesoran al Ministerio de Educación.",
                "Young people from every province advise the Ministry of Education.",
            ),
            "problem": (
                "Las políticas para la juventud se deciden sin los jóvenes.",
                "Youth policies are decided without young people.",
            ),
            "causes": (
                "No existe un canal estable de participación juvenil.",
                "There is no stable channel for youth participation.",
            ),
            "solution": (
                "Consejos juveniles elegidos en cada provincia, con sesiones públicas.",
                "Youth councils elected in each province, with public sessions.",
            ),
            "results": (
                "Diez consejos instalados y sus recomendaciones respondidas.",
                "Ten councils set up and their recommendations answered.",
            ),
        },
        "milestone": (
            ("Consejos juveniles instalados", "Youth councils set up"),
            ("Actas de instalación publicadas", "Founding minutes published"),
            dt.date(2028, 2, 29),
        ),
        "lead": "MEDUCA",
        "others": [],
        "review": None,
    },
    (3, "commitment_1"): {
        "texts": {
            "title": (
                "Declaraciones de intereses en datos abiertos",
                "Declarations of interests as open data",
            ),
            "brief_description": (
                "Las declaraciones de intereses de los altos cargos, públicas y comparables.",
                "Senior officials' declarations of interests, public and comparable.",
            ),
            "problem": (
                "Los conflictos de intereses se descubren tarde, cuando ya hay un daño.",
                "Conflicts of interest come to light late, when harm is done.",
            ),
            "causes": (
                "Las declaraciones están en papel y no se cruzan con otros registros.",
                "Declarations are on paper and not matched with other registers.",
            ),
            "solution": (
                "Un formulario en línea y la publicación en datos abiertos, cruzada con las "
                "contrataciones.",
                "An online form and publication as open data, matched with procurement.",
            ),
            "results": (
                "Todas las declaraciones de altos cargos en línea y alertas revisadas.",
                "All senior officials' declarations online and alerts reviewed.",
            ),
        },
        "milestone": (
            ("Formulario en línea de declaraciones", "Online declarations form"),
            ("Formulario adoptado y 500 declaraciones", "Form adopted and 500 declarations"),
            dt.date(2027, 12, 31),
        ),
        "lead": "ANTAI",
        "others": ["DGCP"],
        "review": "viable",
    },
    (3, "commitment_2"): {
        "texts": {
            "title": (
                "Beneficiarios finales de los contratistas del Estado",
                "Beneficial owners of government contractors",
            ),
            "brief_description": (
                "Saber quién está detrás de cada empresa que contrata con el Estado.",
                "Know who is behind each company that contracts with the State.",
            ),
            "problem": (
                "Empresas de papel ocultan a quienes se benefician de los contratos.",
                "Shell companies hide who benefits from contracts.",
            ),
            "causes": (
                "El registro de beneficiarios finales no se consulta al adjudicar.",
                "The beneficial ownership register is not consulted when awarding.",
            ),
            "solution": (
                "Exigir y publicar el beneficiario final en PanamaCompra.",
                "Require and publish the beneficial owner on PanamaCompra.",
            ),
            "results": (
                "Beneficiario final publicado en el 90 % de los contratos.",
                "Beneficial owner published for 90% of contracts.",
            ),
        },
        "milestone": (
            (
                "Campo de beneficiario final en PanamaCompra",
                "Beneficial owner field on PanamaCompra",
            ),
            ("Resolución y campo en producción", "Resolution and field in production"),
            dt.date(2028, 6, 30),
        ),
        "lead": "DGCP",
        "others": ["MEF"],
        "review": "viable",
    },
    (3, "alternate_1"): {
        "texts": {
            "title": (
                "Protección de las personas denunciantes",
                "Protection of whistleblowers",
            ),
            "brief_description": (
                "Un canal confidencial y medidas de protección para quien denuncia.",
                "A confidential channel and protection for those who report.",
            ),
            "problem": (
                "Quien denuncia corrupción teme represalias y calla.",
                "Those who report corruption fear reprisals and stay silent.",
            ),
            "causes": (
                "No hay un régimen de protección ni un canal confidencial.",
                "There is no protection scheme nor a confidential channel.",
            ),
            "solution": (
                "Un canal confidencial con seguimiento y un protocolo de protección.",
                "A confidential channel with tracking and a protection protocol.",
            ),
            "results": (
                "Canal en funcionamiento y protocolo adoptado.",
                "Channel in operation and protocol adopted.",
            ),
        },
        "milestone": (
            ("Canal confidencial de denuncias", "Confidential reporting channel"),
            ("Canal en línea con seguimiento del caso", "Online channel with case tracking"),
            dt.date(2028, 3, 31),
        ),
        "lead": "MP",
        "others": ["ANTAI"],
        "review": None,
    },
    (4, "commitment_1"): {
        "texts": {
            "title": ("Política nacional de datos abiertos", "National open data policy"),
            "brief_description": (
                "Cada institución publica sus datos prioritarios con calidad y a tiempo.",
                "Each institution publishes its priority data on time and with quality.",
            ),
            "problem": (
                "El portal de datos abiertos tiene conjuntos viejos e incompletos.",
                "The open data portal holds old and incomplete datasets.",
            ),
            "causes": (
                "No hay responsables ni plazos de actualización en las instituciones.",
                "Institutions have no one in charge and no update deadlines.",
            ),
            "solution": (
                "Una política con responsables, inventarios y calendario de publicación.",
                "A policy with officers in charge, inventories and a publication calendar.",
            ),
            "results": (
                "Cien conjuntos prioritarios actualizados según su calendario.",
                "One hundred priority datasets updated on schedule.",
            ),
        },
        "milestone": (
            ("Política de datos abiertos adoptada", "Open data policy adopted"),
            ("Resolución publicada e inventarios", "Resolution published and inventories"),
            dt.date(2027, 10, 31),
        ),
        "lead": "AIG",
        "others": ["ANTAI"],
        "review": "viable",
    },
    (4, "commitment_2"): {
        "texts": {
            "title": ("Trámites en línea con seguimiento", "Online procedures you can track"),
            "brief_description": (
                "Los cien trámites más usados, en línea y con su estado a la vista.",
                "The hundred most used procedures online, with their status in view.",
            ),
            "problem": (
                "La gente hace fila y no sabe en qué etapa está su trámite.",
                "People queue and do not know at what stage their procedure is.",
            ),
            "causes": (
                "Los trámites se llevan en papel y en sistemas que no se hablan.",
                "Procedures run on paper and on systems that do not talk to each other.",
            ),
            "solution": (
                "Digitalizar los cien trámites más usados con número de seguimiento.",
                "Digitise the hundred most used procedures with a tracking number.",
            ),
            "results": (
                "Cien trámites en línea y su tiempo de respuesta publicado.",
                "One hundred procedures online and their response times published.",
            ),
        },
        "milestone": (
            ("Primeros cuarenta trámites en línea", "First forty procedures online"),
            ("Trámites publicados en Panamá Digital", "Procedures published on Panamá Digital"),
            dt.date(2028, 1, 31),
        ),
        "lead": "AIG",
        "others": ["MEF"],
        "review": "viable",
    },
    (4, "alternate_1"): {
        "texts": {
            "title": ("Datos abiertos de salud", "Open health data"),
            "brief_description": (
                "Listas de espera y abastecimiento de los hospitales, en datos abiertos.",
                "Hospitals' waiting lists and supply, as open data.",
            ),
            "problem": (
                "Los pacientes no conocen los tiempos de espera ni los faltantes.",
                "Patients know neither waiting times nor shortages.",
            ),
            "causes": (
                "Los datos existen, pero no se publican.",
                "The data exist, but are not published.",
            ),
            "solution": (
                "Publicar cada mes listas de espera y abastecimiento por hospital.",
                "Publish waiting lists and supply by hospital every month.",
            ),
            "results": (
                "Datos mensuales de los veinte hospitales del MINSA.",
                "Monthly data for MINSA's twenty hospitals.",
            ),
        },
        "milestone": (
            ("Primera publicación mensual", "First monthly publication"),
            ("Conjuntos de datos en el portal", "Datasets on the portal"),
            dt.date(2027, 11, 30),
        ),
        "lead": "MINSA",
        "others": ["AIG"],
        "review": "viable",
    },
    (5, "commitment_1"): {
        "texts": {
            "title": (
                "Monitoreo ciudadano de la calidad del agua",
                "Citizen monitoring of water quality",
            ),
            "brief_description": (
                "Comunidades y el IDAAN miden y publican la calidad del agua.",
                "Communities and the IDAAN measure and publish water quality.",
            ),
            "problem": (
                "Comunidades del interior beben agua sin saber si es segura.",
                "Communities inland drink water without knowing whether it is safe.",
            ),
            "causes": (
                "Pocos análisis, y sus resultados no se publican.",
                "Few tests are made, and their results are not published.",
            ),
            "solution": (
                "Juntas de agua capacitadas para medir y un tablero público con los resultados.",
                "Water boards trained to measure and a public dashboard with the results.",
            ),
            "results": (
                "Cien juntas de agua reportando cada mes.",
                "One hundred water boards reporting every month.",
            ),
        },
        "milestone": (
            ("Tablero público de calidad del agua", "Public water quality dashboard"),
            ("Tablero en línea y 30 juntas reportando", "Dashboard online and 30 boards reporting"),
            dt.date(2028, 3, 31),
        ),
        "lead": "IDAAN",
        "others": ["MINSA"],
        "review": "viable",
    },
    (5, "commitment_2"): {
        "texts": {
            "title": (
                "Transparencia de los permisos ambientales",
                "Transparency of environmental permits",
            ),
            "brief_description": (
                "Estudios de impacto y permisos ambientales consultables en línea.",
                "Impact studies and environmental permits searchable online.",
            ),
            "problem": (
                "Las comunidades se enteran de los proyectos cuando ya tienen permiso.",
                "Communities learn about projects once they already have a permit.",
            ),
            "causes": (
                "Los expedientes solo se consultan en las oficinas.",
                "Files can only be consulted at the offices.",
            ),
            "solution": (
                "Publicar en línea los expedientes y abrir comentarios durante la evaluación.",
                "Publish the files online and open comments during the assessment.",
            ),
            "results": (
                "Todos los estudios de impacto nuevos publicados con sus comentarios.",
                "All new impact studies published with their comments.",
            ),
        },
        "milestone": (
            ("Expedientes ambientales en línea", "Environmental files online"),
            ("Buscador de expedientes publicado", "File search published"),
            dt.date(2028, 6, 30),
        ),
        "lead": "MIAMBIENTE",
        "others": ["AIG"],
        "review": "viable",
    },
    (5, "alternate_1"): {
        "texts": {
            "title": ("Presupuesto abierto del agua", "Open water budget"),
            "brief_description": (
                "La inversión en agua potable, proyecto por proyecto, en datos abiertos.",
                "Investment in drinking water, project by project, as open data.",
            ),
            "problem": (
                "No se sabe cuánto se invierte en agua en cada comunidad.",
                "Nobody knows how much is invested in water in each community.",
            ),
            "causes": (
                "La inversión se reparte entre varias entidades sin un registro común.",
                "Investment is spread over several bodies with no common register.",
            ),
            "solution": (
                "Un registro común de proyectos de agua con su avance.",
                "A common register of water projects and their progress.",
            ),
            "results": (
                "Todos los proyectos de agua en el registro, con avance trimestral.",
                "Every water project in the register, with quarterly progress.",
            ),
        },
        "milestone": (
            ("Registro común de proyectos de agua", "Common register of water projects"),
            ("Registro publicado", "Register published"),
            dt.date(2028, 6, 30),
        ),
        "lead": "MEF",
        "others": ["IDAAN"],
        "review": "viable",
    },
}

# Institutions that lead a live proposal and were not in the 2017 cycle: (acronym, es, en).
MORE_INSTITUTIONS = [("MIAMBIENTE", "Ministerio de Ambiente", "Ministry of Environment")]

# The head of each lead institution: acronym -> (user name, full name, position). Those of 2017
# carry on (proposals_data.HEADS' user names); the others are new demo accounts.
HEADS = {
    "ANTAI": ("titular-antai", "Irene Castrellón", "Directora General"),
    "MEF": ("titular-mef", "Ricardo Quijano", "Viceministro de Finanzas"),
    "AIG": ("titular-aig", "Luis Oliva", "Administrador General"),
    "MEDUCA": ("titular-meduca", "Maritza Lombardo", "Viceministra Académica"),
    "DGCP": ("titular-dgcp", "Lorena Espino", "Directora General"),
    "MP": ("titular-mp", "Vielka Moreno", "Secretaria General"),
    "MINSA": ("autoridad", "Eduardo Pinzón", "Secretario General"),
    "IDAAN": ("titular-idaan", "Nelson Urriola", "Director Ejecutivo"),
    "MIAMBIENTE": ("titular-miambiente", "Milciades Concepción", "Ministro"),
}

# The methodology meeting, days before the review step opened.
METHODOLOGY_MEETING_DAYS_BEFORE = 3
METHODOLOGY_MEETING = {
    "title_es": "Sesión de la Comisión: metodología de selección 2027",
    "title_en": "Commission meeting: the 2027 selection methodology",
    "minutes_es": "La Comisión adoptó la metodología de selección, la misma de 2017 con su "
    "escala de 1 a 5.",
    "minutes_en": "The Commission adopted the selection methodology, 2017's with its 1-to-5 scale.",
    "decisions": [
        (
            "Se adopta la versión 1 de la metodología de selección.",
            "Version 1 of the selection methodology is adopted.",
        )
    ],
}

# Who has scored so far: member -> the (axis, slot) they scored, or "all". "comision" (the demo's
# commission login) has scored nothing: every eligible proposal waits in its inbox.
BALLOTS = {
    "cga-antai": "all",
    "cga-up": [(1, "commitment_1"), (1, "commitment_2"), (2, "commitment_1"), (3, "commitment_1")],
    "cga-rcch": [(4, "commitment_1"), (5, "commitment_1")],
}
# cga-aig leads the data and environment table: a conflict on its first proposal.
CONFLICT = (
    "cga-aig",
    (4, "commitment_1"),
    "Dirijo la mesa que elaboró esta propuesta y la AIG es su institución responsable.",
)
