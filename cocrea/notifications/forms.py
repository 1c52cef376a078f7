from django import forms

from .catalogue import KINDS
from .models import Frequency


def changeable_kinds() -> list:
    """The kinds a person may choose for: all but the required ones."""
    return [kind for kind in KINDS if not kind.required]


class PreferencesForm(forms.Form):
    """One choice per changeable kind: immediately, daily digest, or off."""

    def __init__(self, *args, kinds=None, current: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = changeable_kinds() if kinds is None else kinds
        current = current or {}
        for kind in self.kinds:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
            )

    def choices(self) -> dict[str, str]:
        return {kind.key: self.cleaned_data[kind.key] for kind in self.kinds}
