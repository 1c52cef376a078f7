from django.urls import path

from . import views

app_name = "commitments"

PUBLIC = "plans/<slug:slug>/commitments/"
PLAN = "workspace/<slug:slug>/commitments/"

urlpatterns = [
    path(PUBLIC, views.public_list, name="list"),
    path(PUBLIC + "<int:number>/", views.public_detail, name="detail"),
    path(PLAN, views.workspace_list, name="workspace"),
    path(PLAN + "from-proposal/<int:pk>/", views.create, name="create"),
    path(PLAN + "<int:number>/", views.edit, name="edit"),
    path(PLAN + "<int:number>/history/", views.history, name="history"),
]
