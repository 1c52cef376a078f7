"""The bell on a phone, in Debian's Chromium driven by Playwright: a person with an unread
notification sees its count at 390 px without sideways overflow, opens the notifications page,
follows the link to the object, and the count drops."""

import pytest
from django.urls import reverse

from cocrea.notifications.models import Notification

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-123"  # the factories' password
PHONE = {"width": 390, "height": 844}
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="es-PA", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_the_bell_count_on_a_phone_drops_once_the_notification_is_followed(
    phone, live_server, transactional_db, plan, people
):
    target = reverse("public:about")
    Notification.objects.create(
        user=people["leader"],
        kind="proposals.review_given",
        plan=plan,
        title="Revisión dada",
        url=target,
    )
    Notification.objects.create(
        user=people["leader"],
        kind="proposals.review_given",
        plan=plan,
        title="Otra revisión",
        url=target,
    )
    dashboard = reverse("workspace:plan", args=[plan.slug])
    phone.goto(f"{live_server.url}{reverse('accounts:login')}?next={dashboard}")
    phone.fill("#id_username", "leader")
    phone.fill("#id_password", PASSWORD)
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url(f"**{dashboard}")

    bell = phone.locator("#bell")
    assert bell.locator(".bell-count").inner_text() == "2"
    assert "2 notificaciones sin leer" in bell.inner_text()
    assert bell.is_visible()
    assert phone.evaluate(OVERFLOW) <= 0

    bell.click()
    phone.wait_for_url(f"**{reverse('notifications:inbox')}")
    assert phone.evaluate(OVERFLOW) <= 0
    phone.get_by_role("link", name="Revisión dada").click()
    phone.wait_for_url(f"**{target}")
    assert phone.locator("#bell .bell-count").inner_text() == "1"
    assert "1 notificación sin leer" in phone.locator("#bell").inner_text()

    phone.goto(f"{live_server.url}{reverse('notifications:preferences')}")
    assert phone.evaluate(OVERFLOW) <= 0
