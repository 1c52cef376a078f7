"""Panama's co-creation of its 2017-2019 action plan, as the demo and the tests' fixture world.

Step texts are the work programme v2 (../shared/seed), with English translations. People are
fictional; institutions and axes are the real ones of that cycle."""

import datetime as dt

D = dt.date

PLAN = {
    "slug": "panama-2017-2019",
    "country": "Panamá",
    "country_code": "PA",
    "title_es": "Tercer Plan de Acción Nacional de Gobierno Abierto 2017-2019",
    "title_en": "Third National Open Government Action Plan 2017-2019",
    "summary_es": (
        "Co-creación del tercer Plan de Acción de Gobierno Abierto de la República de Panamá, "
        "conducida por la ANTAI con la Comisión de Gobierno Abierto."
    ),
    "summary_en": (
        "Co-creation of the Republic of Panama's third Open Government Action Plan, led by ANTAI "
        "with the Open Government Commission."
    ),
    "period_start": D(2017, 1, 1),
    "period_end": D(2019, 12, 31),
    "languages": "es,en",
    "default_language": "es",
    "max_commitments": 10,
    "commitments_per_table_axis": 2,
    "alternates_per_table_axis": 1,
    "template_version": "2017",
    "contact_name": "Oficina de Gobierno Abierto",
    "contact_title_es": "Dirección de Políticas Públicas de Transparencia, ANTAI",
    "contact_title_en": "Directorate of Transparency Public Policy, ANTAI",
    "contact_email": "gobiernoabierto@antai.gob.pa",
    "contact_phone": "+507 527 9270",
    "contact_address_es": "Avenida del Prado, edificio 712, Balboa, Ancón, Ciudad de Panamá",
    "contact_address_en": "Avenida del Prado, building 712, Balboa, Ancón, Panama City",
    "is_current": True,
}

JURISDICTION = {
    "code": "pa",
    "name_es": "Panamá",
    "name_en": "Panama",
    "kind": "national",
    "country_code": "PA",
    "region_label_es": "Provincias y comarcas",
    "region_label_en": "Provinces and comarcas",
}

REGIONS = [
    ("BC", "Bocas del Toro", False),
    ("CC", "Coclé", False),
    ("CO", "Colón", False),
    ("CH", "Chiriquí", False),
    ("DA", "Darién", False),
    ("HE", "Herrera", False),
    ("LS", "Los Santos", False),
    ("PA", "Panamá", True),
    ("VR", "Veraguas", False),
    ("PO", "Panamá Oeste", False),
    ("EM", "Comarca Emberá-Wounaan", False),
    ("KY", "Comarca Guna Yala", False),
    ("NB", "Comarca Ngäbe-Buglé", False),
]

# (acronym, name es, name en, kind, region code)
ORGANISATIONS = [
    (
        "ANTAI",
        "Autoridad Nacional de Transparencia y Acceso a la Información",
        "National Authority for Transparency and Access to Information",
        "public_institution",
        "PA",
    ),
    (
        "AIG",
        "Autoridad de Innovación Gubernamental",
        "Government Innovation Authority",
        "public_institution",
        "PA",
    ),
    (
        "MEF",
        "Ministerio de Economía y Finanzas",
        "Ministry of Economy and Finance",
        "public_institution",
        "PA",
    ),
    (
        "DGCP",
        "Dirección General de Contrataciones Públicas",
        "Directorate General of Public Procurement",
        "public_institution",
        "PA",
    ),
    ("MEDUCA", "Ministerio de Educación", "Ministry of Education", "public_institution", "PA"),
    ("MINSA", "Ministerio de Salud", "Ministry of Health", "public_institution", "PA"),
    (
        "FLC",
        "Fundación para el Desarrollo de la Libertad Ciudadana",
        "Foundation for the Development of Civic Freedom",
        "civil_society",
        "PA",
    ),
    (
        "CCIAP",
        "Cámara de Comercio, Industrias y Agricultura de Panamá",
        "Panama Chamber of Commerce, Industries and Agriculture",
        "private_sector",
        "PA",
    ),
    ("UP", "Universidad de Panamá", "University of Panama", "academia", "PA"),
    ("RCCH", "Red Ciudadana de Chiriquí", "Chiriquí Citizens' Network", "civil_society", "CH"),
    (
        "PNUD",
        "Programa de las Naciones Unidas para el Desarrollo",
        "United Nations Development Programme",
        "multilateral",
        "PA",
    ),
]

COMMISSION = {
    "name_es": "Comisión de Gobierno Abierto",
    "name_en": "Open Government Commission",
    "acronym": "CGA",
    "mandate_es": (
        "Foro multiactor de gobierno y sociedad civil que acuerda la metodología, los ejes "
        "temáticos y la selección de compromisos del Plan de Acción."
    ),
    "mandate_en": (
        "Multi-stakeholder forum of government and civil society that agrees the methodology, the "
        "thematic axes and the selection of commitments of the Action Plan."
    ),
    "participation_rules_es": (
        "La CGA está integrada en partes iguales por instituciones públicas y organizaciones de la "
        "sociedad civil, la academia y el sector privado.\n"
        "Se reúne al menos una vez cada seis meses; sus actas y decisiones se publican en esta "
        "sección.\n"
        "Las decisiones se toman por consenso y, en su defecto, por mayoría de los miembros presentes."
    ),
    "participation_rules_en": (
        "The CGA has equal numbers of public institutions and of organisations from civil society, "
        "academia and the private sector.\n"
        "It meets at least once every six months; its minutes and decisions are published in this "
        "section.\n"
        "Decisions are taken by consensus or, failing that, by a majority of the members present."
    ),
}

AXES = [
    (1, "Anticorrupción", "Anti-corruption"),
    (2, "Contrataciones públicas", "Public procurement"),
    (3, "Transparencia parlamentaria", "Parliamentary transparency"),
    (
        4,
        "Mejoramiento de los servicios públicos (transporte, salud y agua)",
        "Improvement of public services (transport, health and water)",
    ),
    (5, "Educación", "Education"),
]

