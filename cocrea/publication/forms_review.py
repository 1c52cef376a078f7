"""Forms of OGP's review rounds: opening one, a reviewer's comment (or commented DOCX), the
secretariat's resolution of a comment. They validate input only; the actions decide the rest."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cocrea.core.forms import bound_fields

from .models import RoundComment

# The states as the review pages say them (Spanish agrees them with "comentario" and "ronda").
COMMENT_STATUS = {
    RoundComment.Status.OPEN: pgettext_lazy("review comment", "Open"),
    RoundComment.Status.ADDRESSED: pgettext_lazy("review comment", "Addressed"),
    RoundComment.Status.DECLINED: pgettext_lazy("review comment", "Declined"),
}
ROUND_STATUS = {
    "open": pgettext_lazy("review round", "Open"),
    "closed": pgettext_lazy("review round", "Closed"),
}


class VersionField(forms.TypedChoiceField):
    """One of `versions` (read once per page, whatever the number of forms); another id is an
    invalid choice."""

    def __init__(self, *, versions, empty=None, **kwargs):
        self.by_id = {str(version.pk): version for version in versions}
        choices = [(str(version.pk), str(version)) for version in versions]
        super().__init__(choices=[("", empty), *choices] if empty else choices, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.by_id.get(str(value)) if value else None


class OpenRoundForm(forms.Form):
    """The version to send, its due date and the message to the reviewers."""

    due_on = forms.DateField(label=_("Comments due"))
    message = forms.CharField(
        label=_("Message to the reviewers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, plan, versions, **kwargs):
        super().__init__(*args, **kwargs)
        version = VersionField(label=_("Version"), versions=versions)
        self.fields = {"version": version, **self.fields}
        bound_fields(self, plan)


class CommentForm(forms.Form):
    """A reviewer's comment on one part of the version, or the DOCX they commented."""

    anchor = forms.ChoiceField(label=_("On"))
    body = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    attachment = forms.FileField(
        label=_("Commented document (DOCX)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document"
            }
        ),
    )

    def __init__(self, *args, plan, anchors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchor"].choices = anchors
        bound_fields(self, plan)

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("attachment"):
            raise ValidationError(_("Write a comment or attach the commented document."))
        return data


class ResolveForm(forms.Form):
    """What the secretariat did with a comment: addressed (the change, and optionally the later
    version that holds it), declined (the reason) or open again."""

    status = forms.ChoiceField(
        label=_("Status"), choices=list(COMMENT_STATUS.items()), widget=forms.RadioSelect
    )
    resolution = forms.CharField(
        label=_("The change made, or the reason for declining"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, plan, later_versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressed_in"] = VersionField(
            label=_("Addressed in version"),
            versions=later_versions,
            empty=_("Not issued yet"),
            required=False,
        )
        bound_fields(self, plan)
