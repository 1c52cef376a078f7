from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "cocrea.notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cocrea.core.cache import person_stamp
        from cocrea.core.happenings import listen

        from .actions import follow_on
        from .context_processors import unread_stamp
        from .dispatch import dispatch

        # A signed-in person's kept pages show their unread count (the bell): part of their key.
        person_stamp(unread_stamp)

        listen(dispatch)
        listen(follow_on)  # after the dispatch: see follow_on
