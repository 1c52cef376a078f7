from django.contrib import admin

from .models import ActionLog


@admin.register(ActionLog)
class ActionLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_name", "verb", "target_repr", "plan", "public"]
    list_filter = ["verb", "public", "plan"]
    search_fields = ["actor_name", "verb", "target_repr", "description"]
    date_hierarchy = "created_at"

    # The log is written by actions only; nobody edits history.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
