from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "cocrea.notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cocrea.core.happenings import listen

        from .actions import follow_on
        from .dispatch import dispatch

        listen(dispatch)
        listen(follow_on)  # after the dispatch: see follow_on
