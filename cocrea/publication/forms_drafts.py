"""Input of the public comment on a draft version and of the secretariat's answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import DRAFT_COMMENT_MAX_LENGTH


class DraftCommentForm(forms.Form):
    """A comment on one part of a version (`anchor`, a hidden field: each part has its form)."""

    anchor = forms.CharField(widget=forms.HiddenInput, max_length=60)
    body = forms.CharField(
        label=_("Your comment"),
        max_length=DRAFT_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DraftAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Official answer"),
        max_length=DRAFT_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
