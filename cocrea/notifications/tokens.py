"""Signed links to an address's notification preferences: they need no login and no stored
token, and keep working (an unsubscribe link in an old mail must still work)."""

from django.core import signing
from django.urls import reverse

SALT = "cocrea.notifications.preferences"


def preferences_token(email: str) -> str:
    """The same token for the same address every time (no timestamp: it never expires), so
    every mail to an address carries the same link."""
    return signing.Signer(salt=SALT).sign_object(email.strip().lower(), compress=True)


def email_of_token(token: str) -> str | None:
    """The address a token was made for; None for a forged or damaged token."""
    try:
        return signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        return None


def preferences_path(email: str) -> str:
    return reverse("notifications:preferences_token", args=[preferences_token(email)])


def unsubscribe_path(email: str, kind: str) -> str:
    return reverse("notifications:unsubscribe", args=[preferences_token(email), kind])
