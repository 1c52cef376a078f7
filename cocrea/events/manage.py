"""The workspace pages of the events: thin views that call the actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cocrea.core.actions import require_perm
from cocrea.core.params import int_param
from cocrea.plans.models import ActionPlan

from . import actions, queries
from .forms import AttendanceForm, CancelEventForm, EventForm, MinutesForm, WalkInForm
from .models import Event

# Registrations per page of an event's workspace page (and of its attendance form).
REGISTRATIONS_PAGE = 50


def _plan_for(request, slug, perm="plans.view_workspace") -> ActionPlan:
    plan = get_object_or_404(ActionPlan, slug=slug)
    require_perm(request.user, perm, plan)
    return plan


def _event_for(request, slug, pk, perm="events.change_event") -> Event:
    plan = _plan_for(request, slug)
    event = get_object_or_404(Event.objects.select_related("region"), plan=plan, pk=pk)
    event.plan = plan
    require_perm(request.user, perm, event)
    return event


@login_required
def events(request, slug):
    plan = _plan_for(request, slug)
    return render(
        request,
        "events/manage/list.html",
        {
            "plan": plan,
            "page": Paginator(queries.events_for_workspace(plan, request.user), 50).get_page(
                request.GET.get("page")
            ),
        },
    )


@login_required
def event_create(request, slug):
    plan = _plan_for(request, slug, "events.add_event")
    form = EventForm(request.POST or None, instance=Event(plan=plan), plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.fields}
        try:
            event = actions.create_event(plan, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Event %(event)s created (not yet published).") % {"event": event}
            )
            return redirect("events:manage_event", slug=plan.slug, pk=event.pk)
    return render(request, "events/manage/form.html", {"plan": plan, "form": form, "event": None})


@login_required
def event_edit(request, slug, pk):
    event = _event_for(request, slug, pk)
    plan = event.plan
    form = EventForm(request.POST or None, instance=event, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        event.refresh_from_db()
        event.plan = plan
        try:
            actions.update_event(event, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Event saved."))
            return redirect("events:manage_event", slug=plan.slug, pk=event.pk)
    return render(request, "events/manage/form.html", {"plan": plan, "form": form, "event": event})


@login_required
def event_manage(request, slug, pk):
    event = _event_for(request, slug, pk, "events.view_registrations")
    return _event_page(request, event)


def _event_page(request, event, minutes_form=None):
    """The event's workspace page; `minutes_form`, when given, is a refused form shown with its
    errors and the text as typed."""
    page = Paginator(queries.registrations_for(event), REGISTRATIONS_PAGE).get_page(
        request.GET.get("page")
    )
    registrations = list(page.object_list)
    decisions = list(event.decisions.all())
    return render(
        request,
        "events/manage/event.html",
        {
            "plan": event.plan,
            "event": event,
            "page": page,
            "registrations": registrations,
            "attendance_form": AttendanceForm(registrations=registrations),
            "walk_in_form": WalkInForm(plan=event.plan),
            "minutes_form": minutes_form
            or MinutesForm(
                initial={
                    "minutes_es": event.minutes_es,
                    "minutes_en": event.minutes_en,
                    "decisions_es": "\n".join(d.text_es or "" for d in decisions),
                    "decisions_en": "\n".join(d.text_en or "" for d in decisions),
                },
                plan=event.plan,
            ),
            "cancel_form": CancelEventForm(plan=event.plan),
        },
        status=400 if minutes_form else 200,
    )


def _back(event, page: int = 1):
    url = reverse("events:manage_event", args=[event.plan.slug, event.pk])
    return redirect(f"{url}?page={page}" if page > 1 else url)


@login_required
@require_POST
def event_publish(request, slug, pk):
    event = _event_for(request, slug, pk)
    try:
        actions.publish_event(event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is published."))
    return _back(event)


@login_required
@require_POST
def event_cancel(request, slug, pk):
    event = _event_for(request, slug, pk)
    form = CancelEventForm(request.POST, plan=event.plan)
    if form.is_valid():
        try:
            actions.cancel_event(event, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The event is cancelled."))
    else:
        messages.error(request, _("Say why the event is cancelled."))
    return _back(event)


@login_required
@require_POST
def attendance(request, slug, pk):
    event = _event_for(request, slug, pk, "events.record_attendance")
    form = AttendanceForm(request.POST, registrations=list(queries.registrations_for(event)))
    if form.is_valid():
        try:
            count = actions.record_attendance(
                event,
                by=request.user,
                present=form.cleaned_data["present"],
                # Only the page's registrations; a form without them (older page) marks all.
                among=form.cleaned_data["shown"] if "shown" in request.POST else None,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "Attendance saved: %(count)s person present.",
                    "Attendance saved: %(count)s people present.",
                    count,
                )
                % {"count": count},
            )
    else:
        messages.error(request, _("Check the attendance form."))
    return _back(event, page=int_param(request.GET, "page", default=1))


@login_required
@require_POST
def walk_in(request, slug, pk):
    event = _event_for(request, slug, pk, "events.record_attendance")
    form = WalkInForm(request.POST, plan=event.plan)
    if form.is_valid():
        try:
            actions.add_walk_in(event, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Walk-in recorded."))
    else:
        messages.error(request, _("Check the walk-in form."))
    return _back(event)


@login_required
@require_POST
def minutes(request, slug, pk):
    event = _event_for(request, slug, pk, "events.record_minutes")
    form = MinutesForm(request.POST, plan=event.plan)
    if form.is_valid():
        try:
            actions.record_minutes(
                event,
                by=request.user,
                minutes_es=form.cleaned_data.get("minutes_es", ""),
                minutes_en=form.cleaned_data.get("minutes_en", ""),
                decisions=form.decisions(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Minutes saved."))
    else:
        return _event_page(request, event, minutes_form=form)
    return _back(event)
