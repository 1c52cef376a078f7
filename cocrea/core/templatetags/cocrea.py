from django import template
from django.utils.translation import gettext_lazy as _

from cocrea.core import log_verbs

register = template.Library()

CHANGES = {
    "added": _("added"),
    "removed": _("removed"),
    "redated": _("re-dated"),
    "reworded": _("re-worded"),
    "renumbered": _("renumbered"),
}

FIELDS = {
    "number": _("number"),
    "planned_start": _("planned start"),
    "planned_end": _("planned end"),
    "title": _("title"),
    "description": _("description"),
    "responsible": _("responsible"),
    "actual_start": _("actual start"),
    "actual_end": _("actual end"),
    "capabilities": _("what the step enables"),
}


@register.filter
def verb_label(verb: str) -> str:
    return log_verbs.verb_label(verb)


@register.filter
def change_label(kind: str) -> str:
    return CHANGES.get(kind, kind)


@register.filter
def field_label(name: str) -> str:
    """`title_en` -> "title (EN)"; plain fields by their label."""
    base, _sep, lang = name.rpartition("_")
    if base in FIELDS and len(lang) == 2:
        return f"{FIELDS[base]} ({lang.upper()})"
    return FIELDS.get(name, name)


@register.filter
def log_description(entry) -> str:
    """The detail of a log row as a reader reads it: a row that lists the fields an edit changed
    (its `data` keyed by them) names them by their labels in the page's language."""
    names = [name.strip() for name in entry.description.split(",")]
    if entry.description and isinstance(entry.data, dict) and all(n in entry.data for n in names):
        return ", ".join(str(field_label(name)) for name in names)
    return entry.description
