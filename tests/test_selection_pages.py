"""The pages of the methodology, eligibility and scoring, through HTTP: the secretariat drafts,
adopts and publishes; checks eligibility; a member scores and declares a conflict; the ranking
shows once scoring closes; the public methodology page."""

import csv
import io

import pytest
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.plans.models import Step
from cocrea.selection import actions, queries
from cocrea.selection.models import Ballot, EligibilityCheck, Methodology

from .factories_participation import TableFactory
from .factories_selection import (
    candidate_of,
    eligible,
    meeting,
    published,
    scores,
    scoring_step,
    submitted,
)


def _url(name, plan, *args):
    return reverse(f"selection:{name}", args=[plan.slug, *args])


def _management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "30",
    }


def test_the_secretariat_drafts_adopts_and_publishes_through_the_pages(client, plan, people):
    client.force_login(people["secretary"])
    assert client.get(_url("methodologies", plan)).status_code == 200
    response = client.post(_url("methodology_new", plan))
    assert response.status_code == 302
    edit = _url("methodology_edit", plan, 1)
    form = {
        "introduction_es": "Cómo elegimos.",
        **_management("requirements", 1),
        "requirements-0-text_es": "Viable",
        **_management("criteria", 1),
        "criteria-0-name_es": "Ambición",
        "criteria-0-weight": "2",
        "criteria-0-scale_min": "1",
        "criteria-0-scale_max": "5",
    }
    # "add a criterion" comes back with one more row, nothing saved, nothing lost
    response = client.post(edit, {**form, "add_criteria": "1"})
    assert response.status_code == 200
    assert response.context["criteria"].total_form_count() == 2
    assert 'value="Ambición"' in response.content.decode()
    assert not Methodology.objects.get().criteria.exists()
    # a scale that does not rise is refused with its reason, the rows kept
    response = client.post(edit, {**form, "criteria-0-scale_max": "1"})
    assert response.status_code == 400
    assert "Criterio 1: la escala va de una puntuación mínima" in response.content.decode()
    assert client.post(edit, form).status_code == 302
    methodology = Methodology.objects.get()
    assert [(c.name, c.weight) for c in methodology.criteria.all()] == [("Ambición", 2)]
    event = meeting(plan)
    response = client.post(_url("methodology_adopt", plan, 1), {"event": event.pk})
    assert response.status_code == 302
    page = client.get(_url("methodologies", plan)).content.decode()
    assert 'id="publish-form"' in page and "data-confirm" in page
    assert client.post(_url("methodology_publish", plan, 1)).status_code == 302
    methodology.refresh_from_db()
    assert methodology.status == "published"


def test_only_the_secretariat_opens_the_methodology_editor(client, plan, people):
    for persona in ("commissioner", "citizen"):
        client.force_login(people[persona])
        assert client.get(_url("methodologies", plan)).status_code == 403


@pytest.fixture
def scoring(plan, people):
    """A published methodology, scoring open, two submitted proposals of table 1."""
    methodology = published(plan)
    step = scoring_step(plan)
    table = TableFactory(plan=plan, number=1)
    first = candidate_of(submitted(table, "commitment_1", "Datos abiertos"))
    second = candidate_of(submitted(table, "commitment_2", "Compras abiertas"))
    return {"methodology": methodology, "step": step, "first": first, "second": second}


def test_the_secretariat_checks_eligibility_on_the_page(client, plan, people, scoring):
    client.force_login(people["secretary"])
    methodology, first = scoring["methodology"], scoring["first"]
    listing = client.get(_url("eligibility", plan) + "?state=unchecked")
    assert [c.pk for c, _check in listing.context["rows"]] == [first.pk, scoring["second"].pk]
    viable, relevant = methodology.requirements.all()
    url = _url("check", plan, first.pk)
    response = client.post(url, {f"req_{viable.pk}": "fail", f"req_{relevant.pk}": "pass"})
    assert response.status_code == 400
    assert "no se cumple: indique el motivo, en español" in response.content.decode()
    response = client.post(
        url,
        {
            f"req_{viable.pk}": "fail",
            f"reason_{viable.pk}_es": "La institución la halló no viable.",
            f"req_{relevant.pk}": "pass",
        },
    )
    assert response.status_code == 302
    assert EligibilityCheck.objects.get().passed is False
    listing = client.get(_url("eligibility", plan) + "?state=ineligible")
    assert [c.pk for c, _check in listing.context["rows"]] == [first.pk]
    # the commission's overturn at a meeting
    response = client.post(
        _url("overturn", plan, first.pk),
        {"event": meeting(plan).pk, "reason_es": "Es viable con cambios."},
    )
    assert response.status_code == 302
    assert EligibilityCheck.objects.get().is_eligible


