"""The live demo cycle: set up through the workspace's actions, on the OGP 2022 template, with
drafting open on the day it is loaded, and the site's current plan."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cocrea.core.models import ActionLog
from cocrea.demo import live_data
from cocrea.demo.live import load_live_demo, programme_start
from cocrea.notifications.models import Delivery, Notification
from cocrea.plans.models import ActionPlan


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        # What `make run` does: the command loads the record, then the live cycle.
        call_command("demo", stdout=io.StringIO())
        historic = ActionPlan.objects.get(slug="panama-2017-2019")
        live = ActionPlan.objects.get(slug=live_data.SLUG)
        assert load_live_demo() == (live, False)
        yield historic.pk, live.pk
        transaction.set_rollback(True)


@pytest.fixture
def plans(_loaded, db):
    historic, live = _loaded
    return ActionPlan.objects.get(pk=historic), ActionPlan.objects.get(pk=live)


def test_live_cycle_is_the_current_plan_on_the_2022_template(plans):
    historic, live = plans
    assert (live.is_current, historic.is_current) == (True, False)
    assert (live.template_version, live.commitments_per_table_axis) == ("2022", 2)
    assert live.jurisdiction_id == historic.jurisdiction_id
    assert ActionPlan.objects.filter(is_current=True).count() == 1


def test_live_cycle_was_set_up_by_the_platform_administrator_and_the_secretariat(plans):
    _historic, live = plans
    actors = dict(
        ActionLog.objects.filter(plan=live, verb__in=["plans.create_plan", "plans.update_plan"])
        .values_list("verb", "actor__username")
        .distinct()
    )
    assert actors == {"plans.create_plan": "plataforma", "plans.update_plan": "secretaria"}
    assert live.versions.count() == 1
    assert [
        (t.number, sorted(t.axes.values_list("number", flat=True))) for t in live.tables.all()
    ] == [(number, covered) for number, _es, _en, covered in live_data.TABLES]


def test_drafting_is_open_today_and_the_steps_before_it_are_closed(plans):
    _historic, live = plans
    today = timezone.localdate()
    drafting = next(step for step in live.steps.all() if "drafting" in step.capabilities)
    assert drafting.status == "open"
    assert drafting.planned_start <= today <= drafting.planned_end
    later = live.steps.filter(planned_start__gt=today)
    assert set(later.values_list("status", flat=True)) == {"pending"}
    assert programme_start(today).weekday() == 0
    assert programme_start(today) <= today - datetime.timedelta(weeks=2)


def test_the_leader_drafts_in_the_2022_template_now(client, plans):
    _historic, live = plans
    leader = live.tables.get(number=1).members.get(is_leader=True).user
    assert leader.username == "lider"
    client.force_login(leader)
    url = reverse("proposals:edit", args=[live.slug, 1, "commitment_2"]) + "?axis=1"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Productos esperados" in html  # the 2022 milestone column, in Spanish
    assert "alternate_2" not in html
    draft = live.proposals.get()
    assert (draft.slot, draft.template_version, draft.milestones.count()) == (
        "commitment_1",
        "2022",
        1,
    )


def test_only_the_live_cycle_fills_the_bells_and_the_demo_mails_nobody(plans):
    historic, live = plans
    assert not Notification.objects.filter(plan=historic).exists()
    assert Notification.objects.filter(plan=live, user__username="lider").exists()
    assert not Delivery.objects.exists()


def test_panama_2017_stays_the_historical_record(plans):
    historic, live = plans
    assert historic.template_version == "2017"
    assert historic.proposals.count() > live.proposals.count() == 1
    public = historic.get_absolute_url()
    assert public != live.get_absolute_url()
