"""The verbs of the events app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "events.create_event": _("scheduled the event"),
    "events.update_event": _("updated the event"),
    "events.publish_event": _("published the event"),
    "events.cancel_event": _("cancelled the event"),
    "events.register": _("registered for an event"),
    "events.update_registration": _("updated a registration for an event"),
    "events.cancel_registration": _("cancelled a registration for an event"),
    "events.record_attendance": _("recorded the attendance of"),
    "events.add_walk_in": _("recorded a walk-in attendee at"),
    "events.record_minutes": _("published the minutes of"),
    "events.confirm_registration": _("confirmed a registration for an event"),
    "events.restore_registration": _("took back a cancelled registration for an event"),
    "events.send_registration_link": _("was sent the link to a registration for an event"),
}
