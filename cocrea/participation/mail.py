"""The e-mails of the participation app: plain text, in the person's language, sent after the
action's transaction commits. Links carry the random token; the database keeps only its hash."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cocrea.core.links import absolute_url as absolute
from cocrea.core.mail import send_template


def send(to: str, template: str, language: str, *, plan, **context) -> None:
    """`language` is the person's; the mail goes out in it if the plan has it, else in the
    plan's default language."""
    send_template(to, f"participation/mail/{template}.txt", language, plan=plan, **context)


def welcome_url(user) -> str:
    """A link where a person given an account sets their password (Django's reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return absolute(
        reverse("participation:welcome", args=[uid, default_token_generator.make_token(user)])
    )
