"""Template helpers of OGP's review pages."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or an empty list: the comments on one part of the document."""
    if not mapping:
        return []
    return mapping.get(key, [])
