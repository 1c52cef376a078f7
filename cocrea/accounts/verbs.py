"""The verbs of the accounts app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "accounts.sign_up": _("signed up"),
    "accounts.confirm_account": _("confirmed an account"),
    "accounts.unlock_login": _("unlocked a locked-out login"),
}
