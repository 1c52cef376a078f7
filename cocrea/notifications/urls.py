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
    path("notifications/follow/proposal/<int:pk>/", views.follow_proposal, name="follow_proposal"),
    path(
        "notifications/unfollow/proposal/<int:pk>/",
        views.unfollow_proposal,
        name="unfollow_proposal",
    ),
]
