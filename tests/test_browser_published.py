"""A visitor opens the published plan in Debian's Chromium driven by Playwright, in Spanish and
in English, on a desktop and on a phone (390 px wide, no sideways scroll), and downloads its PDF
in both languages: the bytes are the files published, with the SHA-256 the page shows."""

import hashlib
from pathlib import Path

import pytest

from cocrea.core.actions import SYSTEM
from cocrea.plans.models import Step
from cocrea.publication import actions

from .factories import StepFactory
from .factories_final import commitment, delivered

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def published(transactional_db, plan, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    StepFactory(
        plan=plan,
        key="publish",
        number=17,
        status=Step.Status.OPEN,
        capabilities=["translation", "delivery", "publication"],
    )
    commitment(plan)
    delivery = delivered(plan)
    actions.publish_plan(plan, by=SYSTEM)
    return delivery.version


@pytest.mark.parametrize("size", SIZES)
def test_a_visitor_reads_the_published_plan_and_downloads_it_in_both_languages(
    size, page, live_server, plan, published
):
    page.set_viewport_size(SIZES[size])
    page.goto(f"{live_server.url}/plans/{plan.slug}/plan/")
    assert page.locator("h1").inner_text() == f"El plan de acción: {plan.title_es}"
    assert "Datos abiertos de salud" in page.locator("#commitment\\:1 h4").inner_text()
    assert page.evaluate(OVERFLOW) <= 0
    spanish = published.files.get(language="es", format="pdf")
    assert spanish.sha256 in page.locator("#downloads").inner_text()
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF · Español").click()
    data = Path(info.value.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == spanish.sha256

    page.locator("#languages").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/plans/{plan.slug}/plan/")
    assert page.locator("h1").inner_text() == f"The action plan: {plan.title_en}"
    assert "Open health data" in page.locator("#commitment\\:1 h4").inner_text()
    assert page.evaluate(OVERFLOW) <= 0
    english = published.files.get(language="en", format="pdf")
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF · English").click()
    data = Path(info.value.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == english.sha256


@pytest.fixture
def untranslated(transactional_db, plan, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    StepFactory(
        plan=plan, key="translate", number=16, status=Step.Status.OPEN, capabilities=["translation"]
    )
    made = commitment(plan)
    made.title_en = ""
    made.save()
    return made


@pytest.mark.parametrize("size", SIZES)
def test_the_secretariat_completes_the_english_and_issues_the_final_version(
    size, page, live_server, plan, untranslated
):
    from .test_browser_proposals import log_in

    page.set_viewport_size(SIZES[size])
    translation = f"/workspace/{plan.slug}/plan/translation/"
    log_in(page, live_server, "secretary", translation)
    assert page.locator("#gaps tbody tr").count() == 1
    assert page.evaluate(OVERFLOW) <= 0
    page.locator("#commitment\\:1").get_by_role("link", name="Traducir").click()
    page.fill("#id_title_en", "Open health data")
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("button", name="Guardar la traducción").click()
    page.wait_for_selector("#complete")
    page.locator("#final input[type=checkbox]").check()
    page.get_by_role("button", name="Emitir la versión final").click()
    page.wait_for_selector("#final li")
    assert page.locator("#final li").inner_text().startswith("Versión 1.0")
