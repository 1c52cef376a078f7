"""The live demo cycle: set up through the workspace's actions, on the OGP 2022 template, carried
on to the commission's scoring on the day it is loaded, and the site's current plan."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.core.models import ActionLog
from cocrea.demo import live_data
from cocrea.demo.live import load_live_demo, programme_start
from cocrea.notifications.models import Delivery, Notification
from cocrea.plans.models import ActionPlan
from cocrea.selection import queries as selection_queries
from cocrea.workspace.tasks import tasks_for


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


def test_scoring_is_open_today_and_the_steps_before_it_are_closed(plans):
    _historic, live = plans
    today = timezone.localdate()
    scoring = next(step for step in live.steps.all() if "scoring" in step.capabilities)
    assert scoring.status == "open"
    assert scoring.planned_start <= today <= scoring.planned_end
    assert scoring.title_en == "The forum scores the proposals"
    drafting = next(step for step in live.steps.all() if "drafting" in step.capabilities)
    assert drafting.status == "closed"
    # The review and the public comment run on; the forum meets throughout.
    assert sorted(
        capability for step in live.steps.filter(status="open") for capability in step.capabilities
    ) == ["forum-meetings", "public-comment", "scoring", "viability-review"]
    later = live.steps.filter(planned_start__gt=today)
    assert set(later.values_list("status", flat=True)) == {"pending"}
    assert programme_start(today).weekday() == 0
    assert programme_start(today) <= today - datetime.timedelta(weeks=18)


def test_every_set_was_submitted_and_reviewed_but_two(plans):
    _historic, live = plans
    proposals = live.proposals.all()
    assert (proposals.count(), proposals.filter(status="submitted").count()) == (15, 15)
    assert {p.template_version for p in proposals} == {"2022"}
    assert all(p.milestones.count() == 1 for p in proposals)
    outcomes = sorted(proposals.values_list("review__outcome", flat=True))
    assert outcomes == ["pending"] * 2 + ["viable"] * 12 + ["viable_with_changes"]
    pending = proposals.filter(review__outcome="pending")
    assert sorted(pending.values_list("review__institution__acronym", flat=True)) == [
        "MEDUCA",
        "MP",
    ]
    assert not any(p.review.is_overdue() for p in pending)


def test_the_methodology_is_published_and_some_members_have_scored(plans):
    _historic, live = plans
    methodology = selection_queries.published_methodology(live)
    assert (methodology.number, methodology.adopted_at.status) == (1, "held")
    assert methodology.criteria.count() == 5
    # The reviewed proposals are eligible; the two awaiting their review are not checked yet.
    assert len(selection_queries.eligible_ids(live, methodology)) == 13
    progress = {
        row.member.username: (row.scored, row.abstained, row.due)
        for row in selection_queries.progress(live)
    }
    assert progress == {
        "cga-antai": (13, 0, 0),
        "cga-up": (4, 0, 9),
        "cga-rcch": (2, 0, 11),
        "cga-aig": (0, 1, 12),
        "comision": (0, 0, 13),
    }
    assert not selection_queries.scoring_closed(live)


def test_the_commission_sees_its_scores_due_and_the_secretariat_the_checks(plans):
    _historic, live = plans
    User = get_user_model()
    with translation.override("en"):
        comision = tasks_for(User.objects.get(username="comision"), live)
        secretaria = tasks_for(User.objects.get(username="secretaria"), live)
        queue = reverse("selection:queue", args=[live.slug])
    assert [(t.kind, t.title, t.url) for t in comision] == [
        ("scoring", "13 proposals to score", queue)
    ]
    assert [(t.kind, t.title) for t in secretaria] == [
        ("eligibility", "Check the eligibility of 2 proposals")
    ]


def test_the_leaders_proposals_are_public_in_the_2022_template(client, plans):
    _historic, live = plans
    leader = live.tables.get(number=1).members.get(is_leader=True).user
    assert leader.username == "lider"
    first = live.proposals.get(working_table__number=1, axis__number=1, slot="commitment_1")
    assert first.title_es == live_data.DRAFT["title_es"]
    page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    assert "Productos esperados" in page.content.decode()  # the 2022 milestone column


def test_only_the_live_cycle_fills_the_bells_and_the_demo_mails_nobody(plans):
    historic, live = plans
    assert not Notification.objects.filter(plan=historic).exists()
    assert Notification.objects.filter(plan=live, user__username="lider").exists()
    assert not Delivery.objects.exists()


def test_panama_2017_stays_the_historical_record(plans):
    historic, live = plans
    assert historic.template_version == "2017"
    assert historic.proposals.count() == live.proposals.count() == 15
    public = historic.get_absolute_url()
    assert public != live.get_absolute_url()
