from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are uploaded through the workspace, which checks and logs them."""

    list_display = ["title", "doc_type", "published_on", "size", "plan"]
    list_filter = ["doc_type", "plan"]
    search_fields = ["title_es", "title_en"]
    readonly_fields = ["checksum"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
