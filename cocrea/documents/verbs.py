"""The verbs of the documents app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "documents.upload_document": _("published the document"),
    "documents.withdraw_document": _("withdrew the document"),
}
