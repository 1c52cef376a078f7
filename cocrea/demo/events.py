"""The events of Panama's 2017 cycle for the demo: commission meetings, outreach across provinces,
trainings and working-table sessions, with attendance and minutes, through the same actions the
workspace uses. Also the Open Government section's first news. People are fictional."""

import datetime

from django.db import transaction
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.events import actions
from cocrea.events.models import Event
from cocrea.news.actions import publish_news
from cocrea.organisations.models import Organisation, Region
from cocrea.organisations.queries import regions_of

from .plans import _backdate

K = Event.Kind
OK = Organisation.Kind

FIRST = [
    "Ana",
    "Luis",
    "Carmen",
    "José",
    "Itzel",
    "Rubén",
    "Yariela",
    "Abdiel",
    "Marta",
    "Édgar",
    "Lourdes",
    "Omar",
    "Nidia",
    "Iván",
    "Keila",
    "Héctor",
]
LAST = [
    "González",
    "Rodríguez",
    "Batista",
    "Castillo",
    "Pitti",
    "Samudio",
    "Vergara",
    "Jaén",
    "Quintero",
    "Atencio",
    "Caballero",
    "Ríos",
    "Sánchez",
    "Muñoz",
]
ORGS = {
    OK.CIVIL_SOCIETY: [
        "Fundación Pro Transparencia",
        "Red de Juventudes",
        "Asociación de Usuarios",
    ],
    OK.PUBLIC_INSTITUTION: ["Municipio", "Gobernación", "Regional de Salud"],
    OK.ACADEMIA: ["Centro Regional Universitario"],
    OK.PRIVATE_SECTOR: ["Cámara de Comercio"],
}
KINDS_CYCLE = [
    OK.CIVIL_SOCIETY,
    OK.PUBLIC_INSTITUTION,
    OK.CIVIL_SOCIETY,
    OK.ACADEMIA,
    OK.PRIVATE_SECTOR,
    OK.CIVIL_SOCIETY,
    OK.PUBLIC_INSTITUTION,
    "",
]

