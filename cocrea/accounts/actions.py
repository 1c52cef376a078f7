"""Every state change of the accounts app: self-service sign-up and its confirmation, lifting a
login lockout.

Each action checks its permission (for confirming, the mailed link), saves inside one transaction,
writes its action-log row (never public: these rows are about people) and sends its mail once the
transaction commits."""

import re
import secrets

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm
from cocrea.core.models import ActionLog
from cocrea.participation.models import NOTICE_VERSION

from . import mail
from .backends import account_for_login

SIGN_UP = "accounts.sign_up"
CONFIRM = "accounts.confirm_account"
UNLOCK = "accounts.unlock_login"


def _username_for(email: str) -> str:
    """A free user name made from the e-mail's local part (the characters Django accepts)."""
    User = get_user_model()
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0])[:100] or "person"
    username = base
    while User.objects.filter(username__iexact=username).exists():
        username = f"{base}-{secrets.token_hex(2)}"
    return username


def awaiting_confirmation(user) -> bool:
    """True for an account made by `sign_up` whose link has not been followed yet.

    An account a staff member deactivated is inactive too, but it was never signed up, or its
    confirmation is in the log: a sign-up link never reactivates it."""
    if user.is_active or user.last_login is not None:
        return False
    verbs = set(
        ActionLog.objects.for_object(user)
        .filter(verb__in=[SIGN_UP, CONFIRM])
        .values_list("verb", flat=True)
    )
    return verbs == {SIGN_UP}


@transaction.atomic
def sign_up(*, by, full_name: str, email: str, password: str, language: str, next_url: str = ""):
    """Create an inactive account and mail it the link that activates it.

    If an account already has this e-mail, nothing is created and its owner is mailed instead
    (with a new activation link if that account is still waiting for one), so the caller cannot
    tell the two cases apart. Returns the new account, or None.

    `next_url`, a local path the caller has checked, is where the activation link leads after
    logging in (e.g. the proposal the person wanted to comment on)."""
    require_perm(by, SIGN_UP)
    User = get_user_model()
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is not None:
        owner_language = existing.preferred_language or language
        confirm = (
            mail.confirm_url(existing, owner_language, next_url)
            if awaiting_confirmation(existing)
            else ""
        )
        transaction.on_commit(
            lambda: mail.send(
                existing.email,
                "exists",
                owner_language,
                user=existing,
                confirm_url=confirm,
                login_url=mail.login_url(owner_language),
                reset_url=mail.password_reset_url(owner_language),
            )
        )
        return None
    user = User(
        username=_username_for(email),
        email=email,
        full_name=full_name.strip(),
        preferred_language=language,
        is_active=False,
    )
    user.set_password(password)
    user.save()
    log_action(
        actor=by,
        verb=SIGN_UP,
        target=user,
        public=False,
        data={"privacy_notice": NOTICE_VERSION, "language": language},
    )
    transaction.on_commit(
        lambda: mail.send(
            user.email,
            "confirm",
            language,
            user=user,
            url=mail.confirm_url(user, language, next_url),
        )
    )
    return user


def account_for_link(uidb64: str, token: str):
    """The account a confirmation link activates, while the link is valid; otherwise None."""
    User = get_user_model()
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = User.objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    if not default_token_generator.check_token(user, token) or not awaiting_confirmation(user):
        return None
    return user


@transaction.atomic
def confirm_account(uidb64: str, token: str, *, by):
    """Activate the account the link names. The link works once: an active account is no longer
    awaiting confirmation, and logging in changes what the token was made from."""
    require_perm(by, CONFIRM)
    user = account_for_link(uidb64, token)
    if user is None:
        raise PermissionDenied(_("This link has expired or has already been used."))
    user.is_active = True
    user.save(update_fields=["is_active"])
    # The person proved they hold the address: the act is theirs.
    log_action(actor=user, verb=CONFIRM, target=user, public=False)
    return user


@transaction.atomic
def unlock_login(attempt, *, by) -> None:
    """Lift the lockout of one user name from one address (django-axes' `AccessAttempt`): the
    person may try again at once. Logged, not public (it names a person and an address)."""
    require_perm(by, UNLOCK)
    log_action(
        actor=by,
        verb=UNLOCK,
        # The account when the locked name is one (the row is about a person), else the attempt.
        target=account_for_login(attempt.username) or attempt,
        data={
            "username": attempt.username,
            "ip_address": attempt.ip_address,
            "failures": attempt.failures_since_start,
        },
        public=False,
    )
    AccessAttempt.objects.filter(username=attempt.username, ip_address=attempt.ip_address).delete()
