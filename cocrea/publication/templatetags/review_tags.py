"""Template helpers of OGP's review pages."""

from django import template

from cocrea.publication.forms_review import COMMENT_STATUS, ROUND_STATUS

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or an empty list: the comments on one part of the document."""
    if not mapping:
        return []
    return mapping.get(key, [])


@register.filter
def comment_status(comment) -> str:
    return COMMENT_STATUS.get(comment.status, comment.status)


@register.filter
def round_status(found) -> str:
    return ROUND_STATUS.get(found.status, found.status)
