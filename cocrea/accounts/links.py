"""The links the accounts app's mails carry (the mails themselves are notification kinds, see
cocrea/notifications/catalogue.py): site paths in the person's language."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode


def localized_path(name: str, language: str, args=()) -> str:
    """The path of a page in `language` (English pages live under /en/)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse(name, args=args)


def confirm_path(user, language: str, next_url: str = "") -> str:
    """The link that activates a new account (Django's token: it stops working once the account is
    active and its owner has logged in, and after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = localized_path("accounts:confirm", language, [uid, token])
    if next_url:
        path += "?" + urlencode({"next": next_url})
    return path
