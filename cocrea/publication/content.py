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
                                                   # (keys and values: `process_figures`)
      "axes": [{"number", "name", "commitments": [commitment]}],
      "annexes": [{"anchor", "key", "title", "columns": [...], "rows": [[...]]}],
                                  # keys "reasoned-response" and "programme" (`annexes`)
    }

and each commitment {"anchor", "number", "title", "lead_institution", "supporting_institutions",
"sections": [{"label", "items": [{"label", "kind", "value"}], "table": {"label", "columns",
"rows": [[text]]} or None}]} — the plan's template as the public commitment page shows it, every
value already text (dates ISO). Renderers (HTML, PDF, DOCX) and the comparison read only this."""

import datetime
from decimal import Decimal

from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _

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


def _figure(key: str, label, value) -> dict:
    return {"key": key, "label": str(label), "value": value}


def _sector_label(name: str) -> str:
    # The reach page counts people whose organisation has no known kind under "—".
    if name == "—":
        return str(_("People of no stated sector"))
    return _("People of the sector: %(sector)s") % {"sector": name}


def process_figures(plan) -> tuple[list[dict], list[dict]]:
    """The participation figures and reach statistics of the co-creation process, computed
    from the recorded data: (figures, reach), each [{"key", "label", "value"}], values integers.

    Figures, in this order: confirmed registrations to the open call; working tables, their
    members and leaders; per kind of event held (in the order of `Event.Kind`, kinds never held
    left out), the events held and the attendance recorded at them ("events:<kind>",
    "attendance:<kind>"); proposals submitted; visible public comments and those answered;
    viability reviews given; commission members who scored and their ballots; comments on the
    plan's drafts and those answered. Reach (the published events' attendance, as the reach page
    counts it: cocrea/events/queries.py `reach`): people, organisations, people outside the
    capital, then people per sector ("sector:<name>"). Fourteen queries, whatever the rows."""
    from django.db.models import Count, Q

    from cocrea.events.models import Event
    from cocrea.events.queries import reach as event_reach
    from cocrea.participation.models import Registration as CallRegistration
    from cocrea.proposals.models import Proposal, PublicComment, ViabilityReview
    from cocrea.selection.models import Ballot
    from cocrea.tables.models import TableMember, WorkingTable

    from .models import DraftComment

    figures = [
        _figure(
            "call_registrations",
            _("Registrations to the open call"),
            CallRegistration.objects.filter(
                plan=plan, status=CallRegistration.Status.CONFIRMED
            ).count(),
        )
    ]
    tables = WorkingTable.objects.filter(plan=plan).count()
    members = TableMember.objects.filter(table__plan=plan).aggregate(
        members=Count("id"), leaders=Count("id", filter=Q(is_leader=True))
    )
    figures += [
        _figure("tables", _("Working tables"), tables),
        _figure("table_members", _("Members of the working tables"), members["members"]),
        _figure("table_leaders", _("Leaders of the working tables"), members["leaders"]),
    ]
    held = {
        row["kind"]: row
        for row in Event.objects.filter(plan=plan, status=Event.Status.HELD)
        .values("kind")
        .annotate(
            events=Count("id", distinct=True),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .order_by()
    }
    for kind, label in Event.Kind.choices:
        if kind in held:
            figures += [
                _figure(
                    f"events:{kind}",
                    _("Events held: %(kind)s") % {"kind": label},
                    held[kind]["events"],
                ),
                _figure(
                    f"attendance:{kind}",
                    _("Attendance recorded: %(kind)s") % {"kind": label},
                    held[kind]["attended"],
                ),
            ]
    visible = PublicComment.objects.filter(proposal__plan=plan, hidden_at__isnull=True)
    comments = visible.aggregate(
        total=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False))
    )
    ballots = Ballot.objects.filter(candidate__plan=plan, abstained=False).aggregate(
        ballots=Count("id"), members=Count("member", distinct=True)
    )
    drafts = DraftComment.objects.filter(plan=plan).aggregate(
        total=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False))
    )
    figures += [
        _figure(
            "proposals",
            _("Proposals submitted"),
            Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED).count(),
        ),
        _figure("public_comments", _("Public comments on the proposals"), comments["total"]),
        _figure("answered_comments", _("Public comments answered"), comments["answered"]),
        _figure(
            "viability_reviews",
            _("Viability reviews given"),
            ViabilityReview.objects.filter(proposal__plan=plan)
            .exclude(outcome=ViabilityReview.Outcome.PENDING)
            .count(),
        ),
        _figure("scoring_members", _("Commission members who scored"), ballots["members"]),
        _figure("ballots", _("Ballots cast by the commission"), ballots["ballots"]),
        _figure("draft_comments", _("Comments on the drafts of the plan"), drafts["total"]),
        _figure(
            "answered_draft_comments", _("Comments on the drafts answered"), drafts["answered"]
        ),
    ]
    counted = event_reach(plan)
    reach = [
        _figure("people", _("People who took part in the events"), counted["people"]),
        _figure("organisations", _("Organisations that took part"), counted["organisations"]),
        _figure(
            "outside_capital", _("People from outside the capital"), counted["outside_capital"]
        ),
        *(
            _figure(f"sector:{name}", _sector_label(name), n)
            for name, n, _orgs in counted["by_sector"]
        ),
    ]
    return figures, reach


def _outcome_text(outcome) -> str:
    label = outcome.get_result_display()
    if outcome.as_counterproposal:
        return _("%(result)s, as its counterproposal") % {"result": label}
    if outcome.promoted:
        return _("%(result)s, promoted alternate") % {"result": label}
    return str(label)


def _reasoned_response(plan) -> dict:
    """Every submitted proposal with its table, viability review and, once the selection is
    published, the commission's outcome and reasons (what the public page shows; no people)."""
    from cocrea.selection import queries as selection_queries

    published = selection_queries.is_published(plan)
    rows = []
    for proposal in selection_queries.reasoned_response(plan):
        review = getattr(proposal, "review", None)
        outcome = getattr(proposal, "outcome", None) if published else None
        rows.append(
            [
                plain(proposal.axis),
                plain(proposal.working_table),
                proposal.title,
                str(review.get_outcome_display()) if review else "",
                _outcome_text(outcome) if outcome else "",
                outcome.reason if outcome else "",
            ]
        )
    return {
        "anchor": "annex:reasoned-response",
        "key": "reasoned-response",
        "title": str(_("Annex: the reasoned response")),
        "columns": [
            str(_("Thematic axis")),
            str(_("Working table")),
            str(_("Proposal")),
            str(_("Viability review")),
            str(_("Outcome")),
            str(_("Reasons")),
        ],
        "rows": rows,
    }


def _programme(plan) -> dict:
    return {
        "anchor": "annex:programme",
        "key": "programme",
        "title": str(_("Annex: the work programme")),
        "columns": [
            str(_("Step")),
            str(_("Responsible")),
            str(_("Planned start")),
            str(_("Planned end")),
            str(_("Actual start")),
            str(_("Actual end")),
            str(_("Status")),
        ],
        "rows": [
            [
                f"{step['number']}. {step['title']}",
                step["responsible"],
                step["planned_start"],
                step["planned_end"],
                step["actual_start"],
                step["actual_end"],
                step["status"],
            ]
            for step in _chronology(plan)
        ],
    }


def annexes(plan) -> list[dict]:
    """The annexes: the reasoned response (key "reasoned-response") and the work programme
    ("programme"), each a table of text cells."""
    return [_reasoned_response(plan), _programme(plan)]


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
