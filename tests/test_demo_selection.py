"""The demo's 2017 selection and development (cocrea/demo/selection.py): the methodology adopted
at a commission meeting, the eligibility checks, the members' scores, the nine commitments of
2017-2019 (PA0026-PA0034) selected with the reasons for the six other proposals, and their
development with weighted milestones, all dated in 2017 as it happened."""

import datetime

from django.urls import reverse

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import Commitment, CommitmentMilestone
from cocrea.core.models import ActionLog
from cocrea.demo import selection_data as data
from cocrea.demo.selection import load_selection_demo, score
from cocrea.events.models import Event
from cocrea.selection import queries
from cocrea.selection.models import (
    Ballot,
    EligibilityCheck,
    Methodology,
    Outcome,
    SelectionPublication,
)

D = datetime.date
C1, C2, ALT = "commitment_1", "commitment_2", "alternate_1"
NINE = [
    (1, C1, "Observatorio Ciudadano Anticorrupción", "ANTAI"),
    (1, C2, "Observatorio Ciudadano Electoral", "TE"),
    (2, C1, "Transparencia y rendición de cuentas en proyectos de infraestructura pública", "MOP"),
    (2, C2, "Prevención de conflictos de intereses en las contrataciones públicas", "DGCP"),
    (4, C1, "Manual y aplicación móvil sobre educación vial", "ATTT"),
    (4, C2, "Transparencia en la calidad y cantidad de agua", "IDAAN"),
    (5, C1, "Gabinetes Psicopedagógicos del MEDUCA: cobertura y atención transparentes", "MEDUCA"),
    (5, C2, "Actualizar el plan de educación cívica en las escuelas", "MEDUCA"),
    (5, ALT, "Escuela de Gobierno Abierto", "ANTAI"),
]


def _key(candidate):
    return (candidate.proposal.axis.number, candidate.proposal.slot, candidate.is_counterproposal)


def test_the_methodology_was_adopted_at_a_meeting_and_published_the_next_day(selected_demo):
    [methodology] = Methodology.objects.filter(plan=selected_demo)
    assert (methodology.number, methodology.status) == (1, "published")
    meeting = methodology.adopted_at
    assert (meeting.kind, meeting.status) == (Event.Kind.COMMISSION_MEETING, Event.Status.HELD)
    assert meeting.starts_at.date() == D(2017, 8, 17)
    assert methodology.published_at.date() == D(2017, 8, 18)
    assert methodology.requirements.count() == 3
    criteria = list(methodology.criteria.order_by("order"))
    assert [(c.name_en, c.weight, c.scale_min, c.scale_max) for c in criteria] == [
        ("Solves a public problem", 25, 1, 5),
        ("Demand from participants", 20, 1, 5),
        ("Feasibility", 20, 1, 5),
        ("Ambition", 20, 1, 5),
        ("Alignment with OGP values", 15, 1, 5),
    ]
    assert all(c.guidance_es and c.guidance_en for c in criteria)


def test_every_candidate_was_checked_and_one_check_overturned(selected_demo):
    checks = EligibilityCheck.objects.filter(candidate__plan=selected_demo).select_related(
        "candidate__proposal__axis", "overturned_at"
    )
    # The fifteen proposals and the two counterproposals.
    assert checks.count() == 17
    not_eligible = sorted(_key(c.candidate) for c in checks if not c.is_eligible)
    assert not_eligible == [(3, ALT, False), (3, C1, False), (3, C2, False), (4, ALT, False)]
    [overturned] = [c for c in checks if c.is_overturned]
    assert _key(overturned.candidate) == (1, ALT, False)
    assert (overturned.passed, overturned.is_eligible) == (False, True)
    assert overturned.overturned_at.starts_at.date() == D(2017, 8, 24)
    assert overturned.overturn_reason.startswith("El entregable del protocolo")
    failures = [r for c in checks for r in c.results.all() if not r.passed]
    assert len(failures) == 5
    assert all(r.reason for r in failures)


