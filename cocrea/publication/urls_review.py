"""OGP's review rounds of a draft version."""

from django.urls import path

from . import views_review as views

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"
ROUND = PLAN + "reviews/<int:number>/"

urlpatterns: list = [
    path(PUBLIC + "reviews/<int:number>/", views.public_report, name="public_review_report"),
    path(PLAN + "reviews/", views.rounds, name="reviews"),
    path(ROUND, views.round_page, name="review_round"),
    path(ROUND + "comment/", views.comment, name="review_comment"),
    path(ROUND + "comments/<int:pk>/resolve/", views.resolve, name="review_resolve"),
    path(ROUND + "comments/<int:pk>/file/", views.attachment, name="review_file"),
    path(ROUND + "close/", views.close, name="review_close"),
    path(ROUND + "report/", views.report, name="review_report"),
    path(ROUND + "report/publish/", views.publish, name="review_publish"),
]
