from django.urls import path

from . import views

app_name = "proposals"

PUBLIC = "plans/<slug:slug>/proposals/"
TABLE = "workspace/<slug:slug>/tables/<int:number>/proposals/"
PLAN = "workspace/<slug:slug>/"

urlpatterns = [
    path(PUBLIC, views.public_list, name="list"),
    path(PUBLIC + "<int:pk>/", views.public_detail, name="detail"),
    path(PUBLIC + "<int:pk>/comments/", views.comment, name="comment"),
    path(PUBLIC + "<int:pk>/comments/<int:comment_pk>/answer/", views.answer, name="answer"),
    path(PUBLIC + "<int:pk>/comments/<int:comment_pk>/hide/", views.hide, name="hide"),
    path(PUBLIC + "<int:pk>/comments/<int:comment_pk>/restore/", views.restore, name="restore"),
    path(TABLE, views.workspace, name="workspace"),
    path(TABLE + "submit/", views.submit, name="submit"),
    path(TABLE + "<slug:slot>/edit/", views.edit, name="edit"),
    path(TABLE + "<slug:slot>/history/", views.history, name="history"),
    path(PLAN + "proposals/", views.assignments, name="assignments"),
    path(PLAN + "proposals/<int:pk>/institutions/", views.assign, name="assign"),
    path(PLAN + "reviews/", views.reviews, name="reviews"),
    path(PLAN + "reviews/<int:pk>/", views.review, name="review"),
    path(PLAN + "reviews/<int:pk>/remind/", views.remind, name="remind"),
    path(
        PLAN + "reviews/delegates/<int:pk>/remove/", views.remove_delegate, name="remove_delegate"
    ),
]
