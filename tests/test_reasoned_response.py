"""The reasoned response (OGP minimum requirement 4.1): one public page per plan with every
submitted proposal, its viability review, its public comments and the commission's outcome with
its reasons, once the selection is published; its CSV; the proposal's own page."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.core import revisions
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.proposals.models import Proposal, PublicComment, ViabilityReview
from cocrea.selection import actions
from cocrea.selection.models import Outcome

from .factories import OrganisationFactory
from .factories_outcomes import (
    check,
    counterproposal,
    meeting,
    published_methodology,
    selection_step,
    submitted,
)
from .factories_participation import TableFactory
from .sitemaps import whole_sitemap


@pytest.fixture
def ministry(db):
    return OrganisationFactory(
        name_es="Ministerio de Salud", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )


@pytest.fixture
def world(plan, people, ministry):
    """Two tables on two axes: table 1 submitted three proposals (the first viable with
    changes, with two visible comments, one answered, and a hidden one; the second not viable
    with a counterproposal), table 2 one, and left a draft. All eligible; the meeting held."""
    selection_step(plan)
    methodology = published_methodology(plan)
    first_table, second_table = TableFactory(plan=plan, number=1), TableFactory(plan=plan, number=2)
    proposals = [
        *submitted(first_table, ["commitment_1", "commitment_2", "alternate_1"]),
        *submitted(second_table, ["commitment_1"], title="Segunda"),
    ]
    Proposal.objects.create(
        plan=plan,
        working_table=second_table,
        axis=second_table.axes.get(),
        slot="alternate_1",
        title_es="Borrador nunca enviado",
    )
    for proposal in proposals:
        check(proposal, methodology)
    ViabilityReview.objects.create(
        proposal=proposals[0],
        institution=ministry,
        due_on=timezone.localdate(),
        outcome=ViabilityReview.Outcome.VIABLE_WITH_CHANGES,
        changes_es="Acotar el alcance a tres hospitales.",
    )
    counterproposal(proposals[1], ministry)
    now = timezone.now()
    PublicComment.objects.create(
        proposal=proposals[0],
        author_name="Ana",
        body="¿Cuándo?",
        answer="En 2018.",
        answered_at=now,
    )
    PublicComment.objects.create(proposal=proposals[0], author_name="Luis", body="Bien.")
    PublicComment.objects.create(
        proposal=proposals[0], author_name="X", body="Spam", hidden_at=now, hidden_reason="Spam"
    )
    return {"plan": plan, "proposals": proposals, "event": meeting(plan), "people": people}


def decide_all(world):
    """Selected, selected as its counterproposal... every proposal its outcome; then published."""
    first, second, alternate, other = world["proposals"]
    secretary, event = world["people"]["secretary"], world["event"]
    check(
        second, second.candidates.get().eligibility_checks.get().methodology, counterproposal=True
    )
    actions.record_outcome(
        first, event=event, by=secretary, result="selected", reason_es="Impacto."
    )
    actions.record_outcome(
        second, event=event, by=secretary, result="selected", as_counterproposal=True
    )
    actions.record_outcome(
        alternate, event=event, by=secretary, result="not_selected", reason_es="Quedó suplente."
    )
    actions.record_outcome(
        other,
        event=event,
        by=secretary,
        result="merged",
        reason_es="Se une a la primera.",
        merged_into=first,
    )
    actions.publish_selection(world["plan"], by=secretary)


def _url(plan, **query):
    url = reverse("public:reasoned_response", args=[plan.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_before_publication_every_proposal_is_listed_without_its_outcome(client, world):
    plan, proposals = world["plan"], world["proposals"]
    actions.record_outcome(
        proposals[0], event=world["event"], by=SYSTEM, result="selected", reason_es="Secreto."
    )
    response = client.get("/en" + _url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="not-published"' in html
    assert "not published yet" in html
    assert "Secreto." not in html
    assert "result-selected" not in html
    assert [p.pk for p in response.context["page"]] == [p.pk for p in proposals]
    # The outcome filter means nothing before publication.
    filtered = client.get(_url(plan, outcome="selected"))
    assert [p.pk for p in filtered.context["page"]] == [p.pk for p in proposals]


def test_the_rows_are_every_submitted_proposal_with_its_review_comments_and_outcome(client, world):
    """The coverage test: one row per submitted proposal of the plan, none other."""
    decide_all(world)
    plan = world["plan"]
    first, second, alternate, other = world["proposals"]
    response = client.get("/en" + _url(plan))
    rows = list(response.context["page"])
    every = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    assert sorted(p.pk for p in rows) == sorted(every.values_list("pk", flat=True))
    assert [p.pk for p in rows] == [first.pk, second.pk, alternate.pk, other.pk]
    assert [(p.comment_count, p.answered_count) for p in rows] == [(2, 1), (0, 0), (0, 0), (0, 0)]
    assert [p.outcome.result for p in rows] == ["selected", "selected", "not_selected", "merged"]
    html = response.content.decode()
    assert "Borrador nunca enviado" not in html
    assert "1 draft was never submitted." in html
    for text in [
        "Acotar el alcance a tres hospitales.",
        "Contrapropuesta del ministerio",
        "Quedó suplente.",
        "Se une a la primera.",
        "as its counterproposal",
        "2 public comments",
        "1 answered",
        'id="publication"',
        f'href="/en/plans/{plan.slug}/proposals/{first.pk}/#comments"',
    ]:
        assert text in html, text


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"outcome": "selected"}, [0, 1]),
        ({"outcome": "merged"}, [3]),
        ({"outcome": "pending"}, []),
        ({"axis": 2}, [3]),
        ({"axis": 1, "outcome": "not_selected"}, [2]),
        ({"outcome": "nonsense"}, [0, 1, 2, 3]),
    ],
)
def test_the_filters_by_axis_and_outcome(client, world, query, expected):
    decide_all(world)
    response = client.get(_url(world["plan"], **query))
    assert [p.pk for p in response.context["page"]] == [world["proposals"][i].pk for i in expected]


def test_the_csv_has_a_row_per_proposal_and_no_personal_data(client, world):
    decide_all(world)
    plan = world["plan"]
    first = world["proposals"][0]
    first.title_es = "=Datos abiertos"
    first.save()
    response = client.get("/en" + reverse("public:reasoned_response_csv", args=[plan.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    header, *body = list(csv.reader(io.StringIO(text)))
    assert header == [
        "Thematic axis",
        "Working table",
        "Slot",
        "Proposal",
        "Viability review",
        "Reviewing institution",
        "Changes required",
        "Reasons it is not viable",
        "Counterproposal",
        "Public comments",
        "Answered",
        "Outcome",
        "Reasons",
        "Merged into",
        "Meeting",
        "Link",
    ]
    # The coverage test of the download: one row per submitted proposal, in the page's order.
    every = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED)
    assert len(body) == every.count() == 4
    assert [row[15].rsplit("/", 2)[-2] for row in body] == [str(p.pk) for p in world["proposals"]]
    assert [row[3:5] + row[8:15] for row in body] == [
        [
            "'=Datos abiertos",
            "Viable with changes",
            "",
            "2",
            "1",
            "Selected",
            "Impacto.",
            "",
            "2017-11-20",
        ],
        [
            "Propuesta commitment_2",
            "Not viable",
            "Contrapropuesta del ministerio",
            "0",
            "0",
            "Selected, as its counterproposal",
            "",
            "",
            "2017-11-20",
        ],
        [
            "Propuesta alternate_1",
            "No lead institution yet",
            "",
            "0",
            "0",
            "Not selected",
            "Quedó suplente.",
            "",
            "2017-11-20",
        ],
        [
            "Segunda commitment_1",
            "No lead institution yet",
            "",
            "0",
            "0",
            "Merged into another proposal",
            "Se une a la primera.",
            "'=Datos abiertos",
            "2017-11-20",
        ],
    ]
    # No personal data: no address, no commenter's or answerer's name.
    for person in world["people"].values():
        assert not getattr(person, "email", "") or person.email not in text
    assert "Ana" not in text and "Luis" not in text


def test_before_publication_the_csv_has_no_outcome(client, world):
    plan = world["plan"]
    actions.record_outcome(
        world["proposals"][0], event=world["event"], by=SYSTEM, result="selected", reason_es="X."
    )
    response = client.get(reverse("public:reasoned_response_csv", args=[plan.slug]))
    body = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    assert [row[11:15] for row in body] == [["", "", "", ""]] * 4


def test_the_proposals_page_shows_its_outcome_once_published(client, world):
    first = world["proposals"][0]
    url = "/en" + first.get_absolute_url()
    assert 'id="selection-outcome"' not in client.get(url).content.decode()
    decide_all(world)
    html = client.get(url).content.decode()
    assert 'id="selection-outcome"' in html
    assert "Impacto." in html


def test_the_plans_page_links_the_reasoned_response(client, world):
    html = client.get(reverse("public:plan", args=[world["plan"].slug])).content.decode()
    assert f'href="{_url(world["plan"])}"' in html


def test_the_reasoned_response_is_in_the_sitemap(client, world):
    assert f"/plans/{world['plan'].slug}/reasoned-response/" in whole_sitemap(client)


def test_publishing_refreshes_the_cached_page(client, world):
    plan = world["plan"]
    assert 'id="not-published"' in client.get(_url(plan)).content.decode()
    decide_all(world)
    assert 'id="not-published"' not in client.get(_url(plan)).content.decode()


def _grow(plan, table, count):
    event = plan.events.get()
    methodology = plan.methodologies.get()
    found = submitted(table, [f"commitment_{n}" for n in range(1, count + 1)], title="Masa")
    for number, proposal in enumerate(found):
        check(proposal, methodology)
        PublicComment.objects.create(proposal=proposal, author_name="A", body="B")
        Outcome.objects.create(
            plan=plan,
            proposal=proposal,
            result="selected" if number % 2 else "not_selected",
            reason_es="Razón.",
            decided_at=event,
        )
    return found


def test_the_page_costs_the_same_with_5_and_50_proposals(client, world):
    plan = world["plan"]
    decide_all(world)
    table = TableFactory(plan=plan, number=3)
    _grow(plan, table, 5)
    url = _url(plan, axis=3)
    cache.clear()
    revisions.forget()
    with CaptureQueriesContext(connection) as five:
        response = client.get(url)
    assert len(response.context["page"]) == 5
    table.proposals.all().delete()
    _grow(plan, table, 50)
    cache.clear()
    revisions.forget()
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(url)
    assert len(response.context["page"]) == 50
    assert len(fifty) == len(five)
