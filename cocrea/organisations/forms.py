"""The secretariat's forms for its jurisdiction's regions and organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import bound_fields, plan_language_fields

from .models import Organisation, Region
from .queries import region_label, regions_of


class RegionForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = ["code", "name", "is_capital"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self, plan)


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name_es", "name_en", "acronym", "kind", "region", "website"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(plan)
        self.fields["region"].label = region_label(plan)
        self.fields["name_es"].required = True
        plan_language_fields(self, plan)
        bound_fields(self, plan)


class TerritorySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)
