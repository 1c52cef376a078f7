"""The public comment on a draft of the plan in Debian's Chromium driven by Playwright, on a desktop
and on a phone (390 px wide): a citizen comments on a commitment of draft 0.1, the secretariat
answers from its queue, and the answer shows under the comment on the version's page."""

import pytest

from .factories_drafts import draft_plan, public_comment_step
from .test_browser_proposals import log_in

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def version(transactional_db, plan, people):
    found = draft_plan(plan)
    public_comment_step(plan)
    return found


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_comments_and_the_secretariat_answers(size, page, live_server, plan, version):
    page.set_viewport_size(SIZES[size])
    draft = f"/plans/{plan.slug}/plan/drafts/0.1/"
    log_in(page, live_server, "citizen", draft)
    assert page.evaluate(OVERFLOW) <= 0
    part = page.locator("#comments-commitment-1")
    part.locator("summary").click()
    part.locator("textarea").fill("Precisen la meta del segundo hito.")
    part.get_by_role("button", name="Publicar el comentario").click()
    page.wait_for_url(f"**{draft}*")
    assert page.locator(".message-success").count() == 1
    assert "Precisen la meta del segundo hito." in part.inner_text()
    assert page.evaluate(OVERFLOW) <= 0

    page.context.clear_cookies()
    queue = f"/workspace/{plan.slug}/plan/comments/"
    log_in(page, live_server, "secretary", queue)
    assert page.locator("#draft-comment-counts li strong").first.inner_text() == "1"
    assert page.evaluate(OVERFLOW) <= 0
    page.fill("#draft-comments textarea", "Se precisó en la versión 0.2.")
    page.get_by_role("button", name="Publicar la respuesta").click()
    page.wait_for_url(f"**{queue}*")
    assert page.locator("#draft-comment-counts li strong").first.inner_text() == "0"

    page.goto(f"{live_server.url}{draft}", wait_until="load")
    answer = page.locator("#comments-commitment-1 .official-answer")
    assert "Se precisó en la versión 0.2." in answer.inner_text()
    assert page.evaluate(OVERFLOW) <= 0
