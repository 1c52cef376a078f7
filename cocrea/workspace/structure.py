"""The structure of a plan, in the secretariat's workspace: its thematic axes, the working tables
that cover them, and the start of the work programme from a template or an earlier plan's.
Each view: find the object, check the permission, bind the form, call the action, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocrea.core.actions import require_perm
from cocrea.plans import actions as plan_actions
from cocrea.plans import programme_templates
from cocrea.plans.models import ActionPlan, Axis
from cocrea.tables import actions as table_actions
from cocrea.tables import queries as table_queries
from cocrea.tables.models import WorkingTable

from .structure_forms import AxisForm, StartProgrammeForm, TableForm


def _plan_for(request, slug: str, perm: str) -> ActionPlan:
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, perm, plan)
    return plan


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, problems in error.error_dict.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        form.add_error(None, error)


def _texts(form) -> dict:
    """The per-language texts of the form (name_es, description_en, ...)."""
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name.rpartition("_")[0] in ("name", "description")
    }


@login_required
def overview(request, slug):
    """The plan's axes and tables, with the axes no table covers yet."""
    plan = _plan_for(request, slug, "plans.change_axes")
    axes = list(plan.axes.order_by("number").prefetch_related("tables"))
    return render(
        request,
        "workspace/structure/overview.html",
        {
            "plan": plan,
            "axes": axes,
            "tables": list(table_queries.tables_of(plan)),
            "orphans": [axis for axis in axes if not axis.tables.all()],
        },
    )


# --- thematic axes -----------------------------------------------------------------------------


def _axis(plan, number) -> Axis:
    axis = get_object_or_404(Axis, plan=plan, number=number)
    axis.plan = plan
    return axis


@login_required
def axis_create(request, slug):
    plan = _plan_for(request, slug, "plans.change_axes")
    last = plan.axes.order_by("-number").values_list("number", flat=True).first() or 0
    form = AxisForm(
        request.POST or None, instance=Axis(plan=plan), plan=plan, initial={"number": last + 1}
    )
    if request.method == "POST" and form.is_valid():
        axis = plan_actions.set_axis(
            plan, by=request.user, number=form.cleaned_data["number"], **_texts(form)
        )
        messages.success(request, _("Axis %(axis)s added.") % {"axis": axis})
        return redirect("workspace:structure", slug=plan.slug)
    return render(
        request, "workspace/structure/axis_form.html", {"plan": plan, "form": form, "axis": None}
    )


@login_required
def axis_edit(request, slug, number):
    plan = _plan_for(request, slug, "plans.change_axes")
    axis = _axis(plan, number)
    form = AxisForm(request.POST or None, instance=axis, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        axis.refresh_from_db()
        try:
            changed = plan_actions.update_axis(axis, by=request.user, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if changed:
                messages.success(request, _("Axis %(axis)s saved.") % {"axis": axis})
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("workspace:structure", slug=plan.slug)
    return render(
        request, "workspace/structure/axis_form.html", {"plan": plan, "form": form, "axis": axis}
    )


@login_required
def axis_delete(request, slug, number):
    """GET asks to confirm; POST removes the axis, or says what still uses it."""
    plan = _plan_for(request, slug, "plans.change_axes")
    axis = _axis(plan, number)
    if request.method == "POST":
        label = str(axis)
        try:
            plan_actions.delete_axis(axis, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Axis %(axis)s removed.") % {"axis": label})
        return redirect("workspace:structure", slug=plan.slug)
    return render(
        request,
        "workspace/structure/confirm_delete.html",
        {
            "plan": plan,
            "question": _("Remove the thematic axis %(axis)s?") % {"axis": axis},
            "blockers": plan_actions.axis_references(axis),
        },
    )


# --- working tables ----------------------------------------------------------------------------


def _table(plan, number) -> WorkingTable:
    table = get_object_or_404(WorkingTable, plan=plan, number=number)
    table.plan = plan
    return table


@login_required
def table_create(request, slug):
    plan = _plan_for(request, slug, "tables.form_tables")
    last = plan.tables.order_by("-number").values_list("number", flat=True).first() or 0
    form = TableForm(
        request.POST or None,
        instance=WorkingTable(plan=plan),
        plan=plan,
        initial={"number": last + 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            table = table_actions.create_table(
                plan,
                by=request.user,
                number=form.cleaned_data["number"],
                axes=form.cleaned_data["axes"],
                **_texts(form),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Working table %(table)s formed.") % {"table": table})
            return redirect("workspace:structure", slug=plan.slug)
    return render(
        request, "workspace/structure/table_form.html", {"plan": plan, "form": form, "table": None}
    )


@login_required
def table_edit(request, slug, number):
    plan = _plan_for(request, slug, "plans.view_workspace")
    table = _table(plan, number)
    require_perm(request.user, "tables.change_table", table)
    form = TableForm(request.POST or None, instance=table, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data if name != "axes"}
        table.refresh_from_db()
        try:
            changed = table_actions.update_table(
                table, by=request.user, axes=form.cleaned_data["axes"], **data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if changed:
                messages.success(request, _("Working table %(table)s saved.") % {"table": table})
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("workspace:structure", slug=plan.slug)
    return render(
        request, "workspace/structure/table_form.html", {"plan": plan, "form": form, "table": table}
    )


@login_required
def table_delete(request, slug, number):
    """GET asks to confirm; POST removes the table, or says why it cannot."""
    plan = _plan_for(request, slug, "plans.view_workspace")
    table = _table(plan, number)
    require_perm(request.user, "tables.delete_table", table)
    if request.method == "POST":
        label = str(table)
        try:
            table_actions.delete_table(table, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Working table %(table)s removed.") % {"table": label})
        return redirect("workspace:structure", slug=plan.slug)
    return render(
        request,
        "workspace/structure/confirm_delete.html",
        {
            "plan": plan,
            "question": _("Remove the working table %(table)s?") % {"table": table},
            "blockers": [],
        },
    )


# --- the programme's start ---------------------------------------------------------------------


@login_required
def programme_start(request, slug):
    """A plan without steps starts its programme from a template or an earlier plan's."""
    plan = _plan_for(request, slug, "plans.start_programme")
    if plan.steps.exists():
        messages.info(request, _("The programme already has steps: edit them here."))
        return redirect("workspace:plan", slug=plan.slug)
    form = StartProgrammeForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            steps = plan_actions.start_programme(plan, by=request.user, **form.choice())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The programme has %(count)s step. Edit it, then publish it as version 1.",
                    "The programme has %(count)s steps. Edit them, then publish them as version 1.",
                    len(steps),
                )
                % {"count": len(steps)},
            )
            return redirect("workspace:plan", slug=plan.slug)
    return render(
        request,
        "workspace/structure/programme_start.html",
        {"plan": plan, "form": form, "templates": programme_templates.TEMPLATES.values()},
        status=400 if form.errors else 200,
    )
