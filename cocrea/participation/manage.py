"""The secretariat's pages for participation: requirements and the call, invitations,
registrations (list, filters, CSV) and liaison requests. Thin: each calls an action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.csv import csv_download
from cocrea.plans import capabilities
from cocrea.plans.models import ActionPlan
from cocrea.tables.actions import create_default_tables
from cocrea.tables.queries import tables_of

from . import actions, queries
from .forms import (
    CallForm,
    ConfirmInvitationForm,
    InvitationForm,
    LiaisonRequestForm,
    PrivacyNoticeForm,
    RegistrationFilterForm,
    RequirementForm,
)
from .models import (
    Invitation,
    LiaisonRequest,
    OpenCall,
    Registration,
    Requirement,
    Sector,
)

PAGE_SIZE = 50  # rows of the invitations and registrations lists


def _plan_for(request, slug: str, perm: str) -> ActionPlan:
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, perm, plan)
    return plan


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def overview(request, slug):
    plan = _plan_for(request, slug, "participation.publish_call")
    call = OpenCall.objects.filter(plan=plan).first()
    requirement_form = RequirementForm(prefix="req", plan=plan)
    call_form = CallForm(prefix="call", instance=call or OpenCall(plan=plan))
    if request.method == "POST" and "req-applies_to" in request.POST:
        requirement_form = RequirementForm(request.POST, prefix="req", plan=plan)
        if requirement_form.is_valid():
            try:
                actions.add_requirement(plan, by=request.user, **requirement_form.cleaned_data)
            except ValidationError as error:
                requirement_form.add_error(None, error)
            else:
                messages.success(request, _("Requirement added."))
                return redirect("participation:manage", slug=plan.slug)
    elif request.method == "POST":
        call_form = CallForm(request.POST, prefix="call", instance=call or OpenCall(plan=plan))
        if call_form.is_valid():
            try:
                actions.publish_call(plan, by=request.user, **call_form.cleaned_data)
            except ValidationError as error:
                call_form.add_error(None, error)
            else:
                messages.success(request, _("The open call is published."))
                return redirect("participation:manage", slug=plan.slug)
    return render(
        request,
        "participation/manage/overview.html",
        {
            "plan": plan,
            "call": call,
            "requirements": plan.requirements.order_by("number"),
            "requirement_form": requirement_form,
            "call_form": call_form,
            "counts": _status_counts(plan),
            "tables": list(tables_of(plan)),
            "axes_without_table": plan.axes.filter(tables__isnull=True).exists(),
        },
    )


def _status_counts(plan) -> list[tuple[str, int]]:
    """(label, count) of the registrations in each status, in the statuses' order."""
    counts = queries.registration_counts(plan)
    return [
        (label, counts[value]) for value, label in Registration.Status.choices if value in counts
    ]


@login_required
@require_POST
def tables_create(request, slug):
    plan = _plan_for(request, slug, "tables.form_tables")
    made = create_default_tables(plan, by=request.user)
    messages.success(
        request,
        ngettext("%(n)s working table formed.", "%(n)s working tables formed.", len(made))
        % {"n": len(made)},
    )
    return redirect("participation:manage", slug=plan.slug)


@login_required
@require_POST
def requirement_remove(request, slug, pk):
    plan = _plan_for(request, slug, "participation.manage_requirements")
    requirement = get_object_or_404(Requirement, plan=plan, pk=pk)
    actions.remove_requirement(requirement, by=request.user)
    messages.success(request, _("Requirement removed."))
    return redirect("participation:manage", slug=plan.slug)


@login_required
def invitations(request, slug):
    plan = _plan_for(request, slug, "participation.send_invitation")
    form = InvitationForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        actions.send_invitation(plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("Invitation sent."))
        return redirect("participation:invitations", slug=plan.slug)
    page = Paginator(queries.invitations(plan), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/manage/invitations.html",
        {
            "plan": plan,
            "page": page,
            "form": form,
            "confirm_form": ConfirmInvitationForm(plan=plan),
            "now": timezone.now(),
        },
    )


def _invitation(request, slug, pk, perm):
    plan = _plan_for(request, slug, perm)
    return plan, get_object_or_404(Invitation, plan=plan, pk=pk)


