"""Public pages of events, documents and news: they answer, show what they must (and no personal
data), and cost the same number of queries with 5 and with 100 rows."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.core import revisions
from cocrea.core.actions import SYSTEM
from cocrea.documents.models import DocType, Document
from cocrea.events import actions
from cocrea.events.models import Event
from cocrea.news.actions import publish_news
from cocrea.organisations.models import Organisation
from cocrea.plans.models import Commission, Role

from .factories import PlanFactory, RegionFactory, StepFactory, UserFactory
from .factories_events import EventFactory, RegistrationFactory, in_days
from .sitemaps import whole_sitemap

MONTH = (2017, 5)


def add_rows(plan, first: int, last: int):
    """Events in May 2017 with attendance and minutes, documents, news items."""
    colon = RegionFactory(code="CO", name="Colón", is_capital=False)
    for n in range(first, last + 1):
        start = timezone.make_aware(datetime.datetime(2017, 5, 1 + n % 28, 9))
        event = EventFactory(
            plan=plan,
            starts_at=start,
            region=colon,
            registration_open=False,
            kind=Event.Kind.COMMISSION_MEETING if n % 2 else Event.Kind.OUTREACH,
        )
        RegistrationFactory(
            event=event,
            attended=True,
            organisation_kind=Organisation.Kind.ACADEMIA,
            region=colon,
            organisation_name=f"Org {n}",
        )
        actions.record_minutes(
            event, by=SYSTEM, minutes_es="Acta", decisions=[("Acuerdo", "Agreement")]
        )
        Document.objects.create(
            plan=plan,
            title_es=f"Documento {n}",
            doc_type=DocType.TRAINING,
            published_on=datetime.date(2017, 5, 2),
            file="documents/x.pdf",
            original_name="x.pdf",
            content_type="application/pdf",
            size=1000,
            checksum="0" * 64,
        )
        publish_news(plan, by=SYSTEM, title_es=f"Noticia {n}", body_es="Texto")


def build(plan, n):
    officer = UserFactory(username=f"officer-{plan.slug}")
    actions_plans = __import__("cocrea.plans.actions", fromlist=["grant_role"])
    actions_plans.grant_role(plan, officer, Role.SECRETARIAT, by=SYSTEM)
    Commission.objects.create(plan=plan, name_es="Comisión", name_en="Commission")
    add_rows(plan, 1, n)


def urls(plan):
    first = plan.events.order_by("pk").first()
    return {
        "events": reverse("events:list", args=[plan.slug]),
        "month": reverse("events:month", args=[plan.slug, *MONTH]),
        "event": reverse("events:event", args=[plan.slug, first.pk]),
        "events_ical": reverse("events:ical", args=[plan.slug]),
        "documents": reverse("documents:repository", args=[plan.slug]),
        "news": reverse("news:list", args=[plan.slug]),
        "feed": reverse("news:feed", args=[plan.slug]),
        "reach": reverse("news:reach", args=[plan.slug]),
        "take_part": reverse("news:take_part", args=[plan.slug]),
        "commission": reverse("public:commission", args=[plan.slug]),
    }


# A plan's page also reads the plan's languages (cocrea/core/languages.py; cached by the site
# revision, which the page cache reads anyway: a cached page still costs one query).
MAX_QUERIES = {
    "events": 7,  # the page of events and its count (paginated)
    "month": 5,
    "event": 8,
    "events_ical": 4,
    "documents": 6,
    "news": 5,
    "feed": 4,
    "reach": 8,  # counted in the database: the totals and one GROUP BY per dimension
    "take_part": 4,
    "commission": 10,  # + the count of the paged decisions
}


@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_list_pages_cost_the_same_with_5_and_100_rows(
    name, client, db, django_assert_max_num_queries
):
    plan = PlanFactory(slug="qc")
    build(plan, 5)
    url = urls(plan)[name]
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as with_5:
        assert client.get(url).status_code == 200
    add_rows(plan, 6, 100)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES[name]):
        response = client.get(url)
    assert response.status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as with_100:
        client.get(url)
    assert len(with_100) == len(with_5)


@pytest.fixture
def held(plan, secretary):
    colon = RegionFactory(code="CO", name="Colón", is_capital=False)
    event = EventFactory(
        plan=plan,
        kind=Event.Kind.COMMISSION_MEETING,
        starts_at=in_days(-30),
        title_en="Commission meeting",
        registration_open=False,
    )
    RegistrationFactory(
        event=event,
        name="Ana Named",
        email="ana@private.example",
        phone="6123-4567",
        attended=True,
        name_public=True,
        organisation_kind=Organisation.Kind.CIVIL_SOCIETY,
        region=colon,
        organisation_name="Fundación Colón",
    )
    RegistrationFactory(
        event=event,
        name="Beto Hidden",
        email="beto@private.example",
        attended=True,
        organisation_kind=Organisation.Kind.PUBLIC_INSTITUTION,
        organisation_name="Ministerio",
    )
    actions.record_minutes(
        event,
        by=secretary,
        minutes_es="Acta",
        minutes_en="Minutes",
        decisions=[("Metodología adoptada", "Methodology adopted")],
    )
    return event


def test_event_page_shows_counts_consented_names_and_decisions_only(client, held):
    html = client.get("/en" + held.get_absolute_url()).content.decode()
    assert "2 people attended." in html
    assert "Ana Named (Fundación Colón)" in html
    assert "Beto Hidden" not in html
    assert "private.example" not in html and "6123-4567" not in html
    assert "<li>Methodology adopted</li>" in html
    assert html.count("<td data-count>") == 2 + 2 + 2  # by sector, province, type: two rows each


def test_commission_page_lists_decisions_and_meetings(client, held, secretary):
    url = "/en" + reverse("public:commission", args=[held.plan.slug])
    html = client.get(url).content.decode()
    assert '<li value="1">Methodology adopted</li>' in html
    assert held.starts_at.strftime("%Y-%m-%d") in html
    assert 'id="commission-overdue"' not in html


def running(plan):
    """The plan's period contains today and a step is open: its rhythm is judged."""
    today = timezone.localdate()
    type(plan).objects.filter(pk=plan.pk).update(
        period_start=today - datetime.timedelta(days=365),
        period_end=today + datetime.timedelta(days=365),
    )
    StepFactory(plan=plan, number=1, key="s1", status="open")


