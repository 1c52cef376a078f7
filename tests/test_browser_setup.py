"""The set-up of a new cycle in Debian's Chromium driven by Playwright: the secretariat starts the
programme from OGP's generic template, publishes version 1, adds an axis and the table covering
it, opens the drafting step; the table's leader drafts a proposal in the OGP 2022 template with a
milestone row. The set-up pages fit a phone's width."""

import datetime

import pytest
from django.urls import reverse

from cocrea.plans.models import ProgrammeVersion, Step
from cocrea.proposals.models import Proposal
from cocrea.tables.models import WorkingTable

from .test_proposals import seat

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture
def new_plan(transactional_db, plan, people):
    """A plan just created by the platform, its numbers and template set: no steps, no axes."""
    plan.template_version = "2022"
    plan.commitments_per_table_axis, plan.alternates_per_table_axis = 3, 0
    plan.save()
    return plan


def log_in(page, live_server, username, next_path):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('accounts:login')}?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_a_secretariat_sets_up_a_plan_and_a_leader_drafts_in_the_2022_template(
    page, live_server, new_plan, people
):
    plan = new_plan
    dashboard = reverse("workspace:plan", args=[plan.slug])
    log_in(page, live_server, "secretary", dashboard)

    # The programme, from OGP's generic template.
    page.locator("#start-programme").click()
    page.wait_for_url(f"**{reverse('workspace:programme_start', args=[plan.slug])}")
    page.locator("input[name=source][value='template:ogp-2021']").check()
    page.locator("form:has(input[name=source]) button[type=submit]").click()
    page.wait_for_url(f"**{dashboard}")
    assert page.locator(".message-success").count() == 1
    assert page.locator("tr[id^=step-]").count() == 16

    # Version 1.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("form[action$='/publish/'] button[type=submit]").click()
    page.wait_for_url("**/programme/versions/1/")
    assert ProgrammeVersion.objects.filter(plan=plan).count() == 1

    # An axis, and the table that covers it.
    page.goto(live_server.url + reverse("workspace:structure", args=[plan.slug]))
    page.locator("a[href$='/structure/axes/new/']").click()
    page.fill("#id_name_es", "Datos abiertos")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/structure/")
    assert page.locator("#orphan-axes").count() == 1  # no table covers it yet
    page.locator("a[href$='/structure/tables/new/']").click()
    page.fill("#id_name_es", "Mesa de datos abiertos")
    page.locator("input[name=axes]").first.check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/structure/")
    assert page.locator("#orphan-axes").count() == 0
    assert page.locator("#table-1").count() == 1

    # At a phone's width the set-up pages do not scroll sideways.
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (dashboard, reverse("workspace:structure", args=[plan.slug])):
        page.goto(live_server.url + path)
        assert overflow(page) <= 0, path
    page.set_viewport_size({"width": 1280, "height": 800})

    # The drafting step opens.
    drafting = next(s for s in plan.steps.all() if "drafting" in s.capabilities)
    page.goto(live_server.url + dashboard)
    page.locator(f"#step-{drafting.key} form[action$='/open/'] button").click()
    page.wait_for_url(f"**{dashboard}")
    assert page.locator(".message-success").count() == 1
    drafting.refresh_from_db()
    assert drafting.status == Step.Status.OPEN

    # The leader of the new table drafts in the 2022 template, with a milestone.
    seat(WorkingTable.objects.get(plan=plan, number=1), people["leader"], leader=True)
    edit = reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"])
    log_in(page, live_server, "leader", edit)
    page.fill("#id_title_es", "Compras públicas abiertas")
    page.fill("#id_brief_description_es", "Las compras del Estado en datos abiertos.")
    page.fill("#id_milestones-0-description_es", "Tablero de compras publicado")
    page.fill("#id_milestones-0-outputs_es", "Tablero en línea")
    page.fill("#id_milestones-0-end_date", "2018-06-30")
    page.locator("#save-proposal").click()
    page.wait_for_url(f"**{reverse('proposals:workspace', args=[plan.slug, 1])}#axis-1")
    assert page.locator(".message-success").count() == 1
    proposal = Proposal.objects.get(plan=plan, slot="commitment_1")
    assert (proposal.template_version, proposal.title_es) == ("2022", "Compras públicas abiertas")
    assert [(m.description_es, m.outputs_es, m.end_date) for m in proposal.milestones.all()] == [
        ("Tablero de compras publicado", "Tablero en línea", datetime.date(2018, 6, 30))
    ]
    # Three commitment slots and no alternate.
    assert page.locator("a[href*='/proposals/commitment_']").count() >= 3
    assert page.locator("a[href*='/proposals/alternate_']").count() == 0