@login_required
@require_POST
def invitation_resend(request, slug, pk):
    plan, found = _invitation(request, slug, pk, "participation.resend_invitation")
    try:
        actions.resend_invitation(found, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Invitation sent again with a new link."))
    return redirect("participation:invitations", slug=plan.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    plan, found = _invitation(request, slug, pk, "participation.revoke_invitation")
    try:
        actions.revoke_invitation(found, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Invitation revoked: its link no longer works."))
    return redirect("participation:invitations", slug=plan.slug)


@login_required
@require_POST
def invitation_confirm(request, slug, pk):
    plan, found = _invitation(request, slug, pk, "participation.confirm_invitation")
    form = ConfirmInvitationForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            actions.confirm_invitation(
                found, by=request.user, verified=form.cleaned_data["verified"]
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("%(name)s is confirmed.") % {"name": found.full_name})
    return redirect("participation:invitations", slug=plan.slug)


def _filtered(request, plan):
    form = RegistrationFilterForm(request.GET or None, plan=plan)
    if form.is_valid():
        data = form.cleaned_data
        return form, queries.filter_registrations(
            plan, sector=data["sector"], region=data["region"], axis=data["axis"]
        )
    return form, queries.active_registrations(plan)


@login_required
def registrations(request, slug):
    plan = _plan_for(request, slug, "participation.view_registrations")
    form, found = _filtered(request, plan)
    return render(
        request,
        "participation/manage/registrations.html",
        {
            "plan": plan,
            "form": form,
            "page": Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": request.GET.urlencode(),
            "counts": queries.registration_counts(plan),
        },
    )


CSV_COLUMNS = [
    "full_name",
    "email",
    "phone",
    "organisation",
    "sector",
    "province",
    "axes",
    "heard_from",
    "accessibility",
    "confirmed_at",
]


@login_required
def registrations_csv(request, slug):
    """Confirmed registrations only: people who revoked their consent or erased their data are
    never exported."""
    plan = _plan_for(request, slug, "participation.export_registrations")
    _form, found = _filtered(request, plan)
    response, writer = csv_download(f"registrations-{plan.slug}.csv")
    writer.writerow(CSV_COLUMNS)
    sectors = dict(Sector.choices)
    for r in found:
        writer.writerow(
            [
                r.full_name,
                r.email,
                r.phone,
                r.organisation_name,
                sectors.get(r.sector, r.sector),
                r.region.name if r.region else "",
                "; ".join(str(a.number) for a in r.axes.all()),
                r.get_heard_from_display() if r.heard_from else "",
                r.accessibility,
                timezone.localtime(r.confirmed_at).strftime("%Y-%m-%d %H:%M")
                if r.confirmed_at
                else "",
            ]
        )
    return response


@login_required
def liaisons(request, slug):
    plan = _plan_for(request, slug, "participation.request_liaison")
    form = LiaisonRequestForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_liaison(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Request sent to the head of institution."))
            return redirect("participation:liaisons", slug=plan.slug)
    today = timezone.localdate()
    step_open = capabilities.is_open(plan, "liaisons")
    return render(
        request,
        "participation/manage/liaisons.html",
        {
            "plan": plan,
            "requests": [
                (r, r.is_overdue(today, step_open=step_open))
                for r in queries.liaison_requests(plan)
            ],
            "form": form,
        },
    )


@login_required
@require_POST
def liaison_remind(request, slug, pk):
    plan = _plan_for(request, slug, "participation.remind_liaison")
    found = get_object_or_404(LiaisonRequest, plan=plan, pk=pk)
    if actions.remind_liaison(found, by=request.user):
        messages.success(request, _("Reminder sent."))
    else:
        messages.info(request, _("This request is not overdue or was already reminded."))
    return redirect("participation:liaisons", slug=plan.slug)


@login_required
def notices(request, slug):
    """The versions of the plan's privacy notice, and a new version (prefilled with the current
    one's text); a published version is never edited."""
    plan = _plan_for(request, slug, "participation.publish_notice")
    current = queries.current_notice(plan)
    initial = {}
    if current is not None:
        initial = {
            name: getattr(current, name)
            for name in ("legal_basis_es", "legal_basis_en", "text_es", "text_en")
        }
    form = PrivacyNoticeForm(request.POST or None, initial=initial, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            notice = actions.publish_notice(
                plan,
                by=request.user,
                requires_new_consent=data.pop("requires_new_consent"),
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Version %(version)s of the privacy notice is published.")
                % {"version": notice.version},
            )
            return redirect("participation:notices", slug=plan.slug)
    return render(
        request,
        "participation/manage/notices.html",
        {
            "plan": plan,
            "form": form,
            "current": current,
            "page": Paginator(queries.notice_versions(plan), PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
        },
    )
