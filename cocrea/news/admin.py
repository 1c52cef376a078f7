from django.contrib import admin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    """Read-only: news are published through the workspace, which logs them."""

    list_display = ["title", "published_on", "plan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # No action deletes news: a published item is corrected through the workspace.
    def has_delete_permission(self, request, obj=None):
        return False
