from django import forms
from django.utils.translation import gettext_lazy as _

from .catalogue import KINDS
from .models import Frequency

# The apps whose actions report kinds, in the catalogue's order: the heading and a short
# description of each group on the preferences pages.
GROUPS = {
    "accounts": (_("Your account"), _("Your account and your access to the plans.")),
    "plans": (_("The plan"), _("The steps, roles and publications of the plans you take part in.")),
    "tables": (_("Working tables"), _("The tables you lead or sit at.")),
    "participation": (
        _("Participation"),
        _("Calls, registrations and the institutions' designations."),
    ),
    "events": (_("Events"), _("Events you organise or registered for, and their changes.")),
    "proposals": (
        _("Proposals"),
        _("Proposals of your tables and the ones you follow: reviews, comments and answers."),
    ),
}


def changeable_kinds() -> list:
    """The kinds a person may choose for: all but the required ones."""
    return [kind for kind in KINDS if not kind.required]


def required_kinds() -> list:
    """The kinds always e-mailed (account and security mails), listed as such."""
    return [kind for kind in KINDS if kind.required]


def app_of(kind) -> str:
    return kind.key.split(".", 1)[0]


class PreferencesForm(forms.Form):
    """One choice per changeable kind: immediately, daily digest, or off. A kind left out of
    the submission keeps its current choice (a page listing some kinds changes only those)."""

    def __init__(self, *args, kinds=None, current: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = changeable_kinds() if kinds is None else kinds
        current = current or {}
        for kind in self.kinds:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
                required=False,
            )

    def choices(self) -> dict[str, str]:
        return {
            kind.key: self.cleaned_data[kind.key]
            for kind in self.kinds
            if self.cleaned_data.get(kind.key)
        }

    def groups(self) -> list[dict]:
        """The fields grouped by the app that reports their kinds, in the catalogue's order."""
        found: dict[str, dict] = {}
        for kind in self.kinds:
            app = app_of(kind)
            if app not in found:
                title, description = GROUPS.get(app, (app, ""))
                found[app] = {"key": app, "title": title, "description": description, "fields": []}
            found[app]["fields"].append(self[kind.key])
        return list(found.values())
