"""Reads of the events app, already joined for the pages that use them; also the interface other
apps use (`sessions_for_table`, `trainings_attended_by`)."""

import datetime
from collections import Counter

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import (
    Cast,
    Coalesce,
    Concat,
    ExtractQuarter,
    ExtractYear,
    Lower,
    Trim,
)
from django.utils import timezone

from cocrea.organisations.models import Organisation
from cocrea.plans.models import Step
from cocrea.tables import queries as table_queries
from cocrea.tables.rules import tables_led_by

from .models import Decision, Event, Registration


def public_events(plan):
    return (
        Event.objects.filter(plan=plan, published=True)
        .select_related("plan", "region", "axis", "working_table")
        .order_by("starts_at", "id")
    )


def event_list(plan, *, kind: str = "", year: int | None = None):
    events = public_events(plan)
    if kind:
        events = events.filter(kind=kind)
    if year:
        events = events.filter(starts_at__year=year)
    return events.annotate(
        attended_count=Count("registrations", filter=Q(registrations__attended=True))
    )


def event_years(plan) -> list[int]:
    return sorted(
        {d.year for d in Event.objects.filter(plan=plan, published=True).dates("starts_at", "year")}
    )


def sessions_for_table(table):
    """The events of a working table, in date order (for the tables app)."""
    return (
        Event.objects.filter(working_table=table)
        .select_related("region")
        .order_by("starts_at", "id")
    )


def trainings_attended_by(user, plan):
    """The trainings of `plan` that `user` attended (matched by the account's e-mail)."""
    if not user.is_authenticated or not user.email:
        return Event.objects.none()
    return Event.objects.filter(
        plan=plan,
        kind=Event.Kind.TRAINING,
        registrations__email=user.email.lower(),
        registrations__attended=True,
    ).order_by("starts_at", "id")


def attendance_summary(event) -> dict:
    """Public figures of who attended: totals by sector, province and organisation type, and the
    names of those who agreed to be named. Counted in the database (two queries, whatever the
    number of attendees). No e-mail or phone ever leaves this function."""
    attended = Registration.objects.filter(event=event, attended=True).order_by()
    kinds = dict(Organisation.Kind.choices)
    sectors = dict(Organisation.Sector.choices)
    by_kind: Counter = Counter()
    by_sector: Counter = Counter()
    by_region: Counter = Counter()
    grouped = attended.values_list("organisation_kind", "region__name").annotate(n=Count("pk"))
    for kind, region, count in grouped:
        by_kind[str(kinds.get(kind, "—"))] += count
        by_sector[str(sectors[Organisation.SECTOR_OF_KIND[kind]]) if kind else "—"] += count
        by_region[region or "—"] += count
    names = attended.filter(name_public=True).values_list("name", "organisation_name")
    return {
        "total": sum(by_kind.values()),
        "by_sector": sorted(by_sector.items()),
        "by_region": sorted(by_region.items()),
        "by_kind": sorted(by_kind.items()),
        "names": sorted(names),
    }


def commission_meetings(plan):
    return Event.objects.filter(plan=plan, kind=Event.Kind.COMMISSION_MEETING)


def commission_status(plan, *, now: datetime.datetime | None = None) -> dict:
    """Last and next commission meeting, and whether more than six months passed without one.

    The rhythm is judged only while the cycle runs: a step is open and today lies within the
    plan's period (docs/architecture.md, "Overdue"); a cycle replayed after its period, as the
    demo's 2017-2019 one, has no today to measure against."""
    now = now or timezone.now()
    meetings = (
        commission_meetings(plan).filter(published=True).exclude(status=Event.Status.CANCELLED)
    )
    last = meetings.filter(starts_at__lte=now).order_by("-starts_at").first()
    upcoming = meetings.filter(starts_at__gt=now).order_by("starts_at").first()
    threshold = now - datetime.timedelta(days=182)
    today = timezone.localdate(now)
    running = (
        plan.period_start <= today <= plan.period_end
        and plan.steps.filter(status=Step.Status.OPEN).exists()
    )
    return {
        "last_meeting": last,
        "next_meeting": upcoming,
        "overdue": running and (last is None or last.starts_at < threshold),
    }


def commission_decisions(plan):
    return (
        Decision.objects.filter(
            event__plan=plan,
            event__kind=Event.Kind.COMMISSION_MEETING,
            event__published=True,
        )
        .select_related("event", "event__plan")
        .order_by("-event__starts_at", "number")
    )


