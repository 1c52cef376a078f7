"""Forms of the translation, the final version, its delivery and the publication: input
validation only (the actions decide)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocrea.core.forms import DateInput, bound_fields
from cocrea.events.models import Event

from .models import DraftVersion
from .translation_check import Part

# A one-line text (a title) gets an input; everything else a text area.
ONE_LINE = {"title"}


class TranslationForm(forms.Form):
    """The texts of one part of the document, every language side by side: one input per
    (text, language), named `Text.key(language)`."""

    def __init__(self, data=None, *, part: Part, languages: list[tuple[str, str]], plan):
        super().__init__(data)
        self.part = part
        self.rows = []
        for text in part.texts:
            cells = []
            for code, name in languages:
                key = text.key(code)
                model_field = text.obj._meta.get_field(f"{text.name}_{code}")
                widget = (
                    forms.TextInput()
                    if text.name in ONE_LINE
                    else forms.Textarea(attrs={"rows": 4})
                )
                self.fields[key] = forms.CharField(
                    label=f"{text.label} ({name})",
                    required=False,
                    initial=text.values.get(code, ""),
                    max_length=getattr(model_field, "max_length", None),
                    widget=widget,
                )
                self.fields[key].widget.attrs["lang"] = code
                cells.append(key)
            self.rows.append((text, cells))
        bound_fields(self, plan)

    def texts_by_object(self) -> list[tuple[object, dict]]:
        """(row, {field name: text}) for each row of the part (the part, then its milestones)."""
        found: dict[int, tuple[object, dict]] = {}
        for text, cells in self.rows:
            entry = found.setdefault(id(text.obj), (text.obj, {}))
            for key in cells:
                name = key.split("-", 1)[1] if key.startswith("m") and "-" in key else key
                entry[1][name] = self.cleaned_data.get(key, "")
        return list(found.values())

    def bound_rows(self):
        """(text, [bound fields by language]) for the template."""
        return [(text, [self[key] for key in cells]) for text, cells in self.rows]


class FinalVersionForm(forms.Form):
    note = forms.CharField(
        label=_("What changed since the last draft"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I confirm the document is complete in every language: the final version is frozen "
            "and its files are produced once."
        ),
        required=True,
    )

    def __init__(self, data=None, *, plan):
        super().__init__(data)
        bound_fields(self, plan)


class DeliveryForm(forms.Form):
    version = forms.ModelChoiceField(label=_("Final version"), queryset=DraftVersion.objects.none())
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DateInput())
    recipient = forms.CharField(label=_("Delivered to"), max_length=250)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, data=None, *, plan):
        super().__init__(data, initial={"delivered_on": timezone.localdate()})
        self.fields["version"].queryset = DraftVersion.objects.filter(
            plan=plan, is_final=True
        ).order_by("-major", "-minor")
        self.fields["version"].label_from_instance = lambda version: version.label
        bound_fields(self, plan)


class PublishForm(forms.Form):
    presentation = forms.ModelChoiceField(
        label=_("Presentation event"), queryset=Event.objects.none(), required=False
    )
    confirm = forms.BooleanField(
        label=_(
            "I confirm: the final version becomes the published plan and nothing of its "
            "document can change afterwards."
        ),
        required=True,
    )

    def __init__(self, data=None, *, plan):
        super().__init__(data)
        self.fields["presentation"].queryset = Event.objects.filter(
            plan=plan, kind=Event.Kind.PRESENTATION
        ).order_by("-starts_at")
        bound_fields(self, plan)