# kind, date, hour, region code, venue, title es, title en, attendees, decisions [(es, en)]
EVENTS = [
    (
        K.COMMISSION_MEETING,
        (2017, 2, 15),
        10,
        "PA",
        "ANTAI, Balboa, Ancón",
        "Sesión ordinaria de la Comisión de Gobierno Abierto",
        "Ordinary meeting of the Open Government Commission",
        9,
        [
            (
                "Se adopta la metodología de co-creación del tercer plan.",
                "Co-creation methodology adopted.",
            ),
            (
                "La ANTAI presentará un programa de trabajo en marzo.",
                "ANTAI will present a work programme in March.",
            ),
        ],
    ),
    (
        K.COMMISSION_MEETING,
        (2017, 3, 24),
        10,
        "PA",
        "ANTAI, Balboa, Ancón",
        "Sesión de la Comisión: ejes temáticos y programa de trabajo",
        "Commission meeting: thematic axes and work programme",
        10,
        [
            (
                "Se adoptan los cinco ejes temáticos del plan.",
                "The five thematic axes of the plan adopted.",
            ),
            (
                "Se aprueba publicar la versión 1 del programa de trabajo.",
                "Version 1 of the work programme approved for publication.",
            ),
        ],
    ),
    (
        K.TRAINING,
        (2017, 4, 5),
        9,
        "PA",
        "Auditorio de la ANTAI",
        "Capacitación de líderes de mesa",
        "Training for table leaders",
        14,
        [],
    ),
    (
        K.OUTREACH,
        (2017, 4, 24),
        9,
        "CH",
        "Gobernación de Chiriquí, David",
        "Jornada de divulgación en Chiriquí",
        "Outreach day in Chiriquí",
        18,
        [],
    ),
    (
        K.OUTREACH,
        (2017, 5, 3),
        9,
        "CO",
        "Centro Regional Universitario de Colón",
        "Jornada de divulgación en Colón",
        "Outreach day in Colón",
        15,
        [],
    ),
    (
        K.OUTREACH,
        (2017, 5, 10),
        9,
        "VR",
        "Universidad de Panamá, Santiago de Veraguas",
        "Jornada de divulgación en Veraguas",
        "Outreach day in Veraguas",
        16,
        [],
    ),
    (
        K.COMMISSION_MEETING,
        (2017, 5, 18),
        10,
        "PA",
        "ANTAI, Balboa, Ancón",
        "Sesión de la Comisión: reprogramación y mesas",
        "Commission meeting: new schedule and tables",
        8,
        [
            (
                "Se aprueba la versión 2 del programa de trabajo.",
                "Version 2 of the work programme approved.",
            ),
            (
                "Se conforman cinco mesas de trabajo, una por eje.",
                "Five working tables formed, one per axis.",
            ),
        ],
    ),
    (
        K.OUTREACH,
        (2017, 5, 24),
        9,
        "HE",
        "Casa de la Cultura, Chitré",
        "Jornada de divulgación en Herrera y Los Santos",
        "Outreach day in Herrera and Los Santos",
        12,
        [],
    ),
    (
        K.TRAINING,
        (2017, 5, 29),
        9,
        "PA",
        "Hotel Sheraton, Ciudad de Panamá",
        "Capacitación técnica: cómo redactar un compromiso",
        "Technical training: how to draft a commitment",
        22,
        [],
    ),
    (
        K.TRAINING,
        (2017, 5, 31),
        9,
        "CH",
        "Cámara de Comercio de Chiriquí, David",
        "Capacitación técnica en David",
        "Technical training in David",
        13,
        [],
    ),
    (
        K.OUTREACH,
        (2017, 6, 7),
        9,
        "PO",
        "Municipio de La Chorrera",
        "Jornada de divulgación en Panamá Oeste",
        "Outreach day in Panamá Oeste",
        11,
        [],
    ),
]
TABLE_SESSIONS = [  # axis, date
    (1, (2017, 6, 13)),
    (2, (2017, 6, 14)),
    (3, (2017, 6, 15)),
    (4, (2017, 6, 20)),
    (5, (2017, 6, 21)),
]
NEWS = [
    (
        (2017, 2, 16),
        "Panamá inicia la co-creación de su tercer plan de acción",
        "Panama starts co-creating its third action plan",
        "La Comisión de Gobierno Abierto adoptó la metodología del proceso.",
        "The Open Government Commission adopted the methodology of the process.",
    ),
    (
        (2017, 4, 20),
        "Jornadas de divulgación en las provincias",
        "Outreach days in the provinces",
        "De abril a junio, la ANTAI visita Chiriquí, Colón, Veraguas, Herrera y Panamá Oeste.",
        "From April to June, ANTAI visits Chiriquí, Colón, Veraguas, Herrera and Panamá Oeste.",
    ),
    (
        (2017, 6, 1),
        "Abiertas las mesas de trabajo",
        "The working tables are open",
        "Cinco mesas, una por eje, redactarán las propuestas de compromiso.",
        "Five tables, one per axis, will draft the commitment proposals.",
    ),
]


def _at(day: tuple, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*day, hour))


def _attendees(officer, event, count: int, region: Region, regions: dict, seed: int) -> None:
    for i in range(count):
        n = seed * 7 + i
        kind = KINDS_CYCLE[n % len(KINDS_CYCLE)]
        org = f"{ORGS[kind][n % len(ORGS[kind])]} ({region.name})" if kind else ""
        # Most people come from the province of the event; some travel from the capital.
        where = region if i % 5 else regions["PA"]
        actions.add_walk_in(
            event,
            by=officer,
            name=f"{FIRST[n % len(FIRST)]} {LAST[(n * 3) % len(LAST)]}",
            organisation_name=org,
            organisation_kind=kind,
            region=where,
            name_public=i % 3 == 0,
        )


