"""Permissions of the events app, named `events.<verb>_<noun>`.

The secretariat manages every event; a table leader manages the sessions of the tables they lead;
commission
members see commission-meeting drafts before they are published. Registering is open to anyone,
anonymous included, while the event accepts registrations."""

import rules
from django.utils import timezone

from cocrea.core.permissions import add_capability_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.models import Role
from cocrea.plans.rules import has_role, is_secretariat
from cocrea.tables.rules import tables_led_by

from .models import Event

is_table_leader = has_role(Role.TABLE_LEADER)
is_commission_member = has_role(Role.COMMISSION_MEMBER)


@rules.predicate
def is_table_session(user, obj=None):
    return isinstance(obj, Event) and obj.kind == Event.Kind.TABLE_SESSION


@rules.predicate
def leads_its_table(user, obj=None):
    """The session belongs to a working table this person leads."""
    return (
        isinstance(obj, Event)
        and obj.working_table_id is not None
        and obj.working_table_id in tables_led_by(user, obj.plan)
    )


@rules.predicate
def is_commission_meeting(user, obj=None):
    return isinstance(obj, Event) and obj.kind == Event.Kind.COMMISSION_MEETING


@rules.predicate
def is_published(user, obj=None):
    return isinstance(obj, Event) and obj.published


@rules.predicate
def accepts_registrations(user, obj=None):
    return (
        isinstance(obj, Event)
        and obj.published
        and obj.registration_open
        and obj.status == Event.Status.PLANNED
        and obj.starts_at > timezone.now()
    )


manages_event = is_secretariat | (is_table_leader & is_table_session & leads_its_table)

# On a plan: may create events at all (a leader only creates table sessions, checked by the action).
rules.add_perm("events.add_event", is_secretariat | is_table_leader)
# On a plan: manages every event, of any kind and any table (leaders manage their sessions only).
rules.add_perm("events.manage_events", is_secretariat)
# On a plan: sees the commission meetings, drafts included.
rules.add_perm("events.view_commission_meetings", is_secretariat | is_commission_member)
rules.add_perm("events.change_event", manages_event)
rules.add_perm(
    "events.view_event",
    is_published | manages_event | (is_commission_member & is_commission_meeting),
)
rules.add_perm("events.register_for_event", accepts_registrations)
rules.add_perm("events.record_attendance", manages_event)
rules.add_perm("events.record_minutes", manages_event)
rules.add_perm("events.view_registrations", manages_event)
# Scheduling (creating) an event of a kind that a capability of the programme covers is allowed
# only while a step enabling it is open. What follows for an event already scheduled (editing,
# publishing, cancelling, attendance, minutes) is not gated: an event announced while its step was
# open must still be corrected, cancelled and recorded after the step closes.
add_capability_perm(
    "events.schedule_commission_meeting", is_secretariat, capability_open("forum-meetings")
)
add_capability_perm("events.schedule_outreach", is_secretariat, capability_open("outreach"))
add_capability_perm("events.schedule_training", is_secretariat, capability_open("training"))
# The plan's presentation is scheduled while the step publishing it is open.
add_capability_perm("events.schedule_presentation", is_secretariat, capability_open("publication"))

# The permission that schedules each kind gated by a capability (the other kinds are not).
SCHEDULE_PERMISSIONS = {
    Event.Kind.COMMISSION_MEETING: "events.schedule_commission_meeting",
    Event.Kind.OUTREACH: "events.schedule_outreach",
    Event.Kind.TRAINING: "events.schedule_training",
    Event.Kind.PRESENTATION: "events.schedule_presentation",
}
# Whoever holds the registration's secret link may confirm, correct or cancel it: views reach a
# registration only through its token (or the managers' workspace).
rules.add_perm("events.confirm_registration", rules.always_allow)
rules.add_perm("events.change_registration", rules.always_allow)
rules.add_perm("events.cancel_registration", rules.always_allow)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_add_event = asker("events.add_event")
can_manage_events = asker("events.manage_events")
can_cancel_registration = asker("events.cancel_registration")
can_change_event = asker("events.change_event")
can_change_registration = asker("events.change_registration")
can_confirm_registration = asker("events.confirm_registration")
can_record_attendance = asker("events.record_attendance")
can_record_minutes = asker("events.record_minutes")
can_register_for_event = asker("events.register_for_event")
can_view_commission_meetings = asker("events.view_commission_meetings")
can_view_event = asker("events.view_event")
can_view_registrations = asker("events.view_registrations")
can_schedule_commission_meeting = asker("events.schedule_commission_meeting")
can_schedule_outreach = asker("events.schedule_outreach")
can_schedule_training = asker("events.schedule_training")
can_schedule_presentation = asker("events.schedule_presentation")
