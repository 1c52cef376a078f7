from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/<int:pk>/open/", views.open_notification, name="open"),
    path("notifications/read/", views.mark_all_read, name="mark_all_read"),
    path("notifications/preferences/", views.preferences, name="preferences"),
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
