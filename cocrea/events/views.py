"""Public pages of the events: the calendar (list by month, iCalendar feed), an event with its
attendance figures and minutes, registration and cancelling. Views read queries and call actions."""

import calendar as month_calendar
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cocrea.core.actions import require_perm
from cocrea.core.cache import cache_public_page
from cocrea.plans import queries as plan_queries
from cocrea.public.ical import timed_calendar

from . import actions, mail, queries
from .forms import RegistrationForm
from .models import Event, Registration

PAGE_SIZE = 50  # events per page of the calendar list


def _plan(slug):
    plan = plan_queries.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


def _event(request, plan, pk) -> Event:
    event = get_object_or_404(
        Event.objects.select_related("region", "axis", "working_table"), plan=plan, pk=pk
    )
    event.plan = plan
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


@require_GET
@cache_public_page
def event_list(request, slug):
    plan = _plan(slug)
    kind = request.GET.get("kind", "")
    if kind not in Event.Kind.values:
        kind = ""
    try:
        year = int(request.GET.get("year", "")) or None
    except ValueError:
        year = None
    page = Paginator(queries.event_list(plan, kind=kind, year=year), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    months: dict[datetime.date, list[Event]] = {}
    for event in page:
        local = timezone.localtime(event.starts_at)
        months.setdefault(local.date().replace(day=1), []).append(event)
    return render(
        request,
        "events/list.html",
        {
            "plan": plan,
            "months": sorted(months.items()),
            "page": page,
            "kinds": Event.Kind.choices,
            "kind": kind,
            "years": queries.event_years(plan),
            "year": year,
            "now": timezone.now(),
        },
    )


@require_GET
@cache_public_page
def event_month(request, slug, year, month):
    """A month as a grid of weeks, each day listing its public events."""
    plan = _plan(slug)
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    first = datetime.date(year, month, 1)
    events = list(
        queries.public_events(plan).filter(
            starts_at__date__gte=first,
            starts_at__date__lt=(first + datetime.timedelta(days=32)).replace(day=1),
        )
    )
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    weeks = [
        [(day, by_day.get(day, [])) for day in week]
        for week in month_calendar.Calendar().monthdatescalendar(year, month)
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "events/month.html",
        {
            "plan": plan,
            "first": first,
            "weeks": weeks,
            "previous": previous,
            "following": following,
            "count": len(events),
        },
    )


@require_GET
@cache_public_page
def event_detail(request, slug, pk):
    plan = _plan(slug)
    event = _event(request, plan, pk)
    return render(
        request,
        "events/event.html",
        {
            "plan": plan,
            "event": event,
            "attendance": queries.attendance_summary(event),
            "decisions": list(event.decisions.all()),
            "documents": _documents(event),
            "accepts_registrations": request.user.has_perm("events.register_for_event", event),
        },
    )


def _documents(event):
    try:
        from cocrea.documents.queries import documents_of_event
    except ImportError:  # pragma: no cover - documents app not installed
        return []
    return list(documents_of_event(event))


@require_GET
@cache_public_page
def events_ical(request, slug):
    plan = _plan(slug)
    entries = [
        mail.ical_entry(event, request.build_absolute_uri(event.get_absolute_url()))
        for event in queries.public_events(plan)
    ]
    body = timed_calendar(f"{plan.title} · {_('Events')}", entries, host=request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-events.ics"'
    return response


def register(request, slug, pk):
    """The registration form, on its own page: never cached (it carries a CSRF token)."""
    plan = _plan(slug)
    event = _event(request, plan, pk)
    if not request.user.has_perm("events.register_for_event", event):
        return render(request, "events/register_closed.html", {"plan": plan, "event": event})
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = actions.register(
                event,
                by=request.user,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                organisation_name=data["organisation_name"],
                organisation_kind=data["organisation_kind"],
                region=data["region"],
                language=translation.get_language() or "es",
                name_public=data["name_public"],
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            if registration.status == Registration.Status.WAITING:
                messages.warning(
                    request, _("The event is full: you are on the waiting list. Check your e-mail.")
                )
            else:
                messages.success(
                    request, _("You are registered. We have sent you a confirmation by e-mail.")
                )
            return redirect(event.get_absolute_url())
    return render(request, "events/register.html", {"plan": plan, "event": event, "form": form})


def cancel_registration(request, token):
    registration = get_object_or_404(
        Registration.objects.select_related("event", "event__plan"), token=token
    )
    event = registration.event
    if request.method == "POST":
        require_perm(request.user, "events.cancel_registration", registration)
        try:
            actions.cancel_registration(registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(event.get_absolute_url())
    return render(
        request,
        "events/cancel_registration.html",
        {"plan": event.plan, "event": event, "registration": registration},
    )
