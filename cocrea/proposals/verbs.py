"""The verbs of the proposals app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "proposals.create_proposal": _("started a proposal"),
    "proposals.update_proposal": _("edited a proposal"),
    "proposals.submit_set": _("submitted the proposals of a working table"),
    "proposals.comment_draft": _("commented on a draft proposal"),
    "proposals.assign_institutions": _("assigned institutions to a proposal"),
    "proposals.name_delegate": _("named a delegate for the viability review"),
    "proposals.remove_delegate": _("removed a delegate for the viability review"),
    "proposals.review_proposal": _("reviewed the viability of a proposal"),
    "proposals.remind_review": _("sent a reminder of a pending review"),
    "proposals.review_due_soon": _("told the reviewers a review is due soon"),
    "proposals.comment_proposal": _("commented on a proposal"),
    "proposals.answer_comment": _("answered a comment"),
    "proposals.hide_comment": _("hid a comment"),
    "proposals.restore_comment": _("restored a comment"),
}
