"""Setting a cycle up from the workspace: platform administrators create plans, name their
secretariat and choose the current plan; the secretariat edits the plan's settings, its
commission and the people who hold its roles. Each view: find the object, ask the permission,
bind the form, call the action, redirect with a message (a refusal is shown on the form)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.params import text_param
from cocrea.plans import actions, queries
from cocrea.plans.models import ActionPlan, Commission, PlanRole, PlatformAdministrator, Role

from .setup_forms import (
    CommissionForm,
    InviteForm,
    MemberForm,
    PersonForm,
    PlanCreateForm,
    PlanSettingsForm,
    PlatformAdminForm,
    RoleFilterForm,
    add_errors,
)

PAGE = 50


def _plan(request, slug: str, perm: str) -> ActionPlan:
    plan = get_object_or_404(
        ActionPlan.objects.select_related("jurisdiction", "lead_agency"), slug=slug
    )
    require_perm(request.user, perm, plan)
    return plan


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- the platform: plans, the current plan, administrators ------------------------------------


@login_required
def plan_new(request):
    require_perm(request.user, "plans.add_actionplan")
    form = PlanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.create_plan(
                by=request.user,
                secretariat=form.cleaned_data["secretariat"],
                new_jurisdiction=form.new_jurisdiction(),
                **form.plan_fields(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The plan %(plan)s is created; its secretariat has been told by e-mail.")
                % {"plan": plan.title},
            )
            return redirect("workspace:home")
    return render(
        request,
        "workspace/setup/plan_new.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def plan_make_current(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, "plans.set_current_plan", plan)
    actions.set_current_plan(plan, by=request.user)
    messages.success(request, _("%(plan)s is now the site's current plan.") % {"plan": plan.title})
    return redirect("workspace:home")


@login_required
def plan_secretariat(request, slug):
    """A platform administrator names another secretariat officer of a plan."""
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, "plans.name_secretariat", plan)
    form = PersonForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan_role = actions.name_secretariat(
                plan,
                by=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now in the secretariat of %(plan)s.")
                % {"name": plan_role.user.display_name, "plan": plan.title},
            )
            return redirect("workspace:home")
    secretariat = (
        plan.roles.filter(role=Role.SECRETARIAT)
        .select_related("user")
        .order_by("user__full_name", "id")
    )
    return render(
        request,
        "workspace/setup/secretariat.html",
        {
            "plan": plan,
            "form": form,
            "secretariat": Paginator(secretariat, PAGE).get_page(request.GET.get("page")),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def platform_admins(request):
    require_perm(request.user, "plans.grant_platform_admin")
    form = PlatformAdminForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if person is None:
            form.add_error("email", _("No account has this e-mail address."))
        else:
            try:
                actions.grant_platform_admin(person, by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is a platform administrator.") % {"name": person.display_name},
                )
                return redirect("workspace:platform_admins")
    admins = PlatformAdministrator.objects.select_related("user", "granted_by")
    return render(
        request,
        "workspace/setup/platform_admins.html",
        {
            "form": form,
            "admins": Paginator(admins, PAGE).get_page(request.GET.get("page")),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def platform_admin_revoke(request, pk):
    require_perm(request.user, "plans.grant_platform_admin")
    admin = get_object_or_404(PlatformAdministrator.objects.select_related("user"), pk=pk)
    try:
        actions.revoke_platform_admin(admin, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s is no longer a platform administrator.")
            % {"name": admin.user.display_name},
        )
    return redirect("workspace:platform_admins")


# --- the plan's settings ------------------------------------------------------------------------


@login_required
def plan_settings(request, slug):
    plan = _plan(request, slug, "plans.configure_plan")
    form = PlanSettingsForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        # The form wrote its values into the instance; the action compares against the database.
        plan.refresh_from_db()
        try:
            changed = actions.update_plan(plan, by=request.user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if changed:
                messages.success(request, _("The plan's settings are saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("workspace:plan_settings", slug=plan.slug)
    return render(
        request,
        "workspace/setup/settings.html",
        {"plan": plan, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- the commission -----------------------------------------------------------------------------


@login_required
def commission(request, slug):
    plan = _plan(request, slug, "plans.configure_plan")
    found = Commission.objects.filter(plan=plan).first()
    adding = request.method == "POST" and "add_member" in request.POST
    form = CommissionForm(
        request.POST if request.method == "POST" and not adding else None,
        instance=found or Commission(plan=plan),
        plan=plan,
    )
    member_form = MemberForm(request.POST if adding else None, plan=plan)
    if adding:
        require_perm(request.user, "plans.manage_roles", plan)
        if member_form.is_valid():
            try:
                plan_role = actions.invite_to_role(
                    plan,
                    by=request.user,
                    role=Role.COMMISSION_MEMBER,
                    **member_form.cleaned_data,
                )
            except ValidationError as error:
                add_errors(member_form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is a member of the commission.")
                    % {"name": plan_role.user.display_name},
                )
                return redirect("workspace:commission", slug=plan.slug)
    elif request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        if found is not None:
            found.refresh_from_db()
        try:
            actions.set_commission(plan, by=request.user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commission is saved."))
            return redirect("workspace:commission", slug=plan.slug)
    members = Paginator(queries.commission_members(plan), PAGE).get_page(request.GET.get("page"))
    refused = request.method == "POST" and (form.errors or member_form.errors)
    return render(
        request,
        "workspace/setup/commission.html",
        {
            "plan": plan,
            "commission": found,
            "form": form,
            "member_form": member_form,
            "members": members,
        },
        status=400 if refused else 200,
    )


# --- people and roles ---------------------------------------------------------------------------


@login_required
def people(request, slug):
    plan = _plan(request, slug, "plans.manage_roles")
    form = InviteForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan_role = actions.invite_to_role(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s now holds the role %(role)s.")
                % {"name": plan_role.user.display_name, "role": plan_role.get_role_display()},
            )
            return redirect("workspace:people", slug=plan.slug)
    role = text_param(request.GET, "role", max_length=30)
    if role not in Role.values:
        role = ""
    filters = RoleFilterForm(initial={"role": role})
    roles = (
        PlanRole.objects.filter(plan=plan)
        .select_related("user", "organisation")
        .order_by("role", "user__full_name", "user__username", "id")
    )
    if role:
        roles = roles.filter(role=role)
    return render(
        request,
        "workspace/setup/people.html",
        {
            "plan": plan,
            "form": form,
            "filters": filters,
            "role": role,
            "roles": Paginator(roles, PAGE).get_page(request.GET.get("page")),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def role_revoke(request, slug, pk):
    plan = _plan(request, slug, "plans.revoke_role")
    plan_role = get_object_or_404(PlanRole.objects.select_related("user"), plan=plan, pk=pk)
    label = plan_role.get_role_display()
    try:
        actions.revoke_role(plan_role, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s no longer holds the role %(role)s.")
            % {"name": plan_role.user.display_name, "role": label},
        )
    back = request.POST.get("back", "")
    if back == "commission":
        return redirect("workspace:commission", slug=plan.slug)
    return redirect("workspace:people", slug=plan.slug)
