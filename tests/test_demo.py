"""The demo: Panama's 2017-2019 cycle, loaded through the actions, idempotent, demo mode only."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from cocrea.core.models import ActionLog
from cocrea.events.demo import load_events_demo
from cocrea.participation.demo import load_participation_demo
from cocrea.plans.demo import load_demo
from cocrea.plans.models import ActionPlan, PlanRole, Role, Step
from cocrea.plans.versions import compare

D = datetime.date


@pytest.fixture
def demo(db):
    plan, created = load_demo()
    assert created is True
    # The `demo` command loads the events and the participation too.
    load_participation_demo(plan)
    load_events_demo(plan)
    return plan


def test_demo_has_the_seed_steps_in_order(demo):
    titles = list(demo.steps.order_by("number").values_list("number", "title_es"))
    assert len(titles) == 17
    assert titles[0] == (1, "Reuniones de la CGA")
    assert titles[6] == (7, "Capacitación técnica y mesas de trabajo")
    assert titles[16] == (
        17,
        "Presentación y publicación del Plan de Acción Nacional de Gobierno Abierto 2017-2019",
    )
    assert all(demo.steps.exclude(title_en="").values_list("title_en", flat=True))
    assert demo.steps.filter(title_en="").count() == 0


def test_demo_has_the_five_real_axes_and_the_seed_numbers(demo):
    assert list(demo.axes.values_list("name_es", flat=True)) == [
        "Anticorrupción",
        "Contrataciones públicas",
        "Transparencia parlamentaria",
        "Mejoramiento de los servicios públicos (transporte, salud y agua)",
        "Educación",
    ]
    assert (
        demo.max_commitments,
        demo.working_tables,
        demo.proposals_per_table_axis,
        demo.alternates_per_table_axis,
        demo.template_version,
    ) == (10, 5, 3, 1, "2017")


def test_demo_versions_1_and_2_differ_as_the_seed_says(demo):
    v1, v2 = demo.versions.order_by("number")
    assert (v1.number, v1.published_on) == (1, D(2017, 3, 27))
    assert (v2.number, v2.published_on) == (2, D(2017, 5, 19))
    assert v2.change_summary_es.startswith("Se reprogramaron")
    changes = {c.key: c.kinds for c in compare(v1.snapshot, v2.snapshot)}
    assert changes["training-and-tables"] == ["redated", "reworded"]
    assert set(changes) == {
        "training-and-tables",
        "responsibles-and-objectives",
        "viability-review",
        "selection",
        "development",
        "draft",
        "support-unit-review",
        "final-adjustments",
        "final-delivery",
        "presentation",
    }


def test_demo_stands_with_steps_1_to_6_closed_and_7_8_open(demo):
    statuses = dict(demo.steps.values_list("number", "status"))
    assert [statuses[n] for n in range(1, 7)] == [Step.Status.CLOSED] * 6
    assert [statuses[7], statuses[8]] == [Step.Status.OPEN] * 2
    assert {statuses[n] for n in range(9, 18)} == {Step.Status.PENDING}


def test_demo_has_one_user_per_role_and_a_balanced_commission(demo):
    roles = set(PlanRole.objects.filter(plan=demo).values_list("role", flat=True))
    assert roles == set(Role.values)
    sectors = list(
        PlanRole.objects.filter(plan=demo, role=Role.COMMISSION_MEMBER).values_list(
            "organisation__sector", flat=True
        )
    )
    assert sectors.count("government") == sectors.count("non_government") == 4


def test_demo_history_is_dated_in_2017(demo):
    years = {
        d.year for d in ActionLog.objects.filter(plan=demo).values_list("created_at", flat=True)
    }
    assert years == {2017}


def test_demo_is_idempotent(demo, capsys):
    counts = (ActionPlan.objects.count(), Step.objects.count(), ActionLog.objects.count())
    call_command("demo")
    assert "nothing changed" in capsys.readouterr().out
    assert (ActionPlan.objects.count(), Step.objects.count(), ActionLog.objects.count()) == counts


def test_demo_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("demo")
    assert ActionPlan.objects.count() == 0


def test_demo_accounts_can_log_in(demo, client):
    assert client.login(username="secretaria", password="demo-cocrea-2017")
    assert client.get("/workspace/", follow=True).status_code == 200


def test_demo_tables_have_their_session_and_trained_leaders(demo):
    from cocrea.events.queries import sessions_for_table, trainings_attended_by
    from cocrea.tables.models import TableMember

    tables = list(demo.tables.order_by("number"))
    assert [t.axis.number for t in tables] == [1, 2, 3, 4, 5]
    assert [len(list(sessions_for_table(t))) for t in tables] == [1, 1, 1, 1, 1]
    leaders = TableMember.objects.filter(table__plan=demo, is_leader=True)
    assert leaders.count() >= 10
    assert all(trainings_attended_by(m.user, demo).count() == 3 for m in leaders)