def registrations_for(event):
    """Who registered or came, for the event's managers; an address never confirmed in time is
    left out (it may well be invented)."""
    expired = event.registrations.expired(timezone.now())
    return (
        event.registrations.exclude(pk__in=expired.values("pk"))
        .select_related("region")
        .order_by("walk_in", "created_at", "id")
    )


def events_for_workspace(plan, user):
    """The events a person works on: all for the secretariat; table sessions for table leaders;
    commission meetings (drafts included) for commission members."""
    events = Event.objects.filter(plan=plan).select_related("plan", "region").order_by("-starts_at")
    if user.has_perm("events.manage_events", plan):
        return events
    mine = Q(pk__in=[])
    if user.has_perm("events.add_event", plan):
        mine |= Q(kind=Event.Kind.TABLE_SESSION, working_table__in=tables_led_by(user, plan))
    if user.has_perm("events.view_commission_meetings", plan):
        mine |= Q(kind=Event.Kind.COMMISSION_MEETING)
    return events.filter(mine)


def without_minutes(plan, user):
    """The events `user` works on (`events_for_workspace`) that have started, are not cancelled
    and have no minutes yet, oldest first. Whether they may record them is `can_record_minutes`."""
    return (
        events_for_workspace(plan, user)
        .filter(starts_at__lt=timezone.now(), minutes_published_on__isnull=True)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at", "id")
    )


def _sector_of_kind():
    """The sector label of an organisation kind, as a database expression ("—" without one)."""
    sectors = dict(Organisation.Sector.choices)
    return Case(
        *[
            When(organisation_kind=kind, then=Value(str(sectors[sector])))
            for kind, sector in Organisation.SECTOR_OF_KIND.items()
        ],
        default=Value("—"),
        output_field=CharField(),
    )


def _kind_label():
    return Case(
        *[
            When(organisation_kind=kind, then=Value(str(label)))
            for kind, label in Organisation.Kind.choices
        ],
        default=Value("—"),
        output_field=CharField(),
    )


def reach(plan) -> dict:
    """Who took part in the published events of `plan`: people and organisations by sector,
    province, organisation type and quarter, counted in the database (one GROUP BY per dimension
    and one for the totals, whatever the number of registrations). A person is counted once (by
    e-mail, case-insensitively, or each walk-in without one); an organisation once by its name
    (trimmed, case-insensitively)."""
    attended = (
        Registration.objects.filter(event__plan=plan, event__published=True, attended=True)
        .order_by()
        .annotate(
            person=Case(
                When(email="", then=Concat(Value("#"), Cast("pk", CharField()))),
                default=Lower("email"),
                output_field=CharField(),
            ),
            org=Lower(Trim("organisation_name")),
        )
    )
    people = Count("person", distinct=True)
    orgs = Count("org", distinct=True, filter=~Q(org=""))
    totals = attended.aggregate(
        people=people,
        organisations=orgs,
        outside_capital=Count(
            "person", distinct=True, filter=Q(region__isnull=False, region__is_capital=False)
        ),
    )
    keys = {
        "sector": _sector_of_kind(),
        "region": Coalesce("region__name", Value("—"), output_field=CharField()),
        "kind": _kind_label(),
        "quarter": Concat(
            Cast(ExtractYear("event__starts_at"), CharField()),
            Value("-T"),
            Cast(ExtractQuarter("event__starts_at"), CharField()),
            output_field=CharField(),
        ),
    }

    def table(dimension):
        rows = [
            (key, n_people, n_orgs)
            for key, n_people, n_orgs in attended.annotate(key=keys[dimension])
            .values("key")
            .annotate(n_people=people, n_orgs=orgs)
            .values_list("key", "n_people", "n_orgs")
        ]
        if dimension == "quarter":
            return sorted(rows)
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    return {
        "people": totals["people"],
        "organisations": totals["organisations"],
        "outside_capital": totals["outside_capital"],
        "by_sector": table("sector"),
        "by_region": table("region"),
        "by_kind": table("kind"),
        "by_quarter": table("quarter"),
    }


def sessions_of_table(table, *, public: bool = True) -> list:
    """The working table's sessions (only the published ones on public pages)."""
    found = sessions_for_table(table)
    return list(found.filter(published=True) if public else found)


def trainings_of_leaders(table) -> list[tuple]:
    """The trainings each leader of `table` attended, as (member, [trainings])."""
    return [
        (m, list(trainings_attended_by(m.user, table.plan))) for m in table_queries.leaders(table)
    ]
