"""Reads of the events app, already joined for the pages that use them; also the interface other
apps use (`sessions_for_table`, `trainings_attended_by`)."""

import datetime
from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone

from cocrea.organisations.models import Organisation
from cocrea.plans.models import Role, Step
from cocrea.plans.rules import roles_in
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
    names of those who agreed to be named. No e-mail or phone ever leaves this function."""
    rows = list(
        event.registrations.filter(attended=True)
        .select_related("region")
        .only("name", "name_public", "organisation_kind", "organisation_name", "region__name")
    )
    by_sector = Counter(r.get_sector_display() or "—" for r in rows)
    by_region = Counter(r.region.name if r.region else "—" for r in rows)
    kinds = dict(Organisation.Kind.choices)
    by_kind = Counter(str(kinds.get(r.organisation_kind, "—")) for r in rows)
    return {
        "total": len(rows),
        "by_sector": sorted(by_sector.items()),
        "by_region": sorted(by_region.items()),
        "by_kind": sorted(by_kind.items()),
        "names": sorted((r.name, r.organisation_name) for r in rows if r.name_public),
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
    if user.has_perm("plans.change_plan", plan):
        return events
    mine = Q(pk__in=[])
    if user.has_perm("events.add_event", plan):
        mine |= Q(kind=Event.Kind.TABLE_SESSION, working_table__in=tables_led_by(user, plan))
    if Role.COMMISSION_MEMBER in roles_in(user, plan):
        mine |= Q(kind=Event.Kind.COMMISSION_MEETING)
    return events.filter(mine)


def reach(plan) -> dict:
    """Who took part in the published events of `plan`: people and organisations by sector,
    province, organisation type and quarter. One query. A person is counted once (by e-mail, or
    each walk-in without one); an organisation once by its name."""
    rows = Registration.objects.filter(
        event__plan=plan, event__published=True, attended=True
    ).values_list(
        "pk",
        "email",
        "organisation_name",
        "organisation_kind",
        "region__name",
        "region__is_capital",
        "event__starts_at",
    )
    kinds = dict(Organisation.Kind.choices)
    sectors = dict(Organisation.Sector.choices)
    people: dict[str, dict[str, set]] = {"sector": {}, "region": {}, "kind": {}, "quarter": {}}
    orgs: dict[str, dict[str, set]] = {"sector": {}, "region": {}, "kind": {}, "quarter": {}}
    all_people, all_orgs, outside_people = set(), set(), set()
    for pk, email, org_name, kind, region, is_capital, starts_at in rows:
        person = email.lower() if email else f"#{pk}"
        org = org_name.strip().casefold()
        sector = str(sectors[Organisation.SECTOR_OF_KIND[kind]]) if kind else "—"
        local = timezone.localtime(starts_at)
        keys = {
            "sector": sector,
            "region": region or "—",
            "kind": str(kinds.get(kind, "—")),
            "quarter": f"{local.year}-T{(local.month - 1) // 3 + 1}",
        }
        all_people.add(person)
        if region and not is_capital:
            outside_people.add(person)
        if org:
            all_orgs.add(org)
        for dimension, key in keys.items():
            people[dimension].setdefault(key, set()).add(person)
            if org:
                orgs[dimension].setdefault(key, set()).add(org)

    def table(dimension):
        keys = sorted(set(people[dimension]) | set(orgs[dimension]))
        if dimension != "quarter":
            keys.sort(key=lambda k: (-len(people[dimension].get(k, ())), k))
        return [
            (key, len(people[dimension].get(key, ())), len(orgs[dimension].get(key, ())))
            for key in keys
        ]

    return {
        "people": len(all_people),
        "organisations": len(all_orgs),
        "outside_capital": len(outside_people),
        "by_sector": table("sector"),
        "by_region": table("region"),
        "by_kind": table("kind"),
        "by_quarter": table("quarter"),
    }
