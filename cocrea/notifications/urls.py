from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path(
        "notifications/preferences/<str:token>/",
        views.preferences_token,
        name="preferences_token",
    ),
    path(
        "notifications/unsubscribe/<str:token>/<str:kind>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
