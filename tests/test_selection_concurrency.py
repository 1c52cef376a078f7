"""The plan's maximum under concurrent requests, on PostgreSQL: parallel requests, each thread
with its own database connection, committed for real. Two officers selecting the last place at
the same moment: exactly one succeeds, the other is told the maximum is reached."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role
from cocrea.selection import actions
from cocrea.selection.models import Outcome

from .factories import OrganisationFactory, PlanFactory, UserFactory
from .factories_outcomes import check, meeting, published_methodology, selection_step, submitted
from .factories_participation import TableFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"
    ),
]


def _in_parallel(function, arguments: list) -> list:
    """Run `function(argument)` in one thread per argument, all starting at once."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait()
            return function(argument)
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))


@pytest.fixture
def world():
    """A plan with room for 3 commitments, 2 already selected; 6 eligible proposals left; two
    officers of the secretariat; the meeting held."""
    plan = PlanFactory(slug="concurrency", max_commitments=3)
    selection_step(plan)
    org = OrganisationFactory()
    officers = [UserFactory(username=f"officer{n}") for n in (1, 2)]
    for officer in officers:
        plan_actions.grant_role(plan, officer, Role.SECRETARIAT, by=SYSTEM, organisation=org)
    methodology = published_methodology(plan)
    table = TableFactory(plan=plan, number=1)
    proposals = submitted(table, [f"commitment_{n}" for n in range(1, 9)])
    for proposal in proposals:
        check(proposal, methodology)
    event = meeting(plan)
    for proposal in proposals[:2]:
        actions.record_outcome(proposal, event=event, by=SYSTEM, result="selected")
    return {"plan": plan, "officers": officers, "proposals": proposals[2:], "event": event}


def test_two_officers_selecting_the_last_place_at_once_exactly_one_succeeds(world):
    """Through the actions: one outcome saved, the other refused with the reason."""
    plan, event = world["plan"], world["event"]
    pairs = list(zip(world["officers"], world["proposals"][:2], strict=True))

    def select(pair):
        officer, proposal = pair
        # A thread starts without the test's language: the refusal is read in English.
        with translation.override("en"):
            try:
                actions.record_outcome(proposal, event=event, by=officer, result="selected")
            except Exception as error:  # noqa: BLE001 (the refusal's message is compared)
                return " ".join(getattr(error, "messages", [str(error)]))
        return "selected"

    results = _in_parallel(select, pairs)
    assert sorted(results) == sorted(
        [
            "selected",
            "The plan's maximum of 3 commitments is reached: withdraw or change the outcome of "
            "a selected proposal first.",
        ]
    )
    assert Outcome.objects.filter(plan=plan, result="selected").count() == 3


def test_parallel_requests_for_the_last_place_select_exactly_one(world):
    """Six requests through the page, each for another proposal: one is selected (302), the
    others are refused with the page's error (400); the maximum holds."""
    plan, event = world["plan"], world["event"]
    officers = world["officers"]

    def post(numbered):
        number, proposal = numbered
        client = Client()
        client.force_login(officers[number % 2])
        url = "/en" + reverse("selection:record", args=[plan.slug, proposal.pk])
        response = client.post(url, {"event": event.pk, "result": "selected"})
        return response.status_code

    statuses = _in_parallel(post, list(enumerate(world["proposals"])))
    assert sorted(statuses) == [302] + [400] * 5
    assert Outcome.objects.filter(plan=plan, result="selected").count() == 3
