"""Translation, the final version, its delivery to OGP and the plan's publication."""

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = []
