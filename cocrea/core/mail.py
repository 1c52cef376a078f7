"""Mail templates and the last direct sender.

Every e-mail of the product leaves through the notifications outbox: a domain action reports what
happened (`cocrea.core.happenings.happened`), the notifications app renders the kind's template
with `render_template` (first line the subject) in the recipient's language and writes the mail
to its outbox, which the worker sends with retries (cocrea/notifications/delivery.py).

`send` and `send_template` remain only for the proposals mails not yet moved to the outbox; they
never raise: a failure is logged on the `cocrea.mail` logger."""

import logging
from functools import lru_cache

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import engines
from django.template.loader import get_template
from django.utils import translation

from .languages import plan_language

logger = logging.getLogger("cocrea.mail")

# Ends the subject in a mail template's source; text typed by people (an event title with a line
# break) cannot contain it, so it never ends a subject early.
_SUBJECT_END = "\x00cocrea-subject-end\x00"


def clean_subject(subject: str) -> str:
    """One line: every line break (CR, LF, and the other Unicode line separators) and run of
    spaces becomes one space. A header with a line break is refused by Django."""
    return " ".join(str(subject).split())


def send(
    *,
    subject: str,
    body: str,
    to: list[str],
    attachments: tuple[tuple[str, str, str], ...] = (),
) -> bool:
    """Send one plain-text message; True once the backend accepted it. Never raises."""
    try:
        message = EmailMessage(subject=clean_subject(subject), body=body, to=to)
        for attachment in attachments:
            message.attach(*attachment)
        message.send()
    except Exception:
        logger.exception("Mail %r to %s was not sent", clean_subject(subject), ", ".join(to))
        return False
    return True


@lru_cache(maxsize=64)
def _compile_marked(source: str):
    return engines["django"].from_string(source.replace("\n", _SUBJECT_END, 1))


def _split_template(name: str):
    """The template compiled with its first source line (the subject) marked off, so a rendered
    value holding a line break stays in the subject instead of splitting it. Keyed by the
    source, so an edited template is compiled afresh."""
    return _compile_marked(get_template(name).template.source)


def render_template(template: str, language: str, **context) -> tuple[str, str]:
    """(subject, body) of a mail template whose first line is the subject, in `language`."""
    with translation.override(language):
        text = _split_template(template).render(context)
    subject, _sep, body = text.partition(_SUBJECT_END)
    return clean_subject(subject), body.strip() + "\n"


def send_template(to: str, template: str, language: str | None, **context) -> bool:
    """Render `template` in `language` and send it to `to`. Never raises (see the module).

    With a `plan` in the context, the mail goes out in `language` if the plan has it, else in the
    plan's default language: a mail about a plan is always in one of the plan's languages."""
    plan = context.get("plan")
    if plan is not None:
        language = plan_language(plan, language)
    language = language or settings.LANGUAGE_CODE
    try:
        subject, body = render_template(template, language, **context)
    except Exception:
        logger.exception("Mail %s to %s could not be rendered", template, to)
        return False
    return send(subject=subject, body=body, to=[to])
