"""The benchmark's data at scale: `manage.py scale_data --factor 100 --seed 1` adds, on top of the
demo, a dataset `factor`/100 times the size of the one `make bench-scale` measures (at 100:
5 plans, 520 events, 20,000 registrations, 2,000 documents, 500 news, 50 tables with 5,000
members, 1,500 proposals with 15,000 revisions, 1,000 reviews, 20,000 comments, 100,000 log
rows, 10,000 users).

Rows are written with `bulk_create` in batches, not through the actions: it is a load generator,
not a history. The same factor and seed give the same rows (texts, choices, dates, tokens).
Most rows go to the demo's 2017-2019 plan and to three earlier-looking plans it adds (never the
site's current plan), so the measured pages of the 2017 plan hold their share of the data.

A log row (verb `demo.scale_data`, not public) records the factor and seed: a second run with
the same ones changes nothing; with others it refuses (start from an empty database)."""

from __future__ import annotations

import datetime
import math
import random
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from cocrea.core.log_verbs import declared_verbs
from cocrea.core.models import ActionLog
from cocrea.documents.models import DocType, Document
from cocrea.events.models import Event
from cocrea.events.models import Registration as EventRegistration
from cocrea.news.models import NewsItem
from cocrea.organisations.models import Organisation, Region
from cocrea.participation.models import Registration as CallRegistration
from cocrea.participation.models import Sector
from cocrea.plans.models import ActionPlan, Axis, Step
from cocrea.proposals.models import (
    Proposal,
    ProposalRevision,
    PublicComment,
    ResponsibleInstitution,
    ViabilityReview,
    slot_names,
)
from cocrea.proposals.revisions import snapshot
from cocrea.tables.models import TableMember, WorkingTable

from . import plans_data
from .actions import SCALE_DATA, record_scale_data
from .participation import FIRST, LAST

BATCH = 2000
DOMAIN = "escala.cocrea.invalid"

# The rows added at factor 100 (the demo itself is left as it is and adds its own few).
FULL = {
    "plans": 3,  # with the demo's two: 5
    "users": 10_000,
    "events": 520,
    "event_registrations": 10_000,
    "call_registrations": 10_000,  # with the events': 20,000 registrations
    "documents": 2_000,
    "news": 500,
    "tables": 50,
    "members": 5_000,
    "proposals": 1_500,
    "revisions": 15_000,
    "reviews": 1_000,
    "comments": 20_000,
    "log_rows": 100_000,
}

# The plans added: the year their co-creation ran (the demo's ran in 2017).
PLAN_YEARS = [2019, 2021, 2023, 2025, 2013, 2015]
AXES_PER_NEW_PLAN = 6
# N and M of the plans added: 7 slots per axis, 42 per table covering the six axes.
NEW_PLAN_N, NEW_PLAN_M = 5, 2

