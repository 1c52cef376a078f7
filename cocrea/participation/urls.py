from django.urls import path

from . import manage, views

app_name = "participation"

urlpatterns = [
    path("plans/<slug:slug>/call/", views.call, name="call"),
    path("plans/<slug:slug>/call/thanks/", views.registered, name="registered"),
    path("plans/<slug:slug>/call/privacy/", views.privacy, name="privacy"),
    path("plans/<slug:slug>/call/my-data/", views.data_link, name="data_link"),
    path("plans/<slug:slug>/call/my-data/sent/", views.data_link_sent, name="data_link_sent"),
    path(
        "plans/<slug:slug>/call/my-data/account/",
        views.my_data_from_account,
        name="my_data_from_account",
    ),
    path("call/confirm/<str:token>/", views.confirm, name="confirm"),
    path("call/my-data/<str:token>/", views.my_data, name="my_data"),
    path("call/my-data/<str:token>/download/", views.my_data_download, name="my_data_download"),
    path("call/my-data/<str:token>/revoke/", views.my_data_revoke, name="my_data_revoke"),
    path("call/my-data/<str:token>/erase/", views.my_data_erase, name="my_data_erase"),
    path("call/my-data/<str:token>/consent/", views.my_data_consent, name="my_data_consent"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("liaisons/<str:token>/", views.liaison, name="liaison"),
    path("welcome/<uidb64>/<token>/", views.Welcome.as_view(), name="welcome"),
    path("workspace/<slug:slug>/participation/", manage.overview, name="manage"),
    path("workspace/<slug:slug>/participation/tables/", manage.tables_create, name="tables_create"),
    path(
        "workspace/<slug:slug>/participation/requirements/<int:pk>/remove/",
        manage.requirement_remove,
        name="requirement_remove",
    ),
    path(
        "workspace/<slug:slug>/participation/invitations/",
        manage.invitations,
        name="invitations",
    ),
    path(
        "workspace/<slug:slug>/participation/invitations/<int:pk>/resend/",
        manage.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "workspace/<slug:slug>/participation/invitations/<int:pk>/revoke/",
        manage.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "workspace/<slug:slug>/participation/invitations/<int:pk>/confirm/",
        manage.invitation_confirm,
        name="invitation_confirm",
    ),
    path(
        "workspace/<slug:slug>/participation/registrations/",
        manage.registrations,
        name="registrations",
    ),
    path(
        "workspace/<slug:slug>/participation/registrations.csv",
        manage.registrations_csv,
        name="registrations_csv",
    ),
    path("workspace/<slug:slug>/participation/liaisons/", manage.liaisons, name="liaisons"),
    path("workspace/<slug:slug>/participation/privacy/", manage.notices, name="notices"),
    path(
        "workspace/<slug:slug>/participation/liaisons/<int:pk>/remind/",
        manage.liaison_remind,
        name="liaison_remind",
    ),
]
