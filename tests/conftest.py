"""Named personas: one per role of a plan, a citizen without a role, a superuser without a role
(administration, no seat), a platform administrator without a role, an anonymous visitor."""

import os
import shutil

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import translation

from cocrea.core import revisions
from cocrea.core.actions import SYSTEM
from cocrea.plans import actions
from cocrea.plans.models import Role

from .factories import OrganisationFactory, PlanFactory, StepFactory, UserFactory

# The `demo` fixture: the whole demo, loaded once per test module that asks for it.
pytest_plugins = ["tests.demo_fixture"]

# Role of each persona; None: logged in without any role in the plan.
PERSONAS = {
    "secretary": Role.SECRETARIAT,
    "commissioner": Role.COMMISSION_MEMBER,
    "leader": Role.TABLE_LEADER,
    "participant": Role.PARTICIPANT,
    "liaison": Role.LIAISON,
    "head": Role.HEAD_OF_INSTITUTION,
    "reviewer": Role.OGP_REVIEWER,
    "citizen": None,
    "superuser": None,
    "platform_admin": None,
}
# Administrators of the site (Django's is_superuser), holding no role in the plan.
SUPERUSERS = {"superuser"}
# Who holds the secretariat's powers (every permission that is not a seat): the secretary by role,
# the superuser by Django's shortcut. Seat permissions (cocrea.core.permissions) exclude the latter.
SECRETARIAT_POWERS = {"secretary", *SUPERUSERS}
# Platform administrators (a site-level role: plans, their secretariat, the current plan).
PLATFORM_ADMINS = {"platform_admin"}
# Who holds the platform's powers: its administrators, and the superuser by Django's shortcut.
PLATFORM_POWERS = {*PLATFORM_ADMINS, *SUPERUSERS}
# Logged in, holding no role in the plan and no administration shortcut.
WITHOUT_ROLE = {"citizen", *PLATFORM_ADMINS}
ALL_PERSONAS = [*PERSONAS, "anonymous"]


@pytest.fixture(autouse=True)
def _fresh_state(settings):
    """Each test starts with an empty cache, no revisions kept from another test's database, and
    the default language (a request in English leaves English active in the thread, and `reverse`
    would then build /en/ URLs)."""
    cache.clear()
    revisions.forget()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    revisions.forget()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def plan(db):
    return PlanFactory(slug="panama-test")


@pytest.fixture
def steps(plan):
    return [StepFactory(plan=plan, number=n, key=f"s{n}") for n in range(1, 6)]


@pytest.fixture
def people(plan):
    """Every persona, by name; role holders hold their role in `plan`."""
    org = OrganisationFactory()
    found = {"anonymous": AnonymousUser()}
    for name, role in PERSONAS.items():
        admin = name in SUPERUSERS
        user = UserFactory(
            username=name, full_name=name.title(), is_superuser=admin, is_staff=admin
        )
        if role:
            actions.grant_role(plan, user, role, by=SYSTEM, organisation=org)
        if name in PLATFORM_ADMINS:
            actions.grant_platform_admin(user, by=SYSTEM)
        found[name] = user
    return found


@pytest.fixture
def secretary(people):
    return people["secretary"]


def browser_unavailable_reason() -> str | None:
    if not shutil.which("chromium") and not os.path.exists("/usr/bin/chromium"):
        return "Debian's Chromium is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make test installs it)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = browser_unavailable_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-PA")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd), with Django's SMTP backend pointed at it.
    Yields the list of received messages as `email.message.EmailMessage` objects."""
    import email
    import email.policy
    import socket

    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
            received.append(message)
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield received
    finally:
        controller.stop()
