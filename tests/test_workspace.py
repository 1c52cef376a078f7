"""The secretariat's workspace through HTTP: forms bind, actions run, messages confirm."""

import datetime

import pytest
from django.urls import reverse

from cocrea.core.models import ActionLog
from cocrea.plans.models import ProgrammeVersion, Step

D = datetime.date


def step_form_data(step, **overrides):
    data = {
        "number": step.number,
        "title_es": step.title_es,
        "title_en": step.title_en,
        "description_es": step.description_es,
        "description_en": step.description_en,
        "responsible_es": step.responsible_es,
        "responsible_en": step.responsible_en,
        "planned_start": step.planned_start.isoformat(),
        "planned_end": step.planned_end.isoformat(),
        "actual_start": "",
        "actual_end": "",
    }
    data.update(overrides)
    return data


def test_secretary_redates_a_step_and_is_told(client, plan, steps, secretary):
    client.force_login(secretary)
    url = reverse("workspace:step_edit", args=[plan.slug, "s3"])
    response = client.post(url, step_form_data(steps[2], planned_end="2017-05-15"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("workspace:plan", args=[plan.slug])
    steps[2].refresh_from_db()
    assert steps[2].planned_end == D(2017, 5, 15)
    entry = ActionLog.objects.order_by("-id").first()
    assert (entry.verb, entry.actor, entry.data) == (
        "plans.update_step",
        secretary,
        {"planned_end": ["2017-03-31", "2017-05-15"]},
    )
    assert [str(m) for m in response.context["messages"]] == [f"Paso {steps[2]} guardado."]


def test_invalid_dates_are_refused_and_the_input_kept(client, plan, steps, secretary):
    client.force_login(secretary)
    url = reverse("workspace:step_edit", args=[plan.slug, "s3"])
    response = client.post(
        url, step_form_data(steps[2], title_es="Nuevo título", planned_end="2017-01-01")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["planned_end"]
    assert 'value="Nuevo título"' in response.content.decode()
    steps[2].refresh_from_db()
    assert steps[2].title_es != "Nuevo título"


def test_secretary_adds_a_step(client, plan, steps, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:step_create", args=[plan.slug]),
        {"title_es": "Consulta pública", "title_en": "Public consultation"},
    )
    assert response.status_code == 302
    step = Step.objects.get(title_es="Consulta pública")
    assert (step.number, step.title_en, step.status) == (6, "Public consultation", "pending")


def test_a_step_without_spanish_title_is_refused(client, plan, steps, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:step_create", args=[plan.slug]), {"title_en": "Only English"}
    )
    assert response.status_code == 200
    assert "title_es" in response.context["form"].errors
    assert not Step.objects.filter(title_en="Only English").exists()


def test_open_then_close_from_the_dashboard(client, plan, steps, secretary):
    client.force_login(secretary)
    client.post(reverse("workspace:step_open", args=[plan.slug, "s1"]), follow=True)
    client.post(reverse("workspace:step_close", args=[plan.slug, "s1"]), follow=True)
    steps[0].refresh_from_db()
    assert steps[0].status == Step.Status.CLOSED
    # closing again is an error message, not a crash
    response = client.post(reverse("workspace:step_close", args=[plan.slug, "s1"]), follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_publish_from_the_dashboard_then_nothing_left_to_publish(client, plan, steps, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:publish", args=[plan.slug]),
        {"change_summary_es": "Primera versión", "change_summary_en": "First version"},
    )
    assert response["Location"] == reverse("public:version", args=[plan.slug, 1])
    version = ProgrammeVersion.objects.get()
    assert (version.number, version.change_summary_en) == (1, "First version")
    page = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert 'action="/workspace/panama-test/publish/"' not in page
    response = client.post(reverse("workspace:publish", args=[plan.slug]), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert ProgrammeVersion.objects.count() == 1


def test_dashboard_lists_unpublished_changes(client, plan, steps, secretary):
    client.force_login(secretary)
    client.post(reverse("workspace:publish", args=[plan.slug]))
    client.post(
        reverse("workspace:step_edit", args=[plan.slug, "s2"]),
        step_form_data(steps[1], planned_start="2017-03-02"),
    )
    response = client.get(reverse("workspace:plan", args=[plan.slug]))
    changes = response.context["pending_changes"]
    assert [(c.key, c.kinds) for c in changes] == [("s2", ["redated"])]


def test_buttons_show_only_what_the_role_may_do(client, plan, steps, people):
    client.force_login(people["commissioner"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert "/steps/s1/open/" not in html
    assert "/steps/s1/edit/" not in html
    client.force_login(people["secretary"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert "/steps/s1/open/" in html
    assert "/steps/s1/edit/" in html


def test_only_who_may_publish_sees_the_publishing_section(client, plan, steps, people):
    url = "/en" + reverse("workspace:plan", args=[plan.slug])
    for persona, shown in (("secretary", True), ("commissioner", False), ("leader", False)):
        client.force_login(people[persona])
        html = client.get(url).content.decode()
        assert ("Publish a new version" in html) is shown, persona


def test_login_page_and_redirect_to_workspace(client, plan, steps, secretary):
    response = client.post(
        reverse("accounts:login"), {"username": "secretary", "password": "secret-pass-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:home")
    assert client.get(reverse("workspace:home"))["Location"] == reverse(
        "workspace:plan", args=[plan.slug]
    )


@pytest.mark.parametrize(
    "persona, shown",
    [("secretary", True), ("leader", True), ("commissioner", True), ("participant", False)],
)
def test_manage_events_is_in_the_menu_only_for_who_works_on_events(
    client, plan, people, persona, shown
):
    """Table leaders schedule their sessions, commission members see the meetings; a participant
    or a reviewer would find an empty list there."""
    client.force_login(people[persona])
    html = client.get(reverse("public:plan", args=[plan.slug])).content.decode()
    assert (reverse("events:manage_list", args=[plan.slug]) in html) is shown
