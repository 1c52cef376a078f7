from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, DateTimeInput, bound_fields, plan_language_fields
from cocrea.core.languages import language_choices
from cocrea.organisations.models import Region
from cocrea.organisations.queries import institutions_of, organisations_of, region_label, regions_of
from cocrea.plans.models import Axis

from .models import (
    PURPOSES,
    Invitation,
    LiaisonRequest,
    OpenCall,
    PrivacyNotice,
    Registration,
    Requirement,
)


class RegistrationForm(forms.ModelForm):
    # Honeypot: hidden from people (CSS and aria-hidden); bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(
        required=True,
        label=_("I have read the privacy notice and consent to the use of my data it describes."),
    )

    class Meta:
        model = Registration
        fields = [
            "full_name",
            "email",
            "phone",
            "organisation_name",
            "sector",
            "region",
            "axes",
            "heard_from",
            "accessibility",
        ]
        widgets = {
            "axes": forms.CheckboxSelectMultiple,
            "accessibility": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name", "email", "region"):
            if name in self.fields:
                self.fields[name].required = True
        self.fields["axes"].queryset = Axis.objects.filter(plan=plan).order_by("number")
        self.fields["region"].queryset = regions_of(plan)
        self.fields["region"].label = region_label(plan)
        if "email" in self.fields:
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        bound_fields(self, plan)

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def action_fields(self) -> dict:
        data = {n: self.cleaned_data[n] for n in self._meta.fields if n not in ("axes", "region")}
        data["region_id"] = self.cleaned_data["region"].pk
        return data


class CorrectionForm(RegistrationForm):
    consent = None

    class Meta(RegistrationForm.Meta):
        fields = [n for n in RegistrationForm.Meta.fields if n != "email"]


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)


class RequirementForm(forms.ModelForm):
    class Meta:
        model = Requirement
        fields = ["text_es", "text_en", "applies_to"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("text_es", "text_en"):
            self.fields[name].required = True
        # Required in the plan's default language; inputs for the plan's languages only.
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class CallForm(forms.ModelForm):
    class Meta:
        model = OpenCall
        fields = [
            "title_es",
            "title_en",
            "text_es",
            "text_en",
            "channels_es",
            "channels_en",
            "opens_at",
            "closes_at",
        ]
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan if self.instance.plan_id else None
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class PrivacyNoticeForm(forms.ModelForm):
    """A new version of the plan's privacy notice (a published one is never edited)."""

    class Meta:
        model = PrivacyNotice
        fields = ["legal_basis_es", "legal_basis_en", "text_es", "text_en", "requires_new_consent"]
        widgets = {
            "legal_basis_es": forms.Textarea(attrs={"rows": 2}),
            "legal_basis_en": forms.Textarea(attrs={"rows": 2}),
            "text_es": forms.Textarea(attrs={"rows": 8}),
            "text_en": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("legal_basis_es", "text_es"):
            self.fields[name].required = True
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["full_name", "email", "organisation", "side", "purpose", "table", "language"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = plan.tables.order_by("number")
        self.fields["organisation"].queryset = organisations_of(plan)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the e-mail"),
            choices=language_choices(plan),
            initial=plan.default_language,
        )
        bound_fields(self, plan)


class ConfirmInvitationForm(forms.Form):
    verified = forms.ModelMultipleChoiceField(
        label=_("Requirements verified"),
        queryset=Requirement.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verified"].queryset = plan.requirements.order_by("number")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)


class LiaisonRequestForm(forms.ModelForm):
    class Meta:
        model = LiaisonRequest
        fields = ["axis", "institution", "head_name", "head_email", "due_on", "language"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].queryset = plan.axes.order_by("number")
        self.fields["institution"].queryset = institutions_of(plan)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the e-mail"),
            choices=language_choices(plan),
            initial=plan.default_language,
        )
        bound_fields(self, plan)


class DesignateForm(forms.Form):
    full_name = forms.CharField(label=_("Liaison's full name"), max_length=200)
    email = forms.EmailField(label=_("Liaison's e-mail"))
    position = forms.CharField(label=_("Position"), max_length=200, required=False)


class LiaisonDeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)


class RegistrationFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    region = forms.ModelChoiceField(
        label=_("Province"), queryset=Region.objects.none(), required=False
    )
    axis = forms.ModelChoiceField(label=_("Axis"), queryset=Axis.objects.none(), required=False)

    def __init__(self, *args, plan, **kwargs):
        from .models import Sector

        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All")), *Sector.choices]
        self.fields["axis"].queryset = plan.axes.order_by("number")
        self.fields["region"].queryset = regions_of(plan)
        self.fields["region"].label = region_label(plan)


PURPOSE_CHOICES = list(PURPOSES.items())


class AddRegistrantForm(forms.Form):
    """A confirmed registration of the plan, to seat on a working table."""

    registration = forms.ModelChoiceField(
        label=_("Confirmed registration"), queryset=Registration.objects.none()
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = Registration.objects.filter(
            plan=plan, status=Registration.Status.CONFIRMED
        ).order_by("full_name")
