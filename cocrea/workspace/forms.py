from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields, plan_language_fields
from cocrea.plans import capabilities
from cocrea.plans.actions import step_fields
from cocrea.plans.models import Step


class StepForm(forms.ModelForm):
    capabilities = forms.MultipleChoiceField(
        label=_("While open, this step enables"),
        choices=capabilities.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("What people may do while it is open. Several steps may be open at once."),
    )

    class Meta:
        model = Step
        fields = step_fields()
        widgets = {
            name: DateInput()
            for name in ("planned_start", "planned_end", "actual_start", "actual_end")
        } | {
            name: forms.Textarea(attrs={"rows": 4}) for name in ("description_es", "description_en")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan if self.instance.plan_id else None
        for name in self.fields:
            if name.startswith("title_"):
                self.fields[name].required = True
        # The title is required in the plan's default language; the plan's languages only.
        plan_language_fields(self, plan)
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Leave empty to add the step at the end.")
        bound_fields(self, plan)

    def clean_capabilities(self):
        # In the catalogue's order, so an unchanged choice is not logged as a change.
        chosen = set(self.cleaned_data["capabilities"])
        return [key for key in capabilities.CATALOGUE if key in chosen]


class PublishForm(forms.Form):
    change_summary_es = forms.CharField(
        label=_("What changed (Spanish)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    change_summary_en = forms.CharField(
        label=_("What changed (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=DateInput(),
        help_text=_("Today if empty."),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        plan_language_fields(self, plan)
        bound_fields(self, plan)

    def change_summary(self) -> dict[str, str]:
        """The `change_summary_<lang>` texts, in the plan's languages."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name.startswith("change_summary_")
        }
