"""Snapshots of the work programme and the comparison of two snapshots.

A snapshot is plain JSON, so a published version never changes when steps are edited later."""

import datetime
import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language

TEXT_FIELDS = ("title", "description", "responsible")
DATE_FIELDS = ("planned_start", "planned_end")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def snapshot_steps(steps) -> list[dict]:
    rows = []
    for step in steps:
        row = {"key": step.key, "number": step.number}
        for name in TEXT_FIELDS:
            for lang in language_codes():
                row[f"{name}_{lang}"] = getattr(step, f"{name}_{lang}") or ""
        for name in DATE_FIELDS:
            value = getattr(step, name)
            row[name] = value.isoformat() if value else None
        rows.append(row)
    return rows


def localized(row: dict, name: str, lang: str | None = None) -> str:
    """A text field of a snapshot row in the active language, falling back to the site's
    languages in order (a plan written in English only has no Spanish to fall back to)."""
    lang = (lang or get_language() or settings.LANGUAGE_CODE)[:2]
    for code in [lang, *language_codes()]:
        if row.get(f"{name}_{code}"):
            return row[f"{name}_{code}"]
    return ""


@dataclass
class FieldChange:
    field: str
    old: object
    new: object

    @property
    def is_date(self) -> bool:
        return self.field in DATE_FIELDS

    @property
    def old_date(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.old) if self.is_date and self.old else None

    @property
    def new_date(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.new) if self.is_date and self.new else None

    @property
    def words(self) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
        """Old and new text as (changed, text) runs, so a page can mark only the words that
        changed in a long description."""
        return word_diff(str(self.old or ""), str(self.new or ""))


def word_diff(old: str, new: str) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    before: list[tuple[bool, str]] = []
    after: list[tuple[bool, str]] = []

    def add(runs, changed, text):
        if runs and runs[-1][0] == changed:
            runs[-1] = (changed, runs[-1][1] + text)
        elif text:
            runs.append((changed, text))

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        add(before, op != "equal", "".join(a[i1:i2]))
        add(after, op != "equal", "".join(b[j1:j2]))
    return before, after


@dataclass
class StepChange:
    """How one step differs between two snapshots. `kinds` holds any of
    added, removed, redated, reworded, renumbered."""

    key: str
    old: dict | None
    new: dict | None
    kinds: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def row(self) -> dict:
        return self.new or self.old

    @property
    def title(self) -> str:
        return localized(self.row, "title")

    @property
    def number(self) -> int:
        return self.row["number"]


def compare(old: list[dict], new: list[dict]) -> list[StepChange]:
    """Differences from snapshot `old` to snapshot `new`, in the order of `new`, removed steps
    last. Steps are matched by their stable key, so a renumbered step is not 'removed + added'."""
    old_by_key = {row["key"]: row for row in old}
    new_keys = {row["key"] for row in new}
    result = []
    for row in new:
        before = old_by_key.get(row["key"])
        if before is None:
            result.append(StepChange(row["key"], None, row, ["added"]))
            continue
        change = StepChange(row["key"], before, row)
        if before["number"] != row["number"]:
            change.kinds.append("renumbered")
            change.changes.append(FieldChange("number", before["number"], row["number"]))
        dates = [f for f in DATE_FIELDS if before.get(f) != row.get(f)]
        if dates:
            change.kinds.append("redated")
            change.changes += [FieldChange(f, before.get(f), row.get(f)) for f in dates]
        texts = [
            f"{name}_{lang}"
            for name in TEXT_FIELDS
            for lang in language_codes()
            if (before.get(f"{name}_{lang}") or "") != (row.get(f"{name}_{lang}") or "")
        ]
        if texts:
            change.kinds.append("reworded")
            change.changes += [FieldChange(f, before.get(f), row.get(f)) for f in texts]
        if change.kinds:
            result.append(change)
    for row in old:
        if row["key"] not in new_keys:
            result.append(StepChange(row["key"], row, None, ["removed"]))
    return result
