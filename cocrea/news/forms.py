from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields, plan_language_fields


class NewsForm(forms.Form):
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=250)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250, required=False)
    summary_es = forms.CharField(
        label=_("Summary (Spanish)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    summary_en = forms.CharField(
        label=_("Summary (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    body_es = forms.CharField(label=_("Text (Spanish)"), widget=forms.Textarea(attrs={"rows": 8}))
    body_en = forms.CharField(
        label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 8}), required=False
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
