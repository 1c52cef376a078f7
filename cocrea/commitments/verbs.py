"""The verbs of the commitments app in the action log, with the label the activity pages show."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "commitments.create_commitment": _("created a commitment from a selected proposal"),
    "commitments.update_commitment": _("edited a commitment"),
}
