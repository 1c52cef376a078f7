"""The verbs of the news app in the action log, with the label the activity pages show
("<who> <label>: <what>"). `log_action` refuses a verb that is not declared here."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "news.publish_news": _("published the news item"),
    "news.update_news": _("updated the news item"),
}
