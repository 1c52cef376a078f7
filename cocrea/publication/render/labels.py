"""The words the PDF and DOCX renderings add to a document, in the document's language.

Call `labels(document)`: the renderers run in the worker, outside any request, so the language is
the document's own, not the active one."""

import re

from django.utils import translation
from django.utils.translation import gettext as _

# Control characters (tab and newline apart) have no place in a document: typst rejects some,
# XML (DOCX) all of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def clean(text) -> str:
    """`text` as a str with "\\n" line ends and no control characters."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def language(document: dict) -> str:
    return document.get("language") or "es"


def labels(document: dict) -> dict[str, str]:
    """The fixed texts of the rendering, translated into the document's language."""
    with translation.override(language(document)):
        return {
            "subtitle": _("Open Government Partnership national action plan"),
            "contents": _("Contents"),
            "country": _("Country"),
            "period": _("Period"),
            "lead_agency": _("Lead agency"),
            "commitments": _("Commitments"),
            "chronology": _("Chronology of the co-creation process"),
            "step": _("Step"),
            "responsible": _("Responsible"),
            "planned": _("Planned"),
            "held": _("Held"),
            "status": _("Status"),
            "figures": _("Participation figures"),
            "reach": _("Reach of the process"),
            "lead_institution": _("Lead institution"),
            "supporting_institutions": _("Supporting institutions"),
            "annexes": _("Annexes"),
            "draft": _("Draft"),
            "draft_notice": _("Draft for comment: this text may still change."),
            "final": _("Final version"),
            "no_commitments": _("No commitments yet."),
        }


def commitment_heading(document: dict, commitment: dict) -> str:
    with translation.override(language(document)):
        return _("Commitment %(number)s") % {"number": commitment["number"]} + (
            f": {commitment['title']}"
        )


def version_line(document: dict) -> str:
    """'Version 0.2 — Draft — 2026-12-01' (empty without a version)."""
    version = document.get("version") or {}
    if not version.get("label"):
        return ""
    with translation.override(language(document)):
        parts = [_("Version %(label)s") % {"label": version["label"]}]
        parts.append(str(_("Final version") if version.get("final") else _("Draft")))
        issued = str(version.get("issued_at") or "")[:10]
        if issued:
            parts.append(issued)
    return " — ".join(parts)


def is_draft(document: dict) -> bool:
    """A document with a version that is not final is a draft (one without a version is a
    preview of the current data, not marked)."""
    version = document.get("version") or {}
    return bool(version.get("label")) and not version.get("final")


def period(document: dict) -> str:
    plan = document.get("plan") or {}
    start, end = plan.get("period_start") or "", plan.get("period_end") or ""
    return f"{start} – {end}" if start or end else ""


def held(step: dict) -> str:
    start, end = step.get("actual_start") or "", step.get("actual_end") or ""
    if start and end:
        return f"{start} – {end}"
    return start or "—"


def planned(step: dict) -> str:
    start, end = step.get("planned_start") or "", step.get("planned_end") or ""
    if start and end:
        return f"{start} – {end}"
    return start or end
