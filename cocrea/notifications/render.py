"""The HTML part of a mail: the kind's text in the site's look, the plan's name, a button to
the object and, in the footer, the link to the preferences and the one that stops this kind.
Written from the text, so a kind has one template. The plain text part ends with the same two
links (`text_footer`)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


def render_html(
    *, subject, body, plan, url, language, preferences_url, unsubscribe_url="", kind=None
) -> str:
    with translation.override(language):
        return render_to_string(
            "notifications/mail/base.html",
            {
                "subject": subject,
                "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
                "plan": plan,
                "url": url,
                "preferences_url": preferences_url,
                "unsubscribe_url": unsubscribe_url,
                "kind": kind,
                "language": language,
            },
        )


def text_footer(*, language, preferences_url, unsubscribe_url="") -> str:
    """The end of every plain text mail: the preferences link and, unless the kind is required,
    the link that stops this kind."""
    with translation.override(language):
        lines = ["-- ", _("Choose which e-mails you receive: %(url)s") % {"url": preferences_url}]
        if unsubscribe_url:
            lines.append(_("Stop e-mails of this kind: %(url)s") % {"url": unsubscribe_url})
    return "\n".join(lines) + "\n"


def with_footer(body: str, footer: str) -> str:
    return body.rstrip("\n") + "\n\n" + footer
