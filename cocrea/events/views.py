"""Public pages of the events: the calendar (list by month, iCalendar feed), an event with its
attendance figures and minutes, registration and cancelling. Views read queries and call actions."""

import calendar as month_calendar
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Max, Min
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cocrea.core import ratelimit
from cocrea.core.cache import cache_public_page
from cocrea.core.languages import activate_plan_language
from cocrea.core.params import YEAR_RANGE, int_param
from cocrea.plans import queries as plan_queries

from . import actions, queries
from .forms import RegistrationEditForm, RegistrationForm
from .ical import calendar, event_entry
from .models import Event, Registration
from .rules import accepts_registrations

# The open call's wording (and translation): the same limits, counted by the same function.
RATE_LIMITED = gettext_lazy(
    "Too many attempts from this connection or for this e-mail address. Please wait an hour and "
    "try again, or write to the point of contact."
)

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
    year = int_param(request.GET, "year", bounds=YEAR_RANGE)
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
            "calendar_month": _month_to_show(plan),
        },
    )


def calendar_months(plan) -> tuple[datetime.date, datetime.date]:
    """The first and last months the calendar shows: from the year before the plan's period
    (co-creation precedes it) to the period's end, widened to every public event's month."""
    first = datetime.date(plan.period_start.year - 1, 1, 1)
    last = datetime.date(plan.period_end.year, 12, 1)
    span = queries.public_events(plan).aggregate(lo=Min("starts_at"), hi=Max("starts_at"))
    if span["lo"] is not None:
        first = min(first, timezone.localtime(span["lo"]).date().replace(day=1))
        last = max(last, timezone.localtime(span["hi"]).date().replace(day=1))
    return first, last


def _month_to_show(plan) -> datetime.date:
    """The month the calendar opens on: today's, brought within the plan's calendar."""
    lo, hi = calendar_months(plan)
    return min(max(timezone.localdate().replace(day=1), lo), hi)


@require_GET
@cache_public_page
def event_month(request, slug, year, month):
    """A month as a grid of weeks, each day listing its public events; no month outside the
    plan's calendar (see `calendar_months`), and no link to one."""
    plan = _plan(slug)
    lo, hi = calendar_months(plan)
    if not 1 <= month <= 12 or not lo.year <= year <= hi.year:
        raise Http404
    first = datetime.date(year, month, 1)
    if not lo <= first <= hi:
        raise Http404
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
            "previous": previous if previous >= lo else None,
            "following": following if following <= hi else None,
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
            "accepts_registrations": request.user.has_perm("events.register_for_event", event),
        },
    )


@require_GET
@cache_public_page
def events_ical(request, slug):
    plan = _plan(slug)
    entries = [
        event_entry(event, request.build_absolute_uri(event.get_absolute_url()))
        for event in queries.public_events(plan)
    ]
    body = calendar(f"{plan.title} · {_('Events')}", entries, host=request.get_host())
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
    form = RegistrationForm(request.POST or None, initial=initial, plan=plan)
    status = 200
    if request.method == "POST":
        email = request.POST.get("email", "")
        if not ratelimit.allow_submission(ratelimit.client_ip(request), email):
            form.is_valid()  # show the form with its data
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                actions.register(
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
                # The same answer whether the address was registered or not.
                messages.success(
                    request,
                    _(
                        "Almost done: we have sent a link to %(email)s. Open it within 24 hours "
                        "to confirm your registration; until then no place is kept for you."
                    )
                    % {"email": data["email"]},
                )
                return redirect(event.get_absolute_url())
    return render(
        request,
        "events/register.html",
        {"plan": plan, "event": event, "form": form},
        status=status,
    )


@never_cache
def registration(request, token):
    """A person's own registration, reached from the mailed link: confirm the address, correct
    the data, cancel, or take a cancelled registration back. Acts on POST only (mail scanners
    open links)."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "event__plan", "region"), token=token
    )
    event = registration.event
    activate_plan_language(event.plan)
    form = RegistrationEditForm(
        request.POST if request.POST.get("action") == "update" else None,
        plan=event.plan,
        initial={
            "name": registration.name,
            "phone": registration.phone,
            "organisation_name": registration.organisation_name,
            "organisation_kind": registration.organisation_kind,
            "region": registration.region,
            "name_public": registration.name_public,
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("confirm", "restore"):
                registration = actions.confirm_registration(registration, by=request.user)
                if registration.status == Registration.Status.WAITING:
                    messages.warning(request, _("The event is full: you are on the waiting list."))
                else:
                    messages.success(request, _("Your registration is confirmed."))
                return redirect("events:registration", token=token)
            if action == "cancel":
                actions.cancel_registration(registration, by=request.user)
                messages.success(request, _("Your registration is cancelled."))
                return redirect("events:registration", token=token)
            if action == "update" and form.is_valid():
                actions.update_registration(registration, by=request.user, **form.cleaned_data)
                messages.success(request, _("Your data are saved."))
                return redirect("events:registration", token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("events:registration", token=token)
    now = timezone.now()
    return render(
        request,
        "events/registration.html",
        {
            "plan": event.plan,
            "event": event,
            "registration": registration,
            "form": form,
            "expired": registration.is_expired(now),
            "open": accepts_registrations(None, event),
        },
    )


def cancel_registration(request, token):
    """The cancel link of mails sent before registrations had their own page."""
    get_object_or_404(Registration, token=token)
    return redirect("events:registration", token=token)
