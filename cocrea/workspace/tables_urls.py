"""The working tables' workspace pages, in the `tables` URL namespace (the pages read tables,
participation and events, so they live in the workspace view app)."""

from django.urls import path

from . import tables as views

app_name = "tables"

urlpatterns = [
    path("workspace/<slug:slug>/tables/<int:number>/", views.workspace_detail, name="workspace"),
    path(
        "workspace/<slug:slug>/tables/<int:number>/members/<int:pk>/remove/",
        views.remove_member,
        name="remove_member",
    ),
]
