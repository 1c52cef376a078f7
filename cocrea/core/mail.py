"""Plain-text e-mail from a template whose first line is the subject, rendered in the
recipient's language. Callers send after their transaction commits (`transaction.on_commit`)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_template(to: str, template: str, language: str, **context) -> None:
    with translation.override(language):
        text = render_to_string(template, context)
    subject, _sep, body = text.strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [to])
