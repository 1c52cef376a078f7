"""The plan's document, public (`plans/<slug>/plan/...`) and in the workspace
(`workspace/<slug>/plan/...`). Each part of the process keeps its own URL module."""

from . import urls_document, urls_drafts, urls_final, urls_review

app_name = "publication"

urlpatterns = [
    *urls_document.urlpatterns,
    *urls_drafts.urlpatterns,
    *urls_review.urlpatterns,
    *urls_final.urlpatterns,
]
