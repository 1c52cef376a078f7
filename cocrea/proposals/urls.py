from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("plans/<slug:slug>/proposals/", views.public_list, name="list"),
    path("plans/<slug:slug>/proposals/<int:pk>/", views.public_detail, name="detail"),
    path(
        "workspace/<slug:slug>/tables/<int:number>/proposals/",
        views.workspace,
        name="workspace",
    ),
    path(
        "workspace/<slug:slug>/tables/<int:number>/proposals/submit/",
        views.submit,
        name="submit",
    ),
    path(
        "workspace/<slug:slug>/tables/<int:number>/proposals/<slug:slot>/edit/",
        views.edit,
        name="edit",
    ),
    path(
        "workspace/<slug:slug>/tables/<int:number>/proposals/<slug:slot>/history/",
        views.history,
        name="history",
    ),
]
