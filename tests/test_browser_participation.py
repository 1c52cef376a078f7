"""Journeys of the participation app in Debian's Chromium driven by Playwright."""

import json
import re

import pytest
from django.core import mail
from django.core.cache import caches

from cocrea.core.actions import SYSTEM
from cocrea.demo.plans import load_demo
from cocrea.participation.models import LiaisonRequest, Registration
from cocrea.plans.actions import open_step
from cocrea.plans.models import PlanRole, Role

pytestmark = pytest.mark.browser

SLUG = "panama-2017-2019"


@pytest.fixture
def demo(transactional_db):
    from cocrea.demo.participation import load_participation_demo

    plan, _created = load_demo()
    load_participation_demo(plan)
    # The demo's call closed with its step in May 2017; these journeys need it open today: the
    # step enabling the call is opened again.
    (step,) = [step for step in plan.steps.all() if "open-call" in step.capabilities]
    open_step(step, by=SYSTEM)
    caches["shared"].clear()
    mail.outbox.clear()
    yield plan
    caches["shared"].clear()


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_citizen_answers_the_call_confirms_downloads_and_erases(page, live_server, demo):
    page.goto(f"{live_server.url}/en/plans/{SLUG}/call/")
    assert page.locator("#privacy").count() == 1
    page.fill("#id_full_name", "Lucía Pérez")
    page.fill("#id_email", "lucia@example.net")
    page.fill("#id_phone", "6555-0101")
    page.select_option("#id_sector", "citizen")
    page.select_option("#id_region", label="Chiriquí")
    page.get_by_label(re.compile("Education")).check()
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(f"**/plans/{SLUG}/call/thanks/")
    registration = Registration.objects.get(email="lucia@example.net")
    assert registration.status == Registration.Status.UNCONFIRMED

    [confirm_mail] = [m for m in mail.outbox if m.to == ["lucia@example.net"]]
    page.goto(live_server.url + path_of(link_in(confirm_mail)))
    page.get_by_role("button", name="Confirm my registration").click()
    page.wait_for_url("**/call/my-data/**")
    assert page.locator("#registration-status").inner_text() == "Confirmed"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    manage_url = page.url

    # Later, from the link in the second mail: download, then erase.
    manage_mail = [m for m in mail.outbox if m.to == ["lucia@example.net"]][-1]
    assert (
        path_of(link_in(manage_mail)).rstrip("/").endswith(manage_url.rstrip("/").rsplit("/", 1)[1])
    )
    page.goto(manage_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data (JSON)").click()
    with open(download.value.path(), encoding="utf-8") as handle:
        data = json.load(handle)
    assert (data["full_name"], data["email"], data["province"]) == (
        "Lucía Pérez",
        "lucia@example.net",
        "Chiriquí",
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my data").click()
    page.get_by_role("heading", name="Your data has been erased").wait_for()
    registration.refresh_from_db()
    assert (registration.status, registration.email, registration.full_name) == ("erased", "", "")


def test_head_of_institution_designates_a_liaison_from_the_email(page, live_server, demo):
    from cocrea.core.actions import SYSTEM
    from cocrea.participation import actions
    from cocrea.participation.models import LiaisonRequest as LR

    pending = LR.objects.get(plan=demo, status=LR.Status.PENDING)
    # The secretariat asks again (a new request for another axis) so a fresh link is e-mailed.
    axis = demo.axes.get(number=5)
    mail.outbox.clear()
    actions.request_liaison(
        demo,
        by=SYSTEM,
        axis=axis,
        institution=pending.institution,
        head_name=pending.head_name,
        head_email=pending.head_email,
        due_on=pending.due_on,
    )
    [message] = mail.outbox
    page.goto(live_server.url + "/en" + path_of(link_in(message)))
    page.fill("#id_full_name", "Nidia Castrellón")
    page.fill("#id_email", "nidia@minsa.example")
    page.fill("#id_position", "Enlace de Gobierno Abierto")
    page.get_by_role("button", name="Designate").click()
    page.get_by_role("heading", name="Thank you").wait_for()
    request = LiaisonRequest.objects.get(plan=demo, axis=axis, institution=pending.institution)
    assert request.status == LiaisonRequest.Status.DESIGNATED
    assert request.liaison.email == "nidia@minsa.example"
    assert PlanRole.objects.filter(user=request.liaison, role=Role.LIAISON).count() == 1
    assert [m.to for m in mail.outbox][-1] == ["nidia@minsa.example"]
