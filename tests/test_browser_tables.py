"""The table's member picker in Debian's Chromium: a search that refreshes as one types."""

import re

import pytest
from django.core.cache import caches

from cocrea.demo.plans import load_demo
from cocrea.participation.models import Registration

pytestmark = pytest.mark.browser

SLUG = "panama-2017-2019"


@pytest.fixture
def demo(transactional_db):
    from cocrea.demo.participation import load_participation_demo

    plan, _created = load_demo()
    load_participation_demo(plan)
    caches["shared"].clear()
    yield plan
    caches["shared"].clear()


def test_secretary_finds_a_registrant_as_she_types_and_seats_them(page, live_server, demo):
    table = demo.tables.order_by("number").first()
    seated = set(table.members.values_list("user__email", flat=True))
    registrant = (
        Registration.objects.filter(plan=demo, status=Registration.Status.CONFIRMED)
        .exclude(email__in=seated)
        .order_by("id")
        .first()
    )
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("#id_username", "secretaria")
    page.fill("#id_password", "demo-cocrea-2017")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/workspace/{SLUG}/")
    url = f"{live_server.url}/en/workspace/{SLUG}/tables/{table.number}/"
    page.goto(url)
    assert page.locator("input[name=registration]").count() == 0

    page.locator("#id_q").press_sequentially(registrant.email, delay=20)
    choice = page.locator(f"#registrants input[name=registration][value='{registrant.pk}']")
    choice.wait_for()
    assert page.url == url  # refreshed in place, no navigation
    assert page.locator("#registrants input[name=registration]").count() == 1
    choice.check()
    page.get_by_role("button", name="Add member").click()
    # the redirect keeps the form's #add-member fragment, as browsers do
    page.wait_for_url(re.compile(rf".*/tables/{table.number}/(#add-member)?$"))
    assert page.locator(".message-success").inner_text() == "Member added."
    assert table.members.filter(user__email=registrant.email).count() == 1