def test_the_members_scored_every_eligible_candidate_and_one_abstained(selected_demo):
    ballots = Ballot.objects.filter(candidate__plan=selected_demo)
    # Eight members, thirteen eligible candidates.
    assert ballots.count() == 8 * 13
    [abstention] = ballots.filter(abstained=True).select_related("member", "candidate__proposal")
    assert abstention.member.username == "cga-antai"
    assert _key(abstention.candidate) == (1, C1, False)
    assert abstention.conflict.startswith("Represento a la ANTAI")
    # The commission's login scored ANTAI's observatory 5, 4, 4, 5, 5: its base (5, 5, 4, 5, 5)
    # one point up on the first and last criterion (kept at 5) and one down on the second.
    ballot = ballots.get(
        member__username="comision",
        candidate__proposal__axis__number=1,
        candidate__proposal__slot=C1,
    )
    values = [s.value for s in ballot.scores.order_by("criterion__order")]
    assert values == [5, 4, 4, 5, 5] == [score(b, 0, 0, k) for k, b in enumerate((5, 5, 4, 5, 5))]
    assert set(ballots.exclude(comment="").values_list("member__username", flat=True)) == {
        "comision",
        "cga-up",
        "cga-cciap",
        "cga-rcch",
    }


def test_the_nine_adopted_commitments_rank_first(selected_demo):
    rows = queries.ranking(selected_demo)
    assert [row.rank for row in rows] == list(range(1, 14))
    top = {(_key(row.candidate)[:2]) for row in rows[:9]}
    assert top == {(axis, slot) for axis, slot, _title, _lead in NINE}
    assert [_key(row.candidate) for row in rows[9:]] == [
        (2, ALT, False),
        (1, ALT, False),
        (4, ALT, True),
        (3, ALT, True),
    ]
    # ANTAI's observatory first: seven ballots count (one abstention); the commission's login
    # gave it 25 + 15 + 15 + 20 + 15 = 90 of 100.
    assert (rows[0].members, rows[0].abstentions) == (7, 1)
    assert rows[0].mean > rows[1].mean


def test_nine_proposals_selected_and_six_with_their_reasons(selected_demo):
    outcomes = Outcome.objects.filter(plan=selected_demo).select_related(
        "proposal__axis", "decided_at", "merged_into__axis"
    )
    results = {(o.proposal.axis.number, o.proposal.slot): o.result for o in outcomes}
    assert {key for key, result in results.items() if result == "selected"} == {
        (axis, slot) for axis, slot, _title, _lead in NINE
    }
    assert {key: result for key, result in results.items() if result != "selected"} == {
        (1, ALT): "not_selected",
        (2, ALT): "not_selected",
        (3, C1): "out_of_scope",
        (3, C2): "out_of_scope",
        (3, ALT): "merged",
        (4, ALT): "not_selected",
    }
    assert all(o.reason_es and o.reason_en for o in outcomes)
    assert not any(o.as_counterproposal for o in outcomes)
    merged = next(o for o in outcomes if o.result == "merged")
    assert (merged.merged_into.axis.number, merged.merged_into.slot) == (1, C2)
    assert {o.decided_at.starts_at.date() for o in outcomes} == {D(2017, 9, 5)}
    publication = SelectionPublication.objects.get(plan=selected_demo)
    assert publication.published_at.date() == D(2017, 9, 8)


