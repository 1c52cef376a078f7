"""The e-mails of the participation app: plain text, in the person's language, sent after the
action's transaction commits. Links carry the random token; the database keeps only its hash."""

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cocrea.core.links import absolute_url as absolute


def send(to: str, template: str, language: str, **context) -> None:
    with translation.override(language):
        text = render_to_string(f"participation/mail/{template}.txt", context)
    subject, _sep, body = text.strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [to])


def welcome_url(user) -> str:
    """A link where a person given an account sets their password (Django's reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return absolute(
        reverse("participation:welcome", args=[uid, default_token_generator.make_token(user)])
    )
