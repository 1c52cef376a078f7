"""The plan's document as HTML (publication/_document.html inside the site's base page) in
Debian's Chromium: nothing overflows a phone's 390 px, the wide milestone tables scroll inside
their own focusable region, and the contents' links lead to the parts."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Template
from django.template.context import RequestContext
from django.test import RequestFactory
from django.utils import translation

from .factories_render import document

pytestmark = pytest.mark.browser

CSS = Path(__file__).resolve().parent.parent / "cocrea/static/cocrea/css/cocrea.css"
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
PAGE = Template(
    '{% extends "base.html" %}{% block content %}<h1>{{ document.title }}</h1>'
    '{% include "publication/_document.html" %}{% endblock %}'
)


def html(made: dict, language: str) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        return PAGE.render(RequestContext(request, {"document": made}))


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_document_fits_a_phone_and_its_tables_scroll_in_their_own_region(browser, db, language):
    made = document(commitments=3, milestones=4, language=language)
    long = "palabra" * 30  # a word longer than the screen
    made["axes"][0]["commitments"][0]["sections"][0]["items"][0]["value"] = long
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.set_content(html(made, language))
        page.add_style_tag(path=str(CSS))
        assert page.evaluate(OVERFLOW) <= 0
        region = page.locator(".plan-document .table-scroll").nth(1)
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
        # the milestone table is wider than the phone: it scrolls inside its region
        assert region.evaluate("el => el.scrollWidth > el.clientWidth") is True
        contents = "Índice" if language == "es" else "Contents"
        assert page.locator("#document-toc-title").inner_text() == contents
        page.locator(".document-toc a[href='#commitment:2']").click()
        assert page.evaluate("location.hash") == "#commitment:2"
    finally:
        context.close()
