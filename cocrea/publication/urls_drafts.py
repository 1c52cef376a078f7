"""Draft versions in public and the public comment on them; the secretariat's answers."""

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = []
