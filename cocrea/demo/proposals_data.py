"""The proposals of Panama's 2017-2019 cycle for the demo: three per table (two commitments and an
alternate), their drafts, the responsible institutions, the viability reviews and the public
comments. Titles follow the commitments Panama adopted (OGP ids PA0026-PA0034) where one fits the
axis; the rest are plausible alternates. People are fictional; institutions are real.

Proposals are keyed by (axis, slot); the demo's table n drafts for axis n. Who acts inside a
table: "gov" and "cs" are its government and civil-society leaders, "m1".."m8" its members in the
order they were seated; "secretaria" is the secretariat's officer."""

import datetime as dt

D = dt.date

ACCESS = "access_to_information"
PARTICIPATION = "civic_participation"
ACCOUNTABILITY = "public_accountability"
TECHNOLOGY = "technology_innovation"

C1, C2, ALT = "commitment_1", "commitment_2", "alternate_1"

# Institutions that lead proposals and are not yet in the demo: (acronym, name es, name en).
MORE_INSTITUTIONS = [
    ("TE", "Tribunal Electoral", "Electoral Tribunal"),
    ("MOP", "Ministerio de Obras Públicas", "Ministry of Public Works"),
    (
        "ATTT",
        "Autoridad del Tránsito y Transporte Terrestre",
        "Land Transit and Transport Authority",
    ),
]

# The head of each lead institution: acronym -> (username, full name, position). MINSA's head is
# the plans demo's "autoridad".
HEADS = {
    "ANTAI": ("titular-antai", "Irene Castrellón", "Directora General"),
    "TE": ("titular-te", "Rolando Aizpurúa", "Secretario General"),
    "MP": ("titular-mp", "Vielka Moreno", "Secretaria General"),
    "MOP": ("titular-mop", "Arístides Delgado", "Viceministro"),
    "DGCP": ("titular-dgcp", "Lorena Espino", "Directora General"),
    "AN": ("titular-an", "Franklin Herrera", "Secretario General"),
    "ATTT": ("titular-attt", "Gustavo Jaramillo", "Director General"),
    "IDAAN": ("titular-idaan", "Nelson Urriola", "Director Ejecutivo"),
    "MINSA": ("autoridad", "Eduardo Pinzón", "Secretario General"),
    "MEDUCA": ("titular-meduca", "Maritza Lombardo", "Viceministra Académica"),
}

# The DGCP's head names its liaison to review on its behalf: (institution, e-mail user, name, on).
DELEGATE = ("DGCP", "enlace-dgcp", "Patricia Lay", D(2017, 8, 2))

# Registered citizens who comment in public: (username, full name).
CITIZENS = [
    ("yariela.ortega", "Yariela Ortega"),
    ("manuel.deleon", "Manuel De León"),
    ("katia.rodriguez", "Katia Rodríguez"),
    ("luis.guerra", "Luis Carlos Guerra"),
    ("dayanara.pinzon", "Dayanara Pinzón"),
]

# The work programme's steps 7, 9 and 10 (their keys in the demo programme) as they happened.
DRAFTING_STEP = "training-and-tables"
ASSIGNMENT_STEP = "responsibles-and-objectives"
REVIEW_STEP = "viability-review"
TABLES_CLOSE = D(2017, 7, 14)
ASSIGNMENT_OPEN = D(2017, 7, 17)
ASSIGNMENT_CLOSE = D(2017, 7, 31)
REVIEW_OPEN = D(2017, 8, 1)

# Each table's set, submitted by one of its leaders: axis -> (who, on).
SUBMISSIONS = {
    1: ("gov", D(2017, 7, 7)),
    2: ("cs", D(2017, 7, 10)),
    3: ("gov", D(2017, 7, 12)),
    4: ("cs", D(2017, 7, 13)),
    5: ("cs", D(2017, 7, 13)),
}

