"""The e-mails of the plans app: a person given a role in a plan is told so, in their language
(falling back to the plan's default language), with the link that sets their password when the
account was made for them. Sent after the action's transaction commits (`cocrea.core.mail`)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cocrea.accounts.mail import localized_path
from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url
from cocrea.core.mail import send_template

from .models import Role, site_languages


def language_for(user, plan) -> str:
    """The language to write to `user` about `plan`: theirs if the plan speaks it, else the
    plan's default language. The mail's links (the workspace, the password page) lead to the
    pages in that language too: an English-only plan never sends a Spanish reader to a page in
    Spanish."""
    code = plan_language(plan, getattr(user, "preferred_language", ""))
    return code if code in site_languages() else settings.LANGUAGE_CODE


def set_password_url(user, language: str) -> str:
    """The link where a person given a new account chooses their password (Django's reset token:
    it stops working once used)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(localized_path("accounts:password_reset_confirm", language, [uid, token]))


def send_role(plan, user, role: str, *, by_name: str, created: bool) -> None:
    language = language_for(user, plan)
    send_template(
        user.email,
        "plans/mail/role.txt",
        language,
        plan=plan,
        user=user,
        role=Role(role).label,
        by_name=by_name,
        password_url=set_password_url(user, language) if created else "",
        workspace_url=absolute_url(localized_path("workspace:plan", language, [plan.slug])),
    )
