"""The outbox, the notifications and the preferences in the admin, read-only: they are written by
actions only. A mail given up (or waiting for its next try) can be retried now."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .delivery import retry_now
from .models import Delivery, Notification, Preference


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ["created_at", "email", "kind", "subject", "state", "attempts", "last_error"]
    list_filter = ["state", "kind"]
    search_fields = ["email", "subject"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]

    @admin.action(description=_("Retry now the selected e-mails that were not sent"))
    def retry_now(self, request, queryset):
        retried = retry_now(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s e-mail will be sent by the worker shortly.",
                "%(count)s e-mails will be sent by the worker shortly.",
                retried,
            )
            % {"count": retried},
            messages.SUCCESS,
        )


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ["created_at", "user", "kind", "title", "read_at"]
    list_filter = ["kind"]
    search_fields = ["title", "user__username"]


@admin.register(Preference)
class PreferenceAdmin(ReadOnly):
    list_display = ["user", "email", "kind", "frequency"]
    list_filter = ["kind", "frequency"]
