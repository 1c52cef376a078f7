"""Defects found by walking the cycle's set-up as its users do (platform administrator, then the
new plan's secretariat), each kept fixed by a test through the Django client."""

import datetime

import pytest
from django.urls import reverse

from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Axis
from cocrea.tables.models import WorkingTable

from .factories import AxisFactory, PlanFactory, StepFactory


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


def dashboard(client, plan, lang="es") -> str:
    prefix = "/en" if lang == "en" else ""
    return client.get(f"{prefix}/workspace/{plan.slug}/").content.decode()


def test_a_new_plan_without_steps_is_told_to_add_them_not_that_nothing_changed(
    client, plan, secretary
):
    client.force_login(secretary)
    page = dashboard(client, plan)
    assert "Aún no se ha publicado ninguna versión." in page
    assert "Agregue los pasos del programa y luego publíquelos como versión 1." in page
    assert "no hay nada que publicar" not in page


def test_the_first_version_lists_the_steps_it_will_hold(client, plan, secretary):
    StepFactory(plan=plan, number=1)
    StepFactory(plan=plan, number=2)
    client.force_login(secretary)
    assert "La versión 1 tendrá 2 pasos:" in dashboard(client, plan)
    assert "Version 1 will hold 2 steps:" in dashboard(client, plan, "en")
    assert "differ from the published version" not in dashboard(client, plan, "en")


def test_a_later_version_lists_the_steps_that_differ(client, plan, secretary):
    StepFactory(plan=plan, number=1)
    plan_actions.publish_version(plan, by=secretary)
    StepFactory(plan=plan, number=2)
    client.force_login(secretary)
    assert "1 step differs from the published version:" in dashboard(client, plan, "en")


def test_the_dashboard_names_step_dates_in_the_language_of_the_page(client, plan, secretary):
    StepFactory(
        plan=plan,
        number=1,
        planned_start=datetime.date(2027, 1, 4),
        planned_end=datetime.date(2027, 2, 28),
    )
    client.force_login(secretary)
    assert "4 ene 2027 – 28 feb 2027" in dashboard(client, plan)
    page = dashboard(client, plan, "en")
    assert "4 Jan 2027 – 28 Feb 2027" in page
    # A step not yet opened has no actual dates: one dash, not "— – —".
    assert "— – —" not in page


def test_the_publish_form_asks_before_publishing_a_version_that_is_never_changed(
    client, plan, secretary
):
    StepFactory(plan=plan, number=1)
    client.force_login(secretary)
    page = dashboard(client, plan, "en")
    assert 'data-confirm="Publish this version? A published version is never changed."' in page


# Accessible names hold the visible text (WCAG 2.5.3, axe's label-content-name-mismatch): a person
# using voice control says what the button shows.


def test_the_platform_home_buttons_name_their_plan_after_their_visible_text(client, plan, people):
    other = PlanFactory(title_en="Costa Verde 2028-2030")
    assert not other.is_current
    client.force_login(people["platform_admin"])
    page = client.get("/en/workspace/").content.decode()
    title = "Costa Verde 2028-2030"
    assert f'Make current<span class="visually-hidden">: {title}</span></button>' in page
    assert f'Secretariat<span class="visually-hidden">: {title}</span></a>' in page
    assert 'aria-label="Make ' not in page


def test_the_commission_withdraw_button_says_what_its_label_says(client, plan, people):
    client.force_login(people["secretary"])
    page = client.get(reverse("workspace:commission", args=[plan.slug])).content.decode()
    assert 'aria-label="Retirar a Commissioner">Retirar</button>' in page
    assert ">Eliminar</button>" not in page


def test_a_short_name_with_spaces_is_refused_in_the_words_of_its_help_text(client, people):
    client.force_login(people["platform_admin"])
    response = client.post(
        reverse("workspace:plan_new"), {"title_es": "Plan Costa Verde", "slug": "Costa Verde!"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["slug"] == [
        "Use solo letras, cifras y guiones, sin espacios."
    ]
