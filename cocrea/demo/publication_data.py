"""The 2017-2019 plan's document, its drafts, OGP's review and its publication (steps 13-17):
the sections written by ANTAI, the dates of each version, the public and OGP comments and what
was done with them, the delivery and the presentation."""

import datetime as dt

D = dt.date

# The sections of the document written by the secretariat: kind -> ((title es, en), (body es, en)).
# The Spanish is written for draft 0.1, the English for the final version (TRANSLATED_ON).
SECTIONS = {
    "introduction": (
        ("Introducción", "Introduction"),
        (
            "Panamá se adhirió a la Alianza para el Gobierno Abierto (AGA) en 2012. Este es su "
            "tercer Plan de Acción Nacional de Gobierno Abierto, para el periodo 2017-2019, "
            "co-creado por la Autoridad Nacional de Transparencia y Acceso a la Información "
            "(ANTAI) con la Comisión de Gobierno Abierto (CGA), las instituciones públicas y la "
            "sociedad civil.\n\n"
            "Cinco mesas de trabajo abordaron cinco ejes temáticos: anticorrupción, "
            "contrataciones públicas, transparencia parlamentaria, mejoramiento de los servicios "
            "públicos (transporte, salud y agua) y educación. El plan reúne los nueve compromisos "
            "que la CGA seleccionó de sus propuestas. Cada compromiso tiene una "
            "institución responsable, hitos con fechas y productos verificables, y será "
            "seguido públicamente durante su implementación.",
            "Panama joined the Open Government Partnership (OGP) in 2012. This is its third "
            "National Open Government Action Plan, for 2017-2019, co-created by the National "
            "Authority for Transparency and Access to Information (ANTAI) with the Open "
            "Government Commission (CGA), public institutions and civil society.\n\n"
            "Five working tables addressed five thematic axes: anti-corruption, public "
            "procurement, parliamentary transparency, better public services (transport, health "
            "and water) and education. The plan brings together the nine commitments the CGA "
            "selected from their proposals. Each commitment has a responsible "
            "institution and milestones with dates and verifiable outputs, and will be tracked "
            "in public during its implementation.",
        ),
    ),
    "context": (
        ("Contexto del gobierno abierto en Panamá", "Open government in Panama"),
        (
            "La Ley 6 de 2002 reconoce el derecho de acceso a la información pública y la Ley 33 "
            "de 2013 creó la ANTAI como autoridad de transparencia, encargada también de "
            "coordinar los compromisos de gobierno abierto del país. Los dos planes anteriores "
            "abrieron datos y procesos de la administración; la ciudadanía pidió en este ciclo "
            "seguimiento a los casos de corrupción, transparencia en la inversión pública y "
            "mejores servicios en el interior del país.\n\n"
            "La Comisión de Gobierno Abierto, integrada por representantes del gobierno y de la "
            "sociedad civil, es el foro multiactor que acordó los ejes, la metodología de "
            "selección y la selección de los compromisos de este plan.",
            "Law 6 of 2002 recognises the right of access to public information and Law 33 of "
            "2013 created ANTAI as the transparency authority, which also coordinates the "
            "country's open government commitments. The two previous plans opened data and "
            "processes of the administration; in this cycle citizens asked for follow-up of "
            "corruption cases, transparency in public investment and better services outside "
            "the capital.\n\n"
            "The Open Government Commission, made up of representatives of government and civil "
            "society, is the multi-stakeholder forum that agreed the axes, the selection "
            "methodology and the selection of this plan's commitments.",
        ),
    ),
    "process": (
        ("El proceso de co-creación", "The co-creation process"),
        (
            "El proceso siguió el programa de trabajo publicado por la ANTAI (versión 2): "
            "reuniones de la CGA, convocatoria abierta, enlaces institucionales, actividades de "
            "difusión y capacitación, cinco mesas de trabajo que redactaron las propuestas en el "
            "formato de la AGA, la revisión de su viabilidad por las instituciones, la selección "
            "por la CGA según una metodología publicada de antemano y el desarrollo de los "
            "compromisos. Las cifras y la cronología siguientes provienen de los registros del "
            "proceso.",
            "The process followed the work programme published by ANTAI (version 2): CGA "
            "meetings, an open call, institutional liaisons, outreach and training, five working "
            "tables that drafted the proposals in OGP's template, the institutions' viability "
            "review, the CGA's selection by a methodology published beforehand and the "
            "development of the commitments. The figures and chronology below come from the "
            "process's records.",
        ),
    ),
}

