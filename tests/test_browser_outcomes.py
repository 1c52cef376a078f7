"""The secretariat records the commission's selection at a meeting in Debian's Chromium, on a
desktop screen and on a phone (390 px): chooses the meeting once, records each proposal's
outcome, publishes, and the reasoned response shows the outcomes; nothing overflows."""

import pytest

from cocrea.selection.models import Outcome, SelectionPublication

from .factories_outcomes import check, meeting, published_methodology, selection_step, submitted
from .factories_participation import TableFactory
from .test_browser_proposals import log_in

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def setting(transactional_db, plan, people):
    selection_step(plan)
    methodology = published_methodology(plan)
    table = TableFactory(plan=plan, number=1)
    proposals = submitted(table, ["commitment_1", "commitment_2", "alternate_1"])
    for proposal in proposals:
        check(proposal, methodology)
    return {"proposals": proposals, "event": meeting(plan)}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(locale="es-PA", viewport=SCREENS[request.param])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _record(page, proposal, result, reason=""):
    row = page.locator(f"#proposal-{proposal.pk}")
    row.locator("summary", has_text="Registrar la decisión").click()
    row.locator(f"#id_record-{proposal.pk}-result").select_option(result)
    if reason:
        row.locator(f"#id_record-{proposal.pk}-reason_es").fill(reason)
    row.locator("button", has_text="Guardar la decisión").click()
    page.wait_for_url(f"**#proposal-{proposal.pk}")
    assert page.locator(".message-success").count() == 1
    assert page.evaluate(OVERFLOW) <= 0


def test_the_secretariat_records_the_selection_at_a_meeting(screen, live_server, plan, setting):
    page = screen
    first, second, alternate = setting["proposals"]
    path = f"/workspace/{plan.slug}/selection/decision/"
    log_in(page, live_server, "secretary", path)
    assert page.evaluate(OVERFLOW) <= 0
    page.locator("#id_meeting").select_option(str(setting["event"].pk))
    page.locator("#meeting-form button").click()
    page.wait_for_url(f"**meeting={setting['event'].pk}")
    assert "Sesión de la Comisión" in page.locator("#chosen-meeting").inner_text()

    _record(page, first, "selected")
    assert page.locator("#selected-count").inner_text() == "1 de 10 seleccionada"
    # A refusal says why and keeps what was typed.
    row = page.locator(f"#proposal-{second.pk}")
    row.locator("summary", has_text="Registrar la decisión").click()
    row.locator(f"#id_record-{second.pk}-result").select_option("not_selected")
    row.locator(f"#id_record-{second.pk}-reason_en").fill("Only in English")
    row.locator("button", has_text="Guardar la decisión").click()
    assert "Indique las razones, en español." in page.locator(".error-summary").inner_text()
    assert page.locator(f"#id_record-{second.pk}-reason_en").input_value() == "Only in English"
    assert page.evaluate(OVERFLOW) <= 0
    page.locator(f"#id_record-{second.pk}-reason_es").fill("Duplica la primera.")
    page.locator(f"#proposal-{second.pk} button", has_text="Guardar la decisión").click()
    page.wait_for_url(f"**#proposal-{second.pk}")
    _record(page, alternate, "out_of_scope", "Fuera del alcance del plan.")

    assert page.locator("#missing").count() == 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#publish-button").click()
    page.wait_for_url(f"**/plans/{plan.slug}/reasoned-response/")
    assert SelectionPublication.objects.filter(plan=plan).exists()
    assert list(Outcome.objects.order_by("proposal_id").values_list("result", flat=True)) == [
        "selected",
        "not_selected",
        "out_of_scope",
    ]
    assert page.locator("#responses > li").count() == 3
    assert "Duplica la primera." in page.locator(f"#proposal-{second.pk}").inner_text()
    assert page.evaluate(OVERFLOW) <= 0
