"""Every state change of the accounts app: self-service sign-up and its confirmation, lifting a
login lockout.

Each action checks its permission (for confirming, the mailed link), saves inside one transaction,
writes its action-log row (never public: these rows are about people) and reports what happened
(`happened`): the notifications app mails the person (the kinds `accounts.*`, always sent)."""

import re
import secrets

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.core.links import absolute_url
from cocrea.core.models import ActionLog

from . import hooks
from .backends import account_for_login
from .links import confirm_path, localized_path

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


def account_for_email(email: str):
    """The account whose e-mail address is `email`, in any case (at most one: the address is
    unique case-insensitively), or None. Blank addresses name no account."""
    email = (email or "").strip()
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).first()


def _save_new_account(user) -> bool:
    """Save a new account unless another request just created one with its address (the unique
    constraint on the lower-cased address decides). True when saved. Called inside the action's
    transaction: the savepoint keeps that transaction usable after a refused insert."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                user.save()
            return True
        except IntegrityError:
            if account_for_email(user.email) is not None:
                return False
            # A clash on the generated user name instead: draw another one.
            user.username = _username_for(user.email)
    raise IntegrityError(f"could not create an account for {user.email!r}")


def find_or_create_account(email: str, **fields):
    """The account with this e-mail (any case), or a new one without a usable password made with
    `fields` (full_name, organisation, ...). Returns (account, created). Safe when several
    requests create the same address at once: one creates it, the others find it.

    Every place that makes accounts for people (invitations, table seats, liaisons, the open
    call) goes through here or through `sign_up`."""
    email = email.strip()
    existing = account_for_email(email)
    if existing is not None:
        return existing, False
    User = get_user_model()
    user = User(username=_username_for(email), email=email, **fields)
    user.set_unusable_password()
    if _save_new_account(user):
        return user, True
    return account_for_email(email), False


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
    existing = account_for_email(email)
    if existing is not None:
        _tell_owner(existing, language, next_url)
        return None
    user = User(
        username=_username_for(email),
        email=email,
        full_name=full_name.strip(),
        preferred_language=language,
        is_active=False,
    )
    user.set_password(password)
    if not _save_new_account(user):
        # A concurrent sign-up with the same address won: the same answer as above.
        _tell_owner(account_for_email(email), language, next_url)
        return None
    log_action(
        actor=by,
        verb=SIGN_UP,
        target=user,
        public=False,
        data={"privacy_notice": hooks.privacy_notice_record(), "language": language},
    )
    happened(
        "accounts.confirm_account",
        obj=user,
        by=by,
        user=user,
        mail_language=language,
        # In the text only (not the mail's button link): `next_url` makes it of any length.
        confirm_url=absolute_url(confirm_path(user, language, next_url)),
    )
    return user


def _tell_owner(existing, language: str, next_url: str) -> None:
    """Mail the owner of an address someone tried to sign up with (a new activation link if the
    account still waits for one)."""
    owner_language = existing.preferred_language or language
    confirm = (
        absolute_url(confirm_path(existing, owner_language, next_url))
        if awaiting_confirmation(existing)
        else ""
    )
    happened(
        "accounts.account_exists",
        obj=existing,
        by=None,
        user=existing,
        mail_language=owner_language,
        confirm_url=confirm,
        login_url=absolute_url(localized_path("accounts:login", owner_language)),
        reset_url=absolute_url(localized_path("accounts:password_reset", owner_language)),
    )


@transaction.atomic
def mail_password_reset(user, *, uid: str, token: str, language: str) -> None:
    """Mail the owner of an account the link that chooses a new password (Django's password
    reset form decides who gets one; see `forms.PasswordResetForm`)."""
    happened(
        "accounts.password_reset",
        obj=user,
        by=None,
        user=user,
        mail_language=language,
        path=localized_path("accounts:password_reset_confirm", language, [uid, token]),
    )


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
