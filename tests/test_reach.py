"""The reach figures and an event's attendance summary are counted in the database: exact
figures worked out by hand, and a cost that does not grow with the number of registrations."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.events import queries
from cocrea.events.models import Event, Registration
from cocrea.organisations.models import Organisation

from .factories import RegionFactory
from .factories_events import EventFactory, RegistrationFactory

Kind = Organisation.Kind


def _at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9))


@pytest.fixture
def attended(plan):
    colon = RegionFactory(code="CO", name="Colón", is_capital=False)
    panama = RegionFactory()
    first = EventFactory(plan=plan, starts_at=_at(2017, 2, 10), status=Event.Status.HELD)
    second = EventFactory(plan=plan, starts_at=_at(2017, 5, 10), status=Event.Status.HELD)
    draft = EventFactory(plan=plan, starts_at=_at(2017, 5, 11), published=False)

    def came(event, **fields):
        return RegistrationFactory(event=event, attended=True, **fields)

    came(first, email="ana@x.org", organisation_kind=Kind.CIVIL_SOCIETY, region=colon,
         organisation_name="Fundacion Sol", name="Ana", name_public=True)  # fmt: skip
    came(first, email="beto@x.org", organisation_kind=Kind.PUBLIC_INSTITUTION, region=panama,
         organisation_name="Ministerio", name="Beto")  # fmt: skip
    came(first, email="", organisation_kind=Kind.ACADEMIA, organisation_name=" fundacion SOL ",
         name="Dora", walk_in=True)  # fmt: skip
    came(second, email="ANA@x.org", organisation_kind=Kind.CIVIL_SOCIETY, region=colon,
         organisation_name="FUNDACION SOL", name="Ana")  # fmt: skip
    came(second, email="", name="Eva", walk_in=True)
    RegistrationFactory(event=first, email="carla@x.org", attended=False)
    came(draft, email="zed@x.org", organisation_kind=Kind.MULTILATERAL, organisation_name="ONU")
    return first


def test_reach_counts_each_person_and_organisation_once(plan, attended):
    figures = queries.reach(plan)
    assert (figures["people"], figures["organisations"], figures["outside_capital"]) == (4, 2, 1)
    assert figures["by_sector"] == [
        ("Sociedad civil y otros actores no gubernamentales", 2, 1),
        ("Gobierno", 1, 1),
        ("—", 1, 0),
    ]
    assert figures["by_region"] == [("—", 2, 1), ("Colón", 1, 1), ("Panamá", 1, 1)]
    assert figures["by_kind"] == [
        ("Academia", 1, 1),
        ("Institución pública", 1, 1),
        ("Organización de la sociedad civil", 1, 1),
        ("—", 1, 0),
    ]
    assert figures["by_quarter"] == [("2017-T1", 3, 2), ("2017-T2", 2, 1)]


def test_reach_is_aggregated_in_the_database(plan, attended):
    """Every query groups or counts: no registration row is read into Python."""
    with CaptureQueriesContext(connection) as captured:
        queries.reach(plan)
    assert len(captured) == 5
    assert all("COUNT(" in q["sql"].upper() for q in captured.captured_queries)


def test_attendance_summary_of_an_event(attended):
    summary = queries.attendance_summary(attended)
    assert summary == {
        "total": 3,
        "by_sector": [
            ("Gobierno", 1),
            ("Sociedad civil y otros actores no gubernamentales", 2),
        ],
        "by_region": [("Colón", 1), ("Panamá", 1), ("—", 1)],
        "by_kind": [
            ("Academia", 1),
            ("Institución pública", 1),
            ("Organización de la sociedad civil", 1),
        ],
        "names": [("Ana", "Fundacion Sol")],
    }


def _attendees(event, first, last):
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Persona {n}",
            email=f"p{n}@example.org",
            organisation_kind=Kind.CIVIL_SOCIETY if n % 2 else Kind.ACADEMIA,
            organisation_name=f"Org {n % 7}",
            name_public=n % 3 == 0,
            attended=True,
        )
        for n in range(first, last + 1)
    )


@pytest.mark.parametrize("page", ["event", "reach"])
def test_event_and_reach_pages_cost_the_same_with_5_and_500_attendees(page, client, plan):
    event = EventFactory(plan=plan, starts_at=_at(2017, 2, 10), status=Event.Status.HELD)
    url = {
        "event": event.get_absolute_url(),
        "reach": reverse("news:reach", args=[plan.slug]),
    }[page]
    _attendees(event, 1, 5)
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as with_5:
        response = client.get(url)
    assert response.status_code == 200
    _attendees(event, 6, 500)
    cache.clear()
    with CaptureQueriesContext(connection) as with_500:
        response = client.get(url)
    assert response.status_code == 200
    assert len(with_500) == len(with_5)
    if page == "event":
        assert "500 personas asistieron." in response.content.decode()
    else:
        assert response.context["figures"]["people"] == 500
        assert response.context["figures"]["organisations"] == 7
