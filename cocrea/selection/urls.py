from django.urls import path

from . import views_outcomes

app_name = "selection"

PLAN = "workspace/<slug:slug>/selection/"

urlpatterns = [
    path(PLAN + "decision/", views_outcomes.decision, name="decision"),
    path(PLAN + "decision/<int:pk>/", views_outcomes.record, name="record"),
    path(PLAN + "decision/<int:pk>/withdraw/", views_outcomes.withdraw, name="withdraw"),
    path(PLAN + "decision/<int:pk>/promote/", views_outcomes.promote, name="promote"),
    path(PLAN + "decision/publish/", views_outcomes.publish, name="publish"),
]
