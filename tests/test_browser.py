"""Journeys a person takes, in Debian's Chromium driven by Playwright."""

import re

import pytest

from cocrea.demo.plans import load_demo
from cocrea.plans.models import ProgrammeVersion

pytestmark = pytest.mark.browser

SLUG = "panama-2017-2019"


@pytest.fixture
def demo(transactional_db):
    plan, _created = load_demo()
    return plan


def test_visitor_reads_the_programme_and_switches_to_english(page, live_server, demo):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=re.compile("Programa de trabajo|Work programme")).first.click()
    page.wait_for_url(f"**/plans/{SLUG}/programme/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("row", name=re.compile("Convocatoria abierta")).count() == 1
    assert page.locator("svg[role=img] title#gantt-title").count() == 1

    page.locator(".lang-switch a[hreflang=en]").click()
    page.wait_for_url(f"**/en/plans/{SLUG}/programme/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Work programme"
    assert (
        page.get_by_role("row", name=re.compile("7. Technical training and working tables")).count()
        == 1
    )
    assert page.get_by_text("Convocatoria abierta").count() == 0


def test_secretary_redates_a_step_and_publishes_version_3(page, live_server, demo):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "secretaria")
    page.fill("#id_password", "demo-cocrea-2017")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/workspace/{SLUG}/")

    page.locator("#step-selection a[href$='/edit/']").click()
    page.wait_for_url("**/steps/selection/edit/")
    page.fill("#id_planned_end", "2017-09-22")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/workspace/{SLUG}/")
    assert page.locator(".message-success").count() == 1
    assert page.locator("#step-selection").inner_text().count("22 sep 2017") == 1

    page.fill("#id_change_summary_es", "Se amplió el plazo de la selección de compromisos.")
    page.fill("#id_change_summary_en", "The selection of commitments was given more time.")
    publish = page.get_by_role("button", name=re.compile("Publicar|Publish"))
    # A published version is never changed: the page asks first, and a "no" publishes nothing.
    page.once("dialog", lambda dialog: dialog.dismiss())
    publish.click()
    page.wait_for_timeout(300)
    assert ProgrammeVersion.objects.filter(plan__slug=SLUG, number=3).count() == 0
    page.once("dialog", lambda dialog: dialog.accept())
    publish.click()
    page.wait_for_url(f"**/plans/{SLUG}/programme/versions/3/")

    page.goto(f"{live_server.url}/plans/{SLUG}/programme/compare/?from=2&to=3")
    row = page.locator("tr[data-step=selection]")
    assert row.count() == 1
    assert row.locator("del time").get_attribute("datetime") == "2017-09-08"
    assert row.locator("ins time").get_attribute("datetime") == "2017-09-22"
    assert row.locator("ins").inner_text() == "22 sep 2017"
    assert page.locator("tr[data-step]").count() == 1


def test_removing_a_step_asks_first(page, live_server, demo):
    from cocrea.plans.models import Step

    page.goto(f"{live_server.url}/accounts/login/?next=/workspace/{SLUG}/")
    page.fill("#id_username", "secretaria")
    page.fill("#id_password", "demo-cocrea-2017")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/workspace/{SLUG}/")
    remove = page.locator("#step-presentation button.danger")

    page.once("dialog", lambda dialog: dialog.dismiss())
    remove.click()
    page.wait_for_timeout(300)
    assert Step.objects.filter(key="presentation").exists()

    page.once("dialog", lambda dialog: dialog.accept())
    remove.click()
    page.wait_for_url(f"**/workspace/{SLUG}/")
    page.locator(".message-success").wait_for()
    assert not Step.objects.filter(key="presentation").exists()
