"""Journeys around events, in Debian's Chromium driven by Playwright."""

import re

import pytest
from django.core import mail

from cocrea.core.actions import SYSTEM
from cocrea.events.models import Event, Registration
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Role

from .factories import PlanFactory, RegionFactory, UserFactory
from .factories_events import EventFactory, in_days

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db):
    plan = PlanFactory(slug="pa")
    officer = UserFactory(username="officer", full_name="Officer")
    plan_actions.grant_role(plan, officer, Role.SECRETARIAT, by=SYSTEM)
    colon = RegionFactory(code="CO", name="Colón", is_capital=False)
    return plan, colon


def test_citizen_registers_confirms_from_the_mail_and_cancels(page, live_server, world):
    plan, colon = world
    event = EventFactory(
        plan=plan, title_es="Divulgación en Colón", region=colon, starts_at=in_days(7)
    )
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    page.locator(f"a[href$='/events/{event.pk}/register/']").click()
    page.wait_for_url(f"**/events/{event.pk}/register/")
    page.fill("#id_name", "Ana Pérez")
    page.fill("#id_email", "ana@example.org")
    page.select_option("#id_organisation_kind", "civil_society")
    page.select_option("#id_region", str(colon.pk))
    page.check("#id_consent")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/events/{event.pk}/")
    assert page.locator(".message-success").count() == 1

    registration = Registration.objects.get(event=event)
    assert registration.status == "pending"
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    link = re.search(r"https?://\S+/registrations/[0-9a-f-]+/", mail.outbox[0].body)
    assert link is not None
    path = link.group(0).split("/registrations/", 1)[1]
    page.goto(f"{live_server.url}/registrations/{path}")
    page.get_by_role("button", name="Confirmar mi inscripción").click()
    page.wait_for_url(f"**/registrations/{path}")
    assert page.locator("#registration-status").inner_text() == "Confirmada"
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert len(mail.outbox) == 2  # the confirmation, with the event attached
    page.get_by_role("button", name="Cancelar mi inscripción").click()
    page.wait_for_url(f"**/registrations/{path}")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_secretary_records_attendance_and_minutes_and_the_public_sees_them(
    page, live_server, world
):
    plan, colon = world
    event = EventFactory(
        plan=plan,
        kind=Event.Kind.COMMISSION_MEETING,
        title_es="Sesión de la Comisión",
        starts_at=in_days(-1),
        registration_open=False,
    )
    present = Registration.objects.create(
        event=event,
        name="Ana Pérez",
        email="ana@example.org",
        name_public=True,
        organisation_kind="civil_society",
        region=colon,
    )
    Registration.objects.create(event=event, name="Beto", email="beto@example.org")

    page.goto(f"{live_server.url}/accounts/login/?next=/workspace/pa/events/{event.pk}/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "secret-pass-123")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/workspace/pa/events/{event.pk}/")

    page.check(f"#attendance-form input[value='{present.pk}']")
    page.locator("#attendance-form button[type=submit]").click()
    page.wait_for_url(f"**/workspace/pa/events/{event.pk}/")
    page.fill("#walk-in-form #id_name", "Carla Walk-in")
    page.select_option("#walk-in-form #id_region", str(colon.pk))
    page.select_option("#walk-in-form #id_organisation_kind", "public_institution")
    page.locator("#walk-in-form button[type=submit]").click()
    page.wait_for_url(f"**/workspace/pa/events/{event.pk}/")
    page.fill("#id_minutes_es", "La comisión sesionó con quórum.")
    page.fill("#id_decisions_es", "Se adopta la metodología.\nSe adoptan los ejes.")
    page.locator("#minutes-form button[type=submit]").click()
    page.wait_for_url(f"**/workspace/pa/events/{event.pk}/")

    page.context.clear_cookies()  # as the public sees it
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    counts = page.locator("#attendance ~ div.columns table").first
    assert counts.locator("td").all_inner_texts() == ["1", "1"]  # by sector: two sectors
    region_rows = page.locator("#attendance ~ div.columns table").nth(1)
    assert (
        region_rows.get_by_role("row", name=re.compile("Colón")).locator("td").inner_text() == "2"
    )
    assert page.locator("ul.names li").all_inner_texts() == ["Ana Pérez"]
    assert page.get_by_text("Beto").count() == 0
    assert page.get_by_text("ana@example.org").count() == 0
    assert page.locator("ol.decisions li").all_inner_texts() == [
        "Se adopta la metodología.",
        "Se adoptan los ejes.",
    ]
    page.goto(f"{live_server.url}/plans/pa/commission/")
    assert page.locator("ol.decisions li").count() == 2