# The 17 steps of the work programme v2, in the seed's order and wording.
# key, title es, title en, description es, description en, responsible es, responsible en
STEPS = [
    (
        "commission-meetings",
        "Reuniones de la CGA",
        "CGA meetings",
        "La CGA se reúne para discutir la metodología de trabajo para la co-creación del Plan de "
        "Acción y establecer los ejes temáticos del mismo.",
        "The CGA meets to discuss the working methodology for co-creating the Action Plan and to "
        "set its thematic axes.",
        "CGA",
        "CGA",
    ),
    (
        "work-programme",
        "Programa de trabajo",
        "Work programme",
        "ANTAI publica el Programa de Trabajo para la co-creación del Tercer Plan de Acción en su "
        "página Web y demás medios digitales.",
        "ANTAI publishes the Work Programme for co-creating the Third Action Plan on its website "
        "and other digital media.",
        "ANTAI",
        "ANTAI",
    ),
    (
        "table-leaders",
        "Identificación de responsables de mesas de trabajo y participantes",
        "Identification of working-table leaders and participants",
        "La CGA identifica e invita a los actores de la sociedad civil y del gobierno, que guarden "
        "relación con los ejes temáticos seleccionados, quienes serán los responsables de las mesas "
        "de trabajo a realizar, al igual que a actores claves para participar de las mismas, los "
        "cuales deben cumplir con los requisitos previamente establecidos por la CGA.",
        "The CGA identifies and invites civil-society and government actors related to the selected "
        "thematic axes, who will lead the working tables, as well as key actors to take part in them, "
        "all of whom must meet the requirements previously set by the CGA.",
        "CGA",
        "CGA",
    ),
    (
        "open-call",
        "Convocatoria abierta",
        "Open call",
        "La ANTAI a través de una convocatoria abierta, invita a la ciudadanía a participar del "
        "proceso de co-creación en su página Web, demás medios digitales y medios de comunicación.",
        "Through an open call, ANTAI invites citizens to take part in the co-creation process on its "
        "website, other digital media and the press.",
        "ANTAI",
        "ANTAI",
    ),
    (
        "liaisons",
        "Enlaces institucionales",
        "Institutional liaisons",
        "ANTAI solicita a las instituciones públicas pertinentes según los ejes temáticos "
        "seleccionados, designar enlaces para participar de las mesas de trabajo a realizar.",
        "ANTAI asks the public institutions concerned by the selected thematic axes to designate "
        "liaisons to take part in the working tables.",
        "ANTAI",
        "ANTAI",
    ),
    (
        "outreach",
        "Actividades de difusión y sensibilización",
        "Outreach and awareness activities",
        "La ANTAI junto a expertos de Gobierno Abierto, realizan actividades de difusión y "
        "sensibilización con actores clave del gobierno y la sociedad civil, con el objetivo de "
        "informarlos sobre el proceso de la AGA.",
        "ANTAI, with Open Government experts, holds outreach and awareness activities with key "
        "government and civil-society actors to inform them about the OGP process.",
        "ANTAI y expertos de Gobierno Abierto",
        "ANTAI and Open Government experts",
    ),
    (
        "training-and-tables",
        "Capacitación técnica y mesas de trabajo",
        "Technical training and working tables",
        "Expertos de Gobierno Abierto capacitan a los responsables de las mesas de trabajo sobre el "
        "proceso de co-creación, el formato para las propuestas de compromisos y la finalidad del Plan "
        "de Acción.\n\nAdicionalmente, se celebran cinco (5) mesas de trabajo con los responsables de "
        "estas y diversos actores, para elaborar propuestas de compromisos en cada eje temático.\n\n"
        "Para la presentación de los compromisos se utilizará el formato propuesto por la Alianza para "
        "el Gobierno Abierto (AGA).\n\nDe cada mesa de trabajo, se debe obtener como resultado tres (3) "
        "propuestas de compromisos por cada eje temático, de los cuales dos (2) serán compromisos y una "
        "opción adicional, en caso de que no sea posible realizar alguno de los dos compromisos "
        "iniciales.",
        "Open Government experts train the working-table leaders on the co-creation process, the "
        "template for commitment proposals and the purpose of the Action Plan.\n\nIn addition, five (5) "
        "working tables are held with their leaders and diverse actors to draft commitment proposals "
        "for each thematic axis.\n\nCommitments are presented in the template proposed by the Open "
        "Government Partnership (OGP).\n\nEach working table must produce three (3) commitment "
        "proposals per thematic axis: two (2) commitments and one additional option, in case one of "
        "the first two cannot be carried out.",
        "Expertos de Gobierno Abierto y responsables de mesas",
        "Open Government experts and table leaders",
    ),
    (
        "og-section",
        "Sección de Gobierno Abierto dentro de la página Web de la ANTAI",
        "Open Government section of ANTAI's website",
        "ANTAI crea una sección de Gobierno Abierto dentro de su página Web de la ANTAI, en la cual "
        "se publicará de forma proactiva información sobre Gobierno Abierto y el proceso de "
        "co-creación del Tercer Plan de Acción.",
        "ANTAI creates an Open Government section on its website, where information about Open "
        "Government and the co-creation of the Third Action Plan is published proactively.",
        "ANTAI",
        "ANTAI",
    ),
    (
        "responsibles-and-objectives",
        "Responsables y objetivos de las propuestas de compromisos",
        "Responsible institutions and objectives of the commitment proposals",
        "La ANTAI solicita a la CGA y a los responsables de las mesas de trabajo determinar las "
        "posibles instituciones públicas responsables de cada propuesta de compromiso según los ejes "
        "temáticos seleccionados, y los objetivos de estas.",
        "ANTAI asks the CGA and the working-table leaders to determine the public institutions that "
        "could be responsible for each commitment proposal, by thematic axis, and its objectives.",
        "CGA y responsables de mesas",
        "CGA and table leaders",
    ),
    (
        "viability-review",
        "Revisión de las propuestas de compromisos",
        "Review of the commitment proposals",
        "La ANTAI solicita a las máximas autoridades de las posibles instituciones públicas "
        "responsables, revisar las propuestas de compromisos y definir su viabilidad. En caso de que "
        "alguna propuesta no sea viable, la institución pública deberá señalar claramente las razones "
        "y presentar una contrapropuesta.",
        "ANTAI asks the heads of the public institutions that could be responsible to review the "
        "commitment proposals and decide on their viability. Where a proposal is not viable, the "
        "institution must state the reasons clearly and present a counterproposal.",
        "Máximas autoridades de las instituciones",
        "Heads of institutions",
    ),
    (
        "selection",
        "Selección de compromisos",
        "Selection of commitments",
        "La CGA se reúne para determinar cuáles son las propuestas de compromisos que cumplen con "
        "todos los requisitos para ser incluidos en el Plan de Acción, según la metodología de "
        "selección previamente establecida.",
        "The CGA meets to decide which commitment proposals meet every requirement to be included in "
        "the Action Plan, following the selection methodology established beforehand.",
        "CGA",
        "CGA",
    ),
    (
        "development",
        "Desarrollo de los compromisos",
        "Development of the commitments",
        "La ANTAI realiza reuniones de trabajo para desarrollar los compromisos seleccionados con la "
        "CGA, los responsables de mesas de trabajo y los enlaces institucionales, a través del formato "
        "de la AGA, estableciendo las metas, hitos o acciones a realizar, los plazos de cumplimiento "
        "de cada uno y el producto entregable respectivo.",
        "ANTAI holds working meetings with the CGA, the working-table leaders and the institutional "
        "liaisons to develop the selected commitments in the OGP template, setting the goals, "
        "milestones or actions, the deadline of each and its deliverable.",
        "ANTAI, CGA, responsables de mesas y enlaces",
        "ANTAI, CGA, table leaders and liaisons",
    ),
    (
        "draft",
        "Redacción de versión borrador",
        "Drafting of the draft version",
        "",
        "",
        "ANTAI",
        "ANTAI",
    ),
    (
        "support-unit-review",
        "Envío de borrador a Unidad de Apoyo de la AGA para revisión de formato y a los grupos de "
        "trabajo de la AGA",
        "Draft sent to the OGP Support Unit for format review and to the OGP working groups",
        "",
        "",
        "ANTAI",
        "ANTAI",
    ),
    (
        "final-adjustments",
        "Ajustes finales de redacción y traducción",
        "Final drafting adjustments and translation",
        "",
        "",
        "ANTAI",
        "ANTAI",
    ),
    (
        "final-delivery",
        "Entrega final del Plan de Acción 2017-2019 de Panamá a la Unidad de Apoyo de la AGA",
        "Final delivery of Panama's 2017-2019 Action Plan to the OGP Support Unit",
        "",
        "",
        "ANTAI",
        "ANTAI",
    ),
    (
        "presentation",
        "Presentación y publicación del Plan de Acción Nacional de Gobierno Abierto 2017-2019",
        "Presentation and publication of the National Open Government Action Plan 2017-2019",
        "",
        "",
        "ANTAI y CGA",
        "ANTAI and CGA",
    ),
]

