"""The workspace's pages of the document: its sections, versions, their files and comparison."""

from django.urls import path

from . import views_document as views

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = [
    path(PLAN, views.home, name="document"),
    path(PLAN + "issue/", views.issue, name="issue_draft"),
    path(PLAN + "sections/<str:kind>/", views.section_edit, name="section_edit"),
    path(PLAN + "compare/", views.compare_versions, name="compare"),
    path(PLAN + "versions/<str:label>/", views.version, name="version"),
    path(PLAN + "versions/<str:label>/status/", views.version_status, name="version_status"),
    path(
        PLAN + "versions/<str:label>/files/<str:language>/<str:format>/",
        views.download,
        name="version_download",
    ),
]
