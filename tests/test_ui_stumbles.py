"""What people stumbled on: the way from the workspace to one's table, the error summary of every
refused form, the event form's order, the calendar's bounds, the site icon, and accessible names
that contain the visible label."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from cocrea.proposals.models import ViabilityReview

from .factories import StepFactory
from .factories_events import EventFactory
from .factories_participation import TableFactory
from .test_proposals import seat
from .test_proposals_review import (  # noqa: F401  (fixtures)
    ministry,
    programme,
    proposal,
    review,
    submitted,
    table,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "cocrea" / "templates"


# --- the table leader's way to her table ---------------------------------------------------------


def test_table_leader_finds_her_table_from_the_workspace_home(client, plan, people):
    mine = TableFactory(plan=plan, number=2, name_es="Mesa de salud")
    TableFactory(plan=plan, number=3, name_es="Mesa de agua")
    seat(mine, people["leader"], leader=True)
    client.force_login(people["leader"])
    response = client.get(reverse("workspace:home"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [(reverse("workspace:plan", args=[plan.slug]), 302)]
    links = re.findall(r'<ul id="my-tables">(.*?)</ul>', page, re.S)
    assert len(links) == 1
    assert re.findall(r'href="([^"]+)"', links[0]) == [
        reverse("tables:workspace", args=[plan.slug, 2]),
        reverse("proposals:workspace", args=[plan.slug, 2]),
    ]


def test_workspace_of_someone_without_a_table_lists_no_tables(client, plan, people):
    TableFactory(plan=plan, number=2)
    client.force_login(people["secretary"])
    page = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert 'id="my-tables"' not in page


# --- one error summary, at the top, focused, linking to the fields -------------------------------


@pytest.mark.usefixtures("review")
def test_refused_review_shows_the_error_summary_before_the_form(client, plan, people):
    pending = ViabilityReview.objects.get()
    client.force_login(people["head"])
    # No outcome chosen: the radio buttons carry the error.
    response = client.post(
        reverse("proposals:review", args=[plan.slug, pending.pk]), {"changes_es": ""}
    )
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', page, re.S)
    assert summary is not None
    opening = summary.group(0)[: summary.group(0).index(">") + 1]
    assert 'id="error-summary"' in opening and "autofocus" in opening
    assert 'tabindex="-1"' in opening and 'role="alert"' in opening
    assert page.index('id="error-summary"') < page.index('id="review-form"')
    # Each message links to its field, and the field with that id is on the page.
    targets = re.findall(r'<a href="#([^"]+)">', summary.group(1))
    assert targets == ["id_outcome_0"]
    for target in targets:
        assert f'id="{target}"' in page


@pytest.mark.usefixtures("review")
def test_valid_page_has_no_error_summary(client, plan, people):
    pending = ViabilityReview.objects.get()
    client.force_login(people["head"])
    page = client.get(reverse("proposals:review", args=[plan.slug, pending.pk])).content.decode()
    assert "error-summary" not in page


def test_every_form_page_uses_the_shared_error_summary():
    """A template that renders a form's fields (or its errors) shows the one summary; the
    accounts pages (login, sign-up, password) are reworked separately."""
    renders_form = re.compile(r"\{\{ *\w*form\w*\.as_p|\.errors *\}\}|\{\{ *\w+\.as_p *\}\}")
    texts = {
        path.relative_to(TEMPLATES).as_posix(): path.read_text()
        for path in sorted(TEMPLATES.rglob("*.html"))
    }
    missing = []
    for relative, text in texts.items():
        if relative.startswith("accounts/"):
            continue
        if not renders_form.search(text) or "{% error_summary" in text:
            continue
        # A partial ("_rows.html") is shown inside the pages that include it: each of them
        # must show the summary.
        includers = [name for name, other in texts.items() if f'"{relative}"' in other]
        if relative.rpartition("/")[2].startswith("_") and includers:
            missing.extend(name for name in includers if "{% error_summary" not in texts[name])
        else:
            missing.append(relative)
    assert missing == []


# --- the event form in the order a person fills it ----------------------------------------------


def test_event_form_lists_its_fields_in_the_order_they_are_filled(client, plan, secretary):
    client.force_login(secretary)
    page = client.get(reverse("events:manage_create", args=[plan.slug])).content.decode()
    names = []
    for name in re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', page):
        if name != "csrfmiddlewaretoken" and name not in names:
            names.append(name)
    assert names == [
        "kind",
        "title_es",
        "title_en",
        "description_es",
        "description_en",
        "agenda_es",
        "agenda_en",
        "starts_at",
        "ends_at",
        "venue",
        "online_url",
        "region",
        "axis",
        "working_table",
        "organiser",
        "registration_open",
        "capacity",
    ]


# --- the calendar stays within the plan ----------------------------------------------------------


def month_links(page):
    return (
        re.findall(r'href="[^"]*/events/(\d+)/(\d+)/" rel="prev"', page),
        re.findall(r'href="[^"]*/events/(\d+)/(\d+)/" rel="next"', page),
    )


def test_calendar_runs_from_the_year_before_the_period_to_its_end(client, plan):
    # Plan 2017-2019, no events: January 2016 to December 2019.
    def month(year, number):
        return client.get(reverse("events:month", args=[plan.slug, year, number]))

    assert month_links(month(2016, 1).content.decode()) == ([], [("2016", "2")])
    assert month_links(month(2018, 1).content.decode()) == ([("2017", "12")], [("2018", "2")])
    assert month_links(month(2019, 12).content.decode()) == ([("2019", "11")], [])
    for year, number in [(2015, 12), (2020, 1), (2000, 1), (2100, 12), (2017, 13), (99999, 1)]:
        assert month(year, number).status_code == 404, (year, number)


def test_calendar_widens_to_every_public_event_and_opens_within_its_months(client, plan):
    EventFactory(plan=plan, starts_at=timezone.make_aware(datetime.datetime(2021, 3, 4, 9, 0)))
    response = client.get(reverse("events:month", args=[plan.slug, 2021, 3]))
    assert month_links(response.content.decode()) == ([("2021", "2")], [])
    assert client.get(reverse("events:month", args=[plan.slug, 2021, 4])).status_code == 404
    # Today (2026) lies after the calendar: the list's month view opens on its last month.
    page = client.get(reverse("events:list", args=[plan.slug])).content.decode()
    assert reverse("events:month", args=[plan.slug, 2021, 3]) in page


# --- the site icon -------------------------------------------------------------------------------


def test_favicon_is_served_and_linked(client, plan, steps):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Content-Type"]) == (200, "image/svg+xml")
    assert response.content.startswith(b"<svg")
    page = client.get(reverse("public:programme", args=[plan.slug])).content.decode()
    assert '<link rel="icon" href="/static/cocrea/favicon.svg" type="image/svg+xml">' in page


# --- accessible names contain the visible label (WCAG 2.5.3) -------------------------------------


class LabelledControls(HTMLParser):
    """(aria-label, visible text) of every button and link that has an aria-label."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("a", "button") and a.get("aria-label"):
            self._open = [tag, a["aria-label"], ""]

    def handle_data(self, data):
        if self._open:
            self._open[2] += data

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.found.append((self._open[1], " ".join(self._open[2].split())))
            self._open = None


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_step_buttons_name_contains_their_visible_label(prefix, client, plan, secretary):
    for number, status in enumerate(["pending", "open", "closed"], start=1):
        StepFactory(plan=plan, number=number, key=f"s{number}", status=status)
    client.force_login(secretary)
    page = client.get(prefix + reverse("workspace:plan", args=[plan.slug])).content.decode()
    parser = LabelledControls()
    parser.feed(page)
    controls = [c for c in parser.found if c[1]]
    assert len(controls) >= 7  # edit x3, open, re-open, close, remove
    mismatched = [c for c in controls if c[1].lower() not in c[0].lower()]
    assert mismatched == []
    reopen = [c for c in controls if c[1] in ("Reabrir", "Re-open")]
    assert (
        reopen == [("Reabrir el paso 3", "Reabrir")]
        if not prefix
        else [("Re-open step 3", "Re-open")]
    )
