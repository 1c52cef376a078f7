"""Reads of the accounts app."""

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone


def locked_out_logins():
    """The user name + address combinations locked out now (django-axes' failure counts at the
    limit within the cool-off), newest first. Bounded: one row per combination, 200 at most."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")[:200]
