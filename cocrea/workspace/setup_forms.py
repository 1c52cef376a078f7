"""The forms of a cycle's setup: a new plan and its secretariat, the plan's settings, its
commission and members, people invited into roles, platform administrators. Input validation
only: the actions decide (and refuse with a ValidationError the views show on the form)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields, plan_language_fields
from cocrea.organisations.models import Jurisdiction, Organisation
from cocrea.plans.actions import frozen_changes
from cocrea.plans.models import (
    ALTERNATES_PER_TABLE_AXIS_RANGE,
    COMMITMENTS_PER_TABLE_AXIS_RANGE,
    FROZEN_FIELDS,
    MAX_COMMITMENTS_RANGE,
    ActionPlan,
    Commission,
    Role,
    site_languages,
)

# The range of each number of a plan (plans/models.py), shown on its input.
NUMBER_RANGES = {
    "max_commitments": MAX_COMMITMENTS_RANGE,
    "commitments_per_table_axis": COMMITMENTS_PER_TABLE_AXIS_RANGE,
    "alternates_per_table_axis": ALTERNATES_PER_TABLE_AXIS_RANGE,
}


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show an action's refusal on `form`: on the field it names when the form has it, above
    the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _emails(text: str) -> list[str]:
    """The addresses of a text, one a line (or separated by commas), each once whatever its case."""
    found, seen = [], set()
    for raw in text.replace(",", "\n").replace(";", "\n").splitlines():
        email = raw.strip()
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValidationError(
                _("“%(email)s” is not an e-mail address.") % {"email": email}
            ) from error
        if email.lower() not in seen:
            seen.add(email.lower())
            found.append(email)
    return found


def _organisations(plan=None):
    """The organisations of the plan's jurisdiction (and its lead agency, wherever it is)."""
    organisations = Organisation.objects.order_by("name")
    if plan is not None and plan.jurisdiction_id:
        organisations = organisations.filter(
            Q(jurisdiction_id=plan.jurisdiction_id) | Q(pk=plan.lead_agency_id)
        )
    return organisations


class PlanCreateForm(forms.Form):
    """A new plan: its titles, short name, country, period, jurisdiction and secretariat."""

    default_language = forms.ChoiceField(
        label=_("Default language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text=_(
            "The plan's languages are this one and each one you give the title in; change them "
            "in the plan's settings."
        ),
    )
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=250, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250, required=False)
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=60,
        help_text=_("Letters, digits and hyphens; it appears in the plan's addresses."),
        error_messages={"invalid": _("Use only letters, digits and hyphens, without spaces.")},
    )
    country = forms.CharField(label=_("Country"), max_length=100)
    country_code = forms.RegexField(
        label=_("Country code"),
        regex=r"^[A-Za-z]{2}$",
        max_length=2,
        help_text=_("Two letters (ISO 3166), e.g. PA."),
        error_messages={"invalid": _("Enter the two letters of the country code.")},
    )
    period_start = forms.DateField(label=_("Period start"), widget=DateInput())
    period_end = forms.DateField(label=_("Period end"), widget=DateInput())
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"),
        queryset=Jurisdiction.objects.order_by("name"),
        required=False,
        help_text=_("Or create a new one below."),
    )
    new_jurisdiction_name = forms.CharField(
        label=_("New jurisdiction: name"), max_length=200, required=False
    )
    new_jurisdiction_kind = forms.ChoiceField(
        label=_("New jurisdiction: type"),
        choices=Jurisdiction.Kind.choices,
        initial=Jurisdiction.Kind.NATIONAL,
        required=False,
    )
    secretariat = forms.CharField(
        label=_("Secretariat"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The e-mail addresses of the people who run the plan, one a line. A person without "
            "an account gets one and is mailed a link to choose a password."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if ActionPlan.objects.filter(slug=slug).exists():
            raise ValidationError(_("Another plan already has this short name."))
        return slug

    def clean_country_code(self):
        return self.cleaned_data["country_code"].upper()

    def clean_default_language(self):
        return self.cleaned_data["default_language"] or settings.LANGUAGE_CODE

    def clean_secretariat(self):
        emails = _emails(self.cleaned_data["secretariat"])
        if not emails:
            raise ValidationError(_("Name at least one person of the secretariat."))
        return emails

    def clean(self):
        data = super().clean()
        chosen = data.get("jurisdiction")
        new_name = (data.get("new_jurisdiction_name") or "").strip()
        if chosen and new_name:
            self.add_error(
                "new_jurisdiction_name",
                _("Choose a jurisdiction or create one, not both."),
            )
        elif not chosen and not new_name:
            self.add_error("jurisdiction", _("Choose the plan's jurisdiction or create one."))
        default = data.get("default_language")
        if default and not (data.get(f"title_{default}") or "").strip():
            self.add_error(f"title_{default}", _("Give the title in the default language."))
        return data

    def plan_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "title_es",
                "title_en",
                "slug",
                "country",
                "country_code",
                "period_start",
                "period_end",
            )
        }
        default = data["default_language"]
        fields["title"] = data[f"title_{default}"]
        fields["default_language"] = default
        fields["languages"] = ",".join(
            code
            for code in site_languages()
            if code == default or (data.get(f"title_{code}") or "").strip()
        )
        if data.get("jurisdiction"):
            fields["jurisdiction"] = data["jurisdiction"]
        return fields

    def new_jurisdiction(self) -> dict | None:
        name = (self.cleaned_data.get("new_jurisdiction_name") or "").strip()
        if not name:
            return None
        return {
            "name": name,
            "kind": self.cleaned_data.get("new_jurisdiction_kind") or Jurisdiction.Kind.NATIONAL,
            "country_code": self.cleaned_data["country_code"],
        }


