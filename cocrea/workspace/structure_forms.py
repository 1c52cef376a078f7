"""Forms of the plan's structure pages: thematic axes, working tables and the programme's start."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import bound_fields
from cocrea.core.languages import plan_language_codes
from cocrea.plans import programme_templates
from cocrea.plans.models import ActionPlan, Axis, site_languages
from cocrea.tables.models import WorkingTable

LANGUAGE_NAMES = {"es": _("Spanish"), "en": _("English")}


def _text_fields(form, plan, names, required: str) -> None:
    """Keep the per-language fields of the plan's languages, labelled with the language; the
    `required` text is required in the plan's default language."""
    languages = plan_language_codes(plan)
    for name in list(form.fields):
        base, _sep, lang = name.rpartition("_")
        if base not in names:
            continue
        if lang not in languages:
            del form.fields[name]
            continue
        field = form.fields[name]
        field.label = f"{field.label} ({LANGUAGE_NAMES.get(lang, lang)})"
        field.required = base == required and lang == languages[0]


def _numbered_from_one(field: forms.IntegerField) -> None:
    """Axes and tables are numbered from 1 (the model's field would take 0). Setting `min_value`
    after the field is built adds no validator, so the validator (in place of the model's 0) and
    the input's `min` are set."""
    field.min_value = 1
    kept = [v for v in field.validators if not isinstance(v, MinValueValidator)]
    field.validators = [*kept, MinValueValidator(1)]
    field.widget.attrs["min"] = 1


def _text_names(names) -> list[str]:
    return [f"{name}_{lang}" for name in names for lang in site_languages()]


class AxisForm(forms.ModelForm):
    class Meta:
        model = Axis
        fields = ["number", *_text_names(("name", "description"))]
        widgets = {
            f"description_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in site_languages()
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        _text_fields(self, plan, ("name", "description"), required="name")
        _numbered_from_one(self.fields["number"])
        bound_fields(self, plan)

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Axis.objects.filter(plan=self.plan, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Another axis already has number %(number)s."), params={"number": number}
            )
        return number

    def validate_unique(self):
        """The plan is not a field of the form: clean_number checks the number is free."""


class TableForm(forms.ModelForm):
    axes = forms.ModelMultipleChoiceField(
        label=_("Thematic axes covered"),
        queryset=Axis.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The table drafts one set of proposals for each axis it covers."),
        error_messages={"required": _("Choose at least one thematic axis for the table.")},
    )

    class Meta:
        model = WorkingTable
        fields = ["number", *_text_names(("name", "description"))]
        widgets = {
            f"description_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in site_languages()
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["axes"].queryset = plan.axes.order_by("number")
        if self.instance.pk:
            self.initial.setdefault("axes", list(self.instance.axes.all()))
        _text_fields(self, plan, ("name", "description"), required="name")
        _numbered_from_one(self.fields["number"])
        bound_fields(self, plan)

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = WorkingTable.objects.filter(plan=self.plan, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another working table already has number %(number)s."),
                params={"number": number},
            )
        return number

    def validate_unique(self):
        """The plan is not a field of the form: clean_number checks the number is free."""


class StartProgrammeForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Start from"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a template or a plan to copy.")},
    )
    starts_on = forms.DateField(
        label=_("First day of the programme"),
        required=False,
        help_text=_(
            "Empty: a template ends just before the plan's period starts; a copy keeps its "
            "distance to its plan's period."
        ),
    )

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.earlier = {
            p.slug: p
            for p in ActionPlan.objects.exclude(pk=plan.pk)
            .filter(steps__isnull=False)
            .distinct()
            .order_by("-period_start")
        }
        self.fields["source"].choices = [
            (f"template:{key}", name) for key, name in programme_templates.choices()
        ] + [
            (f"plan:{slug}", _("A copy of the programme of %(plan)s") % {"plan": p.title})
            for slug, p in self.earlier.items()
        ]
        bound_fields(self, plan)

    def choice(self) -> dict:
        """The keyword arguments of `start_programme` for the chosen source."""
        kind, _sep, value = self.cleaned_data["source"].partition(":")
        chosen = {"starts_on": self.cleaned_data["starts_on"]}
        if kind == "template":
            return {**chosen, "template": value}
        return {**chosen, "copy_from": self.earlier[value]}
