"""Journeys of the proposals in Debian's Chromium driven by Playwright: a table leader drafts and
submits the set of three; a head of institution finds one not viable, with the reasons and a
counterproposal, and the public page shows both."""

import datetime
import re

import pytest

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans.models import Role, Step
from cocrea.proposals import actions
from cocrea.proposals.models import Counterproposal, Proposal, ViabilityReview

from .factories import OrganisationFactory, StepFactory
from .factories_participation import TableFactory
from .test_proposals import COMPLETE, fill_set, seat

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def setting(transactional_db, plan, people):
    StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


def log_in(page, live_server, username, next_path):
    page.goto(f"{live_server.url}/accounts/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_table_leader_completes_and_submits_a_set_of_three(page, live_server, plan, setting):
    workspace = f"/workspace/{plan.slug}/tables/1/proposals/"
    log_in(page, live_server, "leader", workspace)
    assert page.locator("#missing li").count() > 0
    assert page.locator("form[action$='/submit/'] button").count() == 1

    for number, slot in enumerate(["commitment_1", "commitment_2", "alternate_1"], start=1):
        page.locator(f"a[href*='/proposals/{slot}/edit/']").click()
        page.wait_for_url(re.compile(rf"/proposals/{slot}/edit/\?axis=1$"))
        page.fill("#id_title_es", f"Compromiso {number}: datos abiertos")
        page.fill("#id_title_en", f"Commitment {number}: open data")
        for name in ("problem", "commitment", "contribution", "relevance"):
            page.fill(f"#id_{name}_es", COMPLETE[f"{name}_es"])
        page.fill("#id_start_date", "2017-09-01")
        page.fill("#id_end_date", "2019-06-30")
        page.locator("input[name=ogp_values][value=access_to_information]").check()
        page.locator("#save-proposal").click()
        page.wait_for_url(f"**{workspace}#axis-1")
        assert page.locator(".message-success").count() == 1

    assert page.locator("#missing").count() == 0
    page.locator("#id_final").check()
    page.locator("form[action$='/submit/'] button").click()
    page.wait_for_url(f"**{workspace}")
    assert page.locator(".message-success").count() == 1
    assert (
        list(Proposal.objects.order_by("id").values_list("status", flat=True)) == ["submitted"] * 3
    )
    assert page.locator("a[href*='/edit/']").count() == 0

    page.locator("#slots a", has_text="Página pública").first.click()
    page.wait_for_url(f"**/plans/{plan.slug}/proposals/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Compromiso 1: datos abiertos"


def test_head_finds_a_proposal_not_viable_with_reasons_and_counterproposal(
    page, live_server, plan, setting, people
):
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud", acronym="MINSA", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    plan.roles.filter(user=people["head"], role=Role.HEAD_OF_INSTITUTION).update(
        organisation=ministry
    )
    fill_set(setting)
    actions.submit_set(setting, setting.axes.get(), by=SYSTEM)
    Step.objects.filter(plan=plan).update(status=Step.Status.CLOSED)
    StepFactory(plan=plan, key="responsibles-and-objectives", number=9, status="open")
    proposal = Proposal.objects.get(slot="commitment_1")
    actions.assign_institutions(
        proposal,
        by=SYSTEM,
        lead=ministry,
        objectives_es="Publicar los datos de salud.",
        due_on=datetime.date(2017, 8, 4),
    )
    Step.objects.filter(plan=plan).update(status=Step.Status.CLOSED)
    StepFactory(plan=plan, key="viability-review", number=10, status="open")
    review = ViabilityReview.objects.get()

    log_in(page, live_server, "head", f"/workspace/{plan.slug}/reviews/")
    page.locator(f"#review-{review.pk} a.button").click()
    page.wait_for_url(f"**/reviews/{review.pk}/")

    # Not viable with reasons but no counterproposal: refused, the reasons kept.
    page.locator("input[name=outcome][value=not_viable]").check()
    page.fill("#id_reasons_es", "El ministerio no tiene presupuesto para un portal nuevo.")
    page.locator("#send-review").click()
    # The error summary at the top of the page says why, and has the focus.
    page.locator("#error-summary[role=alert]").wait_for()
    assert page.locator("#error-summary[role=alert]").count() == 1
    page.wait_for_function("document.activeElement.id === 'error-summary'")
    assert page.locator("#id_reasons_es").input_value() == (
        "El ministerio no tiene presupuesto para un portal nuevo."
    )
    assert Counterproposal.objects.count() == 0

    page.locator("input[name=outcome][value=not_viable]").check()
    page.fill("#id_counter-title_es", "Publicar los datos en el portal nacional existente")
    for name in ("problem", "commitment", "contribution", "relevance"):
        page.fill(f"#id_counter-{name}_es", COMPLETE[f"{name}_es"])
    page.fill("#id_counter-start_date", "2017-10-01")
    page.fill("#id_counter-end_date", "2019-06-30")
    page.locator("input[name='counter-ogp_values'][value=access_to_information]").check()
    page.locator("#send-review").click()
    page.wait_for_url(f"**/workspace/{plan.slug}/reviews/")
    assert page.locator(".message-success").count() == 1

    page.goto(f"{live_server.url}/plans/{plan.slug}/proposals/{proposal.pk}/")
    review_section = page.locator("#review")
    assert "No viable" in review_section.inner_text()
    assert "El ministerio no tiene presupuesto para un portal nuevo." in (
        review_section.inner_text()
    )
    assert "Publicar los datos en el portal nacional existente" in (
        page.locator("#counterproposal").inner_text()
    )


def test_a_2022_draft_gets_two_milestone_rows_at_phone_width(page, live_server, plan, setting):
    plan.template_version = "2022"
    plan.commitments_per_table_axis, plan.alternates_per_table_axis = 3, 0
    plan.save()
    page.set_viewport_size({"width": 360, "height": 740})
    edit = f"/workspace/{plan.slug}/tables/1/proposals/commitment_3/edit/"
    log_in(page, live_server, "participant", edit)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.fill("#id_title_es", "Compras abiertas")
    page.fill("#id_milestones-0-description_es", "Tablero publicado")
    page.fill("#id_milestones-0-outputs_es", "Tablero en línea")
    page.fill("#id_milestones-0-end_date", "2023-06-30")
    page.get_by_role("button", name="Agregar una fila").click()
    page.fill("#id_milestones-1-description_es", "Informe anual")
    page.fill("#id_milestones-1-end_date", "2024-12-31")
    assert page.input_value("#id_title_es") == "Compras abiertas"
    page.press("#id_title_es", "Enter")  # Enter saves, not "add a row"
    page.wait_for_url(f"**/workspace/{plan.slug}/tables/1/proposals/#axis-1")
    proposal = Proposal.objects.get(slot="commitment_3")
    assert [(m.description_es, m.end_date) for m in proposal.milestones.all()] == [
        ("Tablero publicado", datetime.date(2023, 6, 30)),
        ("Informe anual", datetime.date(2024, 12, 31)),
    ]
