"""The workspace's pages of the document: its sections, versions, their files and comparison."""

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = []
