"""Template tags of the selection app, for pages of the apps below it.

A proposal's public page shows the commission's outcome once the selection is published, but
`proposals` sits below `selection` in the import layers: its template asks this tag."""

from django import template

from ..queries import outcome_of as _outcome_of

register = template.Library()


@register.simple_tag
def outcome_of(proposal):
    """`{% outcome_of proposal as outcome %}`: the proposal's outcome once published, or None."""
    return _outcome_of(proposal)