# Step 13, the draft: the sections written, draft 0.1 issued, citizens comment on its parts.
DRAFT_STEP = "draft"
DRAFT_OPEN = D(2017, 10, 9)
SECTIONS_WRITTEN = D(2017, 10, 9)
DRAFT_1 = (
    D(2017, 10, 10),
    "Primer borrador del plan, con los nueve compromisos desarrollados por las mesas de trabajo.",
)
DRAFT_CLOSE = D(2017, 10, 20)

# Comments on draft 0.1: (citizen, day, anchor, comment, (day answered, answer)).
DRAFT_COMMENTS = [
    (
        "yariela.ortega",
        D(2017, 10, 12),
        "commitment:6",
        "¿Los informes de calidad del agua se publicarán por corregimiento? En Arraiján y La "
        "Chorrera los cortes son frecuentes y los datos por provincia no sirven a los vecinos.",
        (
            D(2017, 10, 18),
            "Gracias. El IDAAN publicará los resultados por sistema de abastecimiento, que es la "
            "unidad en que se toman las muestras; el hito de la plataforma incluirá un mapa para "
            "consultarlos por corregimiento.",
        ),
    ),
    (
        "manuel.deleon",
        D(2017, 10, 13),
        "section:context",
        "El contexto debería mencionar que en los planes anteriores varios compromisos quedaron "
        "sin completar, para que el seguimiento de este plan sea más exigente.",
        (
            D(2017, 10, 18),
            "Tomamos nota. El seguimiento público de cada hito, con su avance y sus evidencias, "
            "responde a esa preocupación; los informes del Mecanismo de Revisión Independiente "
            "sobre los planes anteriores se enlazan en el repositorio de documentos.",
        ),
    ),
    (
        "katia.rodriguez",
        D(2017, 10, 16),
        "commitment:8",
        "Propongo que el plan de educación cívica se pruebe primero en escuelas del interior, no "
        "solo en la ciudad de Panamá.",
        (
            D(2017, 10, 19),
            "El MEDUCA acoge la propuesta: la prueba piloto incluirá escuelas de Coclé y Veraguas "
            "además de las de la Región Escolar de Panamá Centro.",
        ),
    ),
]

# Step 14, the OGP Support Unit's review of draft 0.1.
REVIEW_STEP = "support-unit-review"
REVIEW_OPEN = D(2017, 10, 23)
REVIEW_DUE = D(2017, 11, 1)
REVIEW_MESSAGE = (
    "Estimado equipo de la Unidad de Apoyo: les enviamos el borrador 0.1 del tercer plan de "
    "acción de Panamá para su revisión de forma. Agradecemos sus comentarios antes del 1 de "
    "noviembre."
)
REVIEW_CLOSE = D(2017, 11, 3)

# The reviewer's comments: key -> (day, anchor, comment). What was done with them: RESOLUTIONS.
REVIEW_COMMENTS = {
    "format": (
        D(2017, 10, 25),
        "document",
        "The draft follows the 2017 commitment template well. Please add the OGP values each "
        "commitment is relevant to, and make sure every commitment names a contact person at the "
        "lead institution before the final version.",
    ),
    "milestones": (
        D(2017, 10, 26),
        "commitment:1",
        "Several milestones of this commitment describe activities rather than verifiable "
        "outputs (e.g. 'coordination meetings'). Milestones should state a measurable result "
        "with its date, so the IRM can assess completion.",
    ),
    "sdg": (
        D(2017, 10, 27),
        "section:introduction",
        "Each commitment lists its Sustainable Development Goals, but the narrative does not. "
        "Consider saying in a sentence how the plan contributes to the 2030 Agenda.",
    ),
    "translation": (
        D(2017, 10, 30),
        "document",
        "OGP asks for the plan in English as well as in Spanish. The introduction, the context "
        "and the process are in Spanish only; please complete their English text before the "
        "final delivery.",
    ),
}

