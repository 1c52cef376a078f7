from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("plans/<slug:slug>/documents/", views.repository, name="repository"),
    path("plans/<slug:slug>/documents/<int:pk>/", views.download, name="download"),
    path("workspace/<slug:slug>/documents/new/", views.upload, name="upload"),
    path("workspace/<slug:slug>/documents/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
