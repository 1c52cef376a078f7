"""Each action: the state it leaves, the log row it writes, the transitions it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cocrea.core.models import ActionLog
from cocrea.plans import actions
from cocrea.plans.models import ProgrammeVersion, Step

D = datetime.date


def last_log():
    return ActionLog.objects.order_by("-id").first()


def test_open_step_records_actual_start_status_and_log(steps, secretary):
    step = actions.open_step(steps[0], by=secretary, on=D(2017, 4, 3))
    step.refresh_from_db()
    assert step.status == Step.Status.OPEN
    assert step.actual_start == D(2017, 4, 3)
    entry = last_log()
    assert (entry.verb, entry.actor, entry.target, entry.plan) == (
        "plans.open_step",
        secretary,
        step,
        step.plan,
    )
    assert entry.data == {"on": "2017-04-03"}
    assert entry.public is True


def test_opening_an_open_step_is_refused_and_logs_nothing(steps, secretary):
    actions.open_step(steps[0], by=secretary, on=D(2017, 4, 3))
    count = ActionLog.objects.count()
    with pytest.raises(ValidationError):
        actions.open_step(steps[0], by=secretary)
    assert ActionLog.objects.count() == count


def test_close_step_records_actual_end(steps, secretary):
    actions.open_step(steps[0], by=secretary, on=D(2017, 4, 3))
    step = actions.close_step(steps[0], by=secretary, on=D(2017, 4, 28))
    step.refresh_from_db()
    assert (step.status, step.actual_start, step.actual_end) == (
        Step.Status.CLOSED,
        D(2017, 4, 3),
        D(2017, 4, 28),
    )
    assert last_log().verb == "plans.close_step"


def test_closing_a_pending_step_is_refused(steps, secretary):
    with pytest.raises(ValidationError):
        actions.close_step(steps[0], by=secretary)
    steps[0].refresh_from_db()
    assert steps[0].status == Step.Status.PENDING


def test_closing_before_opening_date_is_refused(steps, secretary):
    actions.open_step(steps[0], by=secretary, on=D(2017, 4, 3))
    with pytest.raises(ValidationError):
        actions.close_step(steps[0], by=secretary, on=D(2017, 4, 2))


def test_reopening_keeps_start_clears_end_and_logs_reopen(steps, secretary):
    actions.open_step(steps[0], by=secretary, on=D(2017, 4, 3))
    actions.close_step(steps[0], by=secretary, on=D(2017, 4, 28))
    step = actions.open_step(steps[0], by=secretary, on=D(2017, 5, 2))
    step.refresh_from_db()
    assert (step.status, step.actual_start, step.actual_end) == (
        Step.Status.OPEN,
        D(2017, 4, 3),
        None,
    )
    assert last_log().verb == "plans.reopen_step"


def test_several_steps_may_be_open_at_once(steps, secretary):
    for step in steps[:3]:
        actions.open_step(step, by=secretary)
    assert Step.objects.filter(status=Step.Status.OPEN).count() == 3


def test_update_step_logs_old_and_new_values(steps, secretary):
    old_title = steps[1].title_en
    changed = actions.update_step(
        steps[1], by=secretary, planned_end=D(2017, 4, 15), title_en="Open call"
    )
    assert changed == ["planned_end", "title_en"]
    steps[1].refresh_from_db()
    assert steps[1].planned_end == D(2017, 4, 15)
    assert steps[1].title_en == "Open call"
    entry = last_log()
    assert entry.verb == "plans.update_step"
    assert entry.data == {
        "planned_end": ["2017-03-31", "2017-04-15"],
        "title_en": [old_title, "Open call"],
    }


def test_update_step_without_change_writes_no_log(steps, secretary):
    count = ActionLog.objects.count()
    assert actions.update_step(steps[0], by=secretary, planned_end=steps[0].planned_end) == []
    assert ActionLog.objects.count() == count


def test_update_step_refuses_end_before_start(steps, secretary):
    with pytest.raises(ValidationError) as error:
        actions.update_step(steps[0], by=secretary, planned_end=D(2017, 2, 1))
    assert "planned_end" in error.value.message_dict
    steps[0].refresh_from_db()
    assert steps[0].planned_end == D(2017, 3, 31)


def test_create_step_goes_last_by_default(steps, secretary, plan):
    step = actions.create_step(plan, by=secretary, title_es="Nuevo", title_en="New")
    assert step.number == 6
    assert step.key.startswith("step-")
    assert last_log().verb == "plans.create_step"


def test_delete_step_only_when_pending(steps, secretary):
    actions.open_step(steps[0], by=secretary)
    with pytest.raises(ValidationError):
        actions.delete_step(steps[0], by=secretary)
    actions.delete_step(steps[1], by=secretary)
    assert not Step.objects.filter(pk=steps[1].pk).exists()
    entry = last_log()
    assert entry.verb == "plans.delete_step"
    assert entry.data == {"key": "s2", "number": 2}


def test_publish_version_freezes_the_steps(steps, secretary, plan):
    original_title = steps[0].title_es
    version = actions.publish_version(plan, by=secretary, published_on=D(2017, 3, 27))
    assert (version.number, version.published_on, version.published_by) == (
        1,
        D(2017, 3, 27),
        secretary,
    )
    assert [row["key"] for row in version.snapshot] == ["s1", "s2", "s3", "s4", "s5"]
    actions.update_step(steps[0], by=secretary, title_es="Cambiado")
    version.refresh_from_db()
    assert version.snapshot[0]["title_es"] == original_title
    assert version.snapshot[0] == {
        "key": "s1",
        "number": 1,
        "title_es": original_title,
        "title_en": steps[0].title_en,
        "description_es": "Descripción del paso.",
        "description_en": "Description of the step.",
        "responsible_es": "ANTAI",
        "responsible_en": "ANTAI",
        "planned_start": "2017-03-01",
        "planned_end": "2017-03-31",
    }
    assert (
        ActionLog.objects.filter(verb="plans.publish_version", target_id=str(version.pk)).count()
        == 1
    )


def test_publishing_twice_without_change_is_refused(steps, secretary, plan):
    actions.publish_version(plan, by=secretary)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        actions.publish_version(plan, by=secretary, change_summary_es="Nada")
    assert error.value.messages == ["Nothing has changed since version 1."]
    assert ProgrammeVersion.objects.count() == 1


def test_second_version_needs_a_change_summary(steps, secretary, plan):
    actions.publish_version(plan, by=secretary)
    actions.update_step(steps[0], by=secretary, planned_end=D(2017, 4, 30))
    with pytest.raises(ValidationError):
        actions.publish_version(plan, by=secretary)
    version = actions.publish_version(
        plan, by=secretary, change_summary_es="Se reprogramó el paso 1"
    )
    assert version.number == 2


def test_every_action_changes_its_plans_revision(steps, secretary, plan):
    from cocrea.core import revisions

    def plan_revision():
        return revisions.for_plan(plan.pk).revision

    before = plan_revision()
    actions.open_step(steps[0], by=secretary)
    middle = plan_revision()
    actions.update_step(steps[1], by=secretary, title_en="X")
    assert before < middle < plan_revision()


def test_grant_role_is_idempotent(plan, secretary):
    from cocrea.plans.models import PlanRole, Role

    from .factories import UserFactory

    person = UserFactory()
    actions.grant_role(plan, person, Role.LIAISON, by=secretary)
    actions.grant_role(plan, person, Role.LIAISON, by=secretary)
    assert PlanRole.objects.filter(user=person).count() == 1
    assert ActionLog.objects.filter(verb="plans.grant_role", data__user=person.pk).count() == 1
    assert ActionLog.objects.get(verb="plans.grant_role", data__user=person.pk).public is False
