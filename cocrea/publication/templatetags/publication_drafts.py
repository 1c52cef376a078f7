"""`{% draft_part anchor as part %}`: what the version page shows after a part of the document
(its comments and the comment form), from the `parts` the view prepared by anchor."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def draft_part(context, anchor: str):
    return (context.get("parts") or {}).get(anchor)
