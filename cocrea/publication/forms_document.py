"""Forms of the document's workspace pages: a section's texts, issuing a draft version, the
comparison's choice of versions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import bound_fields
from cocrea.core.languages import plan_language_codes

from .models import PlanSection

LANGUAGE_NAMES = {"es": _("Spanish"), "en": _("English")}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


class SectionForm(forms.Form):
    """The title and text of one section in each of the plan's languages (all optional: an
    empty title shows the section's name, an empty text is listed as incomplete)."""

    def __init__(self, *args, plan, section: PlanSection, **kwargs):
        self.languages = plan_language_codes(plan)
        initial = {
            f"{name}_{lang}": getattr(section, f"{name}_{lang}", "") or ""
            for name in ("title", "body")
            for lang in self.languages
        }
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for lang in self.languages:
            label = language_name(lang)
            self.fields[f"title_{lang}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": label},
                required=False,
                max_length=250,
            )
            self.fields[f"body_{lang}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
            )
        bound_fields(self, plan)

    def texts(self) -> dict[str, str]:
        return {name: value.strip() for name, value in self.cleaned_data.items()}


class IssueForm(forms.Form):
    """Issuing a draft version: what changed, and the confirmation (it cannot be undone)."""

    note = forms.CharField(
        label=_("What changed since the last version"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that an issued version is frozen and cannot be withdrawn."),
        error_messages={"required": _("Tick the confirmation to issue the version.")},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self, plan)
