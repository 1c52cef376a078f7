"""Public pages on a phone (390 px wide): nothing overflows sideways, the menu collapses behind a
button that works without JavaScript, wide charts scroll inside their own labelled region."""

import re

import pytest

from cocrea.demo.events import load_events_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo
from cocrea.public.sitemaps import sitemaps

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def demo(transactional_db):
    plan, _created = load_demo()
    load_participation_demo(plan)
    load_events_demo(plan)
    load_proposals_demo(plan)
    return plan


def sitemap_paths() -> list[str]:
    """Every page of the sitemap, in Spanish (the default language, no prefix)."""
    paths = []
    for sitemap_class in sitemaps.values():
        sitemap = sitemap_class()
        paths.extend(sitemap.location(item) for item in sitemap.items())
    return paths


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="es-PA", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_no_public_page_overflows_a_phone_screen(phone, live_server, demo):
    paths = sitemap_paths()
    assert len(paths) > 50
    # every page in Spanish, a sample in English
    paths += ["/en" + p for p in paths if re.search(r"/(programme|reach|proposals)/$", p)]
    overflowing = {}
    for path in paths:
        phone.goto(live_server.url + path, wait_until="load")
        extra = phone.evaluate(OVERFLOW)
        if extra > 0:
            overflowing[path] = extra
    assert overflowing == {}


def test_the_menu_collapses_on_a_phone_and_opens_without_javascript(phone, live_server, demo):
    phone.goto(f"{live_server.url}/plans/{demo.slug}/programme/")
    menu = phone.locator("label.menu-button")
    link = phone.get_by_role("link", name="Documentos", exact=True)
    assert menu.is_visible()
    assert link.is_visible() is False
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] < 140
    menu.click()
    assert link.is_visible()
    assert phone.locator("#menu-toggle").is_checked()
    assert phone.evaluate(OVERFLOW) <= 0


def test_the_menu_is_open_on_a_wide_screen(page, live_server, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/plans/{demo.slug}/programme/")
    assert page.get_by_role("link", name="Documentos", exact=True).is_visible()
    assert page.locator("label.menu-button").is_visible() is False
    # Its checkbox is out of the page too: no unlabelled control, no invisible tab stop (axe's
    # "label" rule failed on every page while it was only transparent).
    assert page.locator("#menu-toggle").is_visible() is False


def test_the_gantt_scrolls_inside_a_labelled_region(phone, live_server, demo):
    phone.goto(f"{live_server.url}/plans/{demo.slug}/programme/")
    region = phone.locator(".chart-scroll").first
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label")
    box = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert box[0] > box[1]  # wider than the screen: it scrolls inside, the page does not
    assert phone.evaluate(OVERFLOW) <= 0