def _table_leaders_attend(officer, event) -> None:
    """The seed's step 7: experts train the table leaders (recorded by their account e-mail)."""
    from cocrea.tables.models import TableMember

    leaders = TableMember.objects.filter(table__plan=event.plan, is_leader=True).select_related(
        "user", "user__organisation"
    )
    for member in leaders:
        user = member.user
        actions.add_walk_in(
            event,
            by=officer,
            name=user.display_name,
            email=user.email,
            organisation_name=user.organisation.name if user.organisation else "",
            organisation_kind=user.organisation.kind if user.organisation else "",
            region=user.organisation.region if user.organisation else None,
            name_public=True,
        )


@transaction.atomic
def load_events_demo(plan) -> bool:
    """Add the 2017 events to the demo plan (once). Returns whether anything was created."""
    if plan.events.exists():
        return False
    officer = plan.roles.get(role="secretariat").user
    regions = {r.code: r for r in regions_of(plan)}
    axes = {axis.number: axis for axis in plan.axes.all()}
    rows = list(EVENTS)
    for number, day in TABLE_SESSIONS:
        axis = axes.get(number)
        name_es = axis.name_es if axis else str(number)
        name_en = axis.name_en if axis else str(number)
        rows.append(
            (
                K.TABLE_SESSION,
                day,
                14,
                "PA",
                "ANTAI, Balboa, Ancón",
                f"Mesa {number}: {name_es}, primera sesión",
                f"Table {number}: {name_en}, first session",
                9,
                [
                    (
                        f"La mesa {number} prioriza tres problemas públicos del eje.",
                        f"Table {number} prioritises three public problems of its axis.",
                    )
                ],
            )
        )
    rows.sort(key=lambda row: row[1])
    for seed, (kind, day, hour, code, venue, title_es, title_en, count, decisions) in enumerate(
        rows
    ):
        region = regions[code]
        axis = table = None
        if kind == K.TABLE_SESSION:
            axis = axes.get(int(title_es.split()[1].rstrip(":")))
            # The participation demo, when loaded first, has made one table per axis.
            table = plan.tables.filter(axes=axis).order_by("number").first() if axis else None
        event = actions.create_event(
            plan,
            by=officer,
            kind=kind,
            title_es=title_es,
            title_en=title_en,
            description_es=f"{title_es}. Convoca: ANTAI.",
            description_en=f"{title_en}. Convened by ANTAI.",
            agenda_es="1. Bienvenida\n2. Presentación\n3. Trabajo en grupos\n4. Acuerdos",
            agenda_en="1. Welcome\n2. Presentation\n3. Group work\n4. Agreements",
            starts_at=_at(day, hour),
            ends_at=_at(day, hour + 3),
            venue=venue,
            region=region,
            axis=axis,
            working_table=table,
            organiser="ANTAI",
            published=True,
        )
        _attendees(officer, event, count, region, regions, seed)
        if kind == K.TRAINING:
            _table_leaders_attend(officer, event)
        actions.record_minutes(
            event,
            by=officer,
            minutes_es=f"Se celebró «{title_es}» con {count} participantes en {venue}.",
            minutes_en=f"«{title_en}» was held with {count} participants at {venue}.",
            decisions=decisions,
            published_on=datetime.date(*day) + datetime.timedelta(days=3),
        )
        _backdate(plan, datetime.date(*day), hour)
    for day, title_es, title_en, body_es, body_en in NEWS:
        publish_news(
            plan,
            by=SYSTEM if officer is None else officer,
            published_on=datetime.date(*day),
            title_es=title_es,
            title_en=title_en,
            summary_es=body_es,
            summary_en=body_en,
            body_es=body_es,
            body_en=body_en,
        )
        _backdate(plan, datetime.date(*day))
    return True
