"""A liaison completes a commitment in Debian's Chromium driven by Playwright, on a desktop and on
a phone (390 px wide): adds a milestone, gives each its weight and responsible institution, and
sees the completeness panel change from what is missing to complete."""

import datetime

import pytest

from cocrea.commitments import actions
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans.models import PlanRole, Role, Step

from .factories import OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory
from .test_browser_proposals import log_in
from .test_proposals import seat

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def commitment(transactional_db, plan, people):
    StepFactory(
        plan=plan,
        key="develop",
        number=12,
        status=Step.Status.OPEN,
        capabilities=["commitment-development"],
    )
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud", acronym="MINSA", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    PlanRole.objects.filter(plan=plan, user=people["liaison"], role=Role.LIAISON).update(
        organisation=ministry
    )
    proposal = selected_proposal(plan, table, lead=ministry)
    return actions.create_commitment(proposal, by=SYSTEM)


@pytest.mark.parametrize("size", SIZES)
def test_a_liaison_adds_a_milestone_and_sees_the_commitment_complete(
    size, page, live_server, plan, commitment
):
    page.set_viewport_size(SIZES[size])
    edit = f"/workspace/{plan.slug}/commitments/1/"
    log_in(page, live_server, "liaison", edit)
    assert page.locator("#completeness h2").inner_text() == "Completitud: 73 %"
    assert page.locator("#missing li").count() == 6
    assert page.evaluate(OVERFLOW) <= 0

    page.fill("#id_budget_es", "USD 120 000 del presupuesto del MINSA")
    page.get_by_role("button", name="Agregar una fila").click()
    page.wait_for_selector("#id_milestones-3-description_es")
    page.fill("#id_milestones-2-description_es", "Informe de uso del portal")
    page.fill("#id_milestones-2-start_date", "2019-01-01")
    page.fill("#id_milestones-2-end_date", "2019-06-30")
    for row, weight in enumerate(["30", "50", "20"]):
        page.fill(f"#id_milestones-{row}-weight", weight)
        page.select_option(f"#id_milestones-{row}-responsible", label="Ministerio de Salud")
    page.locator("#save-commitment").click()
    page.wait_for_url(f"**{edit}")
    assert page.locator(".message-success").count() == 1
    assert page.locator("#completeness h2").inner_text() == "Completitud: 100 %"
    assert page.locator("#complete").inner_text() == "Completo: no falta nada."
    assert page.evaluate(OVERFLOW) <= 0
    assert list(commitment.milestones.values_list("description_es", "weight")) == [
        ("Inventario de datos", 30),
        ("Portal publicado", 50),
        ("Informe de uso del portal", 20),
    ]
    assert commitment.milestones.last().end_date == datetime.date(2019, 6, 30)

    page.goto(f"{live_server.url}/plans/{plan.slug}/commitments/1/", wait_until="load")
    assert page.locator("#draft-banner").count() == 1
    assert page.locator("table.milestones tbody tr").count() == 3
    assert page.evaluate(OVERFLOW) <= 0
