"""OGP's review in Debian's Chromium driven by Playwright, in Spanish, on a desktop and on a phone
(390 px wide): a reviewer comments on a commitment of draft 0.1; the secretariat marks the
comment addressed in version 0.2, naming the change; the round's report shows it addressed."""

import pytest

from cocrea.publication.models import RoundComment

from .factories_review import issued, open_round, review_step
from .test_browser_proposals import log_in

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def review(transactional_db, plan, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    review_step(plan)
    found = open_round(plan, issued(plan))
    issued(plan)  # 0.2: the version that addresses the comment
    return found


@pytest.mark.parametrize("size", SIZES)
def test_a_reviewer_comments_and_the_secretariat_addresses_it(
    size, page, live_server, plan, review
):
    page.set_viewport_size(SIZES[size])
    round_page = f"/workspace/{plan.slug}/plan/reviews/1/"
    log_in(page, live_server, "reviewer", round_page)
    assert page.locator("h1").inner_text() == "Ronda de revisión 1: versión 0.1"
    assert page.evaluate(OVERFLOW) <= 0
    part = page.locator("section[id='commitment:1']")
    part.get_by_text("Comentar esta parte").click()
    part.get_by_label("Su comentario").fill("Precisar la fecha del hito 2.")
    part.get_by_role("button", name="Enviar el comentario").click()
    page.wait_for_url(f"**{round_page}*")
    assert page.locator(".message-success").count() == 1
    comment = RoundComment.objects.get()
    assert (comment.anchor, comment.body) == ("commitment:1", "Precisar la fecha del hito 2.")
    assert page.locator(f"#comment-{comment.pk}").is_visible()
    assert page.evaluate(OVERFLOW) <= 0

    page.context.clear_cookies()
    log_in(page, live_server, "secretary", round_page)
    item = page.locator(f"#comment-{comment.pk}")
    item.get_by_text("Resolver", exact=True).click()
    item.get_by_label("Atendido", exact=True).check()
    item.get_by_label("El cambio realizado, o la razón para no acogerlo").fill(
        "El hito 2 indica su fecha de entrega."
    )
    item.get_by_label("Atendido en la versión").select_option(label="Versión 0.2")
    assert page.evaluate(OVERFLOW) <= 0
    item.get_by_role("button", name="Guardar").click()
    page.wait_for_url(f"**{round_page}*")
    comment.refresh_from_db()
    assert (comment.status, comment.addressed_in.label) == ("addressed", "0.2")

    page.goto(f"{live_server.url}/workspace/{plan.slug}/plan/reviews/1/report/")
    assert page.locator("#counts").inner_text() == "Abiertos: 0 · Atendidos: 1 · No acogidos: 0"
    row = page.locator("#report-1")
    assert "Precisar la fecha del hito 2." in row.inner_text()
    assert "Atendido (en la versión 0.2)" in row.inner_text()
    assert "El hito 2 indica su fecha de entrega." in row.inner_text()
    assert page.evaluate(OVERFLOW) <= 0
