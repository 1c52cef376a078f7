from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .actions import mail_password_reset


class SignUpForm(SetPasswordMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("Shown publicly next to your comments."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Never published. We send a link to it to activate your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()
    accept_privacy = forms.BooleanField(
        required=True,
        label=_("I have read and accept the privacy notice."),
        error_messages={"required": _("You need to accept the privacy notice to sign up.")},
    )

    def clean(self):
        self.validate_passwords()
        data = self.cleaned_data
        # Django's validators compare the password with what the person typed about themselves.
        person = get_user_model()(
            username=(data.get("email") or "").split("@")[0],
            email=data.get("email") or "",
            first_name=data.get("full_name") or "",
        )
        self.validate_password_for_user(person)
        return data

    def action_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "email": data["email"],
            "password": data["password1"],
        }


class PasswordResetForm(DjangoPasswordResetForm):
    """Django's form, mailing in the project's way: plain text in the account's language, with
    the link built on SITE_URL (never on the Host header of the request)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        language = user.preferred_language or get_language() or settings.LANGUAGE_CODE
        mail_password_reset(user, uid=context["uid"], token=context["token"], language=language)
