"""Sign-up, the link that activates an account, and Django's password reset in the project's
pages. None of these pages is cached: they hold forms (with their CSRF token) or personal links."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cocrea.core import ratelimit
from cocrea.core.actions import require_perm

from . import actions, hooks, queries
from .forms import PasswordResetForm, SignUpForm

# The same words as the open call's limit (one translation).
RATE_LIMITED = gettext_lazy(
    "Too many attempts from this connection or for this e-mail address. Please wait an hour and "
    "try again, or write to the point of contact."
)


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _allowed(request, email: str) -> bool:
    """One request that sends mail (sign-up, password reset): both limits must hold."""
    window = settings.ACCOUNTS_RATE_LIMIT_WINDOW
    ok_ip = ratelimit.hit(
        "accounts-ip",
        ratelimit.client_ip(request) or "-",
        limit=settings.ACCOUNTS_RATE_LIMIT_PER_IP,
        window=window,
    )
    ok_email = ratelimit.hit(
        "accounts-email", email or "-", limit=settings.ACCOUNTS_RATE_LIMIT_PER_EMAIL, window=window
    )
    return ok_ip and ok_email


def _next(request) -> str:
    """The local path to return to after confirming (`?next=`), or ""."""
    value = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if safe and value.startswith("/") and not value.startswith("//") else ""


@never_cache
def signup(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    next_url = _next(request)
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _allowed(request, form.cleaned_data["email"]):
            actions.sign_up(
                by=request.user, language=_language(), next_url=next_url, **form.action_fields()
            )
            # The same page whether the address was new or already had an account.
            return redirect("accounts:signup_sent")
        form.add_error(None, RATE_LIMITED)
        status = 429
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": next_url, "privacy_url": hooks.privacy_notice_url()},
        status=status,
    )


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


@never_cache
def confirm(request, uidb64, token):
    """GET shows a button (mail scanners that open links must not activate); POST activates the
    account and logs the person in."""
    next_url = _next(request)
    if request.method == "POST":
        try:
            user = actions.confirm_account(uidb64, token, by=request.user)
        except PermissionDenied:
            return render(request, "accounts/link_invalid.html", status=410)
        login(request, user, backend="cocrea.accounts.backends.EmailOrUsernameBackend")
        messages.success(
            request,
            _("Your account is active and you are logged in. Your user name is %(username)s.")
            % {"username": user.username},
        )
        return redirect(next_url or "public:home")
    if actions.account_for_link(uidb64, token) is None:
        return render(request, "accounts/link_invalid.html", status=410)
    return render(request, "accounts/confirm.html", {"next": next_url})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not _allowed(self.request, form.cleaned_data["email"]):
            form.add_error(None, RATE_LIMITED)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@never_cache
@login_required
def lockouts(request):
    """The locked-out logins (user name + address), each with an "Unlock" button."""
    require_perm(request.user, "accounts.view_lockouts")
    return render(request, "accounts/lockouts.html", {"lockouts": queries.locked_out_logins()})


@login_required
@require_POST
def unlock(request, pk):
    from axes.models import AccessAttempt

    attempt = get_object_or_404(AccessAttempt, pk=pk)
    actions.unlock_login(attempt, by=request.user)
    messages.success(
        request,
        _("%(username)s may log in again from %(address)s.")
        % {"username": attempt.username, "address": attempt.ip_address},
    )
    return redirect("accounts:lockouts")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login attempt (the site's login and the admin's)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
