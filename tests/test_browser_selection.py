"""A commission member scores one proposal and declares a conflict of interest on another, in
Debian's Chromium, on a desktop screen and on a phone (390 px: nothing overflows sideways)."""

import pytest

from cocrea.plans.models import Step
from cocrea.selection.models import Ballot

from .factories_participation import TableFactory
from .factories_selection import candidate_of, eligible, published, scoring_step, submitted
from .test_browser_phone import OVERFLOW
from .test_browser_proposals import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(transactional_db, plan, people):
    methodology = published(plan)
    scoring_step(plan, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    found = []
    for slot, title in (("commitment_1", "Datos abiertos de salud"), ("commitment_2", "Compras")):
        candidate = candidate_of(submitted(table, slot, title))
        eligible(candidate, methodology)
        found.append(candidate)
    return methodology, found


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_a_member_scores_one_proposal_and_abstains_on_another(
    browser, live_server, plan, setting, viewport
):
    methodology, (first, second) = setting
    context = browser.new_context(locale="es-PA", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    queue = f"/workspace/{plan.slug}/selection/scoring/"
    log_in(page, live_server, "commissioner", queue)
    assert page.evaluate(OVERFLOW) <= 0
    assert page.locator("#queue tbody tr[data-state=due]").count() == 2

    page.locator(f"#candidate-{first.pk} a").click()
    page.wait_for_url(f"**/scoring/{first.pk}/")
    assert page.evaluate(OVERFLOW) <= 0
    solves, demand = methodology.criteria.all()
    page.fill(f"#id_score_{solves.pk}", "7")  # outside 1..5
    page.fill(f"#id_score_{demand.pk}", "8")
    page.fill("#id_comment", "Atiende una demanda real.")
    page.locator("#save-scores").click()
    assert page.get_by_text("se puntúa de 1 a 5; 7 queda fuera").count() >= 1
    assert page.input_value("#id_comment") == "Atiende una demanda real."
    page.fill(f"#id_score_{solves.pk}", "4")
    page.locator("#save-scores").click()
    page.wait_for_url(f"**{queue}")
    assert page.locator(f"#candidate-{first.pk}").get_attribute("data-state") == "scored"

    page.locator(f"#candidate-{second.pk} a").click()
    page.wait_for_url(f"**/scoring/{second.pk}/")
    page.fill("#id_conflict", "Asesoro a la institución responsable.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#declare-conflict").click()
    page.wait_for_url(f"**{queue}")
    assert page.locator(f"#candidate-{second.pk}").get_attribute("data-state") == "abstained"
    assert page.evaluate(OVERFLOW) <= 0
    ballots = {b.candidate_id: b for b in Ballot.objects.all()}
    assert sorted(ballots[first.pk].scores.values_list("value", flat=True)) == [4, 8]
    assert ballots[first.pk].comment == "Atiende una demanda real."
    assert (ballots[second.pk].abstained, ballots[second.pk].scores.count()) == (True, 0)
    context.close()


def test_the_secretariats_pages_fit_a_phone(browser, live_server, plan, setting, people):
    from cocrea.core.actions import SYSTEM
    from cocrea.selection import actions

    methodology, (first, second) = setting
    actions.cast_ballot(
        first,
        by=people["commissioner"],
        scores={c.pk: c.scale_max for c in methodology.criteria.all()},
    )
    actions.create_methodology(plan, by=SYSTEM, reason_es="Ajuste de los pesos.")
    context = browser.new_context(locale="es-PA", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    base = f"/workspace/{plan.slug}/selection/"
    log_in(page, live_server, "secretary", base + "methodology/")
    paths = [
        "methodology/",
        "methodology/2/",
        "eligibility/",
        f"eligibility/{first.pk}/",
        "progress/",
    ]
    overflowing = {}
    for path in paths:
        page.goto(live_server.url + base + path, wait_until="load")
        assert page.locator("h1").count() == 1, path
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            overflowing[path] = extra
    Step.objects.filter(plan=plan, key="scoring").update(status=Step.Status.CLOSED)
    for path in ["ranking/", f"/plans/{plan.slug}/selection/methodology/"]:
        url = live_server.url + (path if path.startswith("/") else base + path)
        page.goto(url, wait_until="load")
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            overflowing[path] = extra
    assert page.locator(".criteria").count() >= 1
    assert overflowing == {}
    context.close()
