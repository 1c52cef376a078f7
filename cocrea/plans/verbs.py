"""The verbs of the plans app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "plans.create_plan": _("created the plan"),
    "plans.update_plan": _("updated the plan"),
    "plans.create_axis": _("added a thematic axis"),
    "plans.update_axis": _("re-worded a thematic axis"),
    "plans.delete_axis": _("removed a thematic axis"),
    "plans.start_programme": _("started the work programme"),
    "plans.update_commission": _("updated the commission"),
    "plans.grant_role": _("gave a role"),
    "plans.revoke_role": _("withdrew a role"),
    "plans.create_step": _("added the step"),
    "plans.update_step": _("edited the step"),
    "plans.delete_step": _("removed the step"),
    "plans.open_step": _("opened the step"),
    "plans.reopen_step": _("re-opened the step"),
    "plans.close_step": _("closed the step"),
    "plans.publish_version": _("published a version of the work programme"),
    "plans.change_role": _("changed a role in the plan"),
    "plans.set_current_plan": _("made this the site's current plan"),
    "plans.grant_platform_admin": _("made a person platform administrator"),
    "plans.revoke_platform_admin": _("withdrew a platform administrator"),
}
