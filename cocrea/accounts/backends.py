"""Logging in with the user name or the e-mail address, and what django-axes counts failures by.

`EmailOrUsernameBackend` replaces Django's `ModelBackend` (same checks: active account, password);
it comes after axes' backend, which refuses a locked-out attempt before any password is hashed.
E-mail addresses are unique case-insensitively (see the User model), so an address names at most
one account."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from cocrea.core import ratelimit

_user_sql: dict = {}


def account_for_login(identifier: str):
    """The account a login form's "user name" field names: the user name as typed, else the
    e-mail address (any case). None when nothing matches."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    User = get_user_model()
    user = User.objects.filter(username=identifier).first()
    if user is None and "@" in identifier:
        user = User.objects.filter(email__iexact=identifier).first()
    return user


class EmailOrUsernameBackend(ModelBackend):
    def get_user(self, user_id):
        """The signed-in person of every request: one raw query (its SQL built once per process)
        in place of the ORM's `get()`, which costs more to build than to run."""
        User = get_user_model()
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        if User not in _user_sql:
            quote = connection.ops.quote_name
            _user_sql[User] = (
                f"SELECT * FROM {quote(User._meta.db_table)} "
                f"WHERE {quote(User._meta.pk.column)} = %s"
            )
        found = next(iter(User.objects.raw(_user_sql[User], [pk])), None)
        return found if found is not None and self.user_can_authenticate(found) else None

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = account_for_login(username)
        if user is None:
            # The same work as for a wrong password, so timing does not tell which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def lockout_username(request, credentials=None) -> str:
    """The name axes counts failures under: the account's user name when the typed name or
    address finds one (typing the e-mail or the user name counts against the same lock), else
    what was typed, lower-cased."""
    typed = ""
    if credentials:
        typed = credentials.get("username") or ""
    elif request is not None:
        typed = request.POST.get("username", "")
    user = account_for_login(typed)
    return user.username if user is not None else typed.strip().lower()


def client_ip(request) -> str:
    """The client's address as the rate limits see it (`COCREA_CLIENT_IP_HEADER` behind a proxy)."""
    return ratelimit.client_ip(request) or None
