from django.urls import path

from . import views

app_name = "tables"

urlpatterns = [
    path("workspace/<slug:slug>/tables/<int:number>/", views.workspace_detail, name="workspace"),
    path(
        "workspace/<slug:slug>/tables/<int:number>/members/<int:pk>/remove/",
        views.remove_member,
        name="remove_member",
    ),
]
