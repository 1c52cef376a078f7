"""Forms in Debian's Chromium: a proposal edited twice in Spanish keeps its dates (the browser
drops a date input's value that is not ISO, and the save erased it), and a refused form puts the
focus on its error summary at the top of the page."""

import datetime

import pytest

from cocrea.plans.models import Step
from cocrea.proposals.models import Proposal

from .factories import StepFactory
from .factories_participation import TableFactory
from .test_browser_proposals import log_in
from .test_proposals import seat

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(transactional_db, plan, people):
    StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    return table


def test_proposal_edited_twice_in_spanish_keeps_its_dates(page, live_server, plan, setting):
    edit = f"/workspace/{plan.slug}/tables/1/proposals/commitment_1/edit/"
    workspace = f"/workspace/{plan.slug}/tables/1/proposals/"
    log_in(page, live_server, "leader", edit)
    assert page.locator("html").get_attribute("lang") == "es"
    page.fill("#id_title_es", "Datos abiertos de salud")
    page.fill("#id_start_date", "2027-06-01")
    page.fill("#id_end_date", "2028-12-31")
    page.locator("#save-proposal").click()
    page.wait_for_url(f"**{workspace}#axis-1")

    for title in ("Datos abiertos de salud (2)", "Datos abiertos de salud (3)"):
        page.goto(live_server.url + edit)
        assert page.input_value("#id_start_date") == "2027-06-01"
        assert page.input_value("#id_end_date") == "2028-12-31"
        page.fill("#id_title_es", title)
        page.locator("#save-proposal").click()
        page.wait_for_url(f"**{workspace}#axis-1")

    proposal = Proposal.objects.get(slot="commitment_1")
    assert (proposal.title_es, proposal.start_date, proposal.end_date) == (
        "Datos abiertos de salud (3)",
        datetime.date(2027, 6, 1),
        datetime.date(2028, 12, 31),
    )


def test_refused_form_focuses_its_error_summary(page, live_server, plan, setting):
    edit = f"/workspace/{plan.slug}/tables/1/proposals/commitment_1/edit/"
    log_in(page, live_server, "leader", edit)
    # A date beyond the plan's bounds (2012-2031 with today in 2026).
    page.fill("#id_start_date", "2099-01-01")
    page.locator("#save-proposal").click()
    page.locator("#error-summary").wait_for()
    page.wait_for_function("document.activeElement.id === 'error-summary'")
    page.locator("#error-summary a[href='#id_start_date']").click()
    assert page.evaluate("document.activeElement.id") == "id_start_date"
    assert Proposal.objects.count() == 0
