from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.participation.models import Registration


class AddRegistrantForm(forms.Form):
    registration = forms.ModelChoiceField(
        label=_("Confirmed registration"), queryset=Registration.objects.none()
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = Registration.objects.filter(
            plan=plan, status=Registration.Status.CONFIRMED
        ).order_by("full_name")