def test_a_member_scores_on_the_page_and_bad_scores_come_back_with_the_reason(
    client, plan, people, scoring
):
    methodology, first = scoring["methodology"], scoring["first"]
    eligible(first, methodology)
    client.force_login(people["commissioner"])
    queue = client.get(_url("queue", plan))
    assert [(c.pk, state) for c, state in queue.context["rows"]] == [(first.pk, "due")]
    solves, demand = methodology.criteria.all()
    url = _url("ballot", plan, first.pk)
    page = client.get(url).content.decode()
    assert "Resuelve un problema público" in page and 'max="5"' in page
    response = client.post(url, {f"score_{solves.pk}": "9", "comment": "Muy buena"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "«Resuelve un problema público» se puntúa de 1 a 5; 9 queda fuera." in body
    assert "Puntúe «Demanda ciudadana»." in body
    assert "Muy buena" in body  # nothing lost
    response = client.post(url, {f"score_{solves.pk}": "4", f"score_{demand.pk}": "7"})
    assert response.status_code == 302
    assert client.get(_url("queue", plan)).context["rows"][0][1] == "scored"
    response = client.post(_url("conflict", plan, first.pk), {"conflict": ""})
    assert response.status_code == 400
    response = client.post(_url("conflict", plan, first.pk), {"conflict": "Asesoro a la mesa."})
    assert response.status_code == 302
    assert Ballot.objects.get().abstained


def test_progress_is_counted_and_the_scores_are_sealed_until_scoring_closes(
    client, plan, people, scoring
):
    methodology, first = scoring["methodology"], scoring["first"]
    eligible(first, methodology)
    actions.cast_ballot(first, by=people["commissioner"], scores=scores(methodology, 5, 10))
    client.force_login(people["secretary"])
    response = client.get(_url("progress", plan))
    assert [
        (r.member.username, r.scored, r.abstained, r.due) for r in response.context["page"]
    ] == [("commissioner", 1, 0, 0)]
    assert 'id="sealed"' in response.content.decode()
    ranking = client.get(_url("ranking", plan))
    assert 'id="not-closed"' in ranking.content.decode()
    assert client.get(_url("ranking_csv", plan)).status_code == 404
    client.force_login(people["citizen"])
    assert client.get(_url("ranking", plan)).status_code == 403
    assert client.get(_url("progress", plan)).status_code == 403


def test_the_ranking_shows_its_rule_once_scoring_closed(client, plan, people, scoring):
    methodology, first, second = scoring["methodology"], scoring["first"], scoring["second"]
    for candidate, values in ((first, (3, 5)), (second, (5, 10))):
        eligible(candidate, methodology)
        actions.cast_ballot(
            candidate, by=people["commissioner"], scores=scores(methodology, *values)
        )
    Step.objects.filter(pk=scoring["step"].pk).update(status=Step.Status.CLOSED)
    client.force_login(people["commissioner"])
    response = client.get(_url("ranking", plan))
    body = response.content.decode()
    assert 'id="ranking-rule"' in body and "Empates:" in body
    assert [(r.candidate.pk, r.mean, r.rank) for r in response.context["page"]] == [
        (second.pk, queries.rounded(100), 1),
        (first.pk, queries.rounded(50), 2),
    ]


def test_the_ranking_export_neutralises_formulas(client, plan, people, scoring):
    methodology, first = scoring["methodology"], scoring["first"]
    first.proposal.title_es = "=HYPERLINK(1)"
    first.proposal.save(update_fields=["title_es"])
    eligible(first, methodology)
    actions.cast_ballot(first, by=people["commissioner"], scores=scores(methodology, 3, 5))
    Step.objects.filter(pk=scoring["step"].pk).update(status=Step.Status.CLOSED)
    client.force_login(people["secretary"])
    response = client.get(_url("ranking_csv", plan))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Posición", "Posición en su eje", "Propuesta"]
    assert rows[1][:3] == ["1", "1", "'=HYPERLINK(1)"]
    assert rows[1][6:] == ["50.00", "3.00", "5.00", "1", "0"]


def test_the_public_page_shows_only_published_versions_with_their_reasons(
    client, plan, django_assert_max_num_queries
):
    assert client.get(_url("methodology", plan)).status_code == 200
    actions.create_methodology(plan, by=SYSTEM)  # a draft is never public
    response = client.get(_url("methodology", plan))
    assert response.context["current"] is None
    Methodology.objects.all().delete()
    published(plan)
    counts = []
    for number in range(2, 7):
        published(plan, reason=f"Cambio {number}.")
        with django_assert_max_num_queries(40) as captured:
            body = client.get(_url("methodology", plan)).content.decode()
        counts.append(len(captured))
    assert "Cambio 6." in body and "Cambio 2." in body and "Versión 6" in body
    assert "Resuelve un problema público" in body
    assert counts[0] == counts[-1]


def test_the_dashboard_links_the_pages_each_person_may_open(client, plan, people):
    client.force_login(people["secretary"])
    links = client.get(reverse("workspace:plan", args=[plan.slug])).context["scoring_links"]
    assert [name for name, _label in links] == [
        "selection:methodologies",
        "selection:eligibility",
        "selection:progress",
        "selection:ranking",
    ]
    client.force_login(people["commissioner"])
    links = client.get(reverse("workspace:plan", args=[plan.slug])).context["scoring_links"]
    assert [name for name, _label in links] == ["selection:queue", "selection:ranking"]


def test_the_inbox_asks_members_to_score_and_the_secretariat_to_check(plan, people, scoring):
    from cocrea.workspace.tasks import tasks_for

    def titles(persona):
        return [
            t.title
            for t in tasks_for(people[persona], plan)
            if t.kind in ("scoring", "eligibility")
        ]

    assert titles("secretary") == ["Verificar la elegibilidad de 2 propuestas"]
    assert titles("commissioner") == []
    eligible(scoring["first"], scoring["methodology"])
    assert titles("secretary") == ["Verificar la elegibilidad de 1 propuesta"]
    assert titles("commissioner") == ["1 propuesta por puntuar"]


def _grow(plan, methodology, table, first, last):
    for n in range(first, last + 1):
        candidate = candidate_of(submitted(table, f"commitment_{n}", f"Propuesta {n}"))
        eligible(candidate, methodology)


@pytest.mark.parametrize("persona, name", [("secretary", "eligibility"), ("commissioner", "queue")])
def test_the_lists_cost_the_same_with_5_and_60_candidates_and_show_one_page(
    client, plan, people, persona, name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    methodology = published(plan)
    scoring_step(plan)
    table = TableFactory(plan=plan, number=1)
    client.force_login(people[persona])
    url = _url(name, plan)
    _grow(plan, methodology, table, 1, 5)
    client.get(url)
    with CaptureQueriesContext(connection) as with_5:
        response = client.get(url)
    assert len(response.context["rows"]) == 5
    _grow(plan, methodology, table, 6, 60)
    client.get(url)  # the plan's row is read again once its revision moved (then cached)
    with CaptureQueriesContext(connection) as with_60:
        response = client.get(url)
    assert len(with_60) == len(with_5)
    assert len(response.context["rows"]) == 50
    assert 'href="?page=2' in response.content.decode()
    assert len(client.get(url + "?page=2").context["rows"]) == 10


def test_the_sitemap_lists_the_published_methodology(client, plan):
    from .sitemaps import whole_sitemap

    page = "/plans/panama-test/selection/methodology/"
    assert page not in whole_sitemap(client)
    published(plan)
    client.logout()
    from django.core.cache import cache

    cache.clear()
    assert page in whole_sitemap(client)
