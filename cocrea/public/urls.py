from django.urls import path

from . import reasoned_response as response_views
from . import tables as table_views
from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("plans/<slug:slug>/", views.home, name="plan"),
    path("plans/<slug:slug>/programme/", views.programme, name="programme"),
    path("plans/<slug:slug>/programme.ics", views.programme_ical, name="programme_ical"),
    path("plans/<slug:slug>/programme/steps/<slug:key>/", views.step_detail, name="step"),
    path("plans/<slug:slug>/programme/versions/", views.versions, name="versions"),
    path(
        "plans/<slug:slug>/programme/versions/<int:number>/",
        views.version_detail,
        name="version",
    ),
    path("plans/<slug:slug>/programme/compare/", views.compare_versions, name="compare"),
    path("plans/<slug:slug>/commission/", views.commission, name="commission"),
    path("plans/<slug:slug>/activity/", views.activity, name="activity"),
    path(
        "plans/<slug:slug>/reasoned-response/",
        response_views.reasoned_response,
        name="reasoned_response",
    ),
    path(
        "plans/<slug:slug>/reasoned-response.csv",
        response_views.reasoned_response_csv,
        name="reasoned_response_csv",
    ),
    path(
        "plans/<slug:slug>/reasoned-response/draft-comments.csv",
        response_views.draft_comments_csv,
        name="reasoned_response_draft_comments_csv",
    ),
    path("plans/<slug:slug>/tables/", table_views.public_list, name="tables"),
    path("plans/<slug:slug>/tables/<int:number>/", table_views.public_detail, name="table"),
]
