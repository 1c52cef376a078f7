"""The verbs of the selection app in the action log, with the label the activity pages show."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "selection.create_methodology": _("drafted a version of the selection methodology"),
    "selection.change_methodology": _("edited the selection methodology"),
    "selection.adopt_methodology": _("recorded the commission's adoption of the methodology"),
    "selection.publish_methodology": _("published the selection methodology"),
    "selection.check_eligibility": _("checked the eligibility of a proposal"),
    "selection.overturn_eligibility": _("recorded the commission's overturn of an eligibility"),
    "selection.score_candidate": _("scored a proposal"),
    "selection.declare_conflict": _("declared a conflict of interest and abstained"),
    "selection.record_outcome": _("recorded the commission's decision on a proposal"),
    "selection.withdraw_commitment": _("withdrew a selected commitment"),
    "selection.promote_alternate": _("promoted an alternate proposal"),
    "selection.publish_selection": _("published the selection and its reasoned response"),
}
