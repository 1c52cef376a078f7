from django import forms
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields, plan_language_fields
from cocrea.events.models import Event

from .models import DocType, Document


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, XLSX, ODT, PNG or JPEG."))
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=250)
    title_en = forms.CharField(label=_("Title (English)"), max_length=250, required=False)
    description_es = forms.CharField(
        label=_("Description (Spanish)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    doc_type = forms.ChoiceField(label=_("Type"), choices=DocType.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Document.Language.choices)
    step = forms.ModelChoiceField(label=_("Step"), queryset=None, required=False)
    event = forms.ModelChoiceField(label=_("Event"), queryset=None, required=False)
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=DateInput(),
        help_text=_("Today if empty."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = plan.steps.order_by("number")
        self.fields["event"].queryset = Event.objects.filter(plan=plan).order_by("-starts_at")
        plan_language_fields(self, plan)
        bound_fields(self, plan)
