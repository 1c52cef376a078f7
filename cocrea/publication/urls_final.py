"""Translation, the final version, its delivery to OGP and the plan's publication."""

from django.urls import path

from . import views_final as views

PUBLIC = "plans/<slug:slug>/plan/"
PLAN = "workspace/<slug:slug>/plan/"

urlpatterns: list = [
    path(PUBLIC, views.published, name="published"),
    path(PUBLIC + "<slug:language>.<slug:fmt>", views.download, name="download"),
    path(PLAN + "translation/", views.translation_view, name="translation"),
    path(
        PLAN + "translation/section/<slug:kind>/",
        views.translate_part,
        name="translate_section",
    ),
    path(
        PLAN + "translation/commitment/<int:number>/",
        views.translate_part,
        name="translate_commitment",
    ),
    path(PLAN + "translation/final/", views.issue_final, name="issue_final"),
    path(PLAN + "delivery/", views.delivery_view, name="delivery"),
    path(PLAN + "publish/", views.publish, name="publish"),
]
