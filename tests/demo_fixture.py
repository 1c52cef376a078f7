"""The 2017 demo, loaded once per test module: `demo` up to the proposals (the viability review
open, three reviews overdue), `selected_demo` with the selection and development too,
`published_demo` the whole record up to the published plan."""

import pytest
from django.db import transaction

from cocrea.demo.events import load_events_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo
from cocrea.demo.publication import load_publication_demo
from cocrea.demo.selection import load_selection_demo
from cocrea.plans.models import ActionPlan


@pytest.fixture(scope="module")
def _loaded_demo(django_db_setup, django_db_blocker):
    """The demo takes seconds to load: once for the module, in a transaction rolled back after
    its last test; each test runs in a savepoint of it (the `db` fixture), so none sees another's
    changes."""
    with django_db_blocker.unblock(), transaction.atomic():
        plan, created = load_demo()
        assert created is True
        # The `demo` command loads the participation, the events and the proposals too.
        load_participation_demo(plan)
        load_events_demo(plan)
        assert load_proposals_demo(plan) is True
        yield plan.pk
        transaction.set_rollback(True)


@pytest.fixture
def demo(_loaded_demo, db):
    return ActionPlan.objects.get(pk=_loaded_demo)


@pytest.fixture(scope="module")
def _loaded_selected_demo(django_db_setup, django_db_blocker):
    """The whole 2017 record, as the `demo` command loads it: the selection of the nine
    commitments and their development after the proposals."""
    with django_db_blocker.unblock(), transaction.atomic():
        plan, created = load_demo()
        assert created is True
        load_participation_demo(plan)
        load_events_demo(plan)
        assert load_proposals_demo(plan) is True
        assert load_selection_demo(plan) is True
        yield plan.pk
        transaction.set_rollback(True)


@pytest.fixture
def selected_demo(_loaded_selected_demo, db):
    return ActionPlan.objects.get(pk=_loaded_selected_demo)


@pytest.fixture(scope="module")
def _loaded_published_demo(django_db_setup, django_db_blocker):
    """The whole 2017 record up to the published plan: the document, its drafts, OGP's review,
    the final version, its delivery and the presentation after the commitments."""
    with django_db_blocker.unblock(), transaction.atomic():
        plan, created = load_demo()
        assert created is True
        load_participation_demo(plan)
        load_events_demo(plan)
        assert load_proposals_demo(plan) is True
        assert load_selection_demo(plan) is True
        assert load_publication_demo(plan) is True
        yield plan.pk
        transaction.set_rollback(True)


@pytest.fixture
def published_demo(_loaded_published_demo, db):
    return ActionPlan.objects.get(pk=_loaded_published_demo)
