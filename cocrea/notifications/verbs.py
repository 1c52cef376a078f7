"""The verbs of the notifications app in the action log (personal, never on public pages)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "notifications.change_preferences": _("changed their notification preferences"),
    "notifications.follow": _("followed"),
    "notifications.unfollow": _("stopped following"),
}
