from django.urls import path

from . import manage, views

app_name = "events"

urlpatterns = [
    path("plans/<slug:slug>/events/", views.event_list, name="list"),
    path("plans/<slug:slug>/events.ics", views.events_ical, name="ical"),
    path("plans/<slug:slug>/events/<int:year>/<int:month>/", views.event_month, name="month"),
    path("plans/<slug:slug>/events/<int:pk>/", views.event_detail, name="event"),
    path("plans/<slug:slug>/events/<int:pk>/register/", views.register, name="register"),
    path("registrations/<uuid:token>/", views.registration, name="registration"),
    path(
        "registrations/<uuid:token>/cancel/",
        views.cancel_registration,
        name="cancel_registration",
    ),
    path("workspace/<slug:slug>/events/", manage.events, name="manage_list"),
    path("workspace/<slug:slug>/events/new/", manage.event_create, name="manage_create"),
    path("workspace/<slug:slug>/events/<int:pk>/", manage.event_manage, name="manage_event"),
    path("workspace/<slug:slug>/events/<int:pk>/edit/", manage.event_edit, name="manage_edit"),
    path(
        "workspace/<slug:slug>/events/<int:pk>/publish/",
        manage.event_publish,
        name="manage_publish",
    ),
    path(
        "workspace/<slug:slug>/events/<int:pk>/cancel/", manage.event_cancel, name="manage_cancel"
    ),
    path(
        "workspace/<slug:slug>/events/<int:pk>/attendance/",
        manage.attendance,
        name="manage_attendance",
    ),
    path("workspace/<slug:slug>/events/<int:pk>/walk-in/", manage.walk_in, name="manage_walk_in"),
    path("workspace/<slug:slug>/events/<int:pk>/minutes/", manage.minutes, name="manage_minutes"),
]
