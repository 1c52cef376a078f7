from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields
from cocrea.organisations.models import Organisation
from cocrea.organisations.queries import institutions_of, organisations_of
from cocrea.plans.versions import language_codes

from .models import DATE_FIELDS, TEXT_FIELDS, OgpValue, Proposal, ViabilityReview
from .revisions import snapshot


class ProposalForm(forms.Form):
    """The OGP 2017 template, each text field once per language. Everything is optional here: a
    draft may be incomplete; submitting the set checks what the template requires."""

    def __init__(self, *args, plan=None, **kwargs):
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
                widget=DateInput(),
            )
        self.fields["ogp_values"] = forms.MultipleChoiceField(
            label=_("OGP values"),
            required=False,
            choices=OgpValue.choices,
            widget=forms.CheckboxSelectMultiple,
        )
        bound_fields(self, plan)

    @staticmethod
    def initial_from(proposal: Proposal | None) -> dict:
        if proposal is None:
            return {}
        data = snapshot(proposal)
        for name in DATE_FIELDS:
            data[name] = getattr(proposal, name)
        return data


def _bilingual(form: forms.Form, name: str, label: str, *, rows: int = 3, required_es=False):
    for lang in language_codes():
        form.fields[f"{name}_{lang}"] = forms.CharField(
            label=f"{label} ({lang.upper()})",
            required=required_es and lang == language_codes()[0],
            widget=forms.Textarea(attrs={"rows": rows}),
        )


class AssignForm(forms.Form):
    """Responsible institutions, objectives and the review deadline of one proposal."""

    lead = forms.ModelChoiceField(
        label=_("Lead institution"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PUBLIC_INSTITUTION),
        help_text=_("The public institution that answers for the commitment and reviews it."),
    )
    others = forms.ModelMultipleChoiceField(
        label=_("Other responsible institutions"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Co-responsible institutions and organisations, if any."),
    )
    due_on = forms.DateField(
        label=_("Review due by"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for the planned end of the viability-review step."),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        _bilingual(self, "objectives", str(_("Objectives")), rows=4)
        if plan is not None:  # only the plan's own jurisdiction's institutions
            self.fields["lead"].queryset = institutions_of(plan)
            self.fields["others"].queryset = organisations_of(plan)
        bound_fields(self, plan)

    @staticmethod
    def initial_from(proposal: Proposal) -> dict:
        institutions = list(proposal.institutions.all())
        review = getattr(proposal, "review", None)
        data = {
            "lead": next((i.organisation_id for i in institutions if i.is_lead), None),
            "others": [i.organisation_id for i in institutions if not i.is_lead],
            "due_on": review.due_on if review else None,
        }
        for lang in language_codes():
            data[f"objectives_{lang}"] = getattr(proposal, f"objectives_{lang}") or ""
        return data


class ReviewForm(forms.Form):
    """The lead institution's answer. The counterproposal is a `ProposalForm` with the prefix
    "counter", bound next to this one; the action decides what each outcome requires."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (value, label)
            for value, label in ViabilityReview.Outcome.choices
            if value != ViabilityReview.Outcome.PENDING
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bilingual(self, "changes", str(_("Changes required")))
        _bilingual(self, "reasons", str(_("Reasons it is not viable")))
        bound_fields(self)


class SubmitSetForm(forms.Form):
    """Submitting the set cannot be undone: the person ticks that they know it (works without
    JavaScript; the view refuses a submission without the tick)."""

    final = forms.BooleanField(
        label=_("I understand that submitting is final: the proposals can no longer change."),
        error_messages={"required": _("Tick the box to confirm that the submission is final.")},
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Official answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason for hiding"),
        max_length=500,
        help_text=_("Shown in place of the comment."),
    )


class DelegateForm(forms.Form):
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=Organisation.objects)
    email = forms.EmailField(
        label=_("Delegate's e-mail"),
        help_text=_("The address of the delegate's account in cocrea."),
    )

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Organisation.objects.filter(pk__in=institutions)
        bound_fields(self)
