"""The verbs of the demo app in the action log (see cocrea/core/log_verbs.py)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    # Not public: the row that says which factor and seed `manage.py scale_data` used.
    "demo.scale_data": _("generated the data to measure the site at scale"),
}
