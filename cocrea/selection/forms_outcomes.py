"""Forms of the selection decision: input only; the actions decide what each outcome requires."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import bound_fields
from cocrea.core.languages import plan_language_codes
from cocrea.proposals.models import Proposal

from . import queries
from .models import Outcome


def _reasons(form: forms.Form, plan, label) -> None:
    """The reasons once per language of the plan (the action requires the default one's)."""
    languages = plan_language_codes(plan)
    for lang in languages:
        shown = f"{label} ({lang.upper()})" if len(languages) > 1 else str(label)
        form.fields[f"reason_{lang}"] = forms.CharField(
            label=shown, required=False, widget=forms.Textarea(attrs={"rows": 2})
        )


class MeetingForm(forms.Form):
    """The commission meeting the decisions on the page are recorded at (chosen once)."""

    meeting = forms.ModelChoiceField(
        label=_("Commission meeting"), queryset=None, empty_label=_("Choose the meeting")
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = queries.decision_meetings(plan)
        self.fields["meeting"].label_from_instance = lambda event: (
            f"{event.title} ({event.starts_at:%Y-%m-%d})"
        )


class OutcomeForm(forms.Form):
    """One proposal's outcome: the result from the short list, the reasons, the proposal it is
    merged into, whether it is selected as its counterproposal."""

    event = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    result = forms.ChoiceField(label=_("Outcome"), choices=Outcome.Result.choices)
    merged_into = forms.TypedChoiceField(
        label=_("Merged into"), coerce=int, required=False, empty_value=None
    )
    as_counterproposal = forms.BooleanField(
        label=_("Selected in the form of its counterproposal"), required=False
    )

    def __init__(self, *args, plan, proposal, merge_choices, **kwargs):
        """`merge_choices`: (pk, title) of the plan's submitted proposals (`merge_choices()`),
        read once for every row of the page."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["event"].queryset = queries.decision_meetings(plan)
        self.fields["event"].error_messages["required"] = _(
            "Choose the commission meeting at the top of the page first."
        )
        self.fields["merged_into"].choices = [
            ("", "—"),
            *((pk, title) for pk, title in merge_choices if pk != proposal.pk),
        ]
        if not getattr(proposal, "has_counterproposal", False):
            del self.fields["as_counterproposal"]
        _reasons(self, plan, _("Reasons"))
        bound_fields(self, plan)

    def clean_merged_into(self):
        pk = self.cleaned_data.get("merged_into")
        if pk is None:
            return None
        return Proposal.objects.filter(
            plan=self.plan, status=Proposal.Status.SUBMITTED, pk=pk
        ).first()


def merge_choices(plan) -> list[tuple[int, str]]:
    """The proposals a proposal of `plan` may be merged into: its submitted ones (one query)."""
    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED).order_by(
        "axis__number", "working_table__number", "id"
    )
    return [(p.pk, str(p)) for p in found]


class WithdrawForm(forms.Form):
    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        _reasons(self, plan, _("Reasons for withdrawing"))
        bound_fields(self, plan)


class PromoteForm(forms.Form):
    event = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = queries.decision_meetings(plan)
        self.fields["event"].error_messages["required"] = _(
            "Choose the commission meeting at the top of the page first."
        )
        _reasons(self, plan, _("Reasons"))
        bound_fields(self, plan)
