from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cocrea.plans.versions import language_codes

from .models import DATE_FIELDS, TEXT_FIELDS, OgpValue, Proposal
from .revisions import snapshot


class ProposalForm(forms.Form):
    """The OGP 2017 template, each text field once per language. Everything is optional here: a
    draft may be incomplete; submitting the set checks what the template requires."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            model_field = Proposal._meta.get_field(name)
            for lang in language_codes():
                label = f"{capfirst(model_field.verbose_name)} ({lang.upper()})"
                if isinstance(model_field, models.TextField):
                    field = forms.CharField(
                        label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
                    )
                else:
                    field = forms.CharField(label=label, required=False, max_length=250)
                self.fields[f"{name}_{lang}"] = field
        for name in DATE_FIELDS:
            self.fields[name] = forms.DateField(
                label=capfirst(Proposal._meta.get_field(name).verbose_name),
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
        self.fields["ogp_values"] = forms.MultipleChoiceField(
            label=_("OGP values"),
            required=False,
            choices=OgpValue.choices,
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def initial_from(proposal: Proposal | None) -> dict:
        if proposal is None:
            return {}
        data = snapshot(proposal)
        for name in DATE_FIELDS:
            data[name] = getattr(proposal, name)
        return data
