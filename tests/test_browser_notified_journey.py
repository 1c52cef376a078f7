"""Being told what is yours to do, end to end in Debian's Chromium with a real SMTP server: a head
of institution receives the assignment mail, follows its link and gives the review; the table's
leader sees the outcome in the bell; a citizen's comment is answered by the leader in the page
and the citizen receives the answer by e-mail."""

import datetime
import re

import pytest

from cocrea.organisations.models import Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role, Step
from cocrea.proposals import actions
from cocrea.proposals.models import Proposal, PublicComment, ViabilityReview

from .factories import OrganisationFactory, StepFactory
from .factories_participation import TableFactory
from .test_browser_proposals import PASSWORD
from .test_proposals import fill_set, seat

pytestmark = pytest.mark.browser


def log_in(page, live_server, username):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()


def mails_to(received, address: str) -> list:
    return [m for m in received if m["X-Envelope-To"] == address]


def plain(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_a_review_is_assigned_by_mail_given_seen_in_the_bell_and_a_comment_answered_by_mail(
    browser, live_server, transactional_db, plan, people, smtp_server, settings
):
    settings.SITE_URL = live_server.url
    drafting = StepFactory(plan=plan, key="training-and-tables", number=7, status="open")
    assignment = StepFactory(plan=plan, key="responsibles-and-objectives", number=9)
    review_step = StepFactory(plan=plan, key="viability-review", number=10)
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud", acronym="MINSA", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    plan.roles.filter(user=people["head"], role=Role.HEAD_OF_INSTITUTION).update(
        organisation=ministry
    )
    fill_set(table)
    actions.submit_set(table, table.axes.get(), by=people["leader"])
    secretary = people["secretary"]
    plan_actions.close_step(Step.objects.get(pk=drafting.pk), by=secretary)
    plan_actions.open_step(Step.objects.get(pk=assignment.pk), by=secretary)
    proposal = Proposal.objects.get(slot="commitment_1")
    actions.assign_institutions(
        proposal,
        by=secretary,
        lead=ministry,
        objectives_es="Publicar los datos de salud.",
        due_on=datetime.date(2017, 8, 4),
    )
    plan_actions.close_step(Step.objects.get(pk=assignment.pk), by=secretary)
    plan_actions.open_step(Step.objects.get(pk=review_step.pk), by=secretary)
    review = ViabilityReview.objects.get()

    # The head is told by e-mail, in the plan's language, with a link straight to the review.
    [assigned] = [
        m for m in mails_to(smtp_server, people["head"].email) if "revisar" in m["Subject"]
    ]
    link = re.search(r"(http://\S+/reviews/\d+/)", plain(assigned)).group(1)
    assert link == f"{live_server.url}/workspace/{plan.slug}/reviews/{review.pk}/"

    head = browser.new_context(locale="es-PA").new_page()
    head.goto(link)
    log_in(head, live_server, "head")
    head.wait_for_url(f"**/reviews/{review.pk}/")
    head.locator("input[name=outcome][value=viable]").check()
    head.locator("#send-review").click()
    head.wait_for_url(f"**/workspace/{plan.slug}/reviews/")
    assert head.locator(".message-success").count() == 1
    head.context.close()
    assert ViabilityReview.objects.get().outcome == "viable"

    # The table's leader sees the outcome in the bell and follows it to the proposal.
    leader = browser.new_context(locale="es-PA").new_page()
    leader.goto(f"{live_server.url}/accounts/login/?next=/workspace/")
    log_in(leader, live_server, "leader")
    leader.wait_for_url("**/workspace/**")
    bell = leader.locator("#bell")
    unread = int(bell.locator(".bell-count").inner_text())
    assert unread >= 1
    bell.click()
    leader.wait_for_url("**/notifications/")
    outcome = leader.locator(".notif", has_text="Revisión de viabilidad dada")
    assert outcome.count() == 1
    outcome.locator("a").first.click()
    leader.wait_for_url(f"**/plans/{plan.slug}/proposals/{proposal.pk}/")
    left = leader.locator("#bell .bell-count")
    assert (int(left.inner_text()) if left.count() else 0) == unread - 1

    # A citizen comments; the leader answers in the page; the citizen receives the answer.
    comment = actions.comment_proposal(
        proposal, by=people["citizen"], body="¿Qué datos de salud se publicarán?"
    )
    leader.reload()
    leader.locator(f"#comment-{comment.pk} summary").click()
    leader.fill(f"#answer-{comment.pk}", "Las compras y los inventarios, cada mes.")
    leader.locator(f"#comment-{comment.pk} form button[type=submit]").click()
    leader.wait_for_load_state()
    assert PublicComment.objects.get().answer == "Las compras y los inventarios, cada mes."
    leader.context.close()

    [answered] = [
        m for m in mails_to(smtp_server, people["citizen"].email) if "respondido" in m["Subject"]
    ]
    assert "Las compras y los inventarios, cada mes." in plain(answered)
    assert f"/plans/{plan.slug}/proposals/{proposal.pk}/" in plain(answered)
