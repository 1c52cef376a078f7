"""Defects found by walking the cycle's set-up as its users do (platform administrator, then the
new plan's secretariat), each kept fixed by a test through the Django client."""

import pytest
from django.urls import reverse

from cocrea.plans.models import Axis
from cocrea.tables.models import WorkingTable

from .factories import AxisFactory


@pytest.mark.parametrize("number", [0, -1])
def test_an_axis_numbered_below_one_is_a_form_error(client, plan, secretary, number):
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:axis_create", args=[plan.slug]),
        {"number": number, "name_es": "Transparencia", "name_en": "Transparency"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Asegúrese de que este valor es mayor o igual a 1."
    ]
    assert not Axis.objects.filter(plan=plan).exists()


def test_a_table_numbered_zero_is_a_form_error(client, plan, secretary):
    axis = AxisFactory(plan=plan, number=1)
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:table_create", args=[plan.slug]),
        {"number": 0, "name_es": "Mesa", "name_en": "Table", "axes": [axis.pk]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Asegúrese de que este valor es mayor o igual a 1."
    ]
    assert not WorkingTable.objects.filter(plan=plan).exists()


def test_the_number_inputs_of_axes_and_tables_say_their_minimum(client, plan, secretary):
    AxisFactory(plan=plan, number=1)
    client.force_login(secretary)
    for name in ("workspace:axis_create", "workspace:table_create"):
        page = client.get(reverse(name, args=[plan.slug])).content.decode()
        assert 'min="1"' in page
