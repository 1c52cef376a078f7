"""The structure of a plan through the workspace: thematic axes, working tables covering one or
more axes, drafting refused while an axis has no table, and the programme started from a template
or from an earlier plan's programme."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.plans import actions as plan_actions
from cocrea.plans import programme_templates
from cocrea.plans.models import Axis, ProgrammeVersion, Step
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import Proposal
from cocrea.tables.models import WorkingTable

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import AxisFactory, PlanFactory, StepFactory
from .factories_participation import TableFactory

D = datetime.date

# Costa Rica's axes (names shortened): six axes, four working tables.
AXES = [
    (1, "Transparencia", "Transparency"),
    (2, "Participación", "Participation"),
    (3, "Integridad", "Integrity"),
    (4, "Servicios", "Services"),
    (5, "Ambiente", "Environment"),
    (6, "Educación", "Education"),
]


def en(name, *args) -> str:
    """The English URL of a page (the page then speaks English)."""
    with translation.override("en"):
        return reverse(name, args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def add_axes(client, plan, rows=AXES):
    for number, es, english in rows:
        response = client.post(
            reverse("workspace:axis_create", args=[plan.slug]),
            {"number": number, "name_es": es, "name_en": english},
            follow=True,
        )
        assert response.redirect_chain == [(reverse("workspace:structure", args=[plan.slug]), 302)]


def form_table(client, plan, number, axis_numbers, **extra):
    """Post the form of a new table; a success is followed (its message read)."""
    axes = Axis.objects.filter(plan=plan, number__in=axis_numbers)
    return client.post(
        reverse("workspace:table_create", args=[plan.slug]),
        {
            "number": number,
            "name_es": f"Mesa {number}",
            "name_en": f"Table {number}",
            "axes": [axis.pk for axis in axes],
            **extra,
        },
        follow=True,
    )


def covered(plan) -> list[tuple[int, list[int]]]:
    return [
        (table.number, sorted(table.axes.values_list("number", flat=True)))
        for table in WorkingTable.objects.filter(plan=plan).order_by("number")
    ]


@pytest.fixture
def costa_rica(client, plan, secretary):
    """Six axes and four tables, the fourth covering axes 4, 5 and 6, made through the pages."""
    client.force_login(secretary)
    add_axes(client, plan)
    for number, axes in ((1, [1]), (2, [2]), (3, [3]), (4, [4, 5, 6])):
        assert form_table(client, plan, number, axes).redirect_chain
    return plan


# --- axes --------------------------------------------------------------------------------------


def test_secretary_adds_six_axes_and_four_tables_cover_them(client, costa_rica, secretary):
    assert list(costa_rica.axes.order_by("number").values_list("number", "name_en")) == [
        (n, english) for n, _es, english in AXES
    ]
    assert covered(costa_rica) == [(1, [1]), (2, [2]), (3, [3]), (4, [4, 5, 6])]
    page = client.get(en("workspace:structure", costa_rica.slug)).content.decode()
    assert "4. Services; 5. Environment; 6. Education" in page
    assert 'id="orphan-axes"' not in page
    log = ActionLog.objects.filter(verb="tables.create_table").order_by("id").last()
    assert (log.actor, log.data) == (secretary, {"axes": [4, 5, 6]})


def test_the_public_table_page_lists_every_axis_it_covers(client, costa_rica):
    client.logout()
    page = client.get(en("public:table", costa_rica.slug, 4)).content.decode()
    assert "Axes: 4. Services; 5. Environment; 6. Education" in page
    page = client.get(en("public:table", costa_rica.slug, 1)).content.decode()
    assert "Axis: 1. Transparency" in page


def test_an_axis_number_taken_is_a_form_error(client, plan, secretary):
    client.force_login(secretary)
    add_axes(client, plan, AXES[:2])
    response = client.post(
        reverse("workspace:axis_edit", args=[plan.slug, 2]), {"number": 1, "name_es": "Otro"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"number": ["Otro eje ya tiene el número 1."]}
    assert list(plan.axes.order_by("number").values_list("number", "name_es")) == [
        (1, "Transparencia"),
        (2, "Participación"),
    ]


def test_secretary_renumbers_and_rewords_an_axis(client, plan, secretary):
    client.force_login(secretary)
    add_axes(client, plan, AXES[:1])
    response = client.post(
        reverse("workspace:axis_edit", args=[plan.slug, 1]),
        {"number": 7, "name_es": "Transparencia fiscal", "name_en": "Transparency"},
    )
    assert response.status_code == 302
    axis = plan.axes.get()
    assert (axis.number, axis.name_es) == (7, "Transparencia fiscal")
    log = ActionLog.objects.filter(verb="plans.update_axis").get()
    assert log.data == {"fields": ["number", "name_es"]}


def test_an_axis_a_table_covers_cannot_be_removed(client, costa_rica):
    url = en("workspace:axis_delete", costa_rica.slug, 5)
    confirm = client.get(url).content.decode()
    assert "Remove the thematic axis 5. Environment?" in confirm
    assert "It cannot be removed while these refer to it: working tables." in confirm
    response = client.post(url, follow=True)
    assert messages_of(response) == [
        "Axis 5. Environment cannot be removed: it is used by working tables."
    ]
    assert costa_rica.axes.filter(number=5).exists()


def test_an_unused_axis_is_removed_after_confirmation(client, plan, secretary):
    client.force_login(secretary)
    add_axes(client, plan, AXES[:2])
    url = en("workspace:axis_delete", plan.slug, 2)
    page = client.get(url).content.decode()
    assert "Remove the thematic axis 2. Participation?" in page
    assert plan.axes.count() == 2
    response = client.post(url, follow=True)
    assert messages_of(response) == ["Axis 2. Participation removed."]
    assert list(plan.axes.values_list("number", flat=True)) == [1]
    assert ActionLog.objects.filter(verb="plans.delete_axis").get().data == {"number": 2}


# --- tables ------------------------------------------------------------------------------------


def test_a_table_without_axes_is_a_form_error(client, plan, secretary):
    client.force_login(secretary)
    add_axes(client, plan, AXES[:1])
    response = form_table(client, plan, 1, [])
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "axes": ["Elija al menos un eje temático para la mesa."]
    }
    assert not WorkingTable.objects.exists()


def test_a_table_number_taken_is_a_form_error(client, costa_rica):
    response = form_table(client, costa_rica, 2, [5])
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "number": ["Otra mesa de trabajo ya tiene el número 2."]
    }


def test_secretary_moves_an_axis_to_another_table(client, costa_rica):
    table = costa_rica.tables.get(number=4)
    response = client.post(
        reverse("workspace:table_edit", args=[costa_rica.slug, 4]),
        {
            "number": 4,
            "name_es": "Mesa 4",
            "name_en": "Table 4",
            "axes": list(costa_rica.axes.filter(number__in=[4, 5]).values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302
    assert covered(costa_rica)[-1] == (4, [4, 5])
    log = ActionLog.objects.filter(verb="tables.update_table", target_id=table.pk).get()
    assert log.data == {"fields": ["axes"], "axes": [4, 5]}
    page = client.get(en("workspace:structure", costa_rica.slug)).content.decode()
    assert "Axes without a working table: 6. Education" in page


def test_an_axis_with_drafts_cannot_be_taken_off_its_table(client, costa_rica):
    table = costa_rica.tables.get(number=4)
    six = costa_rica.axes.get(number=6)
    proposal_actions.save_proposal(table, six, "commitment_1", by=SYSTEM, title_es="Uno")
    response = client.post(
        reverse("workspace:table_edit", args=[costa_rica.slug, 4]),
        {
            "number": 4,
            "name_es": "Mesa 4",
            "axes": list(costa_rica.axes.filter(number__in=[4, 5]).values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "axes": ["La mesa ha redactado propuestas para un eje que usted le quitó."]
    }
    assert covered(costa_rica)[-1] == (4, [4, 5, 6])


def test_an_empty_table_is_removed_and_a_seated_one_is_not(client, costa_rica, people):
    from cocrea.tables.actions import add_member

    seated = costa_rica.tables.get(number=3)
    add_member(
        seated,
        people["participant"],
        by=SYSTEM,
        side="civil_society",
        sector="ngo",
        source="invitation",
    )
    response = client.post(en("workspace:table_delete", costa_rica.slug, 3), follow=True)
    assert messages_of(response) == ["People sit at this table: remove them before the table."]
    response = client.post(en("workspace:table_delete", costa_rica.slug, 2), follow=True)
    assert messages_of(response) == ["Working table 2. Table 2 removed."]
    assert [n for n, _axes in covered(costa_rica)] == [1, 3, 4]


def test_a_table_covering_three_axes_drafts_one_set_per_axis(client, costa_rica):
    table = costa_rica.tables.get(number=4)
    five = costa_rica.axes.get(number=5)
    proposal_actions.save_proposal(table, five, "commitment_1", by=SYSTEM, title_es="Bosques")
    page = client.get(en("proposals:workspace", costa_rica.slug, 4)).content.decode()
    for number in (4, 5, 6):
        assert f"The table's set for axis {number}" in page
        assert f'<section id="axis-{number}"' in page
    history = en("proposals:history", costa_rica.slug, 4, "commitment_1")
    assert client.get(history + "?axis=5").context["axis"] == five
    assert client.get(history + "?axis=6").status_code == 404  # nothing drafted for axis 6
    assert client.get(history + "?axis=2").status_code == 404  # not an axis of the table
    assert Proposal.objects.get(working_table=table).axis == five


def test_a_table_does_not_draft_for_an_axis_it_does_not_cover(costa_rica):
    table = costa_rica.tables.get(number=1)
    with pytest.raises(ValueError, match="does not cover"):
        proposal_actions.save_proposal(
            table, costa_rica.axes.get(number=2), "commitment_1", by=SYSTEM, title_es="X"
        )


# --- drafting needs every axis covered -------------------------------------------------------


def test_drafting_is_refused_while_an_axis_has_no_table(client, plan, secretary):
    client.force_login(secretary)
    add_axes(client, plan)
    for number in (1, 2, 3, 4):
        form_table(client, plan, number, [number])
    drafting = StepFactory(plan=plan, key="tables-draft", capabilities=["drafting"])
    response = client.post(en("workspace:step_open", plan.slug, drafting.key), follow=True)
    assert response.status_code == 200
    assert messages_of(response) == ["Axes without a working table: 5. Environment, 6. Education."]
    drafting.refresh_from_db()
    assert drafting.status == Step.Status.PENDING

    form_table(client, plan, 5, [5, 6])
    response = client.post(en("workspace:step_open", plan.slug, drafting.key), follow=True)
    drafting.refresh_from_db()
    assert drafting.status == Step.Status.OPEN


def test_open_step_names_the_axes_without_table_in_the_action(plan):
    AxisFactory(plan=plan, number=1, name_en="Transparency")
    TableFactory(plan=plan, number=1, axes=list(plan.axes.all()))
    AxisFactory(plan=plan, number=2, name_en="Health")
    step = StepFactory(plan=plan, capabilities=["outreach", "drafting"])
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        plan_actions.open_step(step, by=SYSTEM)
    assert refused.value.messages == ["Axes without a working table: 2. Health."]
    other = StepFactory(plan=plan, capabilities=["outreach"])
    assert plan_actions.open_step(other, by=SYSTEM).status == Step.Status.OPEN


# --- the programme from a template or a copy ---------------------------------------------------


def test_the_programme_starts_from_the_ogp_template_and_is_published_as_version_1(
    client, plan, secretary
):
    client.force_login(secretary)
    dashboard = client.get(en("workspace:plan", plan.slug)).content.decode()
    assert 'id="start-programme"' in dashboard
    url = reverse("workspace:programme_start", args=[plan.slug])
    response = client.post(url, {"source": "template:ogp-2021", "starts_on": "2016-06-06"})
    assert response.status_code == 302
    template = programme_templates.OGP_2021
    steps = list(plan.steps.order_by("number"))
    assert len(steps) == len(template.steps) == 16
    assert [s.capabilities for s in steps] == [list(t.capabilities) for t in template.steps]
    assert [s.title_en for s in steps] == [t.title["en"] for t in template.steps]
    assert [s.title_es for s in steps] == [t.title["es"] for t in template.steps]
    assert (steps[0].planned_start, steps[0].planned_end) == (D(2016, 6, 6), D(2017, 1, 1))
    drafting = next(s for s in steps if "drafting" in s.capabilities)
    assert (drafting.planned_start, drafting.planned_end) == (D(2016, 8, 8), D(2016, 9, 11))
    assert len({s.key for s in steps}) == 16
    log = ActionLog.objects.filter(verb__startswith="plans.").exclude(
        verb__in=["plans.grant_role", "plans.grant_platform_admin"]
    )
    assert list(log.values_list("verb", "data")) == [
        ("plans.start_programme", {"template": "ogp-2021", "steps": 16})
    ]
    # Every capability the cycle needs is enabled by a step: no warning.
    assert (
        'id="missing-capabilities"'
        not in client.get(en("workspace:plan", plan.slug)).content.decode()
    )

    response = client.post(reverse("workspace:publish", args=[plan.slug]), {})
    assert response.status_code == 302
    version = ProgrammeVersion.objects.get(plan=plan)
    assert (version.number, len(version.snapshot)) == (1, 16)


def test_the_template_ends_before_the_plan_starts_by_default(plan, secretary):
    steps = plan_actions.start_programme(plan, by=secretary, template="ogp-2021")
    assert max(s.planned_end for s in steps) < plan.period_start
    assert steps[0].planned_start == D(2016, 5, 30)  # the Monday before 30 weeks ahead
    assert steps[0].planned_start.weekday() == 0


def test_the_programme_is_a_copy_of_an_earlier_plans_shifted_to_the_new_plan(client, secretary):
    earlier = PlanFactory(slug="panama-2017", period_start=D(2017, 7, 1))
    originals = [
        StepFactory(
            plan=earlier,
            number=n,
            key=f"old-{n}",
            title_es=f"Paso {n}",
            title_en=f"Step {n}",
            capabilities=caps,
            planned_start=D(2017, 3, n),
            planned_end=D(2017, 4, n),
        )
        for n, caps in ((1, ["forum-meetings"]), (2, []), (3, ["drafting"]))
    ]
    new = PlanFactory(slug="panama-2019", period_start=D(2019, 7, 1), period_end=D(2021, 6, 30))
    plan_actions.grant_role(new, secretary, "secretariat", by=SYSTEM)
    client.force_login(secretary)
    form = client.get(reverse("workspace:programme_start", args=[new.slug]))
    assert ("plan:panama-2017", f"Una copia del programa de {earlier.title}") in [
        (value, str(label)) for value, label in form.context["form"].fields["source"].choices
    ]
    response = client.post(
        reverse("workspace:programme_start", args=[new.slug]), {"source": "plan:panama-2017"}
    )
    assert response.status_code == 302
    copied = list(new.steps.order_by("number"))
    shift = D(2019, 7, 1) - D(2017, 7, 1)
    assert [(s.number, s.title_en, s.capabilities) for s in copied] == [
        (o.number, o.title_en, o.capabilities) for o in originals
    ]
    assert [(s.planned_start, s.planned_end) for s in copied] == [
        (o.planned_start + shift, o.planned_end + shift) for o in originals
    ]
    assert {s.key for s in copied}.isdisjoint({o.key for o in originals})
    assert earlier.steps.count() == 3
    log = ActionLog.objects.get(verb="plans.start_programme")
    assert log.data == {"copy_from": "panama-2017", "steps": 3}

    # A programme that lacks capabilities the cycle needs is flagged on the dashboard.
    page = client.get(en("workspace:plan", new.slug)).content.decode()
    assert (
        "No step of the programme enables: Open call, Assigning responsible institutions, "
        "Viability review, Public comment on proposals, Eligibility and scoring, Selection of "
        "commitments, Developing the commitments, Drafting the plan, Public comment on the draft "
        "plan, OGP review of the draft, Final adjustments and translation, Delivery to OGP, "
        "Presentation and publication." in page
    )
    response = client.post(en("workspace:publish", new.slug), {}, follow=True)
    assert messages_of(response) == [
        "Version 1 is published.",
        "No step of the programme enables: Open call, Assigning responsible institutions, "
        "Viability review, Public comment on proposals, Eligibility and scoring, Selection of "
        "commitments, Developing the commitments, Drafting the plan, Public comment on the draft "
        "plan, OGP review of the draft, Final adjustments and translation, Delivery to OGP, "
        "Presentation and publication.",
    ]


def test_a_copy_starts_on_the_chosen_day(plan, secretary):
    earlier = PlanFactory(slug="earlier")
    StepFactory(plan=earlier, number=1, planned_start=D(2016, 3, 1), planned_end=D(2016, 3, 31))
    StepFactory(plan=earlier, number=2, planned_start=D(2016, 4, 1), planned_end=None)
    steps = plan_actions.start_programme(
        plan, by=secretary, copy_from=earlier, starts_on=D(2016, 9, 1)
    )
    assert [(s.planned_start, s.planned_end) for s in steps] == [
        (D(2016, 9, 1), D(2016, 10, 1)),
        (D(2016, 10, 2), None),
    ]


def test_a_programme_with_steps_cannot_start_again(client, plan, steps, secretary):
    with pytest.raises(ValidationError) as refused:
        plan_actions.start_programme(plan, by=secretary, template="ogp-2021")
    assert refused.value.messages == ["El programa ya tiene pasos: edítelos."]
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:programme_start", args=[plan.slug]),
        {"source": "template:ogp-2021"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("workspace:plan", args=[plan.slug])
    assert plan.steps.count() == 5
    assert not ActionLog.objects.filter(verb="plans.start_programme").exists()


def test_an_unknown_source_is_a_form_error(client, plan, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("workspace:programme_start", args=[plan.slug]), {"source": "plan:nowhere"}
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["source"]
    assert not plan.steps.exists()


def test_the_template_enables_only_capabilities_of_the_catalogue():
    from cocrea.plans.capabilities import CATALOGUE, CYCLE_NEEDS

    for template in programme_templates.TEMPLATES.values():
        enabled = {key for step in template.steps for key in step.capabilities}
        assert enabled <= set(CATALOGUE)
        assert set(CYCLE_NEEDS) <= enabled
        for step in template.steps:
            assert (
                set(step.title)
                == set(step.description)
                == set(step.responsible)
                == {
                    "es",
                    "en",
                }
            )


# --- who may ------------------------------------------------------------------------------------

PAGES = [
    ("workspace:structure", ()),
    ("workspace:axis_create", ()),
    ("workspace:axis_edit", (1,)),
    ("workspace:axis_delete", (1,)),
    ("workspace:table_create", ()),
    ("workspace:table_edit", (1,)),
    ("workspace:table_delete", (1,)),
    ("workspace:programme_start", ()),
]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_reaches_the_structure_pages(persona, client, plan, people):
    axis = AxisFactory(plan=plan, number=1)
    TableFactory(plan=plan, number=1, axes=[axis])
    if persona != "anonymous":
        client.force_login(people[persona])
    for name, extra in PAGES:
        url = reverse(name, args=[plan.slug, *extra])
        expected = 200 if persona in SECRETARIAT_POWERS else 403
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url
        else:
            assert response.status_code == expected, (url, persona)
        response = client.post(url, {})
        if persona not in SECRETARIAT_POWERS:
            assert response.status_code in (302 if persona == "anonymous" else 403,), url
    if persona not in SECRETARIAT_POWERS:
        assert plan.axes.count() == 1
        assert plan.tables.count() == 1
        assert not plan.steps.exists()


# --- the migration from one axis to several ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_each_existing_table_on_its_axis():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("tables", "0002_tablemember")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        OldTable = old_apps.get_model("tables", "WorkingTable")
        plan = PlanFactory(slug="before")
        first, second = AxisFactory(plan=plan, number=1), AxisFactory(plan=plan, number=2)
        for number, axis in ((1, first), (2, second), (3, second)):
            OldTable.objects.create(plan_id=plan.pk, axis_id=axis.pk, number=number, name="M")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert covered(plan) == [(1, [1]), (2, [2]), (3, [2])]