# Step 16 (final adjustments): draft 0.2 with the changes, the round's comments resolved, its
# report published; the English completed and the final version issued.
ADJUSTMENTS_STEP = "final-adjustments"
ADJUSTMENTS_OPEN = D(2017, 11, 6)
DRAFT_2 = (
    D(2017, 11, 8),
    "Segundo borrador: atiende los comentarios de la Unidad de Apoyo de la AGA (proceso y "
    "seguimiento de los compromisos) y los de la consulta pública.",
)
# What the secretariat did: key -> (day, status, resolution, the version that holds the change).
RESOLUTIONS = {
    "format": (
        D(2017, 11, 8),
        "addressed",
        "The process section now says how each commitment's lead institution names a contact "
        "person and records the OGP values of its commitment for the follow-up.",
        "0.2",
    ),
    "milestones": (
        D(2017, 11, 8),
        "declined",
        "The milestones were agreed by the working table and the lead institution, and selected "
        "by the CGA as they are; each one already has dates and a responsible institution. The "
        "table will be asked to state the outputs when reporting progress.",
        None,
    ),
    "sdg": (
        D(2017, 11, 8),
        "addressed",
        "The process section states the SDGs the commitments contribute to.",
        "0.2",
    ),
    "translation": (
        D(2017, 11, 22),
        "addressed",
        "The three sections were translated into English for the final version 1.0.",
        "1.0",
    ),
}
REPORT_PUBLISHED = D(2017, 11, 23)

# The paragraph the secretariat adds to the process section for draft 0.2 (es, en).
PROCESS_ADDITION = (
    "\n\nCada institución responsable designa a una persona de contacto para su compromiso y "
    "registra los valores de la AGA a los que contribuye (acceso a la información, participación "
    "ciudadana, rendición de cuentas, tecnología e innovación). Los compromisos contribuyen a la "
    "Agenda 2030 sobre todo por el Objetivo de Desarrollo Sostenible 16 (paz, justicia e "
    "instituciones sólidas), el 4 (educación de calidad) y el 6 (agua limpia y saneamiento).",
    "\n\nEach lead institution names a contact person for its commitment and records the OGP "
    "values it contributes to (access to information, civic participation, public "
    "accountability, technology and innovation). The commitments contribute to the 2030 Agenda "
    "above all through Sustainable Development Goal 16 (peace, justice and strong "
    "institutions), 4 (quality education) and 6 (clean water and sanitation).",
)
# Drafts 0.1 and 0.2 have the sections in Spanish only; their English is written in the final
# adjustments (SECTIONS' English, and PROCESS_ADDITION's).
TRANSLATED_ON = D(2017, 11, 17)
FINAL = (D(2017, 11, 22), "Versión final para su entrega a la AGA, en español e inglés.")
ADJUSTMENTS_CLOSE = D(2017, 11, 24)

# Step 15-17: the delivery to OGP and the presentation.
DELIVERY_STEP = "final-delivery"
DELIVERED_ON = D(2017, 11, 30)
RECIPIENT = "Unidad de Apoyo de la AGA"
DELIVERY_NOTE = "Enviado por correo electrónico a la Unidad de Apoyo, con copia a la CGA."
PRESENTATION_STEP = "presentation"
PRESENTATION_OPEN = D(2017, 12, 5)
PRESENTATION = {
    "day": D(2017, 12, 12),
    "hour": 10,
    "title_es": "Presentación del Tercer Plan de Acción Nacional de Gobierno Abierto 2017-2019",
    "title_en": "Presentation of the Third National Open Government Action Plan 2017-2019",
    "description_es": "La ANTAI y la Comisión de Gobierno Abierto presentan el plan a la "
    "ciudadanía, con las instituciones responsables de sus nueve compromisos.",
    "description_en": "ANTAI and the Open Government Commission present the plan to the public, "
    "with the institutions responsible for its nine commitments.",
    "minutes_es": "Se presentó el plan y sus nueve compromisos. Cada institución responsable "
    "expuso su primer hito; la CGA recordó los mecanismos de seguimiento público.",
    "minutes_en": "The plan and its nine commitments were presented. Each lead institution "
    "outlined its first milestone; the CGA recalled the public follow-up mechanisms.",
    "venue": "ANTAI, Balboa, Ancón",
}
PUBLISHED_ON = D(2017, 12, 12)
PRESENTATION_CLOSE = D(2017, 12, 15)
