"""The verbs of the plan's document in the action log, with the label the activity pages show."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "publication.change_plan_section": _("edited a section of the plan's document"),
    "publication.issue_draft_version": _("issued a draft version of the plan"),
    "publication.comment_draft": _("commented on a draft of the plan"),
    "publication.answer_draft_comment": _("answered a comment on a draft of the plan"),
    "publication.open_review_round": _("sent a draft of the plan to OGP's review"),
    "publication.comment_review_round": _("commented in OGP's review of the plan"),
    "publication.resolve_review_comment": _("resolved a comment of OGP's review"),
    "publication.close_review_round": _("closed a review round"),
    "publication.publish_round_report": _("published the report of a review round"),
    "publication.review_round_due_soon": _("reminded OGP's reviewers that a round is due soon"),
    "publication.translate_plan": _("translated the plan's document"),
    "publication.issue_final_version": _("issued the final version of the plan"),
    "publication.record_delivery": _("recorded the plan's delivery to OGP"),
    "publication.publish_plan": _("published the plan"),
}
