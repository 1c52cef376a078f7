"""The secretariat issues a draft version of the plan's document in Debian's Chromium driven by
Playwright, on a desktop and on a phone (390 px wide): ticks the confirmation, lands on the
version's page, which shows the files being produced and polls until the worker has produced
them, then offers their downloads; nothing overflows sideways."""

import pytest

from cocrea.publication import actions, render

from .factories_document import document_plan
from .test_browser_proposals import log_in

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def drafting(transactional_db, plan, people, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # the renderers are written elsewhere: fixed bytes stand for them
    monkeypatch.setattr(render, "render_pdf", lambda document: b"%PDF-1.7 fixed")
    monkeypatch.setattr(render, "render_docx", lambda document: b"PK fixed")
    return document_plan(plan)


@pytest.mark.parametrize("size", SIZES)
def test_the_secretariat_issues_a_draft_and_sees_its_files_arrive(
    size, page, live_server, plan, drafting
):
    page.set_viewport_size(SIZES[size])
    home = f"/workspace/{plan.slug}/plan/"
    log_in(page, live_server, "secretary", home)
    assert page.evaluate(OVERFLOW) <= 0
    page.fill("#id_note", "Primer borrador para la consulta")
    page.get_by_role("button", name="Emitir la versión borrador").click()
    assert page.locator(".error-summary").count() == 1  # the tick is missing
    assert page.input_value("#id_note") == "Primer borrador para la consulta"
    page.check("#id_confirm")
    page.get_by_role("button", name="Emitir la versión borrador").click()
    page.wait_for_url(f"**{home}versions/0.1/")
    assert page.locator("#files-progress").count() == 1
    assert page.evaluate(OVERFLOW) <= 0
    assert actions.produce_files() == 4  # the worker's job
    page.wait_for_selector("#version-files a", timeout=8_000)
    assert page.locator("#files-progress").count() == 0
    assert page.locator("#version-files a").count() == 4
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("link", name="English").click()
    assert page.locator("#commitment\\:1 h4").inner_text().endswith("Open health data")