TOPICS = [
    ("Datos abiertos", "Open data"),
    ("Transparencia fiscal", "Fiscal transparency"),
    ("Participación ciudadana", "Citizen participation"),
    ("Integridad pública", "Public integrity"),
    ("Justicia abierta", "Open justice"),
    ("Salud", "Health"),
    ("Educación", "Education"),
    ("Agua y saneamiento", "Water and sanitation"),
    ("Ambiente", "Environment"),
    ("Municipios abiertos", "Open municipalities"),
    ("Contrataciones públicas", "Public procurement"),
    ("Acceso a la información", "Access to information"),
]
PLACES = ["Ciudad de Panamá", "Colón", "David", "Santiago", "Chitré", "Penonomé", "Las Tablas"]
EVENT_KINDS = [
    (Event.Kind.OUTREACH, "Jornada de difusión", "Outreach day"),
    (Event.Kind.TRAINING, "Capacitación", "Training"),
    (Event.Kind.TABLE_SESSION, "Sesión de mesa", "Table session"),
    (Event.Kind.COMMISSION_MEETING, "Reunión de la comisión", "Commission meeting"),
    (Event.Kind.PRESENTATION, "Presentación", "Presentation"),
]
DOC_TYPES = [DocType.MINUTES, DocType.ATTENDANCE, DocType.TRAINING, DocType.REPORT, DocType.OTHER]
SECTORS = [s for s in Sector.values if s != Sector.GOVERNMENT] + [Sector.GOVERNMENT]
ORG_KINDS = list(Organisation.Kind.values)
OUTCOMES = [
    ViabilityReview.Outcome.VIABLE,
    ViabilityReview.Outcome.VIABLE_WITH_CHANGES,
    ViabilityReview.Outcome.NOT_VIABLE,
    ViabilityReview.Outcome.PENDING,
]
COMMENTS = [
    "Apoyo la propuesta; convendría publicar los avances cada trimestre.",
    "¿Qué institución rinde cuentas si el hito se retrasa?",
    "Falta incluir a las comarcas en la consulta.",
    "Los datos deberían publicarse en formato abierto y con licencia libre.",
    "Sugiero una meta medible para el primer año.",
    "Excelente iniciativa, ojalá tenga presupuesto asignado.",
]
ANSWER = "Gracias: la mesa lo tendrá en cuenta en la versión final."
# The log rows' verbs and what they point at.
LOG_VERBS = [
    ("proposals.comment_proposal", "proposal"),
    ("proposals.update_proposal", "proposal"),
    ("events.register", "event"),
    ("events.publish_event", "event"),
    ("documents.upload_document", "document"),
    ("news.publish_news", "news"),
    ("tables.add_member", "table"),
]


class ScaleDataError(Exception):
    """The database holds no demo, or data made with another factor or seed."""


def counts(factor: float) -> dict[str, int]:
    """How many rows of each kind `factor` adds: FULL × factor / 100, rounded half up, at
    least one; reviews never outnumber proposals."""
    found = {name: max(1, math.floor(n * factor / 100 + 0.5)) for name, n in FULL.items()}
    found["reviews"] = min(found["reviews"], found["proposals"])
    return found


def built_with() -> dict | None:
    """The factor and seed the scale data in the database was built with (None: not built)."""
    row = ActionLog.objects.filter(verb=SCALE_DATA).order_by("id").first()
    return row.data if row else None


def _batches(rows: Iterable, size: int = BATCH) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(model, rows: Iterable) -> list:
    made = []
    for batch in _batches(rows):
        made.extend(model.objects.bulk_create(batch))
    return made


@contextmanager
def _dates_as_given(*models_: type[models.Model]):
    """Let bulk_create keep the given created/updated times (auto_now(_add) would set now)."""
    saved = []
    for model in models_:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                saved.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _aware(day: datetime.date, minutes: int = 600) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=minutes)
    return timezone.make_aware(naive, datetime.UTC)


@dataclass
class _Plan:
    plan: ActionPlan
    year: int  # when its co-creation ran

    def day(self, rng: random.Random, first_month: int = 2, last_month: int = 11):
        start = datetime.date(self.year, first_month, 1)
        end = datetime.date(self.year, last_month, 28)
        return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


