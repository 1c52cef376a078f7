"""Snapshots of a proposal's (or counterproposal's) template fields, milestones included, and the
word-level comparison of two of them.

What a snapshot holds follows the declaration of the proposal's template version
(cocrea/plans/commitment_templates.py): each translated field once per language, the rows of a
list-of-rows field as a list of dicts, dates in ISO."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cocrea.plans import commitment_templates as ct
from cocrea.plans.versions import language_codes, word_diff


def _declared(version) -> tuple[ct.Field, ...]:
    """The fields of `version`: a template version's key, or a declaration itself (a
    commitment's, `ct.commitment_fields(key)`)."""
    return ct.fields(version) if isinstance(version, str) else tuple(version)


def _keys(name: str, kind: str) -> list[str]:
    if kind in ct.TRANSLATED:
        return [f"{name}_{lang}" for lang in language_codes()]
    return [name]


def snapshot_fields(version) -> list[str]:
    """The keys of a snapshot in `version`, in the order of its form."""
    return [key for f in _declared(version) for key in _keys(f.name, f.kind)]


def rows_field(version) -> ct.Field | None:
    return next((f for f in _declared(version) if f.kind == ct.ROWS), None)


def column_keys(version) -> list[str]:
    """The keys of one milestone row in `version`."""
    declared = rows_field(version)
    if declared is None:
        return []
    return [key for column in declared.columns for key in _keys(column.name, column.kind)]


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return None
    return str(value).strip()


def milestone_row(version, data) -> dict:
    """One row as a snapshot holds it, from a dict or a Milestone."""
    get = data.get if isinstance(data, dict) else lambda key: getattr(data, key, None)
    row = {}
    for key in column_keys(version):
        value = _plain(get(key))
        row[key] = (value or None) if key.endswith("date") else (value or "")
    return row


def is_blank_row(row: dict) -> bool:
    return all(value in (None, "") for value in row.values())


def milestone_rows(version, rows) -> list[dict]:
    """The non-empty rows, in order, as a snapshot holds them."""
    found = [milestone_row(version, row) for row in rows or []]
    return [row for row in found if not is_blank_row(row)]


def _value(declared: ct.Field, value):
    if declared.kind == ct.DATE:
        return value.isoformat() if value else None
    if declared.kind == ct.MULTI:
        return list(value or [])
    if declared.kind == ct.CONSENT:
        return bool(value)
    if declared.kind == ct.INSTITUTIONS:  # a related manager: the names, in order
        return sorted(str(item) for item in value.all())
    return "" if value is None else str(value)


def snapshot(text, *, milestones: list[dict] | None = None) -> dict:
    """Every field of the version of `text`, with `milestones` (rows from `milestone_rows`)
    or, when None, the rows stored for it."""
    version = text.declared_fields
    row: dict = {}
    for declared in version:
        if declared.kind == ct.ROWS:
            if milestones is None:
                stored = list(text.milestones.all()) if text.pk else []
                milestones = milestone_rows(version, stored)
            row[declared.name] = milestones
        elif declared.kind == ct.INSTITUTIONS and not text.pk:
            row[declared.name] = []
        elif declared.translated:
            for lang in language_codes():
                row[f"{declared.name}_{lang}"] = getattr(text, f"{declared.name}_{lang}") or ""
        else:
            row[declared.name] = _value(declared, getattr(text, declared.name))
    return row


def _text(declared, value) -> str:
    if declared is not None and declared.kind in (ct.CHOICE, ct.MULTI):
        labels = dict(declared.choices)
        values = value if isinstance(value, list) else [value] if value else []
        return ", ".join(str(labels.get(v, v)) for v in values)
    if value is True:
        return str(_("Yes"))
    if value in (None, False):
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def _label(label, key: str, name: str) -> str:
    lang = key[len(name) + 1 :]
    return f"{label} ({lang.upper()})" if lang else str(label)


def flatten(
    version, snap: dict, rows: int, *, hide_personal: bool = False
) -> list[tuple[str, str, str]]:
    """(key, label, text) of every value of a snapshot, milestones cell by cell for `rows`
    rows, in the order of the form; without personal contact details with `hide_personal`."""
    items = []
    for declared in _declared(version):
        if hide_personal and declared.personal:
            continue
        if declared.kind != ct.ROWS:
            for key in _keys(declared.name, declared.kind):
                label = _label(declared.label, key, declared.name)
                items.append((key, label, _text(declared, snap.get(key))))
            continue
        found = snap.get(declared.name) or []
        for index in range(rows):
            row = found[index] if index < len(found) else {}
            for column in declared.columns:
                for key in _keys(column.name, column.kind):
                    label = _("%(table)s %(number)s: %(column)s") % {
                        "table": declared.label,
                        "number": index + 1,
                        "column": _label(column.label, key, column.name),
                    }
                    items.append(
                        (f"{declared.name}.{index}.{key}", label, _text(None, row.get(key)))
                    )
    return items


@dataclass
class FieldDiff:
    """One value that differs, with the old and new text as (changed, text) runs."""

    field: str
    label: str
    old: str
    new: str

    @property
    def words(self) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
        return word_diff(self.old, self.new)


def diff(old: dict, new: dict, version, *, hide_personal: bool = False) -> list[FieldDiff]:
    """The values that differ between two snapshots of `version`, in the order of its form.
    Public pages pass `hide_personal` unless the contact agreed to publish their details."""
    declared = rows_field(version)
    rows = 0
    if declared is not None:
        rows = max(len(old.get(declared.name) or []), len(new.get(declared.name) or []))
    before = {
        key: text for key, _label, text in flatten(version, old, rows, hide_personal=hide_personal)
    }
    return [
        FieldDiff(key, label, before.get(key, ""), text)
        for key, label, text in flatten(version, new, rows, hide_personal=hide_personal)
        if before.get(key, "") != text
    ]