def test_commission_page_warns_the_secretariat_after_six_months(client, plan, secretary, people):
    running(plan)
    EventFactory(plan=plan, kind=Event.Kind.COMMISSION_MEETING, starts_at=in_days(-190))
    url = "/en" + reverse("public:commission", args=[plan.slug])
    assert 'id="commission-overdue"' not in client.get(url).content.decode()  # anonymous
    client.force_login(people["commissioner"])
    assert 'id="commission-overdue"' not in client.get(url).content.decode()
    client.force_login(secretary)
    assert 'id="commission-overdue"' in client.get(url).content.decode()


def test_commission_rhythm_is_not_judged_once_the_cycle_stopped(client, plan, secretary):
    EventFactory(plan=plan, kind=Event.Kind.COMMISSION_MEETING, starts_at=in_days(-190))
    client.force_login(secretary)
    url = "/en" + reverse("public:commission", args=[plan.slug])
    running(plan)
    assert 'id="commission-overdue"' in client.get(url).content.decode()
    # Bare updates send no signal: each bumps the plan's revision as an action would.
    plan.steps.update(status="closed")
    revisions.bump_plan(plan.pk)
    assert 'id="commission-overdue"' not in client.get(url).content.decode()
    plan.steps.update(status="open")
    type(plan).objects.filter(pk=plan.pk).update(period_end=timezone.localdate().replace(year=2019))
    revisions.bump_plan(plan.pk)
    assert 'id="commission-overdue"' not in client.get(url).content.decode()