class Generator:
    def __init__(self, factor: float, seed: int):
        self.factor = factor
        self.seed = seed
        self.n = counts(factor)
        self.rng = random.Random(seed)
        self.made: dict[str, int] = {}

    # --- helpers ---

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {self.rng.choice(LAST)}"

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _spread(self, total: int, buckets: list):
        """`total` items over `buckets` round robin: yields (index, bucket)."""
        for i in range(total):
            yield i, buckets[i % len(buckets)]

    # --- the steps ---

    def run(self) -> dict[str, int]:
        demo = ActionPlan.objects.filter(slug=plans_data.PLAN["slug"]).first()
        if demo is None:
            raise ScaleDataError(
                "The demo's 2017-2019 plan is missing: run `manage.py demo` first."
            )
        self.institutions = list(
            Organisation.objects.filter(
                jurisdiction=demo.jurisdiction, kind=Organisation.Kind.PUBLIC_INSTITUTION
            ).order_by("id")
        )
        self.regions = list(Region.objects.filter(jurisdiction=demo.jurisdiction).order_by("id"))
        with _dates_as_given(
            ActionLog, Event, EventRegistration, CallRegistration, Document, NewsItem,
            WorkingTable, TableMember, Proposal, ProposalRevision, PublicComment,
            ViabilityReview, ActionPlan, Step,
        ):  # fmt: skip
            self.plans = [_Plan(demo, 2017), *self._plans(demo)]
            self._users()
            self._events()
            self._call_registrations()
            self._documents()
            self._news()
            self._tables()
            self._members()
            self._proposals()
            self._revisions()
            self._reviews()
            self._comments()
            self._log()
        return self.made

    def _plans(self, demo: ActionPlan) -> list[_Plan]:
        made = []
        steps = list(demo.steps.order_by("number", "id"))
        for i in range(self.n["plans"]):
            year = PLAN_YEARS[i % len(PLAN_YEARS)] + 12 * (i // len(PLAN_YEARS))
            shift = datetime.timedelta(days=round((year - 2017) * 365.25))
            created = _aware(datetime.date(year, 1, 15))
            plan = ActionPlan.objects.create(
                country=demo.country,
                country_code=demo.country_code,
                slug=f"escala-{year + 1}-{year + 3}",
                title_es=f"Plan de acción de gobierno abierto {year + 1}-{year + 3} (escala)",
                title_en=f"Open government action plan {year + 1}-{year + 3} (scale)",
                summary_es="Un plan generado para medir el sitio con muchos datos.",
                summary_en="A plan generated to measure the site with much data.",
                period_start=datetime.date(year + 1, 1, 1),
                period_end=datetime.date(year + 3, 6, 30),
                jurisdiction=demo.jurisdiction,
                lead_agency=demo.lead_agency,
                languages=demo.languages,
                default_language=demo.default_language,
                max_commitments=15,
                commitments_per_table_axis=NEW_PLAN_N,
                alternates_per_table_axis=NEW_PLAN_M,
                template_version=demo.template_version,
                contact_name=demo.contact_name,
                contact_email=demo.contact_email,
                created_at=created,
                updated_at=created,
            )
            Axis.objects.bulk_create(
                Axis(plan=plan, number=n, name_es=TOPICS[n - 1][0], name_en=TOPICS[n - 1][1])
                for n in range(1, AXES_PER_NEW_PLAN + 1)
            )

            def moved(day, shift=shift):
                return day + shift if day else None

            _insert(
                Step,
                (
                    Step(
                        plan=plan,
                        key=step.key,
                        number=step.number,
                        title_es=step.title_es,
                        title_en=step.title_en,
                        responsible_es=step.responsible_es,
                        responsible_en=step.responsible_en,
                        planned_start=moved(step.planned_start),
                        planned_end=moved(step.planned_end),
                        actual_start=moved(step.actual_start),
                        actual_end=moved(step.actual_end),
                        status=Step.Status.CLOSED,
                        capabilities=step.capabilities,
                        created_at=created,
                        updated_at=created,
                    )
                    for step in steps
                ),
            )
            made.append(_Plan(plan, year))
        self.made["plans"] = len(made)
        return made

    def _users(self) -> None:
        User = get_user_model()
        first = User.objects.filter(username__startswith="escala-").count() + 1
        rows = []
        for n in range(first, first + self.n["users"]):
            rows.append(
                User(
                    username=f"escala-{n:05d}",
                    email=f"persona{n:05d}@{DOMAIN}",
                    full_name=self._name(),
                    password="!" + uuid.UUID(int=self.rng.getrandbits(128)).hex,
                    organisation=self.rng.choice(self.institutions) if n % 4 == 0 else None,
                    date_joined=_aware(datetime.date(2017, 1, 2)),
                )
            )
        self.users = _insert(User, rows)
        self.made["users"] = len(self.users)

    def _events(self) -> None:
        rows = []
        for i, target in self._spread(self.n["events"], self.plans):
            kind, title_es, title_en = EVENT_KINDS[i % len(EVENT_KINDS)]
            topic = TOPICS[self.rng.randrange(len(TOPICS))]
            day = target.day(self.rng)
            starts = _aware(day, 9 * 60 + 30 * self.rng.randrange(16))
            place = self.rng.choice(PLACES)
            rows.append(
                Event(
                    plan=target.plan,
                    kind=kind,
                    title_es=f"{title_es}: {topic[0]} ({place})",
                    title_en=f"{title_en}: {topic[1]} ({place})",
                    description_es=f"{title_es} sobre {topic[0].lower()} en {place}.",
                    description_en=f"{title_en} on {topic[1].lower()} in {place}.",
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    venue=f"Salón de reuniones, {place}",
                    region=self.rng.choice(self.regions) if self.regions else None,
                    organiser="ANTAI",
                    status=Event.Status.HELD,
                    published=True,
                    capacity=self.rng.choice([None, 40, 60, 100]),
                    created_at=starts - datetime.timedelta(days=20),
                    updated_at=starts,
                )
            )
        self.events = _insert(Event, rows)
        self.made["events"] = len(self.events)

    def _event_registrations(self) -> Iterator[EventRegistration]:
        for i, event in self._spread(self.n["event_registrations"], self.events):
            n = i + 1
            created = event.starts_at - datetime.timedelta(days=1 + self.rng.randrange(14))
            public = self.rng.random() < 0.3
            yield EventRegistration(
                event=event,
                name=self._name(),
                email=f"asistente{n:06d}@{DOMAIN}",
                organisation_name=self.rng.choice(["", "Fundación Ciudad Abierta", "Municipio"]),
                organisation_kind=self.rng.choice(ORG_KINDS),
                region=self.rng.choice(self.regions) if self.regions else None,
                status=EventRegistration.Status.CONFIRMED,
                name_public=public,
                name_public_at=created if public else None,
                attended=self.rng.random() < 0.7,
                token=self._uuid(),
                confirmed_at=created,
                created_at=created,
                updated_at=created,
            )

    def _call_registrations(self) -> None:
        made = _insert(EventRegistration, self._event_registrations())
        self.made["event_registrations"] = len(made)
        rows = []
        for i, target in self._spread(self.n["call_registrations"], self.plans):
            n = i + 1
            created = _aware(target.day(self.rng, 2, 4), 8 * 60 + self.rng.randrange(600))
            sector = self.rng.choice(SECTORS)
            rows.append(
                CallRegistration(
                    plan=target.plan,
                    full_name=self._name(),
                    email=f"convocatoria{n:06d}@{DOMAIN}",
                    organisation_name="" if sector == Sector.CITIZEN else "Red de Jóvenes",
                    sector=sector,
                    region=self.rng.choice(self.regions) if self.regions else None,
                    heard_from=self.rng.choice(CallRegistration.HeardFrom.values),
                    status=CallRegistration.Status.CONFIRMED,
                    confirmed_at=created + datetime.timedelta(hours=1),
                    created_at=created,
                    updated_at=created,
                )
            )
        made = _insert(CallRegistration, rows)
        self.made["call_registrations"] = len(made)

    def _documents(self) -> None:
        rows = []
        for i, target in self._spread(self.n["documents"], self.plans):
            n = i + 1
            doc_type = DOC_TYPES[i % len(DOC_TYPES)]
            topic = TOPICS[self.rng.randrange(len(TOPICS))]
            day = target.day(self.rng)
            rows.append(
                Document(
                    plan=target.plan,
                    title_es=f"{DocType(doc_type).label} {n}: {topic[0]}",
                    title_en=f"{topic[1]} ({n})",
                    doc_type=doc_type,
                    published_on=day,
                    file=f"documents/{day.year}/escala-{n:05d}.pdf",
                    original_name=f"escala-{n:05d}.pdf",
                    content_type="application/pdf",
                    size=20_000 + self.rng.randrange(2_000_000),
                    checksum=uuid.UUID(int=self.rng.getrandbits(128)).hex * 2,
                    created_at=_aware(day),
                    updated_at=_aware(day),
                )
            )
        self.made["documents"] = len(_insert(Document, rows))

    def _news(self) -> None:
        rows = []
        for i, target in self._spread(self.n["news"], self.plans):
            topic = TOPICS[self.rng.randrange(len(TOPICS))]
            day = target.day(self.rng)
            rows.append(
                NewsItem(
                    plan=target.plan,
                    title_es=f"Avanza la mesa de {topic[0].lower()} ({i + 1})",
                    title_en=f"The {topic[1].lower()} table moves on ({i + 1})",
                    summary_es="La mesa acordó su calendario de sesiones.",
                    summary_en="The table agreed on its calendar of sessions.",
                    body_es="La mesa de trabajo se reunió y acordó los próximos pasos.",
                    body_en="The working table met and agreed on the next steps.",
                    published_on=day,
                    created_at=_aware(day),
                    updated_at=_aware(day),
                )
            )
        self.made["news"] = len(_insert(NewsItem, rows))

    def _tables(self) -> None:
        rows = []
        next_number = {
            target.plan.pk: (target.plan.tables.aggregate(n=models.Max("number"))["n"] or 0) + 1
            for target in self.plans
        }
        for _i, target in self._spread(self.n["tables"], self.plans):
            number = next_number[target.plan.pk]
            next_number[target.plan.pk] += 1
            topic = TOPICS[(number - 1) % len(TOPICS)]
            created = _aware(datetime.date(target.year, 4, 1))
            rows.append(
                WorkingTable(
                    plan=target.plan,
                    number=number,
                    name_es=f"Mesa {number}: {topic[0]}",
                    name_en=f"Table {number}: {topic[1]}",
                    created_at=created,
                    updated_at=created,
                )
            )
        self.tables = _insert(WorkingTable, rows)
        # Each table covers every axis of its plan.
        Through = WorkingTable.axes.through
        axes = {t.plan.pk: list(t.plan.axes.order_by("number")) for t in self.plans}
        _insert(
            Through,
            (
                Through(workingtable_id=table.pk, axis_id=axis.pk)
                for table in self.tables
                for axis in axes[table.plan_id]
            ),
        )
        self.axes = axes
        self.made["tables"] = len(self.tables)

    def _members(self) -> None:
        """Members spread over every table of the plans (the demo's too), leaders first."""
        plan_ids = [t.plan.pk for t in self.plans]
        tables = list(WorkingTable.objects.filter(plan_id__in=plan_ids).order_by("plan", "number"))
        taken = set(TableMember.objects.filter(table__in=tables).values_list("table_id", "user_id"))
        self.members_of: dict[int, list[int]] = {}
        rows = []
        cursor = 0
        for i, table in self._spread(self.n["members"], tables):
            while True:
                user = self.users[cursor % len(self.users)]
                cursor += 1
                if (table.pk, user.pk) not in taken:
                    break
            taken.add((table.pk, user.pk))
            leader = table.pk not in self.members_of and table in self.tables
            self.members_of.setdefault(table.pk, []).append(user.pk)
            side = TableMember.Side.CIVIL_SOCIETY if i % 3 else TableMember.Side.GOVERNMENT
            sector = (
                Sector.GOVERNMENT
                if side == TableMember.Side.GOVERNMENT
                else (self.rng.choice(SECTORS[:-1]))
            )
            rows.append(
                TableMember(
                    table=table,
                    user=user,
                    is_leader=leader,
                    side=side,
                    sector=sector,
                    source=TableMember.Source.REGISTRATION,
                    created_at=table.created_at,
                    updated_at=table.created_at,
                )
            )
        self.made["members"] = len(_insert(TableMember, rows))

    def _proposals(self) -> None:
        """Submitted proposals, round robin over the tables added, in their free slots."""
        by_plan = {t.plan.pk: t for t in self.plans}
        free = {}
        for table in self.tables:
            plan = by_plan[table.plan_id].plan
            free[table.pk] = [
                (axis, slot) for axis in self.axes[plan.pk] for slot in slot_names(plan)
            ]
        capacity = sum(len(slots) for slots in free.values())
        if capacity < self.n["proposals"]:
            raise ScaleDataError(
                f"{self.n['proposals']} proposals do not fit the {capacity} slots of "
                f"{len(self.tables)} tables."
            )
        rows = []
        tables = list(self.tables)
        i = 0
        while len(rows) < self.n["proposals"]:
            table = tables[i % len(tables)]
            i += 1
            if not free[table.pk]:
                continue
            axis, slot = free[table.pk].pop(0)
            target = by_plan[table.plan_id]
            topic = TOPICS[(axis.number - 1) % len(TOPICS)]
            n = len(rows) + 1
            submitted = _aware(datetime.date(target.year, 7, 1), self.rng.randrange(20_000))
            rows.append(
                Proposal(
                    plan=target.plan,
                    working_table=table,
                    axis=axis,
                    slot=slot,
                    template_version=target.plan.template_version,
                    status=Proposal.Status.SUBMITTED,
                    submitted_at=submitted,
                    title_es=f"{topic[0]}: compromiso {n} de la mesa {table.number}",
                    title_en=f"{topic[1]}: commitment {n} of table {table.number}",
                    brief_description_es=f"Mejorar {topic[0].lower()} con metas públicas.",
                    problem_es="La información existe pero no se publica a tiempo.",
                    commitment_es="Publicar los datos cada trimestre y rendir cuentas.",
                    results_es="Datos abiertos verificables por la ciudadanía.",
                    objectives_es="Que la ciudadanía pueda seguir el avance.",
                    start_date=datetime.date(target.year + 1, 1, 1),
                    end_date=datetime.date(target.year + 3, 6, 30),
                    ogp_values=["access_to_information"],
                    created_at=submitted - datetime.timedelta(days=30),
                    updated_at=submitted,
                )
            )
        self.proposals = _insert(Proposal, rows)
        self.made["proposals"] = len(self.proposals)

    def _revisions(self) -> None:
        total, proposals = self.n["revisions"], self.proposals
        base, extra = divmod(total, len(proposals))
        rows = []
        for i, proposal in enumerate(proposals):
            final = snapshot(proposal, milestones=[])
            members = self.members_of.get(proposal.working_table_id) or [None]
            k = base + (1 if i < extra else 0)
            for number in range(1, k + 1):
                snap = dict(final)
                if number < k:
                    snap["title_es"] = f"{final.get('title_es', '')} (borrador {number})"
                rows.append(
                    ProposalRevision(
                        proposal=proposal,
                        number=number,
                        author_id=members[number % len(members)],
                        created_at=proposal.created_at + datetime.timedelta(hours=number),
                        snapshot=snap,
                    )
                )
        self.made["revisions"] = len(_insert(ProposalRevision, rows))

    def _reviews(self) -> None:
        reviewed = self.proposals[: self.n["reviews"]]
        leads, reviews = [], []
        for proposal in reviewed:
            institution = self.rng.choice(self.institutions)
            outcome = self.rng.choice(OUTCOMES)
            due = proposal.submitted_at.date() + datetime.timedelta(days=21)
            done = outcome != ViabilityReview.Outcome.PENDING
            leads.append(
                ResponsibleInstitution(proposal=proposal, organisation=institution, is_lead=True)
            )
            reviews.append(
                ViabilityReview(
                    proposal=proposal,
                    institution=institution,
                    due_on=due,
                    outcome=outcome,
                    changes_es="Ajustar el calendario de hitos."
                    if outcome == ViabilityReview.Outcome.VIABLE_WITH_CHANGES
                    else "",
                    reasons_es="No hay presupuesto asignado."
                    if outcome == ViabilityReview.Outcome.NOT_VIABLE
                    else "",
                    reviewed_at=_aware(due, 600) if done else None,
                    created_at=proposal.submitted_at,
                    updated_at=proposal.submitted_at,
                )
            )
        _insert(ResponsibleInstitution, leads)
        self.made["reviews"] = len(_insert(ViabilityReview, reviews))

    def _comments(self) -> None:
        """Comments on every submitted proposal of the plans (the demo's too)."""
        plan_ids = [t.plan.pk for t in self.plans]
        proposals = list(
            Proposal.objects.filter(plan_id__in=plan_ids, status=Proposal.Status.SUBMITTED)
            .order_by("id")
            .only("id", "submitted_at")
        )
        rows = []
        for i, proposal in self._spread(self.n["comments"], proposals):
            author = self.users[self.rng.randrange(len(self.users))]
            when = (proposal.submitted_at or timezone.now()) + datetime.timedelta(
                minutes=10 + self.rng.randrange(40_000)
            )
            answered = i % 5 == 0
            rows.append(
                PublicComment(
                    proposal=proposal,
                    author=author,
                    author_name=author.full_name,
                    body=self.rng.choice(COMMENTS),
                    created_at=when,
                    answer=ANSWER if answered else "",
                    answered_by_name="Secretaría técnica" if answered else "",
                    answered_at=when + datetime.timedelta(days=2) if answered else None,
                )
            )
        self.made["comments"] = len(_insert(PublicComment, rows))

    def _log(self) -> None:
        declared = declared_verbs()
        missing = [verb for verb, _kind in LOG_VERBS if verb not in declared]
        assert not missing, f"undeclared verbs: {missing}"
        targets = {
            "proposal": self.proposals,
            "event": self.events,
            "document": list(
                Document.objects.filter(plan__in=[t.plan for t in self.plans]).order_by("-id")[
                    : self.made["documents"]
                ]
            ),
            "news": list(NewsItem.objects.order_by("-id")[: self.made["news"]]),
            "table": self.tables,
        }
        types = {kind: ContentType.objects.get_for_model(objs[0]) for kind, objs in targets.items()}
        rows = []
        for i in range(self.n["log_rows"]):
            verb, kind = LOG_VERBS[i % len(LOG_VERBS)]
            obj = targets[kind][self.rng.randrange(len(targets[kind]))]
            actor = self.users[self.rng.randrange(len(self.users))]
            year = next(t.year for t in self.plans if t.plan.pk == obj.plan_id)
            when = _aware(datetime.date(year, 2, 1), self.rng.randrange(300 * 24 * 60))
            rows.append(
                ActionLog(
                    actor=actor,
                    actor_name=actor.full_name,
                    verb=verb,
                    plan_id=obj.plan_id,
                    target_type=types[kind],
                    target_id=str(obj.pk),
                    target_repr=str(obj)[:300],
                    created_at=when,
                )
            )
        self.made["log_rows"] = len(_insert(ActionLog, rows))


@transaction.atomic
def build(factor: float, seed: int) -> dict[str, int] | None:
    """Add the scale data; None when it is already there with this factor and seed."""
    if not 0 < factor <= 1000:
        raise ScaleDataError(f"The factor must be above 0 and at most 1000 (got {factor}).")
    existing = built_with()
    if existing is not None:
        if existing.get("factor") == factor and existing.get("seed") == seed:
            return None
        raise ScaleDataError(
            f"This database already holds scale data built with factor {existing.get('factor')} "
            f"and seed {existing.get('seed')}: start from an empty database (migrate, demo)."
        )
    generator = Generator(factor, seed)
    made = generator.run()
    record_scale_data(generator.plans[0].plan, factor=factor, seed=seed, counts=made)
    return made
