"""The e-mails of the accounts app (plain text, in the person's language, sent after the action's
transaction commits; see `cocrea.core.mail`) and the links they carry."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode

from cocrea.core.links import absolute_url
from cocrea.core.mail import send_template


def send(to: str, template: str, language: str, **context) -> None:
    language = language or settings.LANGUAGE_CODE
    send_template(to, f"accounts/mail/{template}.txt", language, **context)


def localized_path(name: str, language: str, args=()) -> str:
    """The path of a page in `language` (English pages live under /en/)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse(name, args=args)


def confirm_url(user, language: str, next_url: str = "") -> str:
    """The link that activates a new account (Django's token: it stops working once the account is
    active and its owner has logged in, and after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = localized_path("accounts:confirm", language, [uid, token])
    if next_url:
        path += "?" + urlencode({"next": next_url})
    return absolute_url(path)


def login_url(language: str) -> str:
    return absolute_url(localized_path("accounts:login", language))


def password_reset_url(language: str) -> str:
    return absolute_url(localized_path("accounts:password_reset", language))