# What each step enables while it is open (cocrea/plans/capabilities.py), by step key. Steps
# whose work has no action on the platform yet enable nothing.
CAPABILITIES = {
    "commission-meetings": ["forum-meetings"],
    "table-leaders": ["training"],
    "open-call": ["open-call"],
    "liaisons": ["liaisons"],
    "outreach": ["outreach"],
    "training-and-tables": ["training", "drafting", "public-comment"],
    # The OG section of ANTAI's website runs from April to December: the events of the rest of
    # the cycle (the commission's meetings, outreach days, trainings) are announced through it.
    "og-section": ["forum-meetings", "outreach", "training"],
    "responsibles-and-objectives": ["assignment", "public-comment"],
    # The commission's members score the proposals as the institutions' reviews come in; their
    # scores stay sealed until the review step closes, before the selection meeting.
    "viability-review": ["viability-review", "public-comment", "scoring"],
    "selection": ["selection"],
    "development": ["commitment-development"],
    "draft": ["plan-drafting", "plan-public-comment"],
    "support-unit-review": ["ogp-review"],
    "final-adjustments": ["translation", "plan-drafting"],
    "final-delivery": ["delivery"],
    "presentation": ["publication"],
}

# Planned dates of version 2 (the schedule in force), by step key.
SCHEDULE_V2 = {
    "commission-meetings": (D(2017, 2, 15), D(2017, 3, 24)),
    "work-programme": (D(2017, 3, 27), D(2017, 3, 27)),
    "table-leaders": (D(2017, 4, 3), D(2017, 4, 28)),
    "open-call": (D(2017, 4, 17), D(2017, 5, 19)),
    "liaisons": (D(2017, 4, 17), D(2017, 5, 12)),
    "outreach": (D(2017, 4, 24), D(2017, 6, 9)),
    "training-and-tables": (D(2017, 5, 22), D(2017, 7, 14)),
    "og-section": (D(2017, 4, 3), D(2017, 12, 29)),
    "responsibles-and-objectives": (D(2017, 7, 17), D(2017, 7, 31)),
    "viability-review": (D(2017, 8, 1), D(2017, 8, 25)),
    "selection": (D(2017, 8, 28), D(2017, 9, 8)),
    "development": (D(2017, 9, 11), D(2017, 10, 6)),
    "draft": (D(2017, 10, 9), D(2017, 10, 20)),
    "support-unit-review": (D(2017, 10, 23), D(2017, 11, 3)),
    "final-adjustments": (D(2017, 11, 6), D(2017, 11, 24)),
    "final-delivery": (D(2017, 11, 30), D(2017, 11, 30)),
    "presentation": (D(2017, 12, 5), D(2017, 12, 15)),
}

