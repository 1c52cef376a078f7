"""Concurrent registrations on PostgreSQL: parallel requests, each thread with its own database
connection, committed for real. Invented addresses cannot fill an event (nothing is held until
an address is confirmed) and parallel confirmations never give more seats than the capacity."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from cocrea.events.models import Registration

from .factories import PlanFactory
from .factories_events import EventFactory

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
def event(settings):
    # Many requests from one address: the rate limit is another test's subject.
    settings.PARTICIPATION_RATE_LIMIT_PER_IP = 1000
    settings.PARTICIPATION_RATE_LIMIT_PER_EMAIL = 1000
    plan = PlanFactory(slug="concurrency")
    return EventFactory(plan=plan, capacity=5)


def _register(event, email: str) -> int:
    url = reverse("events:register", args=[event.plan.slug, event.pk])
    data = {"name": "Bot", "email": email, "consent": "on"}
    return Client().post(url, data).status_code


def test_thirty_parallel_registrations_with_invented_addresses_hold_no_seat(event):
    emails = [f"invented{n}@example.org" for n in range(30)]
    statuses = _in_parallel(lambda email: _register(event, email), emails)
    assert statuses == [302] * 30
    counts = {
        status: event.registrations.filter(status=status).count()
        for status in Registration.Status.values
    }
    assert counts == {"pending": 30, "confirmed": 0, "waiting": 0, "cancelled": 0}


def test_parallel_registrations_of_one_address_make_one_row(event):
    statuses = _in_parallel(lambda _n: _register(event, "ana@example.org"), list(range(10)))
    assert statuses == [302] * 10
    assert list(event.registrations.values_list("email", "status")) == [
        ("ana@example.org", "pending")
    ]


def test_parallel_confirmations_never_exceed_the_capacity(event):
    for n in range(8):
        assert _register(event, f"person{n}@example.org") == 302
    tokens = list(event.registrations.values_list("token", flat=True))

    def confirm(token):
        url = reverse("events:registration", args=[token])
        return Client().post(url, {"action": "confirm"}).status_code

    assert _in_parallel(confirm, tokens) == [302] * 8
    rows = list(event.registrations.order_by("confirmed_at", "id").values_list("status", flat=True))
    # Seats went in confirmation order: the first five confirmed hold them.
    assert rows == ["confirmed"] * 5 + ["waiting"] * 3
