"""Draft versions in public and the public comment on them; the secretariat's answers."""

from django.urls import path

from . import views_drafts as views

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = [
    path(PUBLIC + "drafts/", views.drafts, name="drafts"),
    path(PUBLIC + "drafts/<str:label>/", views.draft, name="draft"),
    path(PUBLIC + "drafts/<str:label>/comments/", views.comment, name="draft_comment"),
    path(
        PUBLIC + "drafts/<str:label>/<slug:language>.<slug:fmt>",
        views.draft_file,
        name="draft_file",
    ),
    path(PLAN + "comments/", views.queue, name="draft_comments"),
    path(PLAN + "comments/<int:pk>/answer/", views.answer, name="draft_comment_answer"),
]
