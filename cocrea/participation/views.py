"""The public side of participation: the open call with its privacy notice, the confirmation
link, the person's own data, and the links of invitations and liaison requests. None of these
pages is cached (they hold forms or personal data)."""

import json

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cocrea.core import ratelimit
from cocrea.core.cache import cache_public_page
from cocrea.core.languages import activate_plan_language
from cocrea.plans.models import ActionPlan

from . import actions
from .forms import (
    CorrectionForm,
    DeclineForm,
    DesignateForm,
    EmailForm,
    LiaisonDeclineForm,
    RegistrationForm,
)
from .models import PURPOSES, OpenCall
from .queries import current_notice

RATE_LIMITED = gettext_lazy(
    "Too many attempts from this connection or for this e-mail address. Please wait an hour and "
    "try again, or write to the point of contact."
)


def _call(slug) -> tuple[ActionPlan, OpenCall | None]:
    plan = get_object_or_404(ActionPlan, slug=slug)
    return plan, OpenCall.objects.filter(plan=plan, published=True).first()


def _language() -> str:
    return (get_language() or "es")[:2]


@never_cache
def call(request, slug):
    plan, open_call = _call(slug)
    step = open_call.step() if open_call else None
    window = open_call.window(step) if open_call else None
    form = RegistrationForm(request.POST or None, plan=plan)
    status = 200
    if request.method == "POST" and window == "open":
        email = request.POST.get("email", "")
        if form.is_bot():
            # Answer as if it worked; nothing is stored or sent.
            return redirect("participation:registered", slug=plan.slug)
        if not ratelimit.allow_submission(ratelimit.client_ip(request), email):
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            try:
                actions.register(
                    plan,
                    by=request.user,
                    axes=form.cleaned_data["axes"],
                    language=_language(),
                    **form.action_fields(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("participation:registered", slug=plan.slug)
    return render(
        request,
        "participation/call.html",
        {
            "plan": plan,
            "call": open_call,
            "window": window,
            "step": step,
            "form": form,
            "purposes": PURPOSES.values(),
            "notice": current_notice(plan),
        },
        status=status,
    )


@cache_public_page
def registered(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    return render(request, "participation/registered.html", {"plan": plan})


@cache_public_page
def privacy(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    return render(
        request,
        "participation/privacy.html",
        {"plan": plan, "purposes": PURPOSES.values(), "notice": current_notice(plan)},
    )


@never_cache
def confirm(request, token):
    """GET shows a button (mail scanners that open links must not confirm); POST confirms."""
    if request.method == "POST":
        try:
            _registration, manage = actions.confirm_registration(token, by=request.user)
        except PermissionDenied:
            return render(request, "participation/link_expired.html", status=410)
        messages.success(request, _("Thank you: your registration is confirmed."))
        return redirect("participation:my_data", token=manage)
    return render(request, "participation/confirm.html", {"token": token})


@never_cache
def data_link(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    form = EmailForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return redirect("participation:data_link_sent", slug=plan.slug)
        email = form.cleaned_data["email"]
        if ratelimit.allow_submission(ratelimit.client_ip(request), email):
            actions.send_data_link(plan, email, by=request.user)
            return redirect("participation:data_link_sent", slug=plan.slug)
        form.add_error(None, RATE_LIMITED)
        status = 429
    return render(
        request, "participation/data_link.html", {"plan": plan, "form": form}, status=status
    )


@login_required
@require_POST
def my_data_from_account(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    token = actions.data_link_for_account(plan, by=request.user)
    if token is None:
        messages.info(request, _("There is no registration with your account's e-mail address."))
        return redirect("participation:data_link", slug=plan.slug)
    return redirect("participation:my_data", token=token)


@cache_public_page
def data_link_sent(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    return render(request, "participation/data_link_sent.html", {"plan": plan})


@never_cache
def my_data(request, token):
    registration = actions.registration_for_data_token(token)
    if registration is None:
        return render(request, "participation/link_expired.html", status=410)
    plan = registration.plan
    activate_plan_language(plan)
    form = CorrectionForm(
        request.POST or None,
        instance=registration,
        plan=plan,
        initial={"axes": list(registration.axes.all())},
    )
    if request.method == "POST" and form.is_valid():
        fields = form.action_fields()
        registration.refresh_from_db()
        changed = actions.correct_registration(
            token, by=request.user, axes=form.cleaned_data["axes"], **fields
        )
        if changed:
            messages.success(request, _("Your data has been corrected."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("participation:my_data", token=token)
    return render(
        request,
        "participation/my_data.html",
        {
            "plan": plan,
            "registration": registration,
            "consents": registration.consents.select_related("notice").order_by("-given_at", "-id"),
            "form": form,
            "token": token,
            "consent_due": actions.consent_is_due(registration),
            "purposes": PURPOSES.values(),
        },
    )


@require_POST
def my_data_consent(request, token):
    """The registrant consents to the plan's new privacy notice (asked on their data page)."""
    try:
        actions.renew_consent(token, by=request.user)
    except PermissionDenied:
        return render(request, "participation/link_expired.html", status=410)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: your consent to the new notice is recorded."))
    return redirect("participation:my_data", token=token)


@require_POST
def my_data_download(request, token):
    try:
        data = actions.download_data(token, by=request.user)
    except PermissionDenied:
        return render(request, "participation/link_expired.html", status=410)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def my_data_revoke(request, token):
    try:
        actions.revoke_consent(token, by=request.user)
    except PermissionDenied:
        return render(request, "participation/link_expired.html", status=410)
    messages.success(
        request, _("Your consent is revoked: the secretariat will no longer use your data.")
    )
    return redirect("participation:my_data", token=token)


@require_POST
def my_data_erase(request, token):
    try:
        registration = actions.erase_registration(token, by=request.user)
    except PermissionDenied:
        return render(request, "participation/link_expired.html", status=410)
    return render(request, "participation/erased.html", {"plan": registration.plan})


@never_cache
def invitation(request, token):
    found = actions.invitation_for_token(token)
    if found is None:
        return render(request, "participation/link_expired.html", status=410)
    activate_plan_language(found.plan)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = request.POST.get("answer") == "accept"
        actions.respond_invitation(
            token, by=request.user, accept=accept, reason=form.cleaned_data["reason"]
        )
        return render(
            request,
            "participation/invitation_answered.html",
            {"plan": found.plan, "accepted": accept},
        )
    return render(
        request,
        "participation/invitation.html",
        {
            "plan": found.plan,
            "invitation": found,
            "form": form,
            "requirements": found.plan.requirements.order_by("number"),
        },
    )


@never_cache
def liaison(request, token):
    found = actions.liaison_request_for_token(token)
    if found is None:
        return render(request, "participation/link_expired.html", status=410)
    activate_plan_language(found.plan)
    designate = DesignateForm(request.POST if request.POST.get("answer") == "designate" else None)
    decline = LiaisonDeclineForm(request.POST if request.POST.get("answer") == "decline" else None)
    form = designate if request.POST.get("answer") == "designate" else decline
    if request.method == "POST" and form.is_valid():
        try:
            actions.respond_liaison_request(
                token, by=request.user, designate=form is designate, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "participation/liaison_answered.html",
                {"plan": found.plan, "liaison_request": found, "designated": form is designate},
            )
    return render(
        request,
        "participation/liaison.html",
        {
            "plan": found.plan,
            "liaison_request": found,
            "designate": designate,
            "decline": decline,
        },
    )


class Welcome(auth_views.PasswordResetConfirmView):
    """A new account (an invited person, a liaison) chooses its password."""

    template_name = "participation/welcome.html"
    success_url = reverse_lazy("accounts:login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set: you can log in."))
        return super().form_valid(form)