# The final text of each proposal, field -> (es, en), and who saved it last, when.
PROPOSALS = {
    (1, C1): {
        "saved": ("gov", D(2017, 6, 27)),
        "title": ("Observatorio Ciudadano Anticorrupción", "Citizen Anti-corruption Observatory"),
        "problem": (
            "La ciudadanía no cuenta con un espacio permanente para dar seguimiento a las "
            "denuncias de corrupción y a los casos que investigan las autoridades. La información "
            "sobre el avance de las investigaciones está dispersa entre varias instituciones y no "
            "se publica en formatos abiertos. Línea base (2017): no existe un observatorio "
            "ciudadano ni un registro público consolidado de casos.",
            "Citizens have no permanent space to follow up on corruption complaints and on the "
            "cases the authorities investigate. Information on the progress of investigations is "
            "scattered across several institutions and is not published in open formats. "
            "Baseline (2017): there is no citizen observatory and no consolidated public register "
            "of cases.",
        ),
        "commitment": (
            "Crear un Observatorio Ciudadano Anticorrupción, integrado por organizaciones de la "
            "sociedad civil, la academia y el sector privado, con el apoyo técnico de la ANTAI, "
            "que monitoree y publique periódicamente el estado de los casos de corrupción y las "
            "medidas de prevención adoptadas por las instituciones.",
            "Set up a Citizen Anti-corruption Observatory, made up of civil-society "
            "organisations, academia and the private sector with ANTAI's technical support, that "
            "monitors and regularly publishes the state of corruption cases and the prevention "
            "measures adopted by institutions.",
        ),
        "contribution": (
            "El observatorio dará a la ciudadanía información verificable y comparable sobre los "
            "casos y su tramitación, permitirá identificar demoras y patrones, y emitirá "
            "recomendaciones públicas que las instituciones deberán responder.",
            "The observatory will give citizens verifiable and comparable information on cases "
            "and how they are handled, will make delays and patterns visible, and will issue "
            "public recommendations that institutions must answer.",
        ),
        "relevance": (
            "Acceso a la información: el seguimiento de los casos se publica en datos abiertos. "
            "Participación ciudadana: la sociedad civil dirige el observatorio. Rendición de "
            "cuentas: las instituciones responden en público a sus recomendaciones.",
            "Access to information: case follow-up is published as open data. Civic "
            "participation: civil society runs the observatory. Public accountability: "
            "institutions answer its recommendations in public.",
        ),
        "additional_info": (
            "Presupuesto estimado: B/. 60.000 (funcionamiento y plataforma web), con recursos de "
            "la ANTAI y de la cooperación internacional. Vinculado al Plan Estratégico de Gobierno "
            "2015-2019 y al ODS 16, metas 16.5 y 16.10.",
            "Estimated budget: B/. 60,000 (operation and web platform), from ANTAI's resources "
            "and international cooperation. Linked to the Government Strategic Plan 2015-2019 and "
            "to SDG 16, targets 16.5 and 16.10.",
        ),
        "start_date": D(2017, 11, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
    (1, C2): {
        "saved": ("cs", D(2017, 6, 29)),
        "title": ("Observatorio Ciudadano Electoral", "Citizen Electoral Observatory"),
        "problem": (
            "El financiamiento de las campañas y el uso de recursos públicos durante los procesos "
            "electorales son poco visibles para la ciudadanía. Los informes de ingresos y gastos "
            "de campaña se entregan al Tribunal Electoral, pero su consulta es difícil y no existe "
            "un seguimiento ciudadano organizado de cara a las elecciones generales de 2019.",
            "Campaign financing and the use of public resources during elections are hardly "
            "visible to citizens. Campaign income and expense reports are filed with the "
            "Electoral Tribunal, but consulting them is difficult and there is no organised "
            "citizen monitoring ahead of the 2019 general elections.",
        ),
        "commitment": (
            "Conformar un Observatorio Ciudadano Electoral que, con información proporcionada por "
            "el Tribunal Electoral, dé seguimiento al financiamiento de las campañas, a la "
            "propaganda electoral y al uso de recursos del Estado en el proceso electoral de "
            "2019, y publique informes periódicos.",
            "Form a Citizen Electoral Observatory that, with information provided by the "
            "Electoral Tribunal, monitors campaign financing, electoral advertising and the use "
            "of State resources in the 2019 election, and publishes regular reports.",
        ),
        "contribution": (
            "La vigilancia ciudadana informada reduce el riesgo de financiamiento irregular y de "
            "uso indebido de recursos públicos, y permite a los votantes conocer quién financia "
            "cada candidatura.",
            "Informed citizen scrutiny lowers the risk of irregular financing and of misuse of "
            "public resources, and lets voters know who funds each candidacy.",
        ),
        "relevance": (
            "Acceso a la información: publicación de los datos de financiamiento. Participación "
            "ciudadana: observación electoral por organizaciones de la sociedad civil. Rendición "
            "de cuentas: partidos y candidaturas explican sus ingresos y gastos.",
            "Access to information: financing data are published. Civic participation: election "
            "observation by civil-society organisations. Public accountability: parties and "
            "candidates explain their income and expenses.",
        ),
        "additional_info": (
            "Costos a cargo del Tribunal Electoral y de las organizaciones participantes. "
            "Relacionado con la reforma electoral de 2017 y con el ODS 16, meta 16.7.",
            "Costs borne by the Electoral Tribunal and the participating organisations. Related "
            "to the 2017 electoral reform and to SDG 16, target 16.7.",
        ),
        "start_date": D(2018, 1, 15),
        "end_date": D(2019, 9, 30),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
    (1, ALT): {
        "saved": ("m3", D(2017, 7, 4)),
        "title": (
            "Canal seguro de denuncias de corrupción con protección del denunciante",
            "Secure channel for corruption complaints with whistleblower protection",
        ),
        "problem": (
            "Muchas personas no denuncian actos de corrupción por temor a represalias. Los "
            "canales de denuncia no garantizan la confidencialidad de la identidad de quien "
            "denuncia ni le permiten conocer el estado de su denuncia.",
            "Many people do not report corruption for fear of reprisals. Complaint channels "
            "neither guarantee that the complainant's identity stays confidential nor let them "
            "know the status of their complaint.",
        ),
        "commitment": (
            "Habilitar un canal en línea de denuncias de corrupción que permita denunciar de forma "
            "confidencial o anónima, con un número de seguimiento para consultar el estado de la "
            "denuncia, y elaborar un protocolo de protección a denunciantes.",
            "Provide an online channel for corruption complaints that can be used confidentially "
            "or anonymously, with a tracking number to check the status of the complaint, and "
            "draft a whistleblower protection protocol.",
        ),
        "contribution": (
            "Reducir el temor a denunciar aumenta el número de denuncias que llegan a las "
            "autoridades; el número de seguimiento permite verificar que cada denuncia se "
            "atiende.",
            "Reducing the fear of reporting increases the number of complaints that reach the "
            "authorities; the tracking number makes it possible to check that each complaint is "
            "dealt with.",
        ),
        "relevance": (
            "Rendición de cuentas: el Ministerio Público informa del trámite de cada denuncia. "
            "Tecnología e innovación al servicio de la rendición de cuentas: un canal en línea "
            "seguro.",
            "Public accountability: the Public Prosecutor's Office reports on how each complaint "
            "is handled. Technology and innovation for accountability: a secure online channel.",
        ),
        "additional_info": (
            "Costo estimado de la plataforma: B/. 45.000. Se coordina con la ANTAI, que recibe "
            "denuncias administrativas. ODS 16, meta 16.5.",
            "Estimated cost of the platform: B/. 45,000. Coordinated with ANTAI, which receives "
            "administrative complaints. SDG 16, target 16.5.",
        ),
        "start_date": D(2018, 1, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [ACCOUNTABILITY, TECHNOLOGY],
    },
    (2, C1): {
        "saved": ("cs", D(2017, 6, 28)),
        "title": (
            "Transparencia y rendición de cuentas en proyectos de infraestructura pública",
            "Transparency and accountability in public infrastructure projects",
        ),
        "problem": (
            "La información sobre los proyectos de infraestructura pública (costos, plazos, "
            "adendas y avance físico) no se publica de forma completa ni comparable. Las adendas "
            "que aumentan el costo de las obras son difíciles de conocer para la ciudadanía y "
            "para las comunidades donde se ejecutan.",
            "Information on public infrastructure projects (costs, deadlines, addenda and "
            "physical progress) is not published completely or comparably. Addenda that raise "
            "the cost of works are hard to find for citizens and for the communities where the "
            "works take place.",
        ),
        "commitment": (
            "Publicar en datos abiertos la información de todo el ciclo de los proyectos de "
            "infraestructura del Ministerio de Obras Públicas (planificación, contratación, "
            "ejecución y cierre), siguiendo el estándar de datos de CoST, y realizar al menos dos "
            "audiencias públicas de rendición de cuentas por año sobre obras seleccionadas.",
            "Publish as open data the information on the whole cycle of the Ministry of Public "
            "Works' infrastructure projects (planning, procurement, execution and completion), "
            "following the CoST data standard, and hold at least two public accountability "
            "hearings a year on selected works.",
        ),
        "contribution": (
            "Con datos completos y comparables, la ciudadanía y la prensa pueden identificar "
            "sobrecostos y retrasos; las audiencias obligan a las autoridades a explicarlos ante "
            "las comunidades afectadas.",
            "With complete and comparable data, citizens and the press can identify cost "
            "overruns and delays; the hearings make the authorities explain them before the "
            "communities concerned.",
        ),
        "relevance": (
            "Acceso a la información (datos abiertos de las obras), participación ciudadana "
            "(audiencias públicas) y rendición de cuentas (explicación de adendas y retrasos).",
            "Access to information (open data on works), civic participation (public hearings) "
            "and public accountability (explaining addenda and delays).",
        ),
        "additional_info": (
            "Recursos propios del MOP para el portal y apoyo técnico de la iniciativa CoST. "
            "Vinculado al Plan Estratégico de Gobierno 2015-2019 (infraestructura), al ODS 9 y al "
            "ODS 16, meta 16.6.",
            "The MOP's own resources for the portal and technical support from the CoST "
            "initiative. Linked to the Government Strategic Plan 2015-2019 (infrastructure), to "
            "SDG 9 and to SDG 16, target 16.6.",
        ),
        "start_date": D(2017, 12, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
    (2, C2): {
        "saved": ("gov", D(2017, 7, 3)),
        "title": (
            "Prevención de conflictos de intereses en las contrataciones públicas",
            "Preventing conflicts of interest in public procurement",
        ),
        "problem": (
            "En los procedimientos de contratación pública no se verifica de forma sistemática si "
            "los servidores que evalúan las propuestas tienen vínculos con los proponentes. No "
            "existe una declaración de conflicto de intereses obligatoria para los miembros de "
            "las comisiones evaluadoras.",
            "Public procurement procedures do not systematically check whether the officials "
            "evaluating bids have ties to the bidders. There is no mandatory conflict-of-interest "
            "declaration for members of evaluation committees.",
        ),
        "commitment": (
            "Incorporar en PanamaCompra una declaración jurada de ausencia de conflicto de "
            "intereses para los miembros de las comisiones evaluadoras, publicarla junto a cada "
            "acto público y capacitar en su uso a los servidores de compras de las entidades.",
            "Add to PanamaCompra a sworn declaration of no conflict of interest for members of "
            "evaluation committees, publish it with each procurement procedure and train the "
            "procurement officials of public bodies to use it.",
        ),
        "contribution": (
            "La declaración obliga a cada evaluador a revelar sus vínculos antes de evaluar; su "
            "publicación permite a proponentes y ciudadanía detectar conflictos y reclamar a "
            "tiempo.",
            "The declaration makes each evaluator disclose ties before evaluating; publishing it "
            "lets bidders and citizens spot conflicts and complain in time.",
        ),
        "relevance": (
            "Acceso a la información: las declaraciones se publican con cada acto. Rendición de "
            "cuentas: los evaluadores responden por lo que declaran.",
            "Access to information: the declarations are published with each procedure. Public "
            "accountability: evaluators answer for what they declare.",
        ),
        "additional_info": (
            "Se implementa con los recursos del sistema PanamaCompra. Relacionado con la Ley 22 "
            "de 2006 de contrataciones públicas y con el ODS 16, meta 16.5.",
            "Implemented with the resources of the PanamaCompra system. Related to Law 22 of 2006 "
            "on public procurement and to SDG 16, target 16.5.",
        ),
        "start_date": D(2017, 10, 1),
        "end_date": D(2019, 3, 31),
        "ogp_values": [ACCESS, ACCOUNTABILITY],
    },
    (2, ALT): {
        "saved": ("m2", D(2017, 7, 5)),
        "title": (
            "Datos abiertos de las contrataciones públicas con el Estándar de Datos para las "
            "Contrataciones Abiertas",
            "Open data on public procurement with the Open Contracting Data Standard",
        ),
        "problem": (
            "La información de PanamaCompra puede consultarse acto por acto, pero no puede "
            "descargarse de forma masiva ni en un formato estándar, lo que impide analizar "
            "tendencias de precios, proveedores y adjudicaciones.",
            "PanamaCompra's information can be consulted one procedure at a time, but it cannot "
            "be downloaded in bulk or in a standard format, which prevents analysing trends in "
            "prices, suppliers and awards.",
        ),
        "commitment": (
            "Publicar los datos de las contrataciones registradas en PanamaCompra conforme al "
            "Estándar de Datos para las Contrataciones Abiertas (OCDS), con descarga masiva y "
            "actualización diaria en el portal nacional de datos abiertos.",
            "Publish the data on procurement registered in PanamaCompra according to the Open "
            "Contracting Data Standard (OCDS), with bulk download and daily updates on the "
            "national open data portal.",
        ),
        "contribution": (
            "Periodistas, empresas y organizaciones podrán analizar el gasto en compras públicas, "
            "comparar precios y detectar señales de riesgo, como adjudicaciones repetidas a los "
            "mismos proveedores.",
            "Journalists, businesses and organisations will be able to analyse procurement "
            "spending, compare prices and spot red flags, such as repeated awards to the same "
            "suppliers.",
        ),
        "relevance": (
            "Acceso a la información en datos abiertos; tecnología e innovación al servicio de la "
            "rendición de cuentas.",
            "Access to information as open data; technology and innovation in the service of "
            "public accountability.",
        ),
        "additional_info": (
            "Con apoyo técnico de la Alianza para las Contrataciones Abiertas; costo cubierto por "
            "la DGCP y la AIG. ODS 12, meta 12.7, y ODS 16, meta 16.10.",
            "With technical support from the Open Contracting Partnership; costs covered by DGCP "
            "and AIG. SDG 12, target 12.7, and SDG 16, target 16.10.",
        ),
        "start_date": D(2018, 2, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [ACCESS, TECHNOLOGY],
    },
    (3, C1): {
        "saved": ("gov", D(2017, 7, 6)),
        "title": (
            "Asamblea abierta: datos abiertos de votaciones, asistencia y planilla",
            "Open Assembly: open data on votes, attendance and payroll",
        ),
        "problem": (
            "La ciudadanía no puede conocer con facilidad cómo vota cada diputado, su asistencia "
            "a las sesiones del pleno y de las comisiones, ni la planilla de la Asamblea "
            "Nacional. La información, cuando se publica, se publica en documentos escaneados.",
            "Citizens cannot easily find out how each deputy votes, their attendance at plenary "
            "and committee sessions, or the National Assembly's payroll. The information, when "
            "published at all, comes as scanned documents.",
        ),
        "commitment": (
            "Publicar en formato abierto y reutilizable, en el sitio web de la Asamblea Nacional, "
            "las votaciones nominales, la asistencia de los diputados al pleno y a las comisiones "
            "y la planilla institucional, con actualización mensual.",
            "Publish in an open, reusable format on the National Assembly's website the roll-call "
            "votes, the deputies' attendance at plenary and committee sessions, and the "
            "institution's payroll, updated monthly.",
        ),
        "contribution": (
            "Los votantes podrán evaluar el desempeño de sus representantes con datos "
            "verificables, y las organizaciones podrán construir herramientas de seguimiento "
            "legislativo.",
            "Voters will be able to assess their representatives' performance with verifiable "
            "data, and organisations will be able to build legislative monitoring tools.",
        ),
        "relevance": (
            "Acceso a la información (datos legislativos abiertos) y rendición de cuentas "
            "(desempeño de los diputados), con tecnología para publicar y reutilizar los datos.",
            "Access to information (open legislative data) and public accountability (deputies' "
            "performance), with technology to publish and reuse the data.",
        ),
        "additional_info": (
            "Sigue la Declaración sobre la Transparencia Parlamentaria. Requiere adecuar el "
            "sistema de votación electrónica del pleno. ODS 16, meta 16.6.",
            "Follows the Declaration on Parliamentary Openness. Requires adapting the plenary's "
            "electronic voting system. SDG 16, target 16.6.",
        ),
        "start_date": D(2018, 1, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [ACCESS, ACCOUNTABILITY, TECHNOLOGY],
    },
    (3, C2): {
        "saved": ("cs", D(2017, 7, 6)),
        "title": (
            "Consulta ciudadana en línea de los anteproyectos de ley",
            "Online public consultation on draft bills",
        ),
        "problem": (
            "Las consultas sobre anteproyectos de ley se hacen sobre todo de forma presencial en "
            "la capital, lo que excluye a quienes viven en las provincias y comarcas. No se "
            "publica qué aportes se recibieron ni cómo se consideraron.",
            "Consultations on draft bills mostly take place in person in the capital, which "
            "excludes people living in the provinces and comarcas. What input was received and "
            "how it was considered is not published.",
        ),
        "commitment": (
            "Habilitar en el sitio web de la Asamblea Nacional un espacio de consulta ciudadana "
            "en línea de los anteproyectos de ley prohijados, donde cualquier persona pueda "
            "enviar comentarios, y publicar antes del primer debate un informe de cómo se "
            "consideraron los aportes.",
            "Set up on the National Assembly's website an online public consultation on the "
            "draft bills taken up by its committees, where anyone can send comments, and publish "
            "before the first debate a report on how the input was considered.",
        ),
        "contribution": (
            "Amplía la participación más allá de la capital y obliga a dar una respuesta razonada "
            "a los aportes ciudadanos.",
            "Broadens participation beyond the capital and requires a reasoned response to "
            "citizens' input.",
        ),
        "relevance": (
            "Participación ciudadana en la elaboración de las leyes; rendición de cuentas sobre "
            "cómo se consideran los aportes; tecnología para llegar a todo el país.",
            "Civic participation in law-making; accountability for how input is considered; "
            "technology to reach the whole country.",
        ),
        "additional_info": (
            "Puede apoyarse en la plataforma de consultas de la AIG. Se coordina con las "
            "comisiones permanentes. ODS 16, meta 16.7.",
            "Can build on AIG's consultation platform. Coordinated with the standing committees. "
            "SDG 16, target 16.7.",
        ),
        "start_date": D(2018, 3, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [PARTICIPATION, ACCOUNTABILITY, TECHNOLOGY],
    },
    (3, ALT): {
        "saved": ("m1", D(2017, 7, 10)),
        "title": (
            "Financiamiento de las campañas de diputados en tiempo real",
            "Real-time financing of deputies' campaigns",
        ),
        "problem": (
            "Durante la campaña, los votantes no saben quién financia a los candidatos a diputado "
            "ni cuánto gastan. Los informes se conocen, si acaso, después de la elección, cuando "
            "ya no pueden orientar el voto.",
            "During the campaign, voters do not know who funds the candidates for deputy or how "
            "much they spend. The reports become known, if at all, after the election, when they "
            "can no longer inform the vote.",
        ),
        "commitment": (
            "Publicar en tiempo real, durante la campaña de 2019, las donaciones y los gastos de "
            "cada candidatura a diputado en una plataforma en línea del Tribunal Electoral, en "
            "datos abiertos.",
            "Publish in real time, during the 2019 campaign, the donations and expenses of each "
            "candidacy for deputy on an online platform of the Electoral Tribunal, as open data.",
        ),
        "contribution": (
            "El voto informado y la vigilancia de la prensa y la sociedad civil desalientan el "
            "financiamiento ilícito y los conflictos de intereses de los futuros diputados.",
            "Informed voting and scrutiny by the press and civil society discourage illicit "
            "financing and conflicts of interest among future deputies.",
        ),
        "relevance": (
            "Acceso a la información y rendición de cuentas de las candidaturas; tecnología para "
            "publicar los datos al momento.",
            "Access to information and accountability of candidacies; technology to publish the "
            "data as they come in.",
        ),
        "additional_info": (
            "Requiere que las candidaturas registren sus movimientos en línea. ODS 16, metas 16.5 "
            "y 16.7.",
            "Requires candidacies to record their transactions online. SDG 16, targets 16.5 and "
            "16.7.",
        ),
        "start_date": D(2018, 7, 1),
        "end_date": D(2019, 7, 31),
        "ogp_values": [ACCESS, ACCOUNTABILITY, TECHNOLOGY],
    },
    (4, C1): {
        "saved": ("gov", D(2017, 7, 5)),
        "title": (
            "Manual y aplicación móvil sobre educación vial",
            "Road safety education handbook and mobile app",
        ),
        "problem": (
            "Los siniestros de tránsito son una de las principales causas de muerte violenta en "
            "Panamá. Conductores y peatones conocen poco el Reglamento de Tránsito y no existe un "
            "material de consulta sencillo y gratuito.",
            "Road crashes are one of the main causes of violent death in Panama. Drivers and "
            "pedestrians know little about the Traffic Regulations and there is no simple, free "
            "reference material.",
        ),
        "commitment": (
            "Elaborar con participación ciudadana un manual de educación vial en lenguaje "
            "sencillo y una aplicación móvil gratuita que explique las normas de tránsito, "
            "permita consultar multas y reportar puntos peligrosos de la vía.",
            "Produce with citizen participation a plain-language road safety handbook and a free "
            "mobile app that explains the traffic rules, lets people check fines and report "
            "dangerous spots on the roads.",
        ),
        "contribution": (
            "Conocer mejor las normas reduce las conductas de riesgo; los reportes ciudadanos "
            "ayudan a la ATTT a priorizar señalización y controles.",
            "Knowing the rules better reduces risky behaviour; citizens' reports help ATTT "
            "prioritise signage and checks.",
        ),
        "relevance": (
            "Acceso a la información sobre normas y multas; participación ciudadana en la "
            "elaboración del manual y en los reportes; tecnología e innovación (aplicación "
            "móvil).",
            "Access to information on rules and fines; civic participation in writing the "
            "handbook and in the reports; technology and innovation (mobile app).",
        ),
        "additional_info": (
            "Presupuesto estimado: B/. 80.000 (desarrollo de la aplicación y edición del manual). "
            "ODS 3, meta 3.6.",
            "Estimated budget: B/. 80,000 (app development and handbook edition). SDG 3, target "
            "3.6.",
        ),
        "start_date": D(2017, 11, 1),
        "end_date": D(2019, 6, 30),
        "ogp_values": [ACCESS, PARTICIPATION, TECHNOLOGY],
    },
    (4, C2): {
        "saved": ("m1", D(2017, 7, 6)),
        "title": (
            "Transparencia en la calidad y cantidad de agua",
            "Transparency on water quality and quantity",
        ),
        "problem": (
            "Comunidades de varias provincias sufren interrupciones frecuentes del suministro de "
            "agua y dudan de su calidad, sin información oficial oportuna sobre los resultados de "
            "los análisis ni sobre los horarios de abastecimiento.",
            "Communities in several provinces suffer frequent water supply interruptions and "
            "doubt its quality, with no timely official information on test results or supply "
            "schedules.",
        ),
        "commitment": (
            "Publicar en línea y en datos abiertos los resultados de los análisis de calidad del "
            "agua de las potabilizadoras y redes del IDAAN, y los horarios, interrupciones y "
            "volúmenes de abastecimiento por sector, con un canal para que la ciudadanía reporte "
            "problemas.",
            "Publish online and as open data the results of water quality tests at IDAAN's "
            "treatment plants and networks, and the supply schedules, interruptions and volumes "
            "by area, with a channel for citizens to report problems.",
        ),
        "contribution": (
            "La información oportuna permite a las familias tomar precauciones y a las "
            "comunidades exigir soluciones basadas en datos; los reportes ciudadanos ayudan a "
            "detectar fallas.",
            "Timely information lets families take precautions and communities demand solutions "
            "based on data; citizens' reports help detect faults.",
        ),
        "relevance": (
            "Acceso a la información sobre un servicio esencial; participación ciudadana en los "
            "reportes; rendición de cuentas del prestador del servicio.",
            "Access to information on an essential service; civic participation through the "
            "reports; accountability of the service provider.",
        ),
        "additional_info": (
            "En coordinación con el MINSA, que vigila la calidad del agua para consumo humano. "
            "ODS 6, metas 6.1 y 6.b.",
            "In coordination with MINSA, which monitors the quality of drinking water. SDG 6, "
            "targets 6.1 and 6.b.",
        ),
        "start_date": D(2018, 1, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
    (4, ALT): {
        "saved": ("gov", D(2017, 7, 11)),
        "title": (
            "Disponibilidad de medicamentos en tiempo real en las instalaciones de salud",
            "Real-time availability of medicines in health facilities",
        ),
        "problem": (
            "Los pacientes recorren varias instalaciones de salud buscando medicamentos que no "
            "están disponibles, sin poder consultar antes dónde los hay. No se publica "
            "información sobre el abastecimiento de medicamentos.",
            "Patients go from one health facility to another looking for medicines that are out "
            "of stock, with no way to check beforehand where they are available. No information "
            "on the supply of medicines is published.",
        ),
        "commitment": (
            "Publicar en tiempo real, en una aplicación y en datos abiertos, las existencias de "
            "los medicamentos de la lista oficial en todas las instalaciones de salud públicas "
            "del país, incluidas las de la Caja de Seguro Social.",
            "Publish in real time, in an app and as open data, the stock of the medicines on the "
            "official list in every public health facility of the country, including those of "
            "the Social Security Fund.",
        ),
        "contribution": (
            "Los pacientes sabrán dónde encontrar sus medicamentos y los faltantes quedarán a la "
            "vista, lo que presiona a corregir las fallas de compra y distribución.",
            "Patients will know where to find their medicines, and shortages will become "
            "visible, which puts pressure on fixing procurement and distribution failures.",
        ),
        "relevance": (
            "Acceso a la información y rendición de cuentas sobre el abastecimiento; tecnología "
            "e innovación (aplicación y datos abiertos).",
            "Access to information and accountability on supply; technology and innovation (app "
            "and open data).",
        ),
        "additional_info": (
            "Requiere integrar los sistemas de inventario del MINSA y de la CSS. ODS 3, meta 3.8.",
            "Requires integrating the inventory systems of MINSA and the CSS. SDG 3, target 3.8.",
        ),
        "start_date": D(2018, 1, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, ACCOUNTABILITY, TECHNOLOGY],
    },
    (5, C1): {
        "saved": ("gov", D(2017, 7, 7)),
        "title": (
            "Gabinetes Psicopedagógicos del MEDUCA: cobertura y atención transparentes",
            "MEDUCA's Psycho-pedagogical Offices: transparent coverage and service",
        ),
        "problem": (
            "Los gabinetes psicopedagógicos atienden a estudiantes con dificultades de "
            "aprendizaje o de conducta, pero muchas escuelas no tienen acceso a ellos y las "
            "familias no saben cómo solicitar su atención. No se publica dónde funcionan ni con "
            "cuánto personal cuentan.",
            "The psycho-pedagogical offices support students with learning or behavioural "
            "difficulties, but many schools have no access to them and families do not know how "
            "to ask for their help. Where they operate and how many staff they have is not "
            "published.",
        ),
        "commitment": (
            "Publicar el directorio y la cobertura de los gabinetes psicopedagógicos por región "
            "escolar, establecer un procedimiento público para que las familias soliciten "
            "atención y dar seguimiento, con madres y padres de familia, a los tiempos de "
            "respuesta.",
            "Publish the directory and coverage of the psycho-pedagogical offices by school "
            "region, set up a public procedure for families to request support, and monitor "
            "response times together with parents.",
        ),
        "contribution": (
            "Las familias sabrán a quién acudir y las brechas de cobertura quedarán documentadas, "
            "lo que permite asignar personal donde más se necesita.",
            "Families will know where to turn, and coverage gaps will be documented, so staff can "
            "be assigned where they are most needed.",
        ),
        "relevance": (
            "Acceso a la información sobre un servicio educativo; participación de madres y "
            "padres en el seguimiento; rendición de cuentas sobre los tiempos de respuesta.",
            "Access to information on an education service; parents' participation in "
            "monitoring; accountability for response times.",
        ),
        "additional_info": (
            "Con recursos del MEDUCA. ODS 4, meta 4.5 (igualdad de acceso a la educación).",
            "Funded by MEDUCA. SDG 4, target 4.5 (equal access to education).",
        ),
        "start_date": D(2018, 3, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
    (5, C2): {
        "saved": ("m2", D(2017, 7, 6)),
        "title": (
            "Actualizar el plan de educación cívica en las escuelas",
            "Update the civic education curriculum in schools",
        ),
        "problem": (
            "Los programas de educación cívica no incluyen contenidos sobre transparencia, acceso "
            "a la información, participación ciudadana y ética pública, y el material docente "
            "está desactualizado.",
            "Civic education programmes do not cover transparency, access to information, civic "
            "participation and public ethics, and the teaching material is out of date.",
        ),
        "commitment": (
            "Actualizar, con participación de docentes, estudiantes y sociedad civil, los "
            "programas de educación cívica de la educación básica y media para incluir "
            "transparencia, acceso a la información, participación y ética pública, y capacitar "
            "a los docentes en su aplicación.",
            "Update, with teachers, students and civil society, the civic education programmes "
            "of primary and secondary education to cover transparency, access to information, "
            "participation and public ethics, and train teachers to use them.",
        ),
        "contribution": (
            "Formar desde la escuela a una ciudadanía que conoce sus derechos y sabe ejercerlos "
            "fortalece la demanda de transparencia a largo plazo.",
            "Educating citizens from school age who know their rights and how to use them "
            "strengthens the demand for transparency in the long run.",
        ),
        "relevance": (
            "Participación ciudadana en la actualización del plan; acceso a la información como "
            "contenido de enseñanza.",
            "Civic participation in updating the curriculum; access to information as a subject "
            "taught in schools.",
        ),
        "additional_info": (
            "Con recursos del MEDUCA y apoyo de la ANTAI en los contenidos. ODS 4, meta 4.7.",
            "Funded by MEDUCA, with ANTAI's support on the content. SDG 4, target 4.7.",
        ),
        "start_date": D(2018, 3, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION],
    },
    (5, ALT): {
        "saved": ("cs", D(2017, 7, 10)),
        "title": ("Escuela de Gobierno Abierto", "Open Government School"),
        "problem": (
            "Servidores públicos y ciudadanía conocen poco los principios de gobierno abierto y "
            "el derecho de acceso a la información; no existe una oferta formativa permanente y "
            "gratuita.",
            "Public servants and citizens know little about open government principles and the "
            "right of access to information; there is no permanent, free training offer.",
        ),
        "commitment": (
            "Crear una Escuela de Gobierno Abierto, presencial y virtual, con cursos gratuitos "
            "para servidores públicos y ciudadanía sobre transparencia, acceso a la información, "
            "participación y rendición de cuentas, con certificación de la Universidad de "
            "Panamá.",
            "Create an Open Government School, in person and online, with free courses for "
            "public servants and citizens on transparency, access to information, participation "
            "and accountability, certified by the University of Panama.",
        ),
        "contribution": (
            "Servidores capacitados responden mejor las solicitudes de información, y una "
            "ciudadanía formada participa con más eficacia en los procesos de gobierno abierto.",
            "Trained public servants answer information requests better, and trained citizens "
            "take part more effectively in open government processes.",
        ),
        "relevance": (
            "Acceso a la información y participación ciudadana, mediante la formación de quienes "
            "las ejercen y de quienes deben garantizarlas.",
            "Access to information and civic participation, by training those who exercise them "
            "and those who must guarantee them.",
        ),
        "additional_info": (
            "La plataforma virtual usa la de la ANTAI; la Universidad de Panamá certifica los "
            "cursos. ODS 16, meta 16.10.",
            "The online platform is ANTAI's; the University of Panama certifies the courses. SDG "
            "16, target 16.10.",
        ),
        "start_date": D(2018, 1, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION],
    },
}

# The rest of the 2017 template for two proposals: new or ongoing, the milestones (activity with
# a verifiable deliverable, start, end) and the contact (fictional people; the first agreed to
# publish their details, the second did not). The others leave these optional fields empty.
PROPOSALS[1, C1].update(
    novelty="new",
    milestones=[
        (
            (
                "Acta de instalación del observatorio, firmada por sus integrantes",
                "Founding record of the observatory, signed by its members",
            ),
            D(2017, 11, 1),
            D(2018, 2, 28),
        ),
        (
            (
                "Registro público de casos de corrupción en datos abiertos",
                "Public register of corruption cases as open data",
            ),
            D(2018, 3, 1),
            D(2018, 12, 31),
        ),
        (
            (
                "Primer informe anual del observatorio con recomendaciones y respuestas",
                "First annual report of the observatory with recommendations and answers",
            ),
            D(2019, 1, 1),
            D(2019, 6, 30),
        ),
    ],
    contact_name="Itzel Batista",
    contact_title="Directora de Transparencia",
    contact_institution="ANTAI",
    contact_email="itzel.batista@example.org",
    contact_phone="+507 500-0000",
    contact_public=True,
    other_actors_government=("Ministerio Público", "Public Prosecutor's Office"),
    other_actors_others=(
        "Fundación para el Desarrollo de la Libertad Ciudadana; universidades",
        "Foundation for the Development of Citizen Freedom; universities",
    ),
)
PROPOSALS[2, C1].update(
    novelty="ongoing",
    milestones=[
        (
            (
                "Portal de proyectos de infraestructura con 40 datos por proyecto (estándar CoST)",
                "Infrastructure projects portal with 40 data points per project (CoST standard)",
            ),
            D(2017, 12, 1),
            D(2018, 12, 31),
        ),
        (
            (
                "Dos auditorías sociales de obras publicadas con sus respuestas",
                "Two social audits of works published with their answers",
            ),
            D(2019, 1, 1),
            D(2019, 12, 31),
        ),
    ],
    contact_name="Rubén Castillo",
    contact_title="Jefe de Planificación",
    contact_institution="MOP",
    contact_email="ruben.castillo@example.org",
    contact_phone="+507 500-0001",
    contact_public=False,
)

# Earlier saves of some drafts (Spanish only, as tables worked), before the final text above:
# (axis, slot) -> [(who, on, fields)], oldest first.
DRAFTS = {
    (1, C1): [
        (
            "cs",
            D(2017, 6, 13),
            {
                "title_es": "Observatorio ciudadano de la corrupción",
                "problem_es": (
                    "La ciudadanía no cuenta con un espacio para dar seguimiento a las denuncias "
                    "de corrupción. La información sobre las investigaciones está dispersa entre "
                    "varias instituciones."
                ),
                "commitment_es": (
                    "Crear un observatorio ciudadano que dé seguimiento a los casos de corrupción."
                ),
            },
        ),
        (
            "m1",
            D(2017, 6, 20),
            {
                "title_es": "Observatorio Ciudadano Anticorrupción",
                "problem_es": PROPOSALS[1, C1]["problem"][0],
                "commitment_es": (
                    "Crear un Observatorio Ciudadano Anticorrupción, integrado por organizaciones "
                    "de la sociedad civil y la academia, que monitoree y publique el estado de "
                    "los casos de corrupción."
                ),
            },
        ),
    ],
    (2, C1): [
        (
            "gov",
            D(2017, 6, 14),
            {
                "title_es": "Publicación de la información de las obras públicas",
                "problem_es": PROPOSALS[2, C1]["problem"][0],
                "commitment_es": (
                    "Publicar en datos abiertos la información de todo el ciclo de los proyectos "
                    "de infraestructura del Ministerio de Obras Públicas, siguiendo el estándar "
                    "de datos de CoST."
                ),
            },
        ),
    ],
    (3, C1): [
        (
            "cs",
            D(2017, 6, 15),
            {
                "title_es": "Datos abiertos de la Asamblea Nacional",
                "problem_es": (
                    "La ciudadanía no puede conocer con facilidad cómo vota cada diputado ni su "
                    "asistencia a las sesiones."
                ),
                "commitment_es": (
                    "Publicar en formato abierto las votaciones nominales y la asistencia de los "
                    "diputados al pleno."
                ),
            },
        ),
        (
            "m2",
            D(2017, 6, 22),
            {
                "title_es": "Asamblea abierta: datos abiertos de votaciones, asistencia y planilla",
                "problem_es": PROPOSALS[3, C1]["problem"][0],
                "commitment_es": (
                    "Publicar en formato abierto las votaciones nominales, la asistencia de los "
                    "diputados al pleno y a las comisiones y la planilla institucional."
                ),
            },
        ),
    ],
    (4, C2): [
        (
            "cs",
            D(2017, 6, 20),
            {
                "title_es": "Información sobre el agua potable",
                "problem_es": (
                    "Comunidades de varias provincias sufren interrupciones del suministro de "
                    "agua sin información oficial sobre los horarios de abastecimiento."
                ),
                "commitment_es": (
                    "Publicar los horarios e interrupciones del suministro de agua por sector."
                ),
            },
        ),
    ],
    (5, C1): [
        (
            "cs",
            D(2017, 6, 21),
            {
                "title_es": "Gabinetes Psicopedagógicos del MEDUCA",
                "problem_es": PROPOSALS[5, C1]["problem"][0],
                "commitment_es": (
                    "Publicar el directorio de los gabinetes psicopedagógicos y establecer un "
                    "procedimiento para que las familias soliciten atención."
                ),
            },
        ),
    ],
    (5, ALT): [
        (
            "m1",
            D(2017, 6, 28),
            {
                "title_es": "Escuela de Gobierno Abierto",
                "problem_es": PROPOSALS[5, ALT]["problem"][0],
                "commitment_es": (
                    "Crear una Escuela de Gobierno Abierto con cursos gratuitos para servidores "
                    "públicos sobre transparencia y acceso a la información."
                ),
            },
        ),
    ],
}

# Remarks inside the tables on their drafts: (axis, slot, who, on, text).
DRAFT_COMMENTS = [
    (
        1,
        C1,
        "m2",
        D(2017, 6, 16),
        "Propongo agregar una línea base: hoy no existe ningún registro público consolidado de "
        "casos.",
    ),
    (
        1,
        C1,
        "gov",
        D(2017, 6, 21),
        "La ANTAI puede dar el apoyo técnico; conviene que el observatorio lo dirija la sociedad "
        "civil para que sea independiente.",
    ),
    (
        3,
        C1,
        "m1",
        D(2017, 6, 19),
        "Incluyamos la planilla de la Asamblea: es lo que más piden las solicitudes de "
        "información.",
    ),
    (
        4,
        C2,
        "gov",
        D(2017, 6, 27),
        "El MINSA vigila la calidad del agua; podemos aportar los resultados de sus muestreos.",
    ),
    (
        5,
        ALT,
        "m3",
        D(2017, 7, 3),
        "Sugiero que los cursos también estén abiertos a la ciudadanía, no solo a los servidores "
        "públicos.",
    ),
]

# Step 9: (axis, slot) -> (who, on, lead, other organisations, objectives (es, en)).
ASSIGNMENTS = {
    (1, C1): (
        "gov",
        D(2017, 7, 18),
        "ANTAI",
        ["FLC", "MP"],
        (
            "Poner en funcionamiento un observatorio ciudadano que publique cada seis meses el "
            "estado de los casos de corrupción y emita recomendaciones a las instituciones.",
            "Run a citizen observatory that publishes the state of corruption cases every six "
            "months and issues recommendations to institutions.",
        ),
    ),
    (1, C2): (
        "gov",
        D(2017, 7, 18),
        "TE",
        ["FLC"],
        (
            "Dar seguimiento ciudadano al financiamiento de las campañas de las elecciones "
            "generales de 2019 con datos del Tribunal Electoral.",
            "Give citizens oversight of the financing of the 2019 general election campaigns, "
            "with data from the Electoral Tribunal.",
        ),
    ),
    (1, ALT): (
        "cs",
        D(2017, 7, 19),
        "MP",
        ["ANTAI"],
        (
            "Ofrecer un canal de denuncia confidencial con seguimiento en línea y proponer un "
            "protocolo de protección a denunciantes.",
            "Offer a confidential complaint channel with online tracking and propose a "
            "whistleblower protection protocol.",
        ),
    ),
    (2, C1): (
        "gov",
        D(2017, 7, 20),
        "MOP",
        ["DGCP", "FLC"],
        (
            "Publicar en datos abiertos el ciclo completo de las obras del MOP y rendir cuentas "
            "en audiencias públicas dos veces al año.",
            "Publish the MOP's works' whole cycle as open data and give account in public "
            "hearings twice a year.",
        ),
    ),
    (2, C2): (
        "gov",
        D(2017, 7, 20),
        "DGCP",
        ["ANTAI", "CCIAP"],
        (
            "Que todo evaluador de un acto público declare y publique la ausencia de conflictos "
            "de intereses.",
            "Have every evaluator of a procurement procedure declare and publish the absence of "
            "conflicts of interest.",
        ),
    ),
    (2, ALT): (
        "cs",
        D(2017, 7, 21),
        "DGCP",
        ["AIG"],
        (
            "Publicar los datos de PanamaCompra en el estándar OCDS con descarga masiva.",
            "Publish PanamaCompra's data in the OCDS standard with bulk download.",
        ),
    ),
    (3, C1): (
        "secretaria",
        D(2017, 7, 24),
        "AN",
        ["FLC"],
        (
            "Publicar cada mes en datos abiertos las votaciones, la asistencia y la planilla de "
            "la Asamblea Nacional.",
            "Publish the National Assembly's votes, attendance and payroll as open data every "
            "month.",
        ),
    ),
    (3, C2): (
        "secretaria",
        D(2017, 7, 24),
        "AN",
        ["AIG", "UP"],
        (
            "Consultar en línea los anteproyectos de ley y responder públicamente a los aportes.",
            "Consult on draft bills online and answer the input in public.",
        ),
    ),
    (3, ALT): (
        "cs",
        D(2017, 7, 25),
        "TE",
        [],
        (
            "Publicar durante la campaña de 2019 el financiamiento de las candidaturas a diputado.",
            "Publish the financing of candidacies for deputy during the 2019 campaign.",
        ),
    ),
    (4, C1): (
        "gov",
        D(2017, 7, 25),
        "ATTT",
        ["MEDUCA", "RCCH"],
        (
            "Poner a disposición de la ciudadanía un manual y una aplicación gratuitos sobre las "
            "normas de tránsito.",
            "Make a free handbook and app on the traffic rules available to citizens.",
        ),
    ),
    (4, C2): (
        "cs",
        D(2017, 7, 26),
        "IDAAN",
        ["MINSA", "RCCH"],
        (
            "Publicar la calidad del agua y los horarios de abastecimiento por sector, con un "
            "canal de reportes ciudadanos.",
            "Publish water quality and supply schedules by area, with a channel for citizens' "
            "reports.",
        ),
    ),
    (4, ALT): (
        "gov",
        D(2017, 7, 26),
        "MINSA",
        [],
        (
            "Que los pacientes sepan dónde hay existencias de los medicamentos que necesitan.",
            "Let patients know where the medicines they need are in stock.",
        ),
    ),
    (5, C1): (
        "gov",
        D(2017, 7, 27),
        "MEDUCA",
        ["UP"],
        (
            "Hacer pública la cobertura de los gabinetes psicopedagógicos y medir con las "
            "familias los tiempos de atención.",
            "Make the coverage of the psycho-pedagogical offices public and measure response "
            "times with families.",
        ),
    ),
    (5, C2): (
        "cs",
        D(2017, 7, 27),
        "MEDUCA",
        ["ANTAI", "FLC"],
        (
            "Incluir transparencia, acceso a la información, participación y ética pública en "
            "los programas de educación cívica.",
            "Include transparency, access to information, participation and public ethics in "
            "the civic education programmes.",
        ),
    ),
    (5, ALT): (
        "cs",
        D(2017, 7, 28),
        "ANTAI",
        ["UP", "MEDUCA"],
        (
            "Ofrecer cursos gratuitos y certificados de gobierno abierto a servidores públicos y "
            "ciudadanía.",
            "Offer free, certified open government courses to public servants and citizens.",
        ),
    ),
}

# Step 10. Counterproposals of the institutions that found a proposal not viable.
COUNTERPROPOSALS = {
    (3, ALT): {
        "title": (
            "Informes de financiamiento de las campañas de 2019 en datos abiertos",
            "2019 campaign financing reports as open data",
        ),
        "problem": (
            "Los informes de ingresos y gastos de las candidaturas que recibe el Tribunal "
            "Electoral son difíciles de consultar y comparar, por lo que la ciudadanía y la "
            "prensa casi no los usan.",
            "The candidacies' income and expense reports that the Electoral Tribunal receives are "
            "hard to consult and compare, so citizens and the press hardly use them.",
        ),
        "commitment": (
            "Publicar en datos abiertos, con un buscador por candidatura y por donante, los "
            "informes de ingresos y gastos de las candidaturas a diputado de las elecciones de "
            "2019, en cuanto el Tribunal los reciba en los plazos que fija la ley electoral.",
            "Publish as open data, searchable by candidacy and by donor, the income and expense "
            "reports of the candidacies for deputy in the 2019 election, as soon as the Tribunal "
            "receives them within the deadlines set by electoral law.",
        ),
        "contribution": (
            "Hace utilizables los datos que la ley ya exige, sin esperar una reforma, y permite "
            "contrastar lo informado con lo observado durante la campaña.",
            "Makes usable the data the law already requires, without waiting for a reform, and "
            "makes it possible to compare what was reported with what was seen during the "
            "campaign.",
        ),
        "relevance": (
            "Acceso a la información en datos abiertos y rendición de cuentas de partidos y "
            "candidaturas.",
            "Access to information as open data and accountability of parties and candidacies.",
        ),
        "additional_info": (
            "Con recursos del Tribunal Electoral. ODS 16, meta 16.5.",
            "Funded by the Electoral Tribunal. SDG 16, target 16.5.",
        ),
        "start_date": D(2018, 10, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, ACCOUNTABILITY],
    },
    (4, ALT): {
        "title": (
            "Abastecimiento de medicamentos esenciales en datos abiertos",
            "Supply of essential medicines as open data",
        ),
        "problem": (
            "No se publica información sobre el abastecimiento de medicamentos en la red del "
            "MINSA, y los pacientes no pueden saber si un medicamento esencial escasea en su "
            "región.",
            "No information on the supply of medicines in MINSA's network is published, and "
            "patients cannot know whether an essential medicine is short in their region.",
        ),
        "commitment": (
            "Publicar cada mes, en datos abiertos, el nivel de abastecimiento de los medicamentos "
            "esenciales en los almacenes regionales y hospitales del MINSA, con un canal para "
            "que los pacientes reporten faltantes.",
            "Publish every month, as open data, the supply level of essential medicines in "
            "MINSA's regional warehouses and hospitals, with a channel for patients to report "
            "shortages.",
        ),
        "contribution": (
            "Las regiones y la ciudadanía verán los faltantes a tiempo, y el MINSA podrá "
            "redistribuir existencias y planificar compras con esos datos y los reportes de los "
            "pacientes.",
            "Regions and citizens will see shortages in time, and MINSA will be able to "
            "redistribute stock and plan purchases with those data and patients' reports.",
        ),
        "relevance": (
            "Acceso a la información, participación de los pacientes mediante los reportes y "
            "rendición de cuentas sobre el abastecimiento.",
            "Access to information, patients' participation through their reports, and "
            "accountability for supply.",
        ),
        "additional_info": (
            "Con el sistema de inventario de los almacenes regionales del MINSA. La Caja de "
            "Seguro Social podrá sumarse en un plan posterior. ODS 3, meta 3.8.",
            "Uses the inventory system of MINSA's regional warehouses. The Social Security Fund "
            "may join in a later plan. SDG 3, target 3.8.",
        ),
        "start_date": D(2018, 3, 1),
        "end_date": D(2019, 12, 31),
        "ogp_values": [ACCESS, PARTICIPATION, ACCOUNTABILITY],
    },
}

# (axis, slot) -> (on, outcome, changes or reasons (es, en)). Not listed: still pending (the
# National Assembly and IDAAN had not answered when the demo stops).
REVIEWS = {
    (1, C1): (D(2017, 8, 4), "viable", None),
    (5, ALT): (D(2017, 8, 4), "viable", None),
    (5, C1): (
        D(2017, 8, 10),
        "viable_with_changes",
        (
            "Limitar la primera fase a las regiones escolares de Panamá Centro, Colón y Chiriquí, "
            "y medir los tiempos de respuesta a partir del año escolar 2019.",
            "Limit the first phase to the school regions of Panamá Centro, Colón and Chiriquí, "
            "and measure response times from the 2019 school year.",
        ),
    ),
    (5, C2): (D(2017, 8, 10), "viable", None),
    (2, C1): (D(2017, 8, 11), "viable", None),
    (4, C1): (D(2017, 8, 14), "viable", None),
    (2, C2): (
        D(2017, 8, 16),
        "viable_with_changes",
        (
            "Extender la declaración a los servidores que elaboran los pliegos de cargos, además "
            "de los evaluadores, y capacitar por fases, empezando por las veinte entidades con "
            "mayor volumen de compras.",
            "Extend the declaration to the officials who draft the tender specifications, not "
            "only the evaluators, and train in phases, starting with the twenty bodies with the "
            "largest volume of purchases.",
        ),
    ),
    (2, ALT): (D(2017, 8, 16), "viable", None),
    (1, C2): (
        D(2017, 8, 18),
        "viable_with_changes",
        (
            "El Tribunal entregará al observatorio los informes de ingresos y gastos que reciba "
            "conforme a la ley electoral; el seguimiento del uso de recursos del Estado "
            "corresponderá a las organizaciones del observatorio. Extender la fecha de término a "
            "diciembre de 2019, tras la entrega de los informes posteriores a la elección.",
            "The Tribunal will give the observatory the income and expense reports it receives "
            "under electoral law; monitoring the use of State resources will be the task of the "
            "observatory's organisations. Move the end date to December 2019, after the "
            "post-election reports are filed.",
        ),
    ),
    (3, ALT): (
        D(2017, 8, 18),
        "not_viable",
        (
            "Los plazos y la forma en que las candidaturas informan sus ingresos y gastos los "
            "fija la ley electoral: exigir su publicación en tiempo real durante la campaña "
            "requiere una reforma legal que no corresponde al Tribunal Electoral, y el registro "
            "en línea de movimientos no estará disponible para todas las candidaturas antes de "
            "las elecciones de 2019.",
            "Electoral law sets when and how candidacies report their income and expenses: "
            "requiring real-time publication during the campaign needs a legal reform that is "
            "not for the Electoral Tribunal to make, and online recording of transactions will "
            "not be available to every candidacy before the 2019 election.",
        ),
    ),
    (4, ALT): (
        D(2017, 8, 21),
        "not_viable",
        (
            "El MINSA no administra los inventarios de la Caja de Seguro Social, y sus propias "
            "instalaciones aún no cuentan con un sistema de inventario en línea: publicar "
            "existencias en tiempo real en todas las instalaciones del país no es posible en el "
            "periodo del plan.",
            "MINSA does not manage the Social Security Fund's inventories, and its own facilities "
            "do not yet have an online inventory system: publishing real-time stock for every "
            "facility in the country is not possible within the plan's period.",
        ),
    ),
    (1, ALT): (
        D(2017, 8, 22),
        "viable_with_changes",
        (
            "El canal debe integrarse al sistema de denuncias en línea del Ministerio Público en "
            "lugar de ser una plataforma aparte; el protocolo de protección se presentará como "
            "anteproyecto de ley, porque su adopción depende de la Asamblea Nacional.",
            "The channel must be part of the Public Prosecutor's Office's online complaints "
            "system rather than a separate platform; the protection protocol will be presented "
            "as a draft bill, because adopting it is up to the National Assembly.",
        ),
    ),
}

# Public comments: (axis, slot, citizen, (on, hour), text, answer or None, hidden or None).
# answer: (who, on, text); who is a leader of the proposal's table or "secretaria".
# hidden: (on, public reason).
PUBLIC_COMMENTS = [
    (
        1,
        C1,
        "yariela.ortega",
        (D(2017, 7, 18), 19),
        "Es importante que el observatorio tenga presencia en las provincias. En Chiriquí hay "
        "organizaciones dispuestas a participar.",
        (
            "cs",
            D(2017, 7, 20),
            "Gracias. La mesa propone que el observatorio sume organizaciones de todas las "
            "provincias; lo tendremos en cuenta al desarrollar el compromiso.",
        ),
        None,
    ),
    (
        2,
        C1,
        "katia.rodriguez",
        (D(2017, 7, 19), 8),
        "Pido que se publiquen también las adendas de las obras que ya están en ejecución, no "
        "solo las de las obras nuevas.",
        (
            "gov",
            D(2017, 7, 21),
            "De acuerdo: el estándar de CoST cubre las obras en ejecución. Lo trasladamos al MOP "
            "para la definición de los hitos.",
        ),
        None,
    ),
    (
        4,
        C1,
        "dayanara.pinzon",
        (D(2017, 7, 20), 21),
        "La aplicación debería funcionar sin conexión a internet: en muchas zonas rurales no hay "
        "buena señal.",
        (
            "gov",
            D(2017, 7, 24),
            "Buena observación. La incluiremos como requisito de la aplicación cuando la ATTT "
            "desarrolle el compromiso.",
        ),
        None,
    ),
    (
        1,
        C1,
        "manuel.deleon",
        (D(2017, 7, 24), 12),
        "¿Quién financiará el observatorio? Si depende de la ANTAI, ¿será independiente?",
        (
            "secretaria",
            D(2017, 7, 27),
            "La propuesta prevé que el observatorio lo dirijan organizaciones de la sociedad "
            "civil; la ANTAI solo da apoyo técnico. El financiamiento se definirá con las "
            "instituciones responsables al desarrollar los compromisos (paso 12).",
        ),
        None,
    ),
    (
        4,
        C2,
        "luis.guerra",
        (D(2017, 7, 25), 20),
        "En mi barriada de Chepo el agua llega turbia desde hace meses. Si el IDAAN quiere "
        "detalles, llámenme al 6612-4590.",
        None,
        (
            D(2017, 7, 26),
            "El comentario incluía un número de teléfono personal. Para proteger los datos "
            "personales no publicamos teléfonos ni correos; puede volver a comentar sin ese dato.",
        ),
    ),
    (
        4,
        C2,
        "luis.guerra",
        (D(2017, 7, 26), 18),
        "En mi barriada de Chepo el agua llega turbia desde hace meses y nadie informa los "
        "resultados de los análisis. Apoyo esta propuesta.",
        None,
        None,
    ),
    (
        5,
        ALT,
        "dayanara.pinzon",
        (D(2017, 8, 2), 9),
        "¿Los cursos de la Escuela de Gobierno Abierto serán también para líderes comunitarios "
        "de las comarcas?",
        (
            "secretaria",
            D(2017, 8, 3),
            "Sí. La escuela tendrá cursos virtuales abiertos a toda la ciudadanía y la ANTAI "
            "propondrá sesiones presenciales en las comarcas.",
        ),
        None,
    ),
    (
        5,
        C2,
        "manuel.deleon",
        (D(2017, 8, 3), 16),
        "Que los contenidos incluyan cómo hacer una solicitud de acceso a la información; muchos "
        "jóvenes no saben que es un derecho.",
        (
            "cs",
            D(2017, 8, 4),
            "Así lo propone la mesa: el acceso a la información será uno de los contenidos del "
            "plan actualizado.",
        ),
        None,
    ),
    (
        3,
        C1,
        "katia.rodriguez",
        (D(2017, 8, 8), 10),
        "¿Por qué la Asamblea Nacional todavía no ha respondido? Es la institución que más "
        "necesita abrir sus datos.",
        (
            "secretaria",
            D(2017, 8, 10),
            "La revisión de viabilidad está abierta hasta el 25 de agosto de 2017. La ANTAI ha "
            "pedido a la Asamblea Nacional su respuesta y publicará el resultado en esta página.",
        ),
        None,
    ),
    (
        4,
        ALT,
        "yariela.ortega",
        (D(2017, 8, 24), 17),
        "Lamento que no sea viable, pero la contrapropuesta al menos permitirá saber qué falta en "
        "los almacenes. Ojalá se incluya a la CSS más adelante.",
        None,
        None,
    ),
]
