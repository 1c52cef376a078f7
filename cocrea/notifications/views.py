"""The pages of notifications that need no login: an address's preferences and the one-click
unsubscribe link of each mail (RFC 8058: mail clients POST to it; a person sees a button)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import actions
from .catalogue import CATALOGUE
from .forms import PreferencesForm, changeable_kinds
from .models import Preference
from .tokens import email_of_token


def _owner(token: str) -> tuple[object | None, str]:
    """(the account with this address or None, the address) of a preferences token."""
    email = email_of_token(token)
    if not email:
        raise Http404
    user = get_user_model().objects.filter(email__iexact=email).first()
    return user, email


def _current(user, email) -> dict[str, str]:
    rows = (
        Preference.objects.filter(user=user)
        if user is not None
        else Preference.objects.filter(user=None, email=email)
    )
    return dict(rows.values_list("kind", "frequency"))


def preferences_token(request, token):
    user, email = _owner(token)
    kinds = changeable_kinds()
    form = PreferencesForm(request.POST or None, kinds=kinds, current=_current(user, email))
    if request.method == "POST" and form.is_valid():
        actions.set_preferences(
            by=request.user, choices=form.choices(), user=user, email="" if user else email
        )
        messages.success(request, _("Your notification preferences were saved."))
        return redirect(request.path)
    return render(
        request, "notifications/preferences.html", {"form": form, "email": email, "token": token}
    )


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a session; the token is the key
def unsubscribe(request, token, kind):
    user, email = _owner(token)
    entry = CATALOGUE.get(kind)
    if entry is None or entry.required:
        raise Http404
    if request.method == "POST":
        actions.set_preferences(
            by=request.user, choices={kind: "off"}, user=user, email="" if user else email
        )
        return render(
            request,
            "notifications/unsubscribed.html",
            {"kind": entry, "email": email, "token": token},
        )
    return render(
        request, "notifications/unsubscribe.html", {"kind": entry, "email": email, "token": token}
    )
