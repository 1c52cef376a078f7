"""The HTML part of a mail: the kind's text in the site's look, the plan's name, a button to
the object and the link to the preferences. Written from the text, so a kind has one template."""

from django.template.loader import render_to_string
from django.utils import translation


def render_html(*, subject, body, plan, url, language, preferences_url, kind) -> str:
    with translation.override(language):
        return render_to_string(
            "notifications/mail/base.html",
            {
                "subject": subject,
                "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
                "plan": plan,
                "url": url,
                "preferences_url": preferences_url,
                "kind": kind,
                "language": language,
            },
        )