# Version 1 (27 March 2017) planned the tables and everything after them three weeks earlier,
# and did not yet fix the number of tables.
SCHEDULE_V1_CHANGES = {
    "training-and-tables": (D(2017, 5, 2), D(2017, 6, 16)),
    "responsibles-and-objectives": (D(2017, 6, 19), D(2017, 7, 7)),
    "viability-review": (D(2017, 7, 10), D(2017, 8, 4)),
    "selection": (D(2017, 8, 7), D(2017, 8, 18)),
    "development": (D(2017, 8, 21), D(2017, 9, 15)),
    "draft": (D(2017, 9, 18), D(2017, 9, 29)),
    "support-unit-review": (D(2017, 10, 2), D(2017, 10, 13)),
    "final-adjustments": (D(2017, 10, 16), D(2017, 11, 3)),
    "final-delivery": (D(2017, 11, 10), D(2017, 11, 10)),
    "presentation": (D(2017, 11, 14), D(2017, 11, 24)),
}
V1_TABLES_SENTENCE = (
    "Adicionalmente, se celebran cinco (5) mesas de trabajo",
    "Adicionalmente, se celebran mesas de trabajo",
    "In addition, five (5) working tables are held",
    "In addition, working tables are held",
)

VERSION_1 = {"published_on": D(2017, 3, 27)}
VERSION_2 = {
    "published_on": D(2017, 5, 19),
    "change_summary_es": (
        "Se reprogramaron la capacitación técnica y las mesas de trabajo (paso 7) y, en "
        "consecuencia, los pasos 9 a 17; se precisó que se celebrarán cinco (5) mesas de trabajo."
    ),
    "change_summary_en": (
        "The technical training and working tables (step 7) were rescheduled, and steps 9 to 17 "
        "with them; the programme now states that five (5) working tables will be held."
    ),
}

# Where the demo stands: steps 1-6 done, 7 and 8 under way. key: (actual start, actual end)
PROGRESS = {
    "commission-meetings": (D(2017, 2, 15), D(2017, 3, 24)),
    "work-programme": (D(2017, 3, 27), D(2017, 3, 27)),
    "table-leaders": (D(2017, 4, 3), D(2017, 5, 5)),
    "open-call": (D(2017, 4, 17), D(2017, 5, 19)),
    "liaisons": (D(2017, 4, 17), D(2017, 5, 19)),
    "outreach": (D(2017, 4, 24), D(2017, 6, 9)),
    "training-and-tables": (D(2017, 5, 22), None),
    "og-section": (D(2017, 4, 3), None),
}

DEMO_PASSWORD = "demo-cocrea-2017"

# username, full name, position, organisation acronym, role (None: superuser of the admin)
USERS = [
    ("secretaria", "Ana Lucía Herrera", "Oficial de Gobierno Abierto", "ANTAI", "secretariat"),
    ("comision", "Ricardo Solís", "Representante ante la CGA", "FLC", "commission_member"),
    ("lider", "Marisol Cedeño", "Responsable de la mesa de Educación", "UP", "table_leader"),
    ("participante", "José Arosemena", "Voluntario", "RCCH", "participant"),
    ("enlace", "Carmen Vergara", "Enlace institucional", "MEF", "liaison"),
    ("autoridad", "Eduardo Pinzón", "Secretario General", "MINSA", "head_of_institution"),
    ("revisor", "Laura Bennett", "OGP Support Unit", None, "ogp_reviewer"),
    ("admin", "Administración del sistema", "", "ANTAI", None),
]

# Further commission members (one representative per member organisation).
COMMISSION_MEMBERS = [
    ("cga-antai", "Gabriel Quintero", "Director de Políticas Públicas", "ANTAI"),
    ("cga-aig", "Itzel Domínguez", "Directora de Gobierno Digital", "AIG"),
    ("cga-dgcp", "Rodolfo Batista", "Subdirector", "DGCP"),
    ("cga-meduca", "Yaritza Morales", "Asesora del Despacho", "MEDUCA"),
    ("cga-cciap", "Fernando Lasso", "Comité de Ética", "CCIAP"),
    ("cga-up", "Dora Castillo", "Profesora de Derecho Público", "UP"),
    ("cga-rcch", "Aurelio Samudio", "Coordinador", "RCCH"),
]
