"""The plan's document assembled from the data, as plain JSON a version freezes.

`build(plan)` returns {"languages": [...], "documents": {language: document}}, one document per
language of the plan, each:

    {
      "language": "es",
      "title": "...",                     # the plan's title
      "plan": {"country", "period_start", "period_end", "lead_agency"},
      "sections": [{"anchor", "kind", "title", "body"}],       # introduction, context
      "process": {"anchor": "process", "title", "body",        # the process section's text
                  "chronology": [{"number", "title", "responsible", "planned_start",
                                  "planned_end", "actual_start", "actual_end", "status"}],
                  "figures": [{"key", "label", "value"}],       # participation, from the data
                  "reach": [{"key", "label", "value"}]},        # reach statistics
      "axes": [{"number", "name", "commitments": [commitment]}],
      "annexes": [{"anchor", "key", "title", "columns": [...], "rows": [[...]]}],
    }

and each commitment {"anchor", "number", "title", "lead_institution", "supporting_institutions",
"sections": [{"label", "items": [{"label", "kind", "value"}], "table": {"label", "columns",
"rows": [[text]]} or None}]} — the plan's template as the public commitment page shows it, every
value already text (dates ISO). Renderers (HTML, PDF, DOCX) and the comparison read only this."""

import datetime
from decimal import Decimal

from django.db.models import Model
from django.utils import translation

from cocrea.commitments.models import Commitment
from cocrea.core.languages import plan_languages

from .models import PlanSection

# The sections written by hand before the process, in the document's order.
WRITTEN_SECTIONS = (PlanSection.Kind.INTRODUCTION, PlanSection.Kind.CONTEXT)


def plain(value) -> str:
    """A template value as text: dates ISO, objects by name, lists joined, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Model | Decimal | int | float):
        return str(value)
    if isinstance(value, list | tuple | set):
        return ", ".join(plain(item) for item in value)
    return str(value)


def anchors(document: dict) -> list[tuple[str, str]]:
    """The parts of a document one may comment on: (anchor, title), in the document's order."""
    found = [(section["anchor"], section["title"]) for section in document.get("sections", [])]
    process = document.get("process")
    if process:
        found.append((process["anchor"], process["title"]))
    for axis in document.get("axes", []):
        for commitment in axis["commitments"]:
            found.append((commitment["anchor"], f"{commitment['number']}. {commitment['title']}"))
    found.extend((annex["anchor"], annex["title"]) for annex in document.get("annexes", []))
    return found


def _sections(plan) -> dict[str, PlanSection]:
    return {section.kind: section for section in PlanSection.objects.filter(plan=plan)}


def _section(sections, kind) -> dict:
    section = sections.get(kind)
    title = (section.title if section else "") or str(PlanSection.Kind(kind).label)
    return {
        "anchor": f"section:{kind}",
        "kind": str(kind),
        "title": title,
        "body": section.body if section else "",
    }


def _chronology(plan) -> list[dict]:
    return [
        {
            "number": step.number,
            "title": step.title,
            "responsible": step.responsible,
            "planned_start": plain(step.planned_start),
            "planned_end": plain(step.planned_end),
            "actual_start": plain(step.actual_start),
            "actual_end": plain(step.actual_end),
            "status": str(step.get_status_display()),
        }
        for step in plan.steps.order_by("number", "id")
    ]


def _commitment(commitment: Commitment) -> dict:
    sections = []
    for section in commitment.display_sections(public=True):
        table = section["table"]
        sections.append(
            {
                "label": str(section["label"]),
                "items": [
                    {
                        "label": str(item["label"]),
                        "kind": item["kind"],
                        "value": plain(item["value"]),
                    }
                    for item in section["items"]
                ],
                "table": None
                if table is None
                else {
                    "label": str(table["label"]),
                    "columns": [str(column) for column in table["columns"]],
                    "rows": [[plain(cell["value"]) for cell in row] for row in table["rows"]],
                },
            }
        )
    return {
        "anchor": f"commitment:{commitment.number}",
        "number": commitment.number,
        "title": commitment.title,
        "lead_institution": plain(commitment.lead_institution),
        "supporting_institutions": [o.name for o in commitment.supporting_institutions.all()],
        "sections": sections,
    }


def commitments_by_axis(plan) -> list[dict]:
    commitments = list(
        Commitment.objects.filter(plan=plan)
        .select_related("axis", "lead_institution")
        .prefetch_related("milestones__responsible", "supporting_institutions")
        .order_by("axis__number", "number")
    )
    axes: list[dict] = []
    for commitment in commitments:
        if not axes or axes[-1]["number"] != commitment.axis.number:
            axes.append(
                {"number": commitment.axis.number, "name": commitment.axis.name, "commitments": []}
            )
        axes[-1]["commitments"].append(_commitment(commitment))
    return axes


def process_figures(plan) -> tuple[list[dict], list[dict]]:
    """The participation figures and reach statistics of the co-creation process, computed
    from the recorded data: (figures, reach), each [{"key", "label", "value"}]."""
    return [], []


def annexes(plan) -> list[dict]:
    """The annexes: the reasoned response and the work programme."""
    return []


def document(plan, language: str) -> dict:
    """The document in `language` (call inside `translation.override(language)`)."""
    sections = _sections(plan)
    process = _section(sections, PlanSection.Kind.PROCESS)
    figures, reach = process_figures(plan)
    process.update(
        {"anchor": "process", "chronology": _chronology(plan), "figures": figures, "reach": reach}
    )
    return {
        "language": language,
        "title": plan.title,
        "plan": {
            "country": plan.country,
            "period_start": plain(plan.period_start),
            "period_end": plain(plan.period_end),
            "lead_agency": plain(plan.lead_agency),
        },
        "sections": [_section(sections, kind) for kind in WRITTEN_SECTIONS],
        "process": process,
        "axes": commitments_by_axis(plan),
        "annexes": annexes(plan),
    }


def build(plan) -> dict:
    """The whole document in every language of the plan."""
    languages = plan_languages(plan)
    documents = {}
    for language in languages:
        with translation.override(language):
            documents[language] = document(plan, language)
    return {"languages": languages, "documents": documents}
