from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("plans/<slug:slug>/news/", views.news_list, name="list"),
    path("plans/<slug:slug>/news/feed.atom", views.news_feed, name="feed"),
    path("plans/<slug:slug>/news/<int:pk>/", views.news_item, name="item"),
    path("plans/<slug:slug>/take-part/", views.take_part, name="take_part"),
    path("plans/<slug:slug>/reach/", views.reach, name="reach"),
    path("workspace/<slug:slug>/news/new/", views.news_create, name="create"),
    path("workspace/<slug:slug>/news/<int:pk>/edit/", views.news_edit, name="edit"),
]
