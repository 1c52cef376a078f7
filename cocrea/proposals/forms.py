import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields
from cocrea.core.languages import plan_language_codes
from cocrea.organisations.models import Organisation
from cocrea.organisations.queries import institutions_of, organisations_of
from cocrea.plans import commitment_templates as ct
from cocrea.plans.versions import language_codes

from .models import Proposal, ViabilityReview
from .revisions import milestone_rows, rows_field, snapshot


def _default_language(plan) -> str:
    return plan.default_language if plan is not None else language_codes()[0]


def _label(label, lang: str, languages: list[str]) -> str:
    return f"{label} ({lang.upper()})" if len(languages) > 1 else str(label)


def _text_field(kind: str, label: str, required_hint: bool, *, rows: int = 4) -> forms.Field:
    help_text = _("Required by the template.") if required_hint else ""
    if kind == ct.LINE:
        return forms.CharField(label=label, required=False, max_length=250, help_text=help_text)
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class ProposalForm(forms.Form):
    """A proposal (or counterproposal) in its version of the OGP commitment template, built from
    the version's declaration: text fields once per language of the plan, the milestones in the
    formset beside it (`MilestoneFormSet`). Everything is optional here: a draft may be
    incomplete; submitting the set checks what the template requires in the plan's default
    language."""

    def __init__(
        self, *args, plan=None, version: str | None = None, declared_fields=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.version = version or (plan.template_version if plan else ct.DEFAULT)
        # A commitment's form passes its own declaration (`ct.commitment_fields`).
        self.declared_fields = declared_fields or ct.fields(self.version)
        self.plan = plan
        self.languages = plan_language_codes(plan)
        default = _default_language(plan)
        self.layout: list[tuple[str, list[str]]] = []
        for declared in self.declared_fields:
            names = self._add(declared, default)
            if not self.layout or self.layout[-1][0] != declared.section:
                self.layout.append((declared.section, []))
            self.layout[-1][1].extend(names or [declared.name])
        bound_fields(self, plan)

    def _add(self, declared: ct.Field, default: str) -> list[str]:
        kind, label, name = declared.kind, declared.label, declared.name
        if declared.translated:
            names = []
            for lang in self.languages:
                key = f"{name}_{lang}"
                hint = declared.required and lang == default
                self.fields[key] = _text_field(kind, _label(label, lang, self.languages), hint)
                names.append(key)
            return names
        hint = _("Required by the template.") if declared.required else ""
        if kind == ct.DATE:
            field = forms.DateField(label=label, required=False, widget=DateInput())
        elif kind == ct.EMAIL:
            field = forms.EmailField(label=label, required=False)
        elif kind == ct.CHOICE:
            field = forms.ChoiceField(
                label=label, required=False, choices=[("", "—"), *declared.choices]
            )
        elif kind == ct.MULTI:
            field = forms.MultipleChoiceField(
                label=label,
                required=False,
                choices=declared.choices,
                widget=forms.CheckboxSelectMultiple,
            )
        elif kind == ct.CONSENT:
            field = forms.BooleanField(label=label, required=False)
        elif kind == ct.PLAIN:
            max_length = Proposal._meta.get_field(name).max_length
            field = forms.CharField(label=label, required=False, max_length=max_length)
        else:  # ROWS: the milestone formset
            return []
        field.help_text = hint
        self.fields[name] = field
        return [name]

    def sections(self) -> list[dict]:
        """(label, bound fields, whether the milestones go here) in the order of the template."""
        rows = rows_field(self.declared_fields)
        return [
            {
                "label": label,
                "fields": [self[name] for name in names if name in self.fields],
                "rows": rows is not None and rows.name in names,
            }
            for label, names in self.layout
        ]

    @staticmethod
    def initial_from(proposal) -> dict:
        if proposal is None:
            return {}
        data = snapshot(proposal)
        data.pop("milestones", None)
        for declared in ct.fields(proposal.template_version):
            if declared.kind == ct.DATE:
                data[declared.name] = getattr(proposal, declared.name)
        return data


class BaseMilestoneFormSet(forms.BaseFormSet):
    def is_valid(self) -> bool:
        """Valid when not posted (the rows stay as they are) or when every row is."""
        return not self.is_bound or super().is_valid()

    def rows(self) -> list[dict] | None:
        """The cells of the rows kept (not deleted), in order, empty rows dropped later; None
        when the rows were not posted."""
        if not self.is_bound:
            return None
        kept = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE"):
                kept.append({k: v for k, v in data.items() if k != "DELETE"})
        return kept


class MilestoneForm(forms.Form):
    """One row of the milestones table: the columns of the version, texts once per language."""

    def __init__(
        self, *args, plan=None, version: str | None = None, declared_fields=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.plan = plan
        declared = rows_field(
            declared_fields or version or (plan.template_version if plan else ct.DEFAULT)
        )
        languages = plan_language_codes(plan)
        default = _default_language(plan)
        for column in declared.columns if declared else ():
            if column.kind in ct.TRANSLATED:
                for lang in languages:
                    hint = column.required and lang == default
                    label = _label(column.label, lang, languages)
                    self.fields[f"{column.name}_{lang}"] = _text_field(
                        column.kind, label, hint, rows=2
                    )
            else:
                self.fields[column.name] = self.column_field(column)
        bound_fields(self, plan)

    def column_field(self, column: ct.Column) -> forms.Field:
        """The field of a column that is not a text (a date; a commitment adds others)."""
        return forms.DateField(
            label=column.label,
            required=False,
            widget=DateInput(),
            help_text=_("Required by the template.") if column.required else "",
        )


MILESTONES_MAX = 30


def milestone_formset(
    data=None,
    *,
    plan,
    version: str | None = None,
    text=None,
    prefix=None,
    form=MilestoneForm,
    declared_fields=None,
    initial=None,
):
    """The milestone rows of `text` (a proposal or counterproposal, or None) as a formset with
    one empty row to fill; "add a row" posts the form back with `add_row` and one more. A
    commitment passes its row `form`, its `declared_fields` and the `initial` rows."""
    version = version or plan.template_version
    prefix = prefix or "milestones"
    extra = 1
    key = f"{prefix}-TOTAL_FORMS"
    if data is not None and key not in data:
        data = None  # a post without the rows (not from the page) leaves them as they are
    if data is not None and "add_row" in data:
        data = data.copy()
        try:
            total = int(data.get(key) or 0)
        except ValueError:
            total = 0
        data[key] = str(min(total + 1, MILESTONES_MAX))
    FormSet = forms.formset_factory(
        form,
        formset=BaseMilestoneFormSet,
        extra=extra,
        can_delete=True,
        max_num=MILESTONES_MAX,
        validate_max=True,
    )
    if initial is None:
        initial = _initial_rows(version, text)
    kwargs = {"plan": plan, "version": version}
    if declared_fields is not None:
        kwargs["declared_fields"] = declared_fields
    return FormSet(data, initial=initial, prefix=prefix, form_kwargs=kwargs)


def _initial_rows(version: str, text) -> list[dict]:
    initial = []
    if text is not None and text.pk:
        for row in milestone_rows(version, text.milestones.all()):
            initial.append(
                {
                    key: datetime.date.fromisoformat(value)
                    if key.endswith("date") and value
                    else value
                    for key, value in row.items()
                }
            )
    return initial


def _bilingual(form: forms.Form, name: str, label: str, plan, *, rows: int = 3):
    """A text once per language of the plan; the action requires the default language's."""
    languages = plan_language_codes(plan)
    for lang in languages:
        form.fields[f"{name}_{lang}"] = forms.CharField(
            label=_label(label, lang, languages),
            required=False,
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
        _bilingual(self, "objectives", str(_("Objectives")), plan, rows=4)
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

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        _bilingual(self, "changes", str(_("Changes required")), plan)
        _bilingual(self, "reasons", str(_("Reasons it is not viable")), plan)
        bound_fields(self, plan)


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
