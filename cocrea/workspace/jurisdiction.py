"""The secretariat's pages for its plan's jurisdiction: the regions and the organisations (lists
with search, add, edit; never delete: registrations, events and proposals point at them). Thin:
each calls an action of cocrea/organisations/actions.py."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cocrea.core.actions import require_perm
from cocrea.core.params import text_param
from cocrea.organisations import actions
from cocrea.organisations.forms import OrganisationForm, RegionForm
from cocrea.organisations.queries import organisations_of, regions_of
from cocrea.plans.models import ActionPlan

PAGE_SIZE = 50
PERM = "organisations.manage_territory"


def _plan_for(request, slug: str) -> ActionPlan:
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    require_perm(request.user, PERM, plan)
    return plan


def _save(request, form, act, success: str) -> bool:
    """Run `act(**form.cleaned_data)`; a refusal goes on the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        act(**form.cleaned_data)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    messages.success(request, success)
    return True


@login_required
def regions(request, slug):
    plan = _plan_for(request, slug)
    q = text_param(request.GET, "q")
    found = regions_of(plan)
    if q:
        found = found.filter(Q(name__icontains=q) | Q(code__icontains=q))
    return render(
        request,
        "workspace/jurisdiction/regions.html",
        {
            "plan": plan,
            "q": q,
            "page": Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@login_required
def region_form(request, slug, pk=None):
    plan = _plan_for(request, slug)
    region = get_object_or_404(regions_of(plan), pk=pk) if pk else None
    form = RegionForm(request.POST or None, instance=region, plan=plan)
    if region is None:
        act = partial(actions.add_region, plan, by=request.user)
    else:  # the form changes its instance while validating: the action gets a fresh copy
        act = partial(actions.change_region, plan, regions_of(plan).get(pk=pk), by=request.user)
    if _save(request, form, act, _("The region is saved.")):
        return redirect("workspace:regions", slug=plan.slug)
    return render(
        request,
        "workspace/jurisdiction/form.html",
        {"plan": plan, "form": form, "object": region, "kind": "region"},
    )


@login_required
def organisations(request, slug):
    plan = _plan_for(request, slug)
    q = text_param(request.GET, "q")
    found = organisations_of(plan).select_related("region")
    if q:
        found = found.filter(
            Q(name_es__icontains=q) | Q(name_en__icontains=q) | Q(acronym__icontains=q)
        )
    return render(
        request,
        "workspace/jurisdiction/organisations.html",
        {
            "plan": plan,
            "q": q,
            "page": Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@login_required
def organisation_form(request, slug, pk=None):
    plan = _plan_for(request, slug)
    organisation = get_object_or_404(organisations_of(plan), pk=pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation, plan=plan)
    if organisation is None:
        act = partial(actions.add_organisation, plan, by=request.user)
    else:  # the form changes its instance while validating: the action gets a fresh copy
        original = organisations_of(plan).get(pk=pk)
        act = partial(actions.change_organisation, plan, original, by=request.user)
    if _save(request, form, act, _("The organisation is saved.")):
        return redirect("workspace:organisations", slug=plan.slug)
    return render(
        request,
        "workspace/jurisdiction/form.html",
        {"plan": plan, "form": form, "object": organisation, "kind": "organisation"},
    )
