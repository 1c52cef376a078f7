"""Mail templates: the subject and text of a kind, rendered in a language.

Every e-mail of the product leaves through the notifications outbox: a domain action reports what
happened (`cocrea.core.happenings.happened`), the notifications app renders the kind's template
with `render_template` (first line the subject) in the recipient's language and writes the mail
to its outbox, which the worker sends with retries (cocrea/notifications/delivery.py)."""

from functools import lru_cache

from django.template import engines
from django.template.loader import get_template
from django.utils import translation

# Ends the subject in a mail template's source; text typed by people (an event title with a line
# break) cannot contain it, so it never ends a subject early.
_SUBJECT_END = "\x00cocrea-subject-end\x00"


def clean_subject(subject: str) -> str:
    """One line: every line break (CR, LF, and the other Unicode line separators) and run of
    spaces becomes one space. A header with a line break is refused by Django."""
    return " ".join(str(subject).split())


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
