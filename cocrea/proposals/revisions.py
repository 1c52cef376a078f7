"""Snapshots of a proposal's template fields and the word-level comparison of two of them."""

from dataclasses import dataclass

from django.utils.text import capfirst

from cocrea.plans.versions import language_codes, word_diff

from .models import DATE_FIELDS, TEXT_FIELDS, Proposal


def snapshot_fields() -> list[str]:
    """The keys of a snapshot: each text field once per language, then dates and OGP values."""
    texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in language_codes()]
    return [*texts, *DATE_FIELDS, "ogp_values"]


def snapshot(proposal: Proposal) -> dict:
    row: dict = {}
    for name in TEXT_FIELDS:
        for lang in language_codes():
            row[f"{name}_{lang}"] = getattr(proposal, f"{name}_{lang}") or ""
    for name in DATE_FIELDS:
        value = getattr(proposal, name)
        row[name] = value.isoformat() if value else None
    row["ogp_values"] = list(proposal.ogp_values or [])
    return row


def _text(value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


@dataclass
class FieldDiff:
    """One snapshot key whose value differs, with the old and new text as (changed, text) runs."""

    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        name, _sep, lang = self.field.rpartition("_")
        if name in TEXT_FIELDS and lang in language_codes():
            verbose = Proposal._meta.get_field(name).verbose_name
            return f"{capfirst(verbose)} ({lang.upper()})"
        return str(capfirst(Proposal._meta.get_field(self.field).verbose_name))

    @property
    def words(self) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
        return word_diff(self.old, self.new)


def diff(old: dict, new: dict) -> list[FieldDiff]:
    """The fields that differ between two snapshots, in template order."""
    changes = []
    for key in snapshot_fields():
        before, after = _text(old.get(key)), _text(new.get(key))
        if before != after:
            changes.append(FieldDiff(key, before, after))
    return changes
