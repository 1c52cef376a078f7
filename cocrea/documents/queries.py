"""The repository as the public sees it: uploaded documents, and the documents the system itself
generates (each published version of the work programme, each event's minutes and attendance
summary), in one list.

Generated documents are HTML pages of the site, listed here from their source rows, so they
appear the moment they are published and never go stale. The list is filtered, counted, ordered
and paged in the database (one UNION of the sources); only the rows of the page shown are loaded,
so a page costs the same few queries whatever the size of the repository."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.events.models import Event, Registration
from cocrea.plans.models import ProgrammeVersion
from cocrea.plans.versions import localized

from .models import DocType, Document

# The sources of the repository, as the first column of the UNION.
UPLOADED, VERSION, MINUTES, ATTENDANCE = "document", "version", "minutes", "attendance"


@dataclass
class Entry:
    title: str
    description: str
    doc_type: str
    type_label: str
    published_on: datetime.date
    language: str
    url: str
    format: str
    size: int | None
    step: object = None
    checksum: str = ""
    document_id: int | None = None  # uploaded documents only; generated ones have none


def documents_of_event(event, *, today=None):
    """The public documents attached to `event`, oldest first."""
    return (
        Document.objects.public(today=today)
        .filter(event=event)
        .select_related("plan")
        .order_by("published_on", "id")
    )


PENDING_LIMIT = 50


def pending_documents(plan, *, today=None):
    """Uploaded documents of `plan` not public yet (dated in the future, or of an unpublished
    event), soonest first, at most PENDING_LIMIT: what the secretariat may still withdraw."""
    today = today or timezone.localdate()
    return (
        Document.objects.filter(plan=plan)
        .filter(Q(published_on__gt=today) | Q(event__published=False))
        .select_related("event", "plan")
        .order_by("published_on", "id")[:PENDING_LIMIT]
    )


def _text(q: str, fields) -> Q:
    found = Q()
    for field in fields:
        found |= Q(**{f"{field}__icontains": q})
    return found


def _char(value: str = ""):
    return Value(value, output_field=CharField())


# The columns of the UNION, in order: everything a row of the page shows, so a page is one query.
COLUMNS = (
    "e_source",
    "e_id",
    "e_date",
    "e_title_es",
    "e_title_en",
    "e_text_es",
    "e_text_en",
    "e_type",
    "e_language",
    "e_format",
    "e_size",
    "e_checksum",
    "e_step",
    "e_number",
)


def _columns(queryset, source: str, **columns):
    values = {
        "e_source": _char(source),
        "e_id": F("pk"),
        "e_text_es": _char(),
        "e_text_en": _char(),
        "e_format": _char(),
        "e_size": Value(None, output_field=BigIntegerField()),
        "e_checksum": _char(),
        "e_step": Value(None, output_field=IntegerField()),
        "e_number": Value(0, output_field=IntegerField()),
    }
    values.update(columns)
    annotated = queryset.order_by().annotate(**{name: values[name] for name in COLUMNS})
    return annotated.values_list(*COLUMNS)


def repository_rows(
    plan, *, doc_type: str = "", step_key: str = "", year: int | None = None, q="", today=None
):
    """Every public document of `plan`, newest first, filtered: a queryset of rows (see
    `COLUMNS`), counted and sliced in the database; `entries` turns a page of them into Entry."""
    today = today or timezone.localdate()
    branches = []

    uploaded = Document.objects.filter(plan=plan).public(today=today)
    if doc_type:
        uploaded = uploaded.filter(doc_type=doc_type)
    if step_key:
        uploaded = uploaded.filter(step__key=step_key)
    if q:
        uploaded = uploaded.filter(
            _text(q, ("title_es", "title_en", "description_es", "description_en"))
        )
    branches.append(
        _columns(
            uploaded,
            UPLOADED,
            e_date=F("published_on"),
            e_title_es=F("title_es"),
            e_title_en=F("title_en"),
            e_text_es=F("description_es"),
            e_text_en=F("description_en"),
            e_type=F("doc_type"),
            e_language=F("language"),
            e_format=F("content_type"),
            e_size=F("size"),
            e_checksum=F("checksum"),
            e_step=F("step_id"),
        )
    )

    if not step_key and doc_type in ("", DocType.PROGRAMME):
        versions = ProgrammeVersion.objects.filter(plan=plan, published_on__lte=today)
        if q:
            versions = versions.filter(_text(q, ("change_summary_es", "change_summary_en")))
        branches.append(
            _columns(
                versions,
                VERSION,
                e_date=F("published_on"),
                e_title_es=_char(),
                e_title_en=_char(),
                e_text_es=F("change_summary_es"),
                e_text_en=F("change_summary_en"),
                e_type=_char(DocType.PROGRAMME),
                e_language=_char(Document.Language.BOTH),
                e_number=F("number"),
            )
        )
    if not step_key and doc_type in ("", DocType.MINUTES, DocType.ATTENDANCE):
        held = Event.objects.filter(plan=plan, published=True, status=Event.Status.HELD)
        if q:
            held = held.filter(_text(q, ("title_es", "title_en")))
        event_columns = {
            "e_title_es": F("title_es"),
            "e_title_en": F("title_en"),
            "e_text_es": F("kind"),  # shown as the kind's label
        }
        if doc_type in ("", DocType.MINUTES):
            minutes = held.filter(minutes_published_on__lte=today)
            minutes_language = Case(
                When(minutes_en="", then=_char(Document.Language.SPANISH)),
                default=_char(Document.Language.BOTH),
                output_field=CharField(),
            )
            branches.append(
                _columns(
                    minutes,
                    MINUTES,
                    e_date=F("minutes_published_on"),
                    e_type=_char(DocType.MINUTES),
                    e_language=minutes_language,
                    **event_columns,
                )
            )
        if doc_type in ("", DocType.ATTENDANCE):
            attended = Registration.objects.filter(event=OuterRef("pk"), attended=True)
            attendance = held.filter(Exists(attended)).annotate(
                shown_on=Coalesce(
                    "minutes_published_on", TruncDate("starts_at"), output_field=DateField()
                )
            )
            branches.append(
                _columns(
                    attendance.filter(shown_on__lte=today),
                    ATTENDANCE,
                    e_date=F("shown_on"),
                    e_type=_char(DocType.ATTENDANCE),
                    e_language=_char(Document.Language.BOTH),
                    **event_columns,
                )
            )

    if year:
        branches = [b.filter(e_date__year=year) for b in branches]
    first, *others = branches
    rows = first.union(*others, all=True) if others else first
    return rows.order_by("-e_date", "e_source", "-e_id")


def entries(plan, rows, steps) -> list[Entry]:
    """The entries of a page of `repository_rows`, in its order; `steps` are the plan's steps
    (already loaded for the filter), so this runs no query."""
    types = dict(DocType.choices)
    languages = dict(Document.Language.choices)
    kinds = dict(Event.Kind.choices)
    steps_by_id = {step.pk: step for step in steps}
    found = []
    for row in rows:
        row = dict(zip(COLUMNS, row, strict=True))
        source, pk = row["e_source"], row["e_id"]
        title = localized(row, "e_title")
        text = localized(row, "e_text")
        entry = Entry(
            title=title,
            description=text,
            doc_type=row["e_type"],
            type_label=types[row["e_type"]],
            published_on=row["e_date"],
            language=languages[row["e_language"]],
            url="",
            format="HTML",
            size=None,
        )
        if source == UPLOADED:
            entry.url = reverse("documents:download", args=[plan.slug, pk])
            entry.format = row["e_format"].rsplit("/", 1)[-1].rsplit(".", 1)[-1].upper()
            entry.size = row["e_size"]
            entry.step = steps_by_id.get(row["e_step"])
            entry.checksum = row["e_checksum"]
            entry.document_id = pk
        elif source == VERSION:
            entry.title = _("Work programme, version %(number)s") % {"number": row["e_number"]}
            entry.url = reverse("public:version", args=[plan.slug, row["e_number"]])
        else:
            entry.description = kinds.get(row["e_text_es"], "")
            label = _("Minutes: %(title)s") if source == MINUTES else _("Attendance: %(title)s")
            entry.title = label % {"title": title}
            anchor = "#minutes" if source == MINUTES else "#attendance"
            entry.url = reverse("events:event", args=[plan.slug, pk]) + anchor
        found.append(entry)
    return found
