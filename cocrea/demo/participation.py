"""Participation in the demo (Panama 2017): requirements, the open call with a few hundred
registrations, invitations, leaders and members of the five tables, and liaisons of the cycle's
institutions. Fictional people, e-mails on demo.cocrea.invalid; deterministic (fixed seed)."""

import datetime
import random

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cocrea.organisations.models import Organisation
from cocrea.organisations.queries import organisations_of, regions_of
from cocrea.participation import actions
from cocrea.participation.models import (
    PURPOSES,
    ConsentRecord,
    Invitation,
    OpenCall,
    PrivacyNotice,
    Registration,
    Requirement,
    Sector,
)
from cocrea.plans.models import ActionPlan
from cocrea.tables.actions import create_default_tables

from .plans import _backdate
from .plans_data import PROGRESS, SCHEDULE_V2

# Panama's privacy notice: the legal basis of the demo plan's data (Law 81 of 2019).
NOTICE = {
    "legal_basis_es": "Ley 81 de 26 de marzo de 2019 de Panamá, sobre protección de datos "
    "personales, y su reglamento (Decreto Ejecutivo 285 de 2021).",
    "legal_basis_en": "Panama's Law 81 of 26 March 2019 on personal data protection, and its "
    "regulation (Executive Decree 285 of 2021).",
    "text_es": "La Autoridad Nacional de Transparencia y Acceso a la Información (ANTAI) conserva "
    "los datos que usted proporciona aquí para organizar la cocreación del plan de acción, y para "
    "nada más.\n\nConservamos sus datos hasta que termine el plan de acción y luego los "
    "eliminamos.",
    "text_en": "The National Authority for Transparency and Access to Information (ANTAI) keeps "
    "the data you give here to organise the co-creation of the action plan, and for nothing "
    "else.\n\nWe keep your data until the action plan ends, then erase them.",
}

SEED = 2017
REGISTRATIONS = 320
DOMAIN = "demo.cocrea.invalid"

REQUIREMENTS = [
    (
        "Representa a una organización legalmente constituida o a una institución pública",
        "Represents a legally constituted organisation or a public institution",
        Requirement.AppliesTo.BOTH,
    ),
    (
        "Experiencia demostrable en el eje temático de la mesa",
        "Demonstrable experience in the table's thematic axis",
        Requirement.AppliesTo.LEADERS,
    ),
    (
        "Disponibilidad para asistir a la capacitación técnica y a las sesiones",
        "Available to attend the technical training and the sessions",
        Requirement.AppliesTo.LEADERS,
    ),
]

FIRST = [
    "Ana",
    "Luis",
    "María",
    "Carlos",
    "Yaneth",
    "Jorge",
    "Itzel",
    "Rubén",
    "Edith",
    "Omar",
    "Damaris",
    "Abdiel",
    "Katherine",
    "Eric",
    "Lourdes",
    "Iván",
    "Massiel",
    "Alexis",
    "Nadia",
    "Ricardo",
    "Aracelly",
    "Félix",
    "Zuleika",
    "Gilberto",
]
LAST = [
    "González",
    "Rodríguez",
    "Pérez",
    "Sánchez",
    "Castillo",
    "Batista",
    "Vergara",
    "Samudio",
    "Quintero",
    "Mendoza",
    "Pinto",
    "Ríos",
    "Herrera",
    "Jaén",
    "Bonilla",
    "Caballero",
    "Díaz",
    "Araúz",
    "Guerra",
    "Montenegro",
]
ORGS = {
    Sector.CIVIL_SOCIETY: ["Fundación Ciudad Abierta", "Red de Jóvenes", "Asociación de Vecinos"],
    Sector.ACADEMIA: ["Universidad Tecnológica", "Universidad Autónoma de Chiriquí"],
    Sector.PRIVATE_SECTOR: ["Cámara de Comercio local", "Asociación de Pymes"],
    Sector.GOVERNMENT: ["Municipio", "Gobernación"],
    Sector.INTERNATIONAL: ["Agencia de cooperación"],
    Sector.CITIZEN: [""],
}
SECTOR_WEIGHTS = [
    (Sector.CITIZEN, 30),
    (Sector.CIVIL_SOCIETY, 28),
    (Sector.ACADEMIA, 12),
    (Sector.PRIVATE_SECTOR, 10),
    (Sector.GOVERNMENT, 17),
    (Sector.INTERNATIONAL, 3),
]

