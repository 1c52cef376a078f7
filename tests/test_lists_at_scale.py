"""Every list is paginated: with 5 and with 500 rows (bulk-created) a page costs the same number
of queries, shows at most one page of rows, keeps its filters in the page links and survives
malformed page numbers. The table's member picker searches a bounded set instead of listing
every registration."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.core import revisions
from cocrea.core.models import ActionLog
from cocrea.documents.models import DocType, Document
from cocrea.events.models import Decision, Event
from cocrea.events.models import Registration as EventRegistration
from cocrea.news.models import NewsItem
from cocrea.participation.models import Invitation, Registration, Sector
from cocrea.proposals.models import Proposal
from cocrea.tables.models import TableMember

from .factories_events import EventFactory, in_days
from .factories_participation import TableFactory

PAGE = 50


def _cold():
    """Nothing cached: no page, and no revisions kept in the process (a page then costs the same
    queries whatever was written before it)."""
    cache.clear()
    revisions.forget()


PAGE_SIZES = {"news": 20}  # rows per page where it is not PAGE
PAGE_PARAMS = {"comments": "comments"}  # the page parameter where it is not "page"


def _registrations(plan, first, last):
    Registration.objects.bulk_create(
        Registration(
            plan=plan,
            full_name=f"Persona {n:04d}",
            email=f"p{n}@example.org",
            organisation_name=f"Org {n}",
            sector=Sector.CIVIL_SOCIETY,
            status=Registration.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for n in range(first, last + 1)
    )


def _invitations(plan, first, last):
    now = timezone.now()
    Invitation.objects.bulk_create(
        Invitation(
            plan=plan,
            full_name=f"Invitada {n}",
            email=f"i{n}@example.org",
            side=Invitation.Side.CIVIL_SOCIETY,
            purpose=Invitation.Purpose.TAKE_PART,
            expires_at=now + datetime.timedelta(days=7),
            sent_at=now,
        )
        for n in range(first, last + 1)
    )


def _events(plan, first, last):
    Event.objects.bulk_create(
        Event(
            plan=plan,
            kind=Event.Kind.OUTREACH,
            title_es=f"Evento {n}",
            title=f"Evento {n}",
            starts_at=in_days(n % 60 - 30),
            published=True,
        )
        for n in range(first, last + 1)
    )


def _decisions(plan, first, last):
    meeting = Event.objects.filter(plan=plan, kind=Event.Kind.COMMISSION_MEETING).first()
    if meeting is None:
        meeting = EventFactory(plan=plan, kind=Event.Kind.COMMISSION_MEETING, starts_at=in_days(-9))
    Decision.objects.bulk_create(
        Decision(event=meeting, number=n, text_es=f"Acuerdo {n}", text=f"Acuerdo {n}")
        for n in range(first, last + 1)
    )


def _documents(plan, first, last):
    Document.objects.bulk_create(
        Document(
            plan=plan,
            title_es=f"Guía {n}",
            title=f"Guía {n}",
            doc_type=DocType.TRAINING,
            published_on=datetime.date(2017, 1, 1) + datetime.timedelta(days=n),
            file=f"documents/2017/guia-{n}.pdf",
            original_name=f"guia-{n}.pdf",
            content_type="application/pdf",
            size=1000 + n,
            checksum="0" * 64,
        )
        for n in range(first, last + 1)
    )


def _members(plan, first, last):
    table = plan.tables.first() or TableFactory(plan=plan, number=1)
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"m{n}", full_name=f"Miembro {n:04d}")
        for n in range(first, last + 1)
    )
    TableMember.objects.bulk_create(
        TableMember(
            table=table,
            user=user,
            side="civil_society",
            sector="civil_society",
            source="registration",
        )  # fmt: skip
        for user in users
    )
    _registrations(plan, first, last)


def _news(plan, first, last):
    NewsItem.objects.bulk_create(
        NewsItem(
            plan=plan,
            title_es=f"Noticia {n}",
            title=f"Noticia {n}",
            body_es="Texto",
            body="Texto",
            published_on=datetime.date(2017, 1, 1) + datetime.timedelta(days=n),
        )
        for n in range(first, last + 1)
    )


def _activity(plan, first, last):
    ActionLog.objects.bulk_create(
        ActionLog(plan=plan, verb="plans.open_step", actor_name="ANTAI", target_repr=f"Paso {n}")
        for n in range(first, last + 1)
    )


def _submitted_proposal(plan):
    from cocrea.plans.models import Step
    from cocrea.proposals.actions import submit_set
    from cocrea.proposals.models import Proposal

    from .factories import StepFactory
    from .test_proposals import fill_set, seat

    found = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED).first()
    if found is None:
        StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
        table = TableFactory(plan=plan, number=1)
        leader = get_user_model().objects.get(username="leader")
        seat(table, leader, leader=True)
        fill_set(table)
        found = submit_set(table, table.axes.get(), by=leader)[0]
    return found


def _comments(plan, first, last):
    from cocrea.proposals.models import PublicComment

    proposal = _submitted_proposal(plan)
    PublicComment.objects.bulk_create(
        PublicComment(proposal=proposal, author_name=f"Persona {n}", body=f"Comentario {n}")
        for n in range(first, last + 1)
    )


def _event(plan):
    return Event.objects.filter(plan=plan, title_es="Taller con inscripciones").first() or (
        EventFactory(plan=plan, title_es="Taller con inscripciones", starts_at=in_days(-2))
    )


def _event_registrations(plan, first, last):
    event = _event(plan)
    EventRegistration.objects.bulk_create(
        EventRegistration(
            event=event,
            name=f"Asistente {n:04d}",
            email=f"a{n}@example.org",
            confirmed_at=timezone.now(),
        )
        for n in range(first, last + 1)
    )


def _proposals(plan, first, last):
    """Submitted proposals of table 1 (axis 1), one slot each."""
    table = plan.tables.filter(number=1).first() or TableFactory(plan=plan, number=1)
    axis = table.axes.get()
    Proposal.objects.bulk_create(
        Proposal(
            plan=plan,
            working_table=table,
            axis=axis,
            slot=f"commitment_{n}",
            status=Proposal.Status.SUBMITTED,
            title_es=f"Propuesta {n:04d}",
        )
        for n in range(first, last + 1)
    )


# name: (who looks, how rows grow, the URL with a filter, the filter the page links keep)
PAGES = {
    "registrations": (
        "secretary",
        _registrations,
        lambda plan: reverse("participation:registrations", args=[plan.slug]),
        "sector=civil_society",
    ),
    "invitations": (
        "secretary",
        _invitations,
        lambda plan: reverse("participation:invitations", args=[plan.slug]),
        "",
    ),
    "events": (
        "anonymous",
        _events,
        lambda plan: reverse("events:list", args=[plan.slug]),
        "kind=outreach",
    ),
    "manage_events": (
        "secretary",
        _events,
        lambda plan: reverse("events:manage_list", args=[plan.slug]),
        "",
    ),
    "commission": (
        "anonymous",
        _decisions,
        lambda plan: reverse("public:commission", args=[plan.slug]),
        "",
    ),
    "documents": (
        "anonymous",
        _documents,
        lambda plan: reverse("documents:repository", args=[plan.slug]),
        "type=training",
    ),
    "news": ("anonymous", _news, lambda plan: reverse("news:list", args=[plan.slug]), ""),
    "activity": (
        "anonymous",
        _activity,
        lambda plan: reverse("public:activity", args=[plan.slug]),
        "",
    ),
    "comments": (
        "anonymous",
        _comments,
        lambda plan: reverse("proposals:detail", args=[plan.slug, _submitted_proposal(plan).pk]),
        "",
    ),
    "event_registrations": (
        "secretary",
        _event_registrations,
        lambda plan: reverse("events:manage_event", args=[plan.slug, _event(plan).pk]),
        "",
    ),
    "reasoned_response": (
        "anonymous",
        _proposals,
        lambda plan: reverse("public:reasoned_response", args=[plan.slug]),
        "axis=1",
    ),
    "selection": (
        "secretary",
        _proposals,
        lambda plan: reverse("selection:decision", args=[plan.slug]),
        "axis=1",
    ),
    "table": (
        "secretary",
        _members,
        lambda plan: reverse("tables:workspace", args=[plan.slug, 1]),
        "q=persona",
    ),
}


def _rows(response, name) -> int:
    context = response.context
    if name == "commission":
        return len(context["decisions"].object_list)
    if name == "table":
        return len(context["members"].object_list)
    if name == "comments":
        return len(context["comments"].object_list)
    return len(context["page"].object_list)


@pytest.mark.parametrize("name", list(PAGES))
def test_list_costs_the_same_with_5_and_500_rows_and_shows_one_page(name, client, plan, people):
    persona, grow, url_of, query = PAGES[name]
    if persona != "anonymous":
        client.force_login(people[persona])
    grow(plan, 1, 5)
    url = url_of(plan) + (f"?{query}" if query else "")
    client.get(url)
    _cold()
    with CaptureQueriesContext(connection) as with_5:
        response = client.get(url)
    assert response.status_code == 200
    assert _rows(response, name) == 5
    grow(plan, 6, 500)
    _cold()
    with CaptureQueriesContext(connection) as with_500:
        response = client.get(url)
    assert response.status_code == 200
    assert len(with_500) == len(with_5)
    assert _rows(response, name) == PAGE_SIZES.get(name, PAGE)
    html = response.content.decode()
    param = PAGE_PARAMS.get(name, "page")
    expected = f"?{query}&amp;{param}=2" if query else f"?{param}=2"
    assert f'href="{expected}' in html
    second = client.get(url + ("&" if query else "?") + f"{param}=2")
    assert second.status_code == 200
    assert _rows(second, name) == PAGE_SIZES.get(name, PAGE)


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", ""])
def test_malformed_page_numbers_show_a_page(name, page, client, plan, people):
    persona, grow, url_of, _query = PAGES[name]
    if persona != "anonymous":
        client.force_login(people[persona])
    grow(plan, 1, 60)
    response = client.get(url_of(plan) + f"?{PAGE_PARAMS.get(name, 'page')}={page}")
    assert response.status_code == 200
    size = PAGE_SIZES.get(name, PAGE)
    assert _rows(response, name) in (size, 60 % size)  # the first page, or the last one


@pytest.fixture
def table(plan):
    table = TableFactory(plan=plan, number=1)
    _registrations(plan, 1, 500)
    return table


def test_member_picker_lists_no_registration_before_a_search(client, plan, table, secretary):
    client.force_login(secretary)
    html = client.get(reverse("tables:workspace", args=[plan.slug, 1])).content.decode()
    assert html.count('name="registration"') == 0
    assert "<option" not in html


def test_member_picker_shows_at_most_20_matches(client, plan, table, secretary):
    client.force_login(secretary)
    url = reverse("tables:workspace", args=[plan.slug, 1])
    html = client.get(url + "?q=persona").content.decode()
    assert html.count('name="registration"') == 20
    assert "Persona 0001" in html and "Persona 0021" not in html
    found = client.get(url + "?q=0420").content.decode()
    assert found.count('name="registration"') == 1
    assert "Persona 0420 (Org 420)" in found
    assert client.get(url + "?q=nadie").content.decode().count('name="registration"') == 0


def test_member_picker_answers_htmx_with_the_results(client, plan, table, secretary):
    client.force_login(secretary)
    url = reverse("tables:workspace", args=[plan.slug, 1])
    response = client.get(url + "?q=Org%20137", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div id="registrants">' in html
    assert html.count('name="registration"') == 1


def test_member_picked_from_a_search_joins_the_table(client, plan, table, secretary):
    client.force_login(secretary)
    url = reverse("tables:workspace", args=[plan.slug, 1])
    picked = Registration.objects.get(full_name="Persona 0137")
    response = client.post(url + "?q=0137", {"registration": picked.pk})
    assert response.status_code == 302
    assert list(table.members.values_list("user__email", flat=True)) == ["p137@example.org"]
    missing = client.post(url + "?q=0137", {})
    assert missing.status_code == 200
    assert table.members.count() == 1


def test_documents_page_costs_the_same_with_5_and_17_steps(client, plan):
    from .factories import StepFactory

    for n in range(1, 6):
        StepFactory(plan=plan, number=n, key=f"s{n}")
    _documents(plan, 1, 5)
    url = reverse("documents:repository", args=[plan.slug])
    client.get(url)
    _cold()
    with CaptureQueriesContext(connection) as with_5:
        client.get(url)
    for n in range(6, 18):
        StepFactory(plan=plan, number=n, key=f"s{n}")
    _cold()
    with CaptureQueriesContext(connection) as with_17:
        response = client.get(url)
    assert len(with_17) == len(with_5)
    assert response.content.decode().count('<option value="s') == 17


def test_documents_page_reads_only_the_rows_of_its_page(client, plan):
    """The repository is paged in the database: with 500 documents no query reads them all."""
    _documents(plan, 1, 500)
    url = reverse("documents:repository", args=[plan.slug])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + "?page=3")
    assert response.context["count"] == 500
    titles = [entry.title for entry in response.context["page"]]
    assert titles[0] == "Guía 400" and titles[-1] == "Guía 351"
    reads = [q["sql"] for q in captured.captured_queries if "documents_document" in q["sql"]]
    assert len(reads) == 2  # the count, and one page
    assert "COUNT(" in reads[0].upper()
    assert re.search(r"LIMIT 50 OFFSET 100", reads[1])


def test_attendance_saved_on_one_page_keeps_what_the_other_pages_recorded(client, plan, people):
    client.force_login(people["secretary"])
    _event_registrations(plan, 1, 60)
    event = _event(plan)
    url = reverse("events:manage_event", args=[plan.slug, event.pk])
    attend = reverse("events:manage_attendance", args=[plan.slug, event.pk])

    def save(page: int, present: list[str]):
        html = client.get(f"{url}?page={page}").content.decode()
        shown = re.findall(r'name="shown" value="(\d+)"', html)
        ids = dict(event.registrations.values_list("name", "pk"))
        response = client.post(
            f"{attend}?page={page}",
            {"shown": shown, "present": [ids[name] for name in present]},
        )
        return len(shown), response["Location"]

    assert save(1, ["Asistente 0001", "Asistente 0050"]) == (50, url)
    assert save(2, ["Asistente 0051"]) == (10, f"{url}?page=2")
    attended = event.registrations.filter(attended=True).order_by("name")
    assert list(attended.values_list("name", flat=True)) == [
        "Asistente 0001",
        "Asistente 0050",
        "Asistente 0051",
    ]
