from django.contrib import admin

from . import actions
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

    def delete_model(self, request, obj):
        # The workspace's "withdraw": checked, logged, the file removed after commit.
        actions.withdraw_document(obj, by=request.user)

    def get_actions(self, request):
        # Bulk delete would bypass `withdraw_document` and its log row.
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found
