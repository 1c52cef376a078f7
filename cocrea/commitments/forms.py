"""The commitment's form: the proposal's template form (cocrea/proposals/forms.py) built from the
commitment's declaration (`commitment_fields`), with the institutions chosen among the plan's
country's organisations, read once per page whatever the number of milestone rows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.organisations.models import Organisation
from cocrea.organisations.queries import organisations_of
from cocrea.plans import commitment_templates as ct
from cocrea.plans.versions import language_codes
from cocrea.proposals.forms import MilestoneForm, ProposalForm, milestone_formset

from .models import TOTAL_WEIGHT, Commitment


class Institutions:
    """The organisations of the plan's country, read once, by id."""

    def __init__(self, plan):
        self.all = list(organisations_of(plan))
        self.by_id = {str(o.pk): o for o in self.all}
        self.public = [o for o in self.all if o.kind == Organisation.Kind.PUBLIC_INSTITUTION]


class InstitutionField(forms.ChoiceField):
    """One organisation among `organisations`; another id (forged, another country's) is an
    invalid choice."""

    def __init__(self, *, organisations, by_id, **kwargs):
        super().__init__(
            choices=[("", "—"), *((str(o.pk), o.name) for o in organisations)], **kwargs
        )
        self.by_id = by_id

    def clean(self, value):
        value = super().clean(value)
        return self.by_id.get(str(value)) if value else None


class InstitutionsField(forms.MultipleChoiceField):
    def __init__(self, *, organisations, by_id, **kwargs):
        super().__init__(choices=[(str(o.pk), o.name) for o in organisations], **kwargs)
        self.by_id = by_id

    def clean(self, value):
        return [self.by_id[str(v)] for v in super().clean(value)]


def _institutions(given, plan) -> Institutions:
    """The organisations a page read once, or those of `plan`."""
    return given if isinstance(given, Institutions) else Institutions(plan)


def _hint(required: bool):
    return _("Required by the template.") if required else ""


class CommitmentForm(ProposalForm):
    """The commitment in its declaration: the template's fields, then its institutions, budget,
    national plans and SDGs. Everything is optional here; `missing` lists what is not there."""

    def __init__(
        self,
        *args,
        plan=None,
        commitment: Commitment | None = None,
        institutions: Institutions | None = None,
        **kwargs,
    ):
        plan = commitment.plan if commitment is not None else plan
        version = commitment.template_version if commitment is not None else plan.template_version
        self.institutions = _institutions(institutions, plan)
        super().__init__(
            *args,
            plan=plan,
            version=version,
            declared_fields=ct.commitment_fields(version),
            **kwargs,
        )

    def _add(self, declared: ct.Field, default: str) -> list[str]:
        found = self.institutions
        if declared.kind == ct.INSTITUTION:
            self.fields[declared.name] = InstitutionField(
                label=declared.label,
                required=False,
                organisations=found.public,
                by_id={str(o.pk): o for o in found.public},
                help_text=_hint(declared.required),
            )
            return [declared.name]
        if declared.kind == ct.INSTITUTIONS:
            self.fields[declared.name] = InstitutionsField(
                label=declared.label,
                required=False,
                organisations=found.all,
                by_id=found.by_id,
                widget=forms.SelectMultiple(attrs={"size": 8}),
                help_text=_("Hold Ctrl (or ⌘) to choose several."),
            )
            return [declared.name]
        return super()._add(declared, default)

    @staticmethod
    def initial_from(commitment: Commitment) -> dict:
        data = ProposalForm.initial_from(commitment)
        data["lead_institution"] = commitment.lead_institution_id
        data["supporting_institutions"] = [o.pk for o in commitment.supporting_institutions.all()]
        return data


class CommitmentMilestoneForm(MilestoneForm):
    """A milestone row with its weight and responsible institution."""

    def __init__(self, *args, plan=None, institutions: Institutions | None = None, **kwargs):
        self.institutions = _institutions(institutions, plan)
        if kwargs.get("declared_fields") is None:
            version = kwargs.get("version") or plan.template_version
            kwargs["declared_fields"] = ct.commitment_fields(version)
        super().__init__(*args, plan=plan, **kwargs)

    def column_field(self, column: ct.Column) -> forms.Field:
        if column.kind == ct.NUMBER:
            return forms.IntegerField(
                label=column.label,
                required=False,
                min_value=1,
                max_value=TOTAL_WEIGHT,
                help_text=_("The weights of the milestones sum to 100."),
            )
        if column.kind == ct.INSTITUTION:
            return InstitutionField(
                label=column.label,
                required=False,
                organisations=self.institutions.all,
                by_id=self.institutions.by_id,
                help_text=_hint(column.required),
            )
        return super().column_field(column)


def commitment_milestones(data, commitment: Commitment, institutions: Institutions):
    """The commitment's milestone rows as a formset (one empty row to fill)."""
    initial = [snapshot_row(commitment, milestone) for milestone in commitment.milestones.all()]
    formset = milestone_formset(
        data,
        plan=commitment.plan,
        version=commitment.template_version,
        form=CommitmentMilestoneForm,
        declared_fields=commitment.declared_fields,
        initial=initial,
    )
    formset.form_kwargs["institutions"] = institutions
    return formset


def snapshot_row(commitment: Commitment, milestone) -> dict:
    declared = next(f for f in commitment.declared_fields if f.kind == ct.ROWS)
    row = {}
    for column in declared.columns:
        if column.kind in ct.TRANSLATED:
            for lang in language_codes():
                row[f"{column.name}_{lang}"] = getattr(milestone, f"{column.name}_{lang}") or ""
        elif column.kind == ct.INSTITUTION:
            row[column.name] = getattr(milestone, f"{column.name}_id")
        else:
            row[column.name] = getattr(milestone, column.name)
    return row
