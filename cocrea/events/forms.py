from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateTimeInput, bound_fields, plan_language_fields
from cocrea.organisations.models import Organisation, Region
from cocrea.organisations.queries import region_label, regions_of
from cocrea.tables.rules import tables_led_by

from .actions import event_fields
from .models import Event
from .rules import SCHEDULE_PERMISSIONS, can_manage_events

# An event's seats and a set of minutes' agreements: beyond these a number is a typing mistake.
MAX_CAPACITY = 10_000
MAX_AGREEMENTS = 100


# The order a person fills the form in: what, when, where, then who and how many (the action's
# set of editable fields has no order).
FIELD_ORDER = [
    "kind",
    "title_es",
    "title_en",
    "description_es",
    "description_en",
    "agenda_es",
    "agenda_en",
    "starts_at",
    "ends_at",
    "venue",
    "online_url",
    "region",
    "axis",
    "working_table",
    "organiser",
    "registration_open",
    "capacity",
]


class EventForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [name for name in FIELD_ORDER if name in event_fields()] + [
            name for name in event_fields() if name not in FIELD_ORDER
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()} | {
            f"{name}_{lang}": forms.Textarea(attrs={"rows": 4})
            for name in ("description", "agenda")
            for lang in ("es", "en")
        }

    def __init__(self, *args, plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._plan, self._user = plan, user
        self.fields["title_es"].required = True
        self.fields["axis"].queryset = plan.axes.all()
        tables = plan.tables.all()
        if not can_manage_events(user, plan):
            # A table leader schedules sessions of the tables they lead only.
            tables = tables.filter(pk__in=tables_led_by(user, plan))
        self.fields["working_table"].queryset = tables
        if "capacity" in self.fields:
            # At least one seat (empty: no limit); the model's own ">= 0" would say it twice.
            capacity = self.fields["capacity"]
            capacity.min_value, capacity.max_value = 1, MAX_CAPACITY
            capacity.validators = [
                v
                for v in capacity.validators
                if not isinstance(v, MinValueValidator | MaxValueValidator)
            ] + [MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
            capacity.widget.attrs.update({"min": 1, "max": MAX_CAPACITY})
        self.fields["region"].queryset = regions_of(plan)
        self.fields["region"].label = region_label(plan)
        plan_language_fields(self, plan)
        bound_fields(self, plan)

    def clean_kind(self):
        """A commission meeting, outreach or training is scheduled only while a step enabling it
        is open (the action refuses it too): say so on the form, with everything typed kept."""
        kind = self.cleaned_data["kind"]
        perm = SCHEDULE_PERMISSIONS.get(kind)
        unchanged = self.instance.pk is not None and self.instance.kind == kind
        if perm and not unchanged and not self._user.has_perm(perm, self._plan):
            label = Event.Kind(kind).label
            if can_manage_events(self._user, self._plan):
                raise forms.ValidationError(
                    _(
                        "No open step of the work programme enables “%(kind)s”: open one first, "
                        "or choose another kind of event."
                    )
                    % {"kind": label}
                )
            raise forms.ValidationError(
                _("Only the secretariat schedules “%(kind)s”.") % {"kind": label}
            )
        return kind


class CancelEventForm(forms.Form):
    reason_es = forms.CharField(
        label=_("Reason (Spanish)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    reason_en = forms.CharField(
        label=_("Reason (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Required in the plan's default language (the action accepts either language).
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("For the confirmation and the reminder; never published.")
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False)
    organisation_name = forms.CharField(
        label=_("Organisation (optional)"), max_length=250, required=False
    )
    organisation_kind = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("None: I take part as a citizen")), *Organisation.Kind.choices],
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Province"), queryset=Region.objects.none(), required=False
    )
    name_public = forms.BooleanField(
        label=_("My name and organisation may appear on the public attendance list"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my data are used to organise this event and to publish anonymous "
            "attendance figures. I may access, correct, cancel, oppose and take my data at any "
            "time by writing to the point of contact."
        )
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        _plan_regions(self, plan)
        bound_fields(self, plan)


def _plan_regions(form, plan) -> None:
    """Only the plan's own regions, under the name its jurisdiction gives them."""
    form.fields["region"].queryset = regions_of(plan)
    form.fields["region"].label = region_label(plan)


class RegistrationEditForm(forms.Form):
    """What the holder of a registration may correct (the e-mail is the registration itself)."""

    name = RegistrationForm.base_fields["name"]
    phone = RegistrationForm.base_fields["phone"]
    organisation_name = RegistrationForm.base_fields["organisation_name"]
    organisation_kind = RegistrationForm.base_fields["organisation_kind"]
    region = RegistrationForm.base_fields["region"]
    name_public = RegistrationForm.base_fields["name_public"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        _plan_regions(self, plan)
        bound_fields(self, plan)


class AttendanceForm(forms.Form):
    """Who of `registrations` (one page of the list) came. `shown` carries the registrations the
    page showed: saving marks only those, so each page is saved on its own."""

    present = forms.TypedMultipleChoiceField(
        label=_("Present"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    shown = forms.TypedMultipleChoiceField(
        coerce=int, required=False, widget=forms.MultipleHiddenInput
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        registered = [r for r in registrations if not r.walk_in]
        self.fields["present"].choices = [
            (r.pk, f"{r.name} ({r.organisation_name or '—'})") for r in registered
        ]
        self.fields["shown"].choices = [(r.pk, r.pk) for r in registered]
        self.initial["present"] = [r.pk for r in registered if r.attended]
        self.initial["shown"] = [r.pk for r in registered]


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=250, required=False)
    organisation_kind = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", "—"), *Organisation.Kind.choices],
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Province"), queryset=Region.objects.none(), required=False
    )
    name_public = forms.BooleanField(label=_("Agreed to be named publicly"), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        _plan_regions(self, plan)
        bound_fields(self, plan)


class MinutesForm(forms.Form):
    minutes_es = forms.CharField(
        label=_("Minutes (Spanish)"), widget=forms.Textarea(attrs={"rows": 8})
    )
    minutes_en = forms.CharField(
        label=_("Minutes (English)"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    decisions_es = forms.CharField(
        label=_("Agreements (Spanish), one per line"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    decisions_en = forms.CharField(
        label=_("Agreements (English), one per line, in the same order"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        plan_language_fields(self, plan)
        bound_fields(self, plan)

    def _agreements(self, name):
        text = self.cleaned_data[name]
        if len([line for line in text.splitlines() if line.strip()]) > MAX_AGREEMENTS:
            raise forms.ValidationError(
                _("At most %(max)s agreements in one set of minutes."),
                code="too_many_agreements",
                params={"max": MAX_AGREEMENTS},
            )
        return text

    def clean_decisions_es(self):
        return self._agreements("decisions_es")

    def clean_decisions_en(self):
        return self._agreements("decisions_en")

    def decisions(self) -> list[tuple[str, str]]:
        es = [
            line.strip()
            for line in self.cleaned_data.get("decisions_es", "").splitlines()
            if line.strip()
        ]
        en = [
            line.strip()
            for line in self.cleaned_data.get("decisions_en", "").splitlines()
            if line.strip()
        ]
        # One agreement per line in either language (a plan may have only one of them).
        count = max(len(es), len(en))
        es += [""] * (count - len(es))
        en += [""] * (count - len(en))
        return list(zip(es, en, strict=True))
