"""The verbs of the tables app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "tables.create_table": _("formed the working table"),
    "tables.update_table": _("changed the working table"),
    "tables.delete_table": _("removed the working table"),
    "tables.add_leader": _("added a leader to a working table"),
    "tables.add_member": _("added a member to a working table"),
    "tables.remove_member": _("removed a member from a working table"),
}
