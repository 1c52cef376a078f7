"""The verbs of the organisations app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "organisations.add_region": _("added a region"),
    "organisations.change_region": _("changed a region"),
    "organisations.add_organisation": _("added an organisation"),
    "organisations.change_organisation": _("changed an organisation"),
}
