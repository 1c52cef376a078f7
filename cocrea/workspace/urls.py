from django.urls import path

from . import comments, jurisdiction, setup, structure, views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    # The platform (before the plans' own pages, whose first segment is a plan's short name).
    path("platform/plans/new/", setup.plan_new, name="plan_new"),
    path("platform/plans/<slug:slug>/current/", setup.plan_make_current, name="plan_current"),
    path(
        "platform/plans/<slug:slug>/secretariat/",
        setup.plan_secretariat,
        name="plan_secretariat",
    ),
    path("platform/administrators/", setup.platform_admins, name="platform_admins"),
    path(
        "platform/administrators/<int:pk>/withdraw/",
        setup.platform_admin_revoke,
        name="platform_admin_revoke",
    ),
    path("<slug:slug>/", views.plan_dashboard, name="plan"),
    path("<slug:slug>/steps/new/", views.step_create, name="step_create"),
    path("<slug:slug>/steps/<slug:key>/edit/", views.step_edit, name="step_edit"),
    path("<slug:slug>/steps/<slug:key>/open/", views.step_open, name="step_open"),
    path("<slug:slug>/steps/<slug:key>/close/", views.step_close, name="step_close"),
    path("<slug:slug>/steps/<slug:key>/delete/", views.step_delete, name="step_delete"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/comments/", comments.comments, name="comments"),
    path("<slug:slug>/comments.csv", comments.comments_csv, name="comments_csv"),
    path("<slug:slug>/structure/", structure.overview, name="structure"),
    path("<slug:slug>/structure/axes/new/", structure.axis_create, name="axis_create"),
    path("<slug:slug>/structure/axes/<int:number>/edit/", structure.axis_edit, name="axis_edit"),
    path(
        "<slug:slug>/structure/axes/<int:number>/remove/",
        structure.axis_delete,
        name="axis_delete",
    ),
    path("<slug:slug>/structure/tables/new/", structure.table_create, name="table_create"),
    path(
        "<slug:slug>/structure/tables/<int:number>/edit/",
        structure.table_edit,
        name="table_edit",
    ),
    path(
        "<slug:slug>/structure/tables/<int:number>/remove/",
        structure.table_delete,
        name="table_delete",
    ),
    path("<slug:slug>/programme/start/", structure.programme_start, name="programme_start"),
    path("<slug:slug>/settings/", setup.plan_settings, name="plan_settings"),
    path("<slug:slug>/commission/", setup.commission, name="commission"),
    path("<slug:slug>/people/", setup.people, name="people"),
    path("<slug:slug>/people/<int:pk>/withdraw/", setup.role_revoke, name="role_revoke"),
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
