"""Template tags of the documents app, for pages of the apps below it.

The event page lists its public documents, but `events` sits below `documents` in the import
layers (docs/architecture.md, "The import contract"): the event's template asks this tag, and the
events app never imports documents."""

from django import template

from ..queries import documents_of_event as _documents_of_event

register = template.Library()


@register.simple_tag
def documents_of_event(event):
    """`{% documents_of_event event as documents %}`: the event's public documents, oldest
    first."""
    return list(_documents_of_event(event))