def test_the_nine_commitments_are_complete_with_weighted_milestones(selected_demo):
    commitments = list(
        Commitment.objects.filter(plan=selected_demo)
        .select_related("lead_institution", "axis", "proposal")
        .order_by("number")
    )
    assert [
        (c.number, c.axis.number, c.proposal.slot, c.title_es, c.lead_institution.acronym)
        for c in commitments
    ] == [(n, *row) for n, row in enumerate(NINE, start=1)]
    for commitment in commitments:
        assert commitment_actions.missing(commitment) == []
        milestones = list(commitment.milestones.all())
        assert 3 <= len(milestones) <= 5
        assert sum(m.weight for m in milestones) == 100
        assert all(m.responsible_id and m.description_es and m.description_en for m in milestones)
        assert all(
            commitment.start_date <= m.start_date <= m.end_date <= commitment.end_date
            for m in milestones
        )
        assert D(2017, 1, 1) <= commitment.start_date <= commitment.end_date <= D(2019, 12, 31)
        assert commitment.budget_es and commitment.budget_en and commitment.sdgs
        assert commitment.national_plans_es.startswith("Plan Estratégico de Gobierno 2015-2019")
    assert CommitmentMilestone.objects.filter(commitment__plan=selected_demo).count() == 30
    water = commitments[5]
    assert (water.sdgs, water.revisions.count()) == (["6", "16"], 3)
    assert sorted(water.supporting_institutions.values_list("acronym", flat=True)) == [
        "MINSA",
        "RCCH",
    ]


def test_the_steps_of_review_selection_and_development_closed_in_2017(selected_demo):
    steps = {s.key: s for s in selected_demo.steps.all()}
    assert [
        (steps[key].status, steps[key].actual_start, steps[key].actual_end)
        for key in ("viability-review", "selection", "development")
    ] == [
        ("closed", D(2017, 8, 1), D(2017, 8, 29)),
        ("closed", D(2017, 8, 30), D(2017, 9, 8)),
        ("closed", D(2017, 9, 11), D(2017, 10, 6)),
    ]
    assert queries.scoring_closed(selected_demo)
    # The National Assembly never answered: its two reviews stay pending, no longer overdue.
    pending = selected_demo.proposals.filter(review__outcome="pending")
    assert sorted(pending.values_list("review__institution__acronym", flat=True)) == ["AN", "AN"]


def test_the_selection_and_development_are_dated_in_2017(selected_demo):
    years = {
        d.year
        for d in ActionLog.objects.filter(plan=selected_demo).values_list("created_at", flat=True)
    }
    assert years == {2017}
    for model, path in (
        (Ballot, "candidate__plan"),
        (Outcome, "plan"),
        (Commitment, "plan"),
    ):
        dates = model.objects.filter(**{path: selected_demo}).values_list("created_at", flat=True)
        assert {d.year for d in dates} == {2017}
    assert load_selection_demo(selected_demo) is False


def test_the_reasoned_response_and_the_commitments_are_public(selected_demo, client):
    response = client.get(reverse("public:reasoned_response", args=[selected_demo.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Escuela de Gobierno Abierto" in html
    assert data.AXIS_3_OUT[0][:60] in html
    listing = client.get(reverse("commitments:list", args=[selected_demo.slug]))
    assert listing.status_code == 200
    assert "Observatorio Ciudadano Electoral" in listing.content.decode()


def test_a_commitment_shows_its_contact_only_when_the_person_agreed(selected_demo, client):
    """The two proposals with a contact carry it into their commitments: the first agreed to
    publish it, the second did not (proposals_data.py)."""
    shown, hidden = Commitment.objects.filter(plan=selected_demo).exclude(contact_email="")
    assert (shown.number, shown.contact_public, hidden.number, hidden.contact_public) == (
        1,
        True,
        3,
        False,
    )
    for commitment, public in ((shown, True), (hidden, False)):
        html = client.get(commitment.get_absolute_url()).content.decode()
        assert (commitment.contact_email in html, commitment.contact_name in html) == (
            public,
            public,
        )


def test_the_decision_page_shows_each_proposals_place_in_the_ranking(selected_demo, client):
    """Scoring closed in 2017: the secretariat's decision page puts the ranking beside each
    proposal (ANTAI's observatory first, with the mean the ranking gives it)."""
    from cocrea.accounts.models import User

    first = queries.ranking(selected_demo)[0]
    client.force_login(User.objects.get(username="secretaria"))
    html = client.get(reverse("selection:decision", args=[selected_demo.slug])).content.decode()
    # The mean in Spanish, with its decimal comma.
    assert f"Puesto 1 · puntuación {str(first.mean).replace('.', ',')}" in html