def test_unpublished_events_are_not_public(client, plan, people):
    draft = EventFactory(plan=plan, kind=Event.Kind.COMMISSION_MEETING, published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(people["commissioner"])
    assert client.get(draft.get_absolute_url()).status_code == 200
    html = client.get(reverse("events:list", args=[plan.slug])).content.decode()
    assert draft.title_es not in html


@pytest.mark.cache
def test_registration_page_registers_and_the_form_is_not_on_the_cached_page(client, plan):
    event = EventFactory(plan=plan, title_en="Outreach in Colón")
    url = "/en" + reverse("events:register", args=[plan.slug, event.pk])
    page = client.get("/en" + event.get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert f'href="{url}"' in page
    response = client.post(url, {"name": "Ana", "email": "ana@example.org", "consent": "on"})
    assert response.status_code == 302
    registration = event.registrations.get()
    assert (registration.email, registration.language, registration.name_public) == (
        "ana@example.org",
        "en",
        False,
    )
    # Without consent to the privacy notice nothing is stored.
    response = client.post(url, {"name": "Beto", "email": "beto@example.org"})
    assert response.status_code == 200
    assert event.registrations.count() == 1


def test_registration_page_confirms_corrects_cancels_and_restores(
    client, plan, django_capture_on_commit_callbacks
):
    event = EventFactory(plan=plan, title_en="Outreach in Colón", capacity=5)
    url = "/en" + reverse("events:register", args=[plan.slug, event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "Ana", "email": "ana@example.org", "consent": "on"})
    assert response.status_code == 302
    registration = event.registrations.get()
    assert registration.status == "pending"
    [message] = mail.outbox
    page_url = f"/en/registrations/{registration.token}/"
    assert f"http://127.0.0.1:8000{page_url}" in message.body

    html = client.get(page_url).content.decode()
    assert "Confirm my registration" in html
    registration.refresh_from_db()
    assert registration.status == "pending"  # a GET (a mail scanner) changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_url, {"action": "confirm"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert mail.outbox[-1].subject == "Registration confirmed: Outreach in Colón"

    response = client.post(
        page_url,
        {"action": "update", "name": "Ana María", "phone": "6000-1234", "name_public": "on"},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.phone, registration.name_public) == (
        "Ana María",
        "6000-1234",
        True,
    )

    assert client.post(page_url, {"action": "cancel"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "Register again" in client.get(page_url).content.decode()
    assert client.post(page_url, {"action": "restore"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_old_cancel_links_lead_to_the_registration_page(client, plan):
    registration = RegistrationFactory(event=EventFactory(plan=plan))
    response = client.post(reverse("events:cancel_registration", args=[registration.token]))
    assert response["Location"] == reverse("events:registration", args=[registration.token])
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_expired_link_asks_to_register_again(client, plan):
    registration = RegistrationFactory(event=EventFactory(plan=plan), status="pending")
    registration.created_at = timezone.now() - datetime.timedelta(hours=25)
    registration.save(update_fields=["created_at"])
    url = "/en" + reverse("events:registration", args=[registration.token])
    assert "This link has expired: register again." in client.get(url).content.decode()
    response = client.post(url, {"action": "confirm"}, follow=True)
    assert "This link has expired: register again." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_event_registration_is_rate_limited(client, plan, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_IP = 3
    settings.PARTICIPATION_RATE_LIMIT_PER_EMAIL = 10
    event = EventFactory(plan=plan)
    url = "/en" + reverse("events:register", args=[plan.slug, event.pk])
    for n in range(3):
        data = {"name": "X", "email": f"x{n}@example.org", "consent": "on"}
        assert client.post(url, data).status_code == 302
    response = client.post(url, {"name": "X", "email": "x9@example.org", "consent": "on"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert event.registrations.count() == 3


def test_events_ical_lists_public_events_with_times(client, plan):
    start = timezone.make_aware(datetime.datetime(2017, 5, 3, 9))  # 14:00 UTC in Panama
    EventFactory(plan=plan, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    EventFactory(plan=plan, published=False)
    body = client.get(reverse("events:ical", args=[plan.slug])).content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "DTSTART:20170503T140000Z\r\nDTEND:20170503T170000Z" in body


def test_month_view_places_events_on_their_day(client, plan):
    start = timezone.make_aware(datetime.datetime(2017, 5, 3, 9))
    EventFactory(plan=plan, starts_at=start, title_en="Outreach in Colón")
    html = client.get("/en" + reverse("events:month", args=[plan.slug, 2017, 5])).content.decode()
    assert "1 event this month" in html
    assert "09:00 Outreach in Colón" in html


def test_reach_counts_people_and_organisations_outside_the_capital(client, held):
    html = client.get("/en" + reverse("news:reach", args=[held.plan.slug])).content.decode()
    assert (
        "2 people from 2 organisations have taken part in the events of the process; 1 of them "
        "came from outside the capital."
    ) in html
    assert html.count('role="img"') == 4
    assert '<tr><th scope="row">Colón</th><td>1</td><td>1</td></tr>' in html


def test_news_feed_is_atom(client, plan):
    publish_news(
        plan,
        by=SYSTEM,
        title_es="Noticia",
        title_en="News item",
        body_es="Texto",
        published_on=datetime.date(2017, 2, 16),
    )
    response = client.get("/en" + reverse("news:feed", args=[plan.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>News item</title>" in body
    assert body.count("<entry>") == 1


def test_sitemap_lists_the_section_pages_and_events(client, held):
    xml = whole_sitemap(client)
    for url in (
        reverse("events:list", args=[held.plan.slug]),
        reverse("documents:repository", args=[held.plan.slug]),
        reverse("news:reach", args=[held.plan.slug]),
        held.get_absolute_url(),
    ):
        assert f"http://testserver{url}</loc>" in xml
