"""The pages of notifications: a signed-in person's notifications (read/unread, each opening its
object) and preferences; without login, an address's preferences and the one-click unsubscribe
link of each mail (RFC 8058: mail clients POST to it; a person sees a button); and the "Follow"
button of a public proposal (signed-in people)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cocrea.proposals.models import Proposal

from . import actions
from .catalogue import CATALOGUE
from .forms import PreferencesForm, changeable_kinds, required_kinds
from .models import Frequency, Notification, Preference
from .rules import can_follow
from .tokens import email_of_token

PAGE_SIZE = 25


@login_required
def inbox(request):
    """The person's notifications, newest first; `?show=unread` keeps the unread ones."""
    unread_only = request.GET.get("show") == "unread"
    rows = Notification.objects.filter(user=request.user).select_related("plan")
    if unread_only:
        rows = rows.unread()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page, "unread_only": unread_only})


@login_required
def open_notification(request, pk):
    """Follow a notification's link, marking it read; only its owner may."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    actions.mark_read(request.user, ids=[notification.pk])
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("notifications:inbox")
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request):
    changed = actions.mark_read(request.user)
    if changed:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    """The signed-in person's preferences: the same form as the tokened page."""
    user = request.user
    form = PreferencesForm(request.POST or None, current=_current(user, user.email))
    if request.method == "POST" and form.is_valid():
        actions.set_preferences(by=user, choices=form.choices(), user=user)
        messages.success(request, _("Your notification preferences were saved."))
        return redirect(request.path)
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "required": required_kinds(),
            "frequencies": Frequency.choices,
            "signed_in": True,
        },
    )


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
    form = PreferencesForm(
        request.POST or None, kinds=changeable_kinds(), current=_current(user, email)
    )
    if request.method == "POST" and form.is_valid():
        actions.set_preferences(
            by=request.user, choices=form.choices(), user=user, email="" if user else email
        )
        messages.success(request, _("Your notification preferences were saved."))
        return redirect(request.path)
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "email": email,
            "token": token,
            "required": required_kinds(),
            "frequencies": Frequency.choices,
        },
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


def _following(request, obj, *, follow: bool):
    """Follow or stop following `obj`; htmx gets the button back, a plain form the page."""
    if not can_follow(request.user, obj):
        raise PermissionDenied
    if follow:
        actions.follow(obj, by=request.user)
    else:
        actions.unfollow(obj, by=request.user)
    if request.headers.get("HX-Request") == "true":
        from .templatetags.following import button_context

        return render(request, "notifications/_follow.html", button_context(request, obj))
    if follow:
        messages.success(request, _("You follow this proposal: you will be told of what happens."))
    else:
        messages.success(request, _("You no longer follow this proposal."))
    return redirect(obj.get_absolute_url())


def _public_proposal(pk) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("plan"), pk=pk, status=Proposal.Status.SUBMITTED
    )


@login_required
@require_POST
def follow_proposal(request, pk):
    return _following(request, _public_proposal(pk), follow=True)


@login_required
@require_POST
def unfollow_proposal(request, pk):
    return _following(request, _public_proposal(pk), follow=False)
