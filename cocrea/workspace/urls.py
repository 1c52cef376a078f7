from django.urls import path

from . import jurisdiction, views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:slug>/", views.plan_dashboard, name="plan"),
    path("<slug:slug>/steps/new/", views.step_create, name="step_create"),
    path("<slug:slug>/steps/<slug:key>/edit/", views.step_edit, name="step_edit"),
    path("<slug:slug>/steps/<slug:key>/open/", views.step_open, name="step_open"),
    path("<slug:slug>/steps/<slug:key>/close/", views.step_close, name="step_close"),
    path("<slug:slug>/steps/<slug:key>/delete/", views.step_delete, name="step_delete"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/regions/", jurisdiction.regions, name="regions"),
    path("<slug:slug>/regions/new/", jurisdiction.region_form, name="region_create"),
    path("<slug:slug>/regions/<int:pk>/", jurisdiction.region_form, name="region_edit"),
    path("<slug:slug>/organisations/", jurisdiction.organisations, name="organisations"),
    path(
        "<slug:slug>/organisations/new/", jurisdiction.organisation_form, name="organisation_create"
    ),
    path(
        "<slug:slug>/organisations/<int:pk>/",
        jurisdiction.organisation_form,
        name="organisation_edit",
    ),
]
