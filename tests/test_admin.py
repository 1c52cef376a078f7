"""The admin writes through the same actions: each save leaves its action-log row."""

import pytest
from django.urls import reverse
from django.utils import timezone

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
