"""The selection methodology (versions, adoption at a meeting, publication), the eligibility
checks and their overturn, the commission's ballots and the ranking, worked out by hand."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.events.models import Event
from cocrea.plans.models import Step
from cocrea.selection import actions, queries
from cocrea.selection.models import (
    Ballot,
    Criterion,
    EligibilityCheck,
    Requirement,
)

from .factories_participation import TableFactory
from .factories_selection import (
    all_pass,
    candidate_of,
    criterion_rows,
    eligible,
    meeting,
    member,
    published,
    requirement_rows,
    scores,
    scoring_step,
    submitted,
)

SCALE = "la escala va de una puntuación mínima a una máxima mayor, en números enteros de 0 a 100."

# --- the methodology's versions -----------------------------------------------------------------


def test_a_draft_is_adopted_at_a_meeting_then_published(plan, people):
    secretary = people["secretary"]
    draft = actions.create_methodology(plan, by=secretary, introduction_es="Intro")
    assert (draft.number, draft.status) == (1, "draft")
    actions.update_methodology(
        draft,
        by=secretary,
        introduction_es="Intro",
        requirements=requirement_rows(),
        criteria=criterion_rows(),
    )
    assert [
        (c.name_es, c.weight, c.scale_min, c.scale_max, c.order) for c in draft.criteria.all()
    ] == [
        ("Resuelve un problema público", 3, 1, 5, 1),
        ("Demanda ciudadana", 1, 0, 10, 2),
    ]
    event = meeting(plan)
    actions.adopt_methodology(draft, event=event, by=secretary)
    draft.refresh_from_db()
    assert (draft.status, draft.adopted_at_id) == ("adopted", event.pk)
    actions.publish_methodology(draft, by=secretary)
    assert queries.published_methodology(plan).pk == draft.pk
    verbs = list(
        ActionLog.objects.filter(plan=plan, verb__startswith="selection.")
        .values_list("verb", flat=True)
        .order_by("pk")
    )
    assert verbs == [
        "selection.create_methodology",
        "selection.change_methodology",
        "selection.adopt_methodology",
        "selection.publish_methodology",
    ]


def test_only_the_secretariat_drafts_the_methodology(plan, people):
    with pytest.raises(PermissionDenied):
        actions.create_methodology(plan, by=people["commissioner"])


def test_bad_criteria_are_refused_with_every_reason_and_nothing_saved(plan, people):
    draft = actions.create_methodology(plan, by=people["secretary"])
    with pytest.raises(ValidationError) as refused:
        actions.update_methodology(
            draft,
            by=people["secretary"],
            requirements=[{"text_en": "Only in English"}],
            criteria=[
                {"name_es": "Ambición", "weight": 0, "scale_min": 1, "scale_max": 5},
                {"name_es": "Factibilidad", "weight": 2, "scale_min": 5, "scale_max": 5},
                {"name_es": "Alcance", "weight": 2, "scale_min": -1, "scale_max": 101},
            ],
        )
    assert refused.value.messages == [
        "Requisito 1: escríbalo en español.",
        "Criterio 1: el peso debe ser un número entero de 1 a 100.",
        "Criterio 2: " + SCALE,
        "Criterio 3: " + SCALE,
    ]
    assert not Criterion.objects.exists() and not Requirement.objects.exists()
    with pytest.raises(ValidationError) as refused:
        actions.update_methodology(draft, by=people["secretary"], requirements=[], criteria=[])
    assert refused.value.messages == ["La metodología necesita al menos un criterio."]


def test_adoption_needs_a_held_commission_meeting_with_minutes(plan, people):
    draft = actions.create_methodology(plan, by=people["secretary"])
    actions.update_methodology(draft, by=SYSTEM, requirements=[], criteria=criterion_rows())
    for event in (meeting(plan, minutes=""), meeting(plan, kind=Event.Kind.OUTREACH)):
        with pytest.raises(ValidationError, match="no es una sesión de la Comisión"):
            actions.adopt_methodology(draft, event=event, by=people["secretary"])
    with pytest.raises(ValidationError, match="Solo se publica una versión"):
        actions.publish_methodology(draft, by=people["secretary"])


def test_a_new_version_copies_the_last_needs_a_reason_and_supersedes_it(plan, people):
    first = published(plan)
    with pytest.raises(ValidationError, match="necesita el motivo del cambio"):
        actions.create_methodology(plan, by=people["secretary"])
    second = actions.create_methodology(
        plan, by=people["secretary"], reason_es="Más peso a la demanda."
    )
    assert second.number == 2
    assert [c.name_es for c in second.criteria.all()] == [c.name_es for c in first.criteria.all()]
    assert [r.text_es for r in second.requirements.all()] == [
        r.text_es for r in first.requirements.all()
    ]
    with pytest.raises(ValidationError, match="no está publicada"):
        actions.create_methodology(plan, by=people["secretary"], reason_es="Otra")
    actions.adopt_methodology(second, event=meeting(plan), by=SYSTEM)
    actions.publish_methodology(second, by=SYSTEM)
    first.refresh_from_db()
    assert (first.status, queries.published_methodology(plan).number) == ("superseded", 2)
    assert [m.number for m in queries.published_versions(plan)] == [2, 1]


def test_a_published_version_is_not_edited(plan):
    methodology = published(plan)
    with pytest.raises(ValidationError, match="ya no es un borrador"):
        actions.update_methodology(
            methodology, by=SYSTEM, requirements=[], criteria=criterion_rows()
        )


# --- eligibility ------------------------------------------------------------------------------


@pytest.fixture
def table(plan):
    return TableFactory(plan=plan, number=1)


def test_candidates_are_the_submitted_proposals_and_the_counterproposals(plan, table):
    from cocrea.proposals.models import Counterproposal, Proposal, ViabilityReview

    from .factories import OrganisationFactory

    first = submitted(table, "commitment_1")
    second = submitted(table, "commitment_2")
    Proposal.objects.create(
        plan=plan, working_table=table, axis=table.axes.get(), slot="alternate_1"
    )
    review = ViabilityReview.objects.create(
        proposal=second,
        institution=OrganisationFactory(),
        due_on="2017-08-01",
        outcome="not_viable",
    )
    Counterproposal.objects.create(review=review, title_es="Contrapropuesta")
    found = actions.ensure_candidates(plan)
    assert sorted((c.proposal_id, c.is_counterproposal) for c in found) == [
        (first.pk, False),
        (second.pk, False),
        (second.pk, True),
    ]
    assert len(actions.ensure_candidates(plan)) == 3  # made once


def test_a_failed_requirement_needs_its_reason_and_every_requirement_an_answer(plan, table, people):
    methodology = published(plan)
    scoring_step(plan)
    candidate = candidate_of(submitted(table, "commitment_1"))
    viable, relevant = methodology.requirements.all()
    with pytest.raises(ValidationError) as refused:
        actions.check_eligibility(
            candidate, by=people["secretary"], results={viable.pk: (False, "", "Not viable")}
        )
    assert refused.value.messages == [
        "«Viable o viable con cambios» no se cumple: indique el motivo, en español.",
        "Indique si la propuesta cumple «Relevante para al menos un valor de OGP».",
    ]
    check = actions.check_eligibility(
        candidate,
        by=people["secretary"],
        results={
            viable.pk: (False, "La institución la halló no viable.", ""),
            relevant.pk: (True, "", ""),
        },
    )
    assert (check.passed, check.is_eligible) == (False, False)
    assert [(r.passed, r.reason_es) for r in check.results.all()] == [
        (False, "La institución la halló no viable."),
        (True, ""),
    ]
    # re-checking replaces the check
    again = actions.check_eligibility(
        candidate, by=people["secretary"], results=all_pass(methodology)
    )
    assert list(EligibilityCheck.objects.values_list("pk", "passed")) == [(again.pk, True)]


def test_eligibility_is_checked_only_while_scoring_is_open(plan, table, people):
    published(plan)
    scoring_step(plan, status=Step.Status.PENDING)
    candidate = candidate_of(submitted(table, "commitment_1"))
    with pytest.raises(PermissionDenied):
        actions.check_eligibility(candidate, by=people["secretary"], results={})


def test_the_commission_overturns_a_check_at_a_meeting_with_its_reason(plan, table, people):
    methodology = published(plan)
    scoring_step(plan)
    candidate = candidate_of(submitted(table, "commitment_1"))
    viable, relevant = methodology.requirements.all()
    check = actions.check_eligibility(
        candidate,
        by=SYSTEM,
        results={viable.pk: (True, "", ""), relevant.pk: (False, "Sin valor OGP.", "")},
    )
    with pytest.raises(ValidationError, match="Indique el motivo de la Comisión"):
        actions.overturn_eligibility(check, event=meeting(plan), by=people["secretary"])
    actions.overturn_eligibility(
        check,
        event=meeting(plan),
        by=people["secretary"],
        reason_es="Sí promueve la participación.",
    )
    check.refresh_from_db()
    assert (check.passed, check.is_overturned, check.is_eligible) == (False, True, True)
    assert queries.eligible_ids(plan, methodology) == {candidate.pk}
    with pytest.raises(ValidationError, match="ya revirtió"):
        actions.overturn_eligibility(check, event=meeting(plan), by=SYSTEM, reason_es="Otra vez")


# --- ballots ---------------------------------------------------------------------------------


@pytest.fixture
def scored(plan, table, people):
    methodology = published(plan)
    scoring_step(plan)
    candidate = candidate_of(submitted(table, "commitment_1"))
    eligible(candidate, methodology)
    return methodology, candidate


def test_a_member_scores_every_criterion_within_its_scale(scored, people):
    methodology, candidate = scored
    commissioner = people["commissioner"]
    solves, demand = methodology.criteria.all()
    with pytest.raises(ValidationError) as refused:
        actions.cast_ballot(candidate, by=commissioner, scores={solves.pk: 6})
    assert refused.value.messages == [
        "«Resuelve un problema público» se puntúa de 1 a 5; 6 queda fuera.",
        "Puntúe «Demanda ciudadana».",
    ]
    assert not Ballot.objects.exists()
    ballot = actions.cast_ballot(
        candidate, by=commissioner, scores=scores(methodology, 4, 7), comment="Bien"
    )
    assert sorted(ballot.scores.values_list("criterion_id", "value")) == [
        (solves.pk, 4),
        (demand.pk, 7),
    ]
    # casting again replaces; a conflict then removes the scores
    actions.cast_ballot(candidate, by=commissioner, scores=scores(methodology, 5, 10))
    assert sorted(Ballot.objects.get().scores.values_list("value", flat=True)) == [5, 10]
    actions.declare_conflict(candidate, by=commissioner, conflict="Trabajo en la institución.")
    ballot = Ballot.objects.get()
    assert (ballot.abstained, ballot.conflict, ballot.scores.count()) == (
        True,
        "Trabajo en la institución.",
        0,
    )
    assert not ActionLog.objects.filter(
        verb__in=["selection.score_candidate", "selection.declare_conflict"], public=True
    ).exists()


def test_only_members_score_and_only_eligible_candidates(scored, plan, table, people):
    methodology, candidate = scored
    for persona in ("secretary", "superuser", "citizen"):
        with pytest.raises(PermissionDenied):
            actions.cast_ballot(candidate, by=people[persona], scores=scores(methodology, 4, 7))
    unchecked = candidate_of(submitted(table, "commitment_2"))
    with pytest.raises(ValidationError, match="Solo se puntúan las propuestas halladas elegibles"):
        actions.cast_ballot(unchecked, by=people["commissioner"], scores=scores(methodology, 4, 7))
    with pytest.raises(ValidationError, match="Indique cuál es el conflicto"):
        actions.declare_conflict(candidate, by=people["commissioner"], conflict=" ")


def test_eligibility_no_longer_changes_once_scored(scored, people):
    methodology, candidate = scored
    actions.cast_ballot(candidate, by=people["commissioner"], scores=scores(methodology, 4, 7))
    with pytest.raises(ValidationError, match="ya puntuaron"):
        eligible(candidate, methodology)
    assert methodology.is_locked


def test_a_new_version_keeps_old_ballots_on_record_but_they_no_longer_count(scored, plan, people):
    methodology, candidate = scored
    actions.cast_ballot(candidate, by=people["commissioner"], scores=scores(methodology, 5, 10))
    assert [r.mean for r in queries.ranking(plan)] == [Decimal("100.00")]
    second = actions.create_methodology(plan, by=SYSTEM, reason_es="Otra escala.")
    actions.adopt_methodology(second, event=meeting(plan), by=SYSTEM)
    actions.publish_methodology(second, by=SYSTEM)
    assert Ballot.objects.filter(methodology=methodology).count() == 1
    # the requirements did not change: the check carried over; nobody has scored version 2
    [row] = queries.ranking(plan)
    assert (row.mean, row.members, row.rank) == (None, 0, None)
    assert [(p.member.username, p.scored, p.due) for p in queries.progress(plan)] == [
        ("commissioner", 0, 1)
    ]
    assert [r.mean for r in queries.ranking(plan, methodology)] == [Decimal("100.00")]


# --- the ranking, worked out by hand ------------------------------------------------------------
#
# Criteria: A weight 3 on 1..5, B weight 1 on 0..10. A member's score = (3·(a−1)/4 + b/10)/4·100.
#
#  candidate      m1        m2        m3          member scores            mean    A     B
#  X t2 c1        (5,10)    (3,5)     abstains    100, 50                  75.00   4.00  7.50
#  Y t1 c2        (4,0)     (2,10)    (5,0)       56.25, 43.75, 75         58.33   3.67  3.33
#  W t1 a1        (3,5)                           50                       50.00   3.00  5.00
#  V t2 c2        (1,10)    (5,0)                 25, 75                   50.00   3.00  5.00
#  T t1 c1        (1,10)    (3,10)    (3,10)      25, 62.5, 62.5           50.00   2.33  10.00
#
# W, V and T tie on the mean; T has the lower mean on A (the heaviest): last. W and V tie on A
# and B: the proposals' order puts table 1 (W) before table 2 (V).


def test_the_ranking_worked_out_by_hand(plan, people, django_assert_max_num_queries):
    methodology = published(plan)
    scoring_step(plan)
    one, two = TableFactory(plan=plan, number=1), TableFactory(plan=plan, number=2)
    m1, m2, m3 = people["commissioner"], member(plan, "m2"), member(plan, "m3")
    ballots = {
        ("X", two, "commitment_1"): [(m1, 5, 10), (m2, 3, 5), (m3, None, None)],
        ("Y", one, "commitment_2"): [(m1, 4, 0), (m2, 2, 10), (m3, 5, 0)],
        ("W", one, "alternate_1"): [(m1, 3, 5)],
        ("V", two, "commitment_2"): [(m1, 1, 10), (m2, 5, 0)],
        ("T", one, "commitment_1"): [(m1, 1, 10), (m2, 3, 10), (m3, 3, 10)],
    }
    for (title, table, slot), cast in ballots.items():
        candidate = candidate_of(submitted(table, slot, title))
        eligible(candidate, methodology)
        for person, a, b in cast:
            if a is None:
                actions.declare_conflict(candidate, by=person, conflict="Familiar en la mesa.")
            else:
                actions.cast_ballot(candidate, by=person, scores=scores(methodology, a, b))
    with django_assert_max_num_queries(8):
        rows = queries.ranking(plan)
    assert [
        (
            r.candidate.proposal.title_es,
            r.mean,
            [m for _c, m in r.criteria],
            r.members,
            r.abstentions,
            r.rank,
            r.axis_rank,
        )
        for r in rows
    ] == [
        ("X", Decimal("75.00"), [Decimal("4.00"), Decimal("7.50")], 2, 1, 1, 1),
        ("Y", Decimal("58.33"), [Decimal("3.67"), Decimal("3.33")], 3, 0, 2, 1),
        ("W", Decimal("50.00"), [Decimal("3.00"), Decimal("5.00")], 1, 0, 3, 2),
        ("V", Decimal("50.00"), [Decimal("3.00"), Decimal("5.00")], 2, 0, 4, 2),
        ("T", Decimal("50.00"), [Decimal("2.33"), Decimal("10.00")], 3, 0, 5, 3),
    ]
    assert [
        (axis.number, [r.candidate.proposal.title_es for r in group])
        for axis, group in queries.by_axis(rows)
    ] == [(1, ["Y", "W", "T"]), (2, ["X", "V"])]
    progress = {p.member.username: (p.scored, p.abstained, p.due) for p in queries.progress(plan)}
    assert progress == {"commissioner": (5, 0, 0), "m2": (4, 0, 1), "m3": (2, 1, 2)}


def test_ranking_and_progress_cost_the_same_queries_for_5_and_50_candidates(
    plan, people, django_assert_num_queries
):
    methodology = published(plan)
    scoring_step(plan)
    table = TableFactory(plan=plan, number=1)

    made = []

    def add(count):
        for _n in range(count):
            made.append(submitted(table, f"commitment_{len(made) + 1}"))
            candidate = candidate_of(made[-1])
            eligible(candidate, methodology)
            actions.cast_ballot(
                candidate, by=people["commissioner"], scores=scores(methodology, 3, 5)
            )

    counts = []
    for total in (5, 45):
        add(total)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ranking_queries:
            rows = queries.ranking(plan)
        with CaptureQueriesContext(connection) as progress_queries:
            queries.progress(plan)
        counts.append((len(ranking_queries), len(progress_queries), len(rows)))
    assert counts[0][:2] == counts[1][:2]
    assert [c[2] for c in counts] == [5, 50]


# --- who is told ------------------------------------------------------------------------------


def test_opening_the_scoring_step_tells_the_commission_and_the_secretariat(plan, people):
    from cocrea.notifications.models import Notification
    from cocrea.plans import actions as plan_actions

    step = scoring_step(plan, status=Step.Status.PENDING)
    plan_actions.open_step(step, by=SYSTEM)
    told = Notification.objects.filter(kind="plans.step_opened")
    assert sorted((n.user.username, n.url.rsplit("/selection/", 1)[-1]) for n in told) == [
        ("commissioner", "scoring/"),
        ("secretary", "eligibility/"),
    ]


def test_members_are_asked_to_score_again_with_what_is_left(scored, plan, people):
    from cocrea.notifications.models import Delivery

    methodology, candidate = scored
    actions.cast_ballot(candidate, by=people["commissioner"], scores=scores(methodology, 5, 10))
    second = actions.create_methodology(plan, by=SYSTEM, reason_es="Otra escala.")
    actions.adopt_methodology(second, event=meeting(plan), by=SYSTEM)
    actions.publish_methodology(second, by=people["secretary"])
    [delivery] = Delivery.objects.filter(kind="selection.scores_due")
    assert delivery.email == "commissioner@example.org"
    assert delivery.subject == "Vuelva a puntuar las propuestas con la nueva metodología"
    assert "Queda 1 propuesta por puntuar." in delivery.body
    assert "/workspace/panama-test/selection/scoring/" in delivery.url
