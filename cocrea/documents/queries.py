"""The repository as the public sees it: uploaded documents, and the documents the system itself
generates (each published version of the work programme, each event's minutes and attendance
summary), in one list.

Generated documents are HTML pages of the site, listed here from their source rows, so they
appear the moment they are published and never go stale."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cocrea.events.models import Event

from .models import DocType, Document


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


def documents_of_event(event):
    return Document.objects.filter(event=event).select_related("plan").order_by("published_on")


def _matches(text: str, query: str) -> bool:
    return query.casefold() in text.casefold()


def repository(plan, *, doc_type: str = "", step_key: str = "", year: int | None = None, q=""):
    """Every public document of `plan`, newest first, filtered. Three queries, whatever the
    number of documents."""
    labels = dict(DocType.choices)
    entries: list[Entry] = []

    uploaded = Document.objects.filter(plan=plan).select_related("step")
    if doc_type:
        uploaded = uploaded.filter(doc_type=doc_type)
    if step_key:
        uploaded = uploaded.filter(step__key=step_key)
    if year:
        uploaded = uploaded.filter(published_on__year=year)
    if q:
        text = Q()
        for field in ("title_es", "title_en", "description_es", "description_en"):
            text |= Q(**{f"{field}__icontains": q})
        uploaded = uploaded.filter(text)
    for document in uploaded:
        document.plan = plan
        entries.append(
            Entry(
                title=document.title,
                description=document.description,
                doc_type=document.doc_type,
                type_label=labels[document.doc_type],
                published_on=document.published_on,
                language=document.get_language_display(),
                url=document.get_absolute_url(),
                format=document.content_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1].upper(),
                size=document.size,
                step=document.step,
                checksum=document.checksum,
                document_id=document.pk,
            )
        )

    generated: list[Entry] = []
    if not step_key and doc_type in ("", DocType.PROGRAMME):
        for version in plan.versions.order_by("-number"):
            version.plan = plan
            generated.append(
                Entry(
                    title=_("Work programme, version %(number)s") % {"number": version.number},
                    description=version.change_summary,
                    doc_type=DocType.PROGRAMME,
                    type_label=labels[DocType.PROGRAMME],
                    published_on=version.published_on,
                    language=_("Spanish and English"),
                    url=version.get_absolute_url(),
                    format="HTML",
                    size=None,
                )
            )
    if not step_key and doc_type in ("", DocType.MINUTES, DocType.ATTENDANCE):
        held = (
            Event.objects.filter(plan=plan, published=True, status=Event.Status.HELD)
            .annotate(attended=Count("registrations", filter=Q(registrations__attended=True)))
            .order_by("-starts_at")
        )
        for event in held:
            event.plan = plan
            if event.minutes_published_on and doc_type in ("", DocType.MINUTES):
                generated.append(
                    Entry(
                        title=_("Minutes: %(title)s") % {"title": event.title},
                        description=event.get_kind_display(),
                        doc_type=DocType.MINUTES,
                        type_label=labels[DocType.MINUTES],
                        published_on=event.minutes_published_on,
                        language=_("Spanish") if not event.minutes_en else _("Spanish and English"),
                        url=event.get_absolute_url() + "#minutes",
                        format="HTML",
                        size=None,
                    )
                )
            if event.attended and doc_type in ("", DocType.ATTENDANCE):
                generated.append(
                    Entry(
                        title=_("Attendance: %(title)s") % {"title": event.title},
                        description=event.get_kind_display(),
                        doc_type=DocType.ATTENDANCE,
                        type_label=labels[DocType.ATTENDANCE],
                        published_on=event.minutes_published_on or event.starts_at.date(),
                        language=_("Spanish and English"),
                        url=event.get_absolute_url() + "#attendance",
                        format="HTML",
                        size=None,
                    )
                )
    for entry in generated:
        if year and entry.published_on.year != year:
            continue
        if q and not (_matches(entry.title, q) or _matches(entry.description, q)):
            continue
        entries.append(entry)
    entries.sort(key=lambda e: (e.published_on, e.title), reverse=True)
    return entries
