"""Forms of the methodology, the eligibility checks and the ballots: input only; the actions
decide what each requires (texts in the plan's default language, weights, scales)."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import bound_fields
from cocrea.core.languages import plan_language_codes
from cocrea.events.models import Event

from .models import SCALE_LIMITS, WEIGHT_LIMITS

ROWS_MAX = 30


def _label(label, lang: str, languages: list[str]) -> str:
    return f"{label} ({lang.upper()})" if len(languages) > 1 else str(label)


def bilingual(form, name: str, label, plan, *, rows: int | None = 3, max_length=None) -> list[str]:
    """A text once per language of the plan (the default language first); the names added."""
    languages = plan_language_codes(plan)
    names = []
    for lang in languages:
        key = f"{name}_{lang}"
        widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
        form.fields[key] = forms.CharField(
            label=_label(label, lang, languages),
            required=False,
            widget=widget,
            max_length=max_length,
        )
        names.append(key)
    return names


class MethodologyForm(forms.Form):
    """The draft's introduction and, from version 2 on, the reason for the change."""

    def __init__(self, *args, plan=None, with_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        bilingual(self, "introduction", _("Introduction"), plan, rows=4)
        if with_reason:
            bilingual(self, "reason", _("Reason for the change"), plan)
        bound_fields(self, plan)


class NewVersionForm(forms.Form):
    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        bilingual(self, "reason", _("Reason for the change"), plan)
        bound_fields(self, plan)


class RequirementForm(forms.Form):
    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        bilingual(self, "text", _("Requirement"), plan, rows=None, max_length=300)
        bilingual(self, "guidance", _("Guidance"), plan, rows=2)
        bound_fields(self, plan)


class CriterionForm(forms.Form):
    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        bilingual(self, "name", _("Criterion"), plan, rows=None, max_length=200)
        bilingual(self, "guidance", _("Guidance"), plan, rows=2)
        self.fields["weight"] = forms.IntegerField(
            label=_("Weight"),
            required=False,
            min_value=WEIGHT_LIMITS[0],
            max_value=WEIGHT_LIMITS[1],
        )
        self.fields["scale_min"] = forms.IntegerField(
            label=_("Lowest score"),
            required=False,
            min_value=SCALE_LIMITS[0],
            max_value=SCALE_LIMITS[1],
        )
        self.fields["scale_max"] = forms.IntegerField(
            label=_("Highest score"),
            required=False,
            min_value=SCALE_LIMITS[0],
            max_value=SCALE_LIMITS[1],
        )
        bound_fields(self, plan)


class RowsFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        kept = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE"):
                kept.append({k: v for k, v in data.items() if k != "DELETE"})
        return kept


def rows_formset(form_class, data, *, plan, prefix: str, initial: list[dict]):
    """The rows of `form_class` with one empty row to fill; a post with `add_<prefix>` comes
    back with one more (no JavaScript needed)."""
    key = f"{prefix}-TOTAL_FORMS"
    if data is not None and key in data and f"add_{prefix}" in data:
        data = data.copy()
        try:
            total = int(data.get(key) or 0)
        except ValueError:
            total = 0
        data[key] = str(min(total + 1, ROWS_MAX))
    FormSet = forms.formset_factory(
        form_class,
        formset=RowsFormSet,
        extra=1,
        can_delete=True,
        max_num=ROWS_MAX,
        validate_max=True,
    )
    return FormSet(data, initial=initial, prefix=prefix, form_kwargs={"plan": plan})


def meetings(plan):
    """The plan's held commission meetings with minutes, newest first."""
    return (
        Event.objects.filter(
            plan=plan, kind=Event.Kind.COMMISSION_MEETING, status=Event.Status.HELD
        )
        .exclude(minutes="")
        .order_by("-starts_at")
    )


class MeetingField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        day = formats.date_format(timezone.localtime(obj.starts_at), "SHORT_DATE_FORMAT")
        return f"{obj.title} ({day})"


class AdoptForm(forms.Form):
    event = MeetingField(
        label=_("Commission meeting"),
        queryset=Event.objects.none(),
        help_text=_("Only held meetings with their minutes recorded are listed."),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = meetings(plan)
        bound_fields(self, plan)


class OverturnForm(AdoptForm):
    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        bilingual(self, "reason", _("The commission's reason"), plan)
        bound_fields(self, plan)


PASS, FAIL = "pass", "fail"


class CheckForm(forms.Form):
    """Each requirement: met or not, and the reason when not (it feeds the reasoned response)."""

    def __init__(self, *args, plan=None, requirements=(), check=None, **kwargs):
        initial = {}
        if check is not None:
            for result in check.results.all():
                initial[f"req_{result.requirement_id}"] = PASS if result.passed else FAIL
                for lang in ("es", "en"):
                    initial[f"reason_{result.requirement_id}_{lang}"] = getattr(
                        result, f"reason_{lang}"
                    )
        super().__init__(*args, initial=initial, **kwargs)
        self.requirements = list(requirements)
        self.rows = []
        for requirement in self.requirements:
            name = f"req_{requirement.pk}"
            self.fields[name] = forms.ChoiceField(
                label=requirement.text,
                required=False,
                choices=[(PASS, _("Met")), (FAIL, _("Not met"))],
                widget=forms.RadioSelect,
            )
            reasons = bilingual(self, f"reason_{requirement.pk}", _("Reason it is not met"), plan)
            self.rows.append((requirement, name, reasons))
        bound_fields(self, plan)

    def layout(self):
        return [
            (requirement, self[name], [self[r] for r in reasons])
            for requirement, name, reasons in self.rows
        ]

    def results(self) -> dict:
        data = self.cleaned_data
        found = {}
        for requirement, name, _reasons in self.rows:
            answer = data.get(name)
            passed = None if not answer else answer == PASS
            found[requirement.pk] = (
                passed,
                data.get(f"reason_{requirement.pk}_es", ""),
                data.get(f"reason_{requirement.pk}_en", ""),
            )
        return found


class BallotForm(forms.Form):
    """A score on each criterion of the published methodology, and an optional comment."""

    def __init__(self, *args, plan=None, criteria=(), ballot=None, **kwargs):
        initial = {}
        if ballot is not None and not ballot.abstained:
            initial = {f"score_{s.criterion_id}": s.value for s in ballot.scores.all()}
            initial["comment"] = ballot.comment
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name,
                required=False,
                widget=forms.NumberInput(
                    attrs={"min": criterion.scale_min, "max": criterion.scale_max}
                ),
                help_text=_("From %(low)s to %(high)s.")
                % {"low": criterion.scale_min, "high": criterion.scale_max},
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comment (optional)"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        bound_fields(self, plan)

    def layout(self):
        return [(criterion, self[f"score_{criterion.pk}"]) for criterion in self.criteria]

    def scores(self) -> dict[int, int]:
        return {
            c.pk: self.cleaned_data[f"score_{c.pk}"]
            for c in self.criteria
            if self.cleaned_data.get(f"score_{c.pk}") is not None
        }


class ConflictForm(forms.Form):
    conflict = forms.CharField(
        label=_("Your conflict of interest"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("You abstain on this proposal: your scores on it, if any, are removed."),
        error_messages={"required": _("Say what the conflict of interest is.")},
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self, plan)
