from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

VERBS = {
    "plans.create_plan": _("created the plan"),
    "plans.update_plan": _("updated the plan"),
    "plans.create_axis": _("added a thematic axis"),
    "plans.update_axis": _("re-worded a thematic axis"),
    "plans.update_commission": _("updated the commission"),
    "plans.create_step": _("added the step"),
    "plans.update_step": _("edited the step"),
    "plans.delete_step": _("removed the step"),
    "plans.open_step": _("opened the step"),
    "plans.reopen_step": _("re-opened the step"),
    "plans.close_step": _("closed the step"),
    "plans.publish_version": _("published a version of the work programme"),
    "events.create_event": _("scheduled the event"),
    "events.update_event": _("updated the event"),
    "events.publish_event": _("published the event"),
    "events.cancel_event": _("cancelled the event"),
    "events.record_attendance": _("recorded the attendance of"),
    "events.record_minutes": _("published the minutes of"),
    "documents.upload_document": _("published the document"),
    "documents.withdraw_document": _("withdrew the document"),
    "news.publish_news": _("published the news item"),
    "news.update_news": _("updated the news item"),
    "participation.add_requirement": _("added a requirement for leaders and participants"),
    "participation.remove_requirement": _("removed a requirement for leaders and participants"),
    "participation.publish_call": _("published the open call"),
    "tables.create_table": _("formed the working table"),
}

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
}


@register.filter
def verb_label(verb: str) -> str:
    return VERBS.get(verb, verb)


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