# Leaders of the five tables: (axis, government leader, civil-society leader).
# A leader: (username-ish, full name, organisation acronym)
LEADERS = {
    1: (("lider-gob-1", "Rosa Elena Pitti", "ANTAI"), ("lider-sc-1", "Tomás Barría", "FLC")),
    2: (("lider-gob-2", "Julio Cedeño", "DGCP"), ("lider-sc-2", "Inés Almengor", "CCIAP")),
    3: (("lider-gob-3", "Marta Ábrego", "AN"), ("lider-sc-3", "Héctor Vásquez", "FLC")),
    4: (("lider-gob-4", "Edwin Saavedra", "MINSA"), ("lider-sc-4", "Gladys Nieto", "RCCH")),
    5: (("lider-gob-5", "Olga Bernal", "MEDUCA"), ("lider", "Marisol Cedeño", "UP")),
}

# Institutions of the 2017 cycle not in the plans demo.
MORE_INSTITUTIONS = [
    ("AN", "Asamblea Nacional", "National Assembly"),
    ("MP", "Ministerio Público", "Public Prosecutor's Office"),
    ("IDAAN", "Instituto de Acueductos y Alcantarillados Nacionales", "National Water Institute"),
]

# axis, institution, head, answer (designate: liaison (username, name) / decline: reason / None)
LIAISONS = [
    (1, "MP", "Procuraduría General", ("enlace-mp", "Valeria Castrellón")),
    (1, "AIG", "Administración General", ("enlace-aig", "Moisés Ortega")),
    (2, "DGCP", "Dirección General", ("enlace-dgcp", "Patricia Lay")),
    (2, "MEF", "Despacho del Ministro", ("enlace", "Carmen Vergara")),
    (3, "AN", "Secretaría General", "La Asamblea designará su enlace tras el receso legislativo."),
    (4, "MINSA", "Eduardo Pinzón", None),
    (4, "IDAAN", "Dirección Ejecutiva", ("enlace-idaan", "Rigoberto Acosta")),
    (5, "MEDUCA", "Despacho de la Ministra", ("enlace-meduca", "Elvia Castro")),
]

MEMBERS_PER_TABLE = 8


def _email(username: str) -> str:
    return f"{username}@{DOMAIN}"


def _weighted(rng, pairs):
    return rng.choices([p for p, _w in pairs], weights=[w for _p, w in pairs])[0]


def load_participation_demo(plan: ActionPlan) -> bool:
    """Add participation to the demo plan (once). Returns whether anything was created."""
    if OpenCall.objects.filter(plan=plan).exists():
        return False
    # The demo sends nothing: its mail (sent when the transaction commits, so the override must
    # enclose the transaction) stays in memory instead of flooding the console.
    locmem = "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
        _load(plan)
    return True


