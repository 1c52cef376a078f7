"""`{% follow_button proposal %}`: the "Follow" / "Stop following" button of a public page, for
signed-in people (a POST form that htmx swaps in place; it works without JavaScript)."""

from django import template
from django.urls import reverse

from cocrea.notifications.actions import follow_state
from cocrea.notifications.rules import can_follow

register = template.Library()


def button_context(request, obj) -> dict:
    user = request.user
    allowed = user.is_authenticated and can_follow(user, obj)
    following, count = follow_state(user, obj) if allowed else (False, 0)
    name = "notifications:unfollow_proposal" if following else "notifications:follow_proposal"
    return {
        "request": request,
        "obj": obj,
        "allowed": allowed,
        "following": following,
        "count": count,
        "action": reverse(name, args=[obj.pk]) if allowed else "",
    }


@register.inclusion_tag("notifications/_follow.html", takes_context=True)
def follow_button(context, obj):
    return {**button_context(context["request"], obj), "csrf_token": context.get("csrf_token")}
