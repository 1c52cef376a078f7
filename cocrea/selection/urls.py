from django.urls import path

from . import views_outcomes, views_scoring

app_name = "selection"

PUBLIC = "plans/<slug:slug>/selection/"
PLAN = "workspace/<slug:slug>/selection/"

urlpatterns = [
    path(PUBLIC + "methodology/", views_scoring.public_methodology, name="methodology"),
    path(PLAN + "methodology/", views_scoring.methodologies, name="methodologies"),
    path(PLAN + "methodology/new/", views_scoring.methodology_new, name="methodology_new"),
    path(
        PLAN + "methodology/<int:number>/",
        views_scoring.methodology_edit,
        name="methodology_edit",
    ),
    path(
        PLAN + "methodology/<int:number>/adopt/",
        views_scoring.methodology_adopt,
        name="methodology_adopt",
    ),
    path(
        PLAN + "methodology/<int:number>/publish/",
        views_scoring.methodology_publish,
        name="methodology_publish",
    ),
    path(PLAN + "eligibility/", views_scoring.eligibility, name="eligibility"),
    path(PLAN + "eligibility/<int:pk>/", views_scoring.check, name="check"),
    path(PLAN + "eligibility/<int:pk>/overturn/", views_scoring.overturn, name="overturn"),
    path(PLAN + "scoring/", views_scoring.queue, name="queue"),
    path(PLAN + "scoring/<int:pk>/", views_scoring.ballot, name="ballot"),
    path(PLAN + "scoring/<int:pk>/conflict/", views_scoring.conflict, name="conflict"),
    path(PLAN + "progress/", views_scoring.progress, name="progress"),
    path(PLAN + "ranking/", views_scoring.ranking, name="ranking"),
    path(PLAN + "ranking.csv", views_scoring.ranking_csv, name="ranking_csv"),
    path(PLAN + "decision/", views_outcomes.decision, name="decision"),
    path(PLAN + "decision/<int:pk>/", views_outcomes.record, name="record"),
    path(PLAN + "decision/<int:pk>/withdraw/", views_outcomes.withdraw, name="withdraw"),
    path(PLAN + "decision/<int:pk>/promote/", views_outcomes.promote, name="promote"),
    path(PLAN + "decision/publish/", views_outcomes.publish, name="publish"),
]