def _load(plan: ActionPlan) -> None:
    rng = random.Random(SEED)
    officer = plan.roles.get(role="secretariat").user
    for acronym, name_es, name_en in MORE_INSTITUTIONS:
        Organisation.objects.get_or_create(
            jurisdiction=plan.jurisdiction,
            acronym=acronym,
            defaults={"name_es": name_es, "name_en": name_en, "kind": "public_institution"},
        )
    orgs = {o.acronym: o for o in organisations_of(plan).exclude(acronym="")}
    regions = list(regions_of(plan).order_by("code"))
    capital = next(r for r in regions if r.is_capital)
    axes = list(plan.axes.order_by("number"))

    requirements = [
        actions.add_requirement(plan, by=officer, text_es=es, text_en=en, applies_to=to)
        for es, en, to in REQUIREMENTS
    ]
    # Panama 2017-2019 formed one table per axis: tables keyed by the number of their axis.
    create_default_tables(plan, by=officer)
    tables = {
        axis.number: table
        for table in plan.tables.prefetch_related("axes")
        for axis in table.axes.all()
    }
    _backdate(plan, datetime.date(2017, 5, 18))

    # Leaders: invited, accepted, verified and confirmed.
    for number, pair in LEADERS.items():
        for side, (username, name, acronym) in zip(
            (Invitation.Side.GOVERNMENT, Invitation.Side.CIVIL_SOCIETY), pair, strict=True
        ):
            invitation = actions.send_invitation(
                plan,
                by=officer,
                full_name=name,
                email=_email(username),
                side=side,
                purpose=Invitation.Purpose.LEAD,
                table=tables.get(number),
                organisation=orgs.get(acronym),
            )
            actions.respond_invitation(invitation.link_token, by=officer, accept=True)
            actions.confirm_invitation(
                Invitation.objects.get(pk=invitation.pk), by=officer, verified=requirements
            )
    # A few invitations to take part, in every state the secretariat sees.
    for i, (acronym, outcome) in enumerate(
        [("UP", "sent"), ("CCIAP", "accepted"), ("RCCH", "declined"), ("PNUD", "sent")]
    ):
        invitation = actions.send_invitation(
            plan,
            by=officer,
            full_name=f"{FIRST[i + 3]} {LAST[i + 5]}",
            email=_email(f"invitado-{i + 1}"),
            side=Invitation.Side.CIVIL_SOCIETY,
            purpose=Invitation.Purpose.TAKE_PART,
            table=tables.get(i + 1),
            organisation=orgs.get(acronym),
        )
        if outcome != "sent":
            actions.respond_invitation(
                invitation.link_token,
                by=officer,
                accept=outcome == "accepted",
                reason="Sin disponibilidad en esas fechas." if outcome == "declined" else "",
            )

    _backdate(plan, datetime.date(2017, 5, 29))

    # The open call runs exactly while its step did (17 April - 19 May 2017): the demo replays
    # a finished call, it does not keep one open on today's clock.
    call_start, call_end = PROGRESS["open-call"]
    opens = timezone.make_aware(datetime.datetime.combine(call_start, datetime.time(8)))
    closes = timezone.make_aware(datetime.datetime.combine(call_end, datetime.time(17)))
    notice = actions.publish_notice(plan, by=officer, **NOTICE)
    PrivacyNotice.objects.filter(pk=notice.pk).update(
        published_at=opens - datetime.timedelta(days=1)
    )
    notice.refresh_from_db()
    actions.publish_call(
        plan,
        by=officer,
        title_es="Convocatoria abierta: mesas de trabajo del Plan de Acción 2017-2019",
        title_en="Open call: working tables of the 2017-2019 Action Plan",
        text_es=(
            "La ANTAI y la Comisión de Gobierno Abierto invitan a la ciudadanía, organizaciones "
            "de la sociedad civil, academia, sector privado e instituciones a inscribirse en las "
            "mesas de trabajo que elaborarán las propuestas de compromisos."
        ),
        text_en=(
            "ANTAI and the Open Government Commission invite citizens, civil-society "
            "organisations, academia, the private sector and institutions to register for the "
            "working tables that will draft the commitment proposals."
        ),
        channels_es=(
            "Sitio web de la ANTAI\nRedes sociales\nRadio Nacional\nCorreo a organizaciones"
        ),
        channels_en="ANTAI website\nSocial media\nRadio Nacional\nE-mail to organisations",
        opens_at=opens,
        closes_at=closes,
    )

    _backdate(plan, call_start - datetime.timedelta(days=3))

    # A few hundred registrations, spread over provinces and sectors (bulk: no mail, no log).
    statuses = [
        (Registration.Status.CONFIRMED, 85),
        (Registration.Status.UNCONFIRMED, 9),
        (Registration.Status.WITHDRAWN, 3),
        (Registration.Status.ERASED, 3),
    ]
    rows = []
    for n in range(REGISTRATIONS):
        sector = _weighted(rng, SECTOR_WEIGHTS)
        status = _weighted(rng, statuses)
        region = capital if rng.random() < 0.45 else rng.choice(regions)
        # Registered while the call was open, confirmed two hours later, before it closed.
        span = int((closes - opens).total_seconds() // 60) - 3 * 60
        when = opens + datetime.timedelta(minutes=rng.randrange(0, span))
        erased = status == Registration.Status.ERASED
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        org = rng.choice(ORGS[sector])
        rows.append(
            Registration(
                plan=plan,
                full_name="" if erased else name,
                email="" if erased else _email(f"registro-{n + 1:03d}"),
                phone="" if erased or n % 3 else f"6{rng.randrange(100, 999)}-{n:04d}",
                organisation_name="" if erased else (f"{org} ({region.name})" if org else ""),
                sector=sector,
                region=region,
                heard_from="" if erased else rng.choice(Registration.HeardFrom.values),
                accessibility="" if erased or n % 17 else "Intérprete de lengua de señas",
                status=status,
                confirmed_at=when + datetime.timedelta(hours=2)
                if status in (Registration.Status.CONFIRMED, Registration.Status.WITHDRAWN)
                else None,
            )
        )
    created = Registration.objects.bulk_create(rows)
    Through = Registration.axes.through
    Registration.objects.filter(pk__in=[r.pk for r in created]).update(created_at=opens)
    links, consents = [], []
    for r in created:
        for axis in rng.sample(axes, k=rng.randint(1, min(2, len(axes)))) if axes else []:
            links.append(Through(registration_id=r.pk, axis_id=axis.pk))
        if r.status != Registration.Status.ERASED:
            consents.append(
                ConsentRecord(
                    registration=r,
                    plan=plan,
                    notice=notice,
                    notice_version=str(notice.version),
                    purposes=sorted(PURPOSES),
                    given_at=r.confirmed_at or opens,
                    revoked_at=r.confirmed_at + datetime.timedelta(days=3)
                    if r.status == Registration.Status.WITHDRAWN
                    else None,
                )
            )
    Through.objects.bulk_create(links)
    ConsentRecord.objects.bulk_create(consents)

    # Members: confirmed registrants interested in each table's axis.
    for _number, table in sorted(tables.items()):
        chosen = (
            Registration.objects.filter(
                plan=plan, status=Registration.Status.CONFIRMED, axes__in=table.axes.all()
            )
            .distinct()
            .exclude(sector=Sector.GOVERNMENT)
            .order_by("pk")[:MEMBERS_PER_TABLE]
        )
        for registration in chosen:
            actions.add_registrant(table, registration, by=officer)

    _backdate(plan, datetime.date(2017, 7, 17))

    # Liaisons of the cycle's institutions, asked for at the start of their step and due by its
    # planned end.
    asked_on, due = PROGRESS["liaisons"][0], SCHEDULE_V2["liaisons"][1]
    for number, acronym, head, answer in LIAISONS:
        axis = next(a for a in axes if a.number == number)
        request = actions.request_liaison(
            plan,
            by=officer,
            axis=axis,
            institution=orgs[acronym],
            head_name=head,
            head_email=_email("autoridad" if acronym == "MINSA" else f"titular-{acronym.lower()}"),
            due_on=due,
        )
        if isinstance(answer, tuple):
            username, name = answer
            actions.respond_liaison_request(
                request.link_token,
                by=officer,
                designate=True,
                full_name=name,
                email=_email(username),
                position="Enlace institucional",
            )
        elif isinstance(answer, str):
            actions.respond_liaison_request(
                request.link_token, by=officer, designate=False, reason=answer
            )
    _backdate(plan, asked_on)