def settings_fields() -> list[str]:
    languages = site_languages()
    return [
        *[f"title_{code}" for code in languages],
        *[f"summary_{code}" for code in languages],
        "period_start",
        "period_end",
        "jurisdiction",
        "languages",
        "default_language",
        *FROZEN_FIELDS,
        "lead_agency",
        "contact_name",
        *[f"contact_title_{code}" for code in languages],
        "contact_email",
        "contact_phone",
        *[f"contact_address_{code}" for code in languages],
    ]


class PlanSettingsForm(forms.ModelForm):
    """The plan's settings, for its secretariat. The numbers and the commitment template are
    shown read-only, with the reason, once a proposal set is submitted."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the plan's content is written in."),
    )
    default_language = forms.ChoiceField(
        label=_("Default language"),
        choices=settings.LANGUAGES,
        help_text=_("Content is required in this language; pages fall back to it."),
    )

    class Meta:
        model = ActionPlan
        fields = settings_fields()
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
        } | {
            f"{name}_{code}": forms.Textarea(attrs={"rows": 3})
            for name in ("summary", "contact_address")
            for code in site_languages()
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance
        self.initial["languages"] = plan.language_list
        self.fields["lead_agency"].queryset = _organisations(plan)
        self.fields["jurisdiction"].required = True
        for name, (low, high) in NUMBER_RANGES.items():
            field = self.fields[name]
            field.widget.attrs.update({"min": str(low), "max": str(high)})
            field.help_text = _("From %(low)s to %(high)s.") % {"low": low, "high": high}
        self.fields["alternates_per_table_axis"].help_text = _(
            "From %(low)s to %(high)s; 0: the tables propose no alternates."
        ) % dict(zip(("low", "high"), ALTERNATES_PER_TABLE_AXIS_RANGE, strict=True))
        self.frozen = plan.numbers_frozen()
        if self.frozen:
            for name in FROZEN_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Fixed: a working table has already submitted its proposals."
                )
        # Texts in the plan's languages only; a language added here gets its inputs once saved.
        plan_language_fields(self, plan)
        bound_fields(self, plan)

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        return ",".join(code for code in site_languages() if code in chosen)

    def clean(self):
        data = super().clean()
        default = data.get("default_language")
        if default and f"title_{default}" not in self.fields:
            # A language the plan did not have: its title is asked once the language is saved.
            if not (getattr(self.instance, f"title_{default}", "") or "").strip():
                self.add_error(
                    "default_language",
                    _("Save the new language and give the plan's title in it first."),
                )
        elif default and not (data.get(f"title_{default}") or "").strip():
            self.add_error(
                f"title_{default}",
                _("Give the title in the default language."),
            )
        self._refuse_frozen_changes()
        return data

    def _refuse_frozen_changes(self) -> None:
        """A disabled field keeps the plan's value whatever is posted: a number typed on a page
        loaded before the first set was submitted would be dropped in silence. Refuse it with the
        action's reason instead."""
        if not self.frozen:
            return
        posted = {}
        for name in FROZEN_FIELDS:
            field = self.fields[name]
            raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if raw in (None, ""):
                continue  # not posted: a browser does not send a disabled input
            try:
                posted[name] = field.to_python(raw)
            except ValidationError:
                posted[name] = raw
        for name, message in frozen_changes(self.instance, posted).items():
            self.add_error(name, message)


class CommissionForm(forms.ModelForm):
    class Meta:
        model = Commission
        fields = [
            *[f"name_{code}" for code in site_languages()],
            "acronym",
            *[f"mandate_{code}" for code in site_languages()],
            *[f"participation_rules_{code}" for code in site_languages()],
        ]
        widgets = {
            f"{name}_{code}": forms.Textarea(attrs={"rows": 4})
            for name in ("mandate", "participation_rules")
            for code in site_languages()
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[f"name_{plan.default_language}"].required = True
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class PersonForm(forms.Form):
    """A person named by e-mail address: their account, or a new one made for them."""

    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        help_text=_("For a person who has no account yet."),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        bound_fields(self, plan)


class MemberForm(PersonForm):
    """A member of the commission and the organisation they represent."""

    organisation = forms.ModelChoiceField(
        label=_("Represents"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["organisation"].queryset = _organisations(plan)


class InviteForm(PersonForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["organisation"].queryset = _organisations(plan)


class RoleFilterForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )


class PlatformAdminForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Of a person who already has an account."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)
