"""The admin writes through the same actions: each save leaves its action-log row."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.plans.models import Axis

from .factories import AxisFactory, UserFactory


@pytest.fixture
def admin_client(client, db):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_step_saved_in_the_admin_is_logged(admin_client, steps):
    step = steps[0]
    url = reverse("admin:plans_step_change", args=[step.pk])
    data = {
        "plan": step.plan_id,
        "key": step.key,
        "number": step.number,
        "title_es": step.title_es,
        "title_en": "Renamed in the admin",
        "description_es": step.description_es,
        "description_en": step.description_en,
        "responsible_es": step.responsible_es,
        "responsible_en": step.responsible_en,
        "planned_start": "2017-03-01",
        "planned_end": "2017-03-31",
        "actual_start": "",
        "actual_end": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    step.refresh_from_db()
    assert step.title_en == "Renamed in the admin"
    entry = ActionLog.objects.order_by("-id").first()
    assert (entry.verb, entry.actor.username, entry.target) == ("plans.update_step", "root", step)


def test_admin_open_action_goes_through_open_step(admin_client, steps):
    response = admin_client.post(
        reverse("admin:plans_step_changelist"),
        {"action": "open_steps", "_selected_action": [steps[0].pk, steps[1].pk]},
    )
    assert response.status_code == 302
    assert ActionLog.objects.filter(verb="plans.open_step").count() == 2
    steps[0].refresh_from_db()
    assert (steps[0].status, steps[0].actual_start) == ("open", timezone.localdate())


def test_axis_reworded_in_the_admin_is_logged(admin_client, plan):
    axis = AxisFactory(plan=plan, number=1)
    response = admin_client.post(
        reverse("admin:plans_axis_change", args=[axis.pk]),
        {
            "name_es": "Anticorrupción",
            "name_en": "Anti-corruption",
            "description_es": "",
            "description_en": "",
        },
    )
    assert response.status_code == 302
    assert Axis.objects.get(pk=axis.pk).name_en == "Anti-corruption"
    assert ActionLog.objects.filter(verb="plans.update_axis").count() == 1


def test_bulk_delete_of_steps_is_not_offered(admin_client, steps):
    html = admin_client.get(reverse("admin:plans_step_changelist")).content.decode()
    assert "delete_selected" not in html
    assert 'value="open_steps"' in html


# --- every save or delete of process data goes through its action, or is not offered -----------

PROCESS_APPS = {"plans", "documents", "events", "news", "participation", "tables", "proposals"}


def test_no_admin_deletes_process_data_without_its_action(rf):
    """Over every registered model of the process apps: save and delete are either refused or
    routed through an action (overridden `save_model` / `delete_model`), and the bulk delete is
    never offered."""
    from django.contrib import admin
    from django.contrib.admin import ModelAdmin

    request = rf.get("/admin/")
    request.user = UserFactory.build(is_staff=True, is_superuser=True, is_active=True)
    checked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROCESS_APPS:
            continue
        checked.append(model._meta.label)
        deletes = model_admin.has_delete_permission(request)
        routed = type(model_admin).delete_model is not ModelAdmin.delete_model
        assert not deletes or routed, model._meta.label
        writes = model_admin.has_add_permission(request) or model_admin.has_change_permission(
            request
        )
        saved_by_action = type(model_admin).save_model is not ModelAdmin.save_model
        assert not writes or saved_by_action, model._meta.label
        assert "delete_selected" not in model_admin.get_actions(request), model._meta.label
    assert len(checked) >= 9


def test_a_role_changed_in_the_admin_is_logged(admin_client, plan, people):
    from cocrea.plans.models import PlanRole, Role

    from .factories import OrganisationFactory

    ministry = OrganisationFactory(name_es="Ministerio", name_en="Ministry")
    plan_role = PlanRole.objects.get(user=people["head"], plan=plan)
    before_org = plan_role.organisation_id
    response = admin_client.post(
        reverse("admin:plans_planrole_change", args=[plan_role.pk]),
        {"role": Role.LIAISON, "organisation": ministry.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    plan_role.refresh_from_db()
    assert (plan_role.role, plan_role.organisation, plan_role.user) == (
        Role.LIAISON,
        ministry,
        people["head"],
    )
    entry = ActionLog.objects.get(verb="plans.change_role")
    assert (entry.actor.username, entry.target, entry.public) == ("root", plan_role, False)
    assert entry.data == {
        "user": people["head"].pk,
        "before": {"role": "head_of_institution", "organisation": before_org},
        "after": {"role": "liaison", "organisation": ministry.pk},
    }


def test_roles_are_not_deleted_in_bulk_from_the_admin(admin_client, plan, people):
    html = admin_client.get(reverse("admin:plans_planrole_changelist")).content.decode()
    assert 'value="delete_selected"' not in html


def test_a_document_deleted_in_the_admin_is_withdrawn_through_the_action(
    admin_client, plan, people, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cocrea.documents import actions as document_actions
    from cocrea.documents.models import DocType, Document

    settings.MEDIA_ROOT = tmp_path
    document = document_actions.upload_document(
        plan,
        by=people["secretary"],
        file=SimpleUploadedFile("guia.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        title_es="Guía",
        doc_type=DocType.TRAINING,
    )
    url = reverse("admin:documents_document_delete", args=[document.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert Document.objects.count() == 0
    entry = ActionLog.objects.get(verb="documents.withdraw_document")
    assert (entry.actor.username, entry.data["name"]) == ("root", "guia.pdf")


@pytest.mark.parametrize("name", ["news_newsitem", "events_registration", "events_decision"])
def test_news_registrations_and_decisions_are_not_deletable_in_the_admin(admin_client, plan, name):
    from cocrea.events.models import Decision
    from cocrea.news.actions import publish_news

    from .factories_events import EventFactory, RegistrationFactory

    event = EventFactory(plan=plan)
    objects = {
        "news_newsitem": lambda: publish_news(plan, by=SYSTEM, title_es="N", body_es="T"),
        "events_registration": lambda: RegistrationFactory(event=event),
        "events_decision": lambda: Decision.objects.create(event=event, number=1, text="Acuerdo"),
    }
    obj = objects[name]()
    model = type(obj)
    response = admin_client.post(reverse(f"admin:{name}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
