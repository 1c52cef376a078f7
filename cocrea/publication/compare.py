"""What changed between two versions of the document, part by part (sections, the process, each
commitment matched by its anchor, annexes), field by field, with a readable word or line diff.

Reads only the frozen documents (cocrea/publication/content.py): a version never changes, so the
comparison of two versions never does either."""

import difflib
import re

from django.utils.translation import gettext as _

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
UNCHANGED = "unchanged"

# Words and the spaces between them, so a word diff keeps the text readable.
_TOKENS = re.compile(r"\s+|[^\s]+")


def _table_text(columns, rows) -> str:
    """A table as lines: one row a line, its cells joined by " · "."""
    return "\n".join(" · ".join(str(cell) for cell in row) for row in rows)


def _fields(kind: str, part: dict) -> list[tuple[str, str]]:
    """A part of the document as (label, text) fields, in the document's order."""
    title, body = _("Title"), _("Text")
    if kind == "section":
        return [(title, part["title"]), (body, part["body"])]
    if kind == "process":
        fields = [(title, part["title"]), (body, part["body"])]
        fields += [(f["label"], str(f["value"])) for f in part.get("figures", [])]
        fields += [(f["label"], str(f["value"])) for f in part.get("reach", [])]
        chronology = [
            [s["number"], s["title"], s["planned_start"], s["planned_end"], s["actual_start"]]
            + [s["actual_end"]]
            for s in part.get("chronology", [])
        ]
        fields.append((_("Chronology"), _table_text([], chronology)))
        return fields
    if kind == "commitment":
        fields = [
            (title, part["title"]),
            (_("Lead institution"), part.get("lead_institution", "")),
            (_("Supporting institutions"), ", ".join(part.get("supporting_institutions", []))),
        ]
        for section in part.get("sections", []):
            for item in section["items"]:
                fields.append((f"{section['label']} · {item['label']}", item["value"]))
            table = section.get("table")
            if table:
                fields.append((table["label"], _table_text(table["columns"], table["rows"])))
        return fields
    return [(title, part["title"]), (_("Table"), _table_text(part["columns"], part["rows"]))]


def parts(document: dict) -> dict[str, dict]:
    """anchor -> {"anchor", "title", "fields": [(label, text)]}, in the document's order."""
    found: dict[str, dict] = {}

    def add(anchor, title, kind, part):
        found[anchor] = {"anchor": anchor, "title": title, "fields": _fields(kind, part)}

    for section in document.get("sections", []):
        add(section["anchor"], section["title"], "section", section)
    process = document.get("process")
    if process:
        add(process["anchor"], process["title"], "process", process)
    for axis in document.get("axes", []):
        for commitment in axis["commitments"]:
            title = f"{commitment['number']}. {commitment['title']}"
            add(commitment["anchor"], title, "commitment", commitment)
    for annex in document.get("annexes", []):
        add(annex["anchor"], annex["title"], "annex", annex)
    return found


def diff(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, text) segments turning `old` into `new`: "equal", "delete" or "insert". Texts
    of several lines are compared line by line, others word by word."""
    if "\n" in old or "\n" in new:
        # Every line ends with its break, the last one too, so a line added at the end does
        # not show the one before it as changed.
        a = [line + "\n" for line in old.splitlines()]
        b = [line + "\n" for line in new.splitlines()]
    else:
        a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("insert", "".join(b[j1:j2])))
    return segments


def _changes(old_fields, new_fields) -> list[dict]:
    old, new = dict(old_fields), dict(new_fields)
    labels = [label for label, _text in new_fields]
    labels += [label for label, _text in old_fields if label not in new]
    return [
        {
            "label": label,
            "old": old.get(label, ""),
            "new": new.get(label, ""),
            "diff": diff(old.get(label, ""), new.get(label, "")),
        }
        for label in labels
        if old.get(label, "") != new.get(label, "")
    ]


def compare(old: dict, new: dict) -> list[dict]:
    """Every part of either document, in the new one's order (a removed part where it stood in
    the old one): {"anchor", "title", "status", "changes": [{"label", "old", "new", "diff"}]}."""
    before, after = parts(old), parts(new)
    order = list(after)
    for position, anchor in enumerate(before):
        if anchor not in after:
            order.insert(min(position, len(order)), anchor)
    result = []
    for anchor in order:
        if anchor not in before:
            part = after[anchor]
            status, changes = ADDED, _changes([], part["fields"])
        elif anchor not in after:
            part = before[anchor]
            status, changes = REMOVED, _changes(part["fields"], [])
        else:
            part = after[anchor]
            changes = _changes(before[anchor]["fields"], part["fields"])
            status = CHANGED if changes else UNCHANGED
        result.append(
            {"anchor": anchor, "title": part["title"], "status": status, "changes": changes}
        )
    return result
