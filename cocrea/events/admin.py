from django.contrib import admin

from .models import Decision, Event, Registration


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-only: events change through the workspace, which calls the logged actions."""

    list_display = ["title", "kind", "starts_at", "status", "published", "plan"]
    list_filter = ["kind", "status", "published", "plan"]
    search_fields = ["title_es", "title_en"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "status", "attended", "walk_in"]
    list_filter = ["status", "attended", "walk_in"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Registrations are cancelled or erased by their actions (logged, seat freed), never deleted.
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["event", "number", "text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Decisions are part of the minutes, recorded by `record_minutes`.
    def has_delete_permission(self, request, obj=None):
        return False
