"""Developing the commitments: creating one from its selected proposal (or counterproposal),
completing it in the plan's template with milestones, weights and responsible institutions, the
refusals with their reasons, the completeness list, revisions and diffs."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from cocrea.commitments import actions
from cocrea.commitments.models import Commitment, CommitmentRevision
from cocrea.core.models import ActionLog
from cocrea.organisations.models import Organisation
from cocrea.plans import context
from cocrea.plans.models import PlanRole, Role, Step
from cocrea.proposals.revisions import diff
from cocrea.selection.models import Outcome
from cocrea.workspace.tasks import tasks_for

from .factories import JurisdictionFactory, OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory
from .test_proposals import seat

DEVELOPMENT = "commitment-development"


def refused(call, *args, **kwargs) -> list[str]:
    """Run an action in English and return the messages of the ValidationError it raises."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            call(*args, **kwargs)
        return error.value.messages


@pytest.fixture
def development(plan):
    return StepFactory(
        plan=plan, key="develop", number=12, status=Step.Status.OPEN, capabilities=[DEVELOPMENT]
    )


@pytest.fixture
def ministry(plan, people):
    """A public institution; the `liaison` persona is its liaison in the plan."""
    org = OrganisationFactory(
        name_es="Ministerio de Salud",
        name_en="Ministry of Health",
        acronym="MINSA",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )
    PlanRole.objects.filter(plan=plan, user=people["liaison"], role=Role.LIAISON).update(
        organisation=org
    )
    context.invalidate()
    return org


@pytest.fixture
def finance(db):
    return OrganisationFactory(
        name_es="Ministerio de Economía y Finanzas",
        name_en="Ministry of Economy and Finance",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )


@pytest.fixture
def table(plan, people):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


@pytest.fixture
def proposal(plan, table, ministry, finance, development):
    return selected_proposal(plan, table, lead=ministry, others=[finance])


@pytest.fixture
def commitment(proposal, secretary):
    return actions.create_commitment(proposal, by=secretary)


def complete(commitment, by, ministry, finance, **more):
    """Fill in what the 2017 template and the development ask, weights 40 + 60."""
    return actions.update_commitment(
        commitment,
        by=by,
        fields={"budget_es": "USD 120 000 del presupuesto de ANTAI", "sdgs": ["16", "9"], **more},
        milestones=[
            {
                "description_es": "Inventario de datos",
                "start_date": datetime.date(2017, 9, 1),
                "end_date": datetime.date(2017, 12, 31),
                "weight": 40,
                "responsible": ministry,
            },
            {
                "description_es": "Portal publicado",
                "start_date": datetime.date(2018, 1, 1),
                "end_date": datetime.date(2019, 6, 30),
                "weight": 60,
                "responsible": finance,
            },
        ],
    )


# --- creating ---------------------------------------------------------------------------------


def test_a_selected_proposal_becomes_commitment_one_with_its_text_and_institutions(
    commitment, proposal, ministry, finance, table, secretary
):
    assert commitment.number == 1
    assert commitment.proposal == proposal
    assert commitment.from_counterproposal is False
    assert commitment.axis == proposal.axis
    assert commitment.working_table == table
    assert commitment.template_version == "2017"
    assert commitment.title_es == "Datos abiertos de salud"
    assert commitment.title_en == "Open health data"
    assert commitment.problem_es == "No se publican los datos de salud."
    assert commitment.start_date == datetime.date(2017, 9, 1)
    assert commitment.ogp_values == ["access_to_information"]
    assert commitment.lead_institution == ministry
    assert list(commitment.supporting_institutions.all()) == [finance]
    rows = list(commitment.milestones.values_list("order", "description_es", "end_date", "weight"))
    assert rows == [
        (1, "Inventario de datos", datetime.date(2017, 12, 31), None),
        (2, "Portal publicado", datetime.date(2019, 6, 30), None),
    ]
    revision = CommitmentRevision.objects.get(commitment=commitment)
    assert revision.number == 1
    assert revision.author == secretary
    assert revision.snapshot["lead_institution"] == "MINSA"
    assert revision.snapshot["supporting_institutions"] == ["Ministerio de Economía y Finanzas"]
    log = ActionLog.objects.get(verb="commitments.create_commitment")
    assert (log.actor, log.plan, log.data) == (
        secretary,
        commitment.plan,
        {"number": 1, "proposal": proposal.pk},
    )


def test_the_next_commitment_takes_the_next_number(plan, table, proposal, ministry, secretary):
    actions.create_commitment(proposal, by=secretary)
    other = selected_proposal(plan, table, lead=ministry, slot="commitment_2", title_es="Otro")
    assert actions.create_commitment(other, by=secretary).number == 2


def test_a_proposal_selected_as_its_counterproposal_is_developed_from_the_counterproposal(
    plan, table, ministry, development, secretary
):
    proposal = selected_proposal(
        plan,
        table,
        lead=ministry,
        as_counterproposal=True,
        counter={"title_es": "Tablero de compras", "problem_es": "Compras opacas."},
    )
    commitment = actions.create_commitment(proposal, by=secretary)
    assert commitment.from_counterproposal is True
    assert commitment.title_es == "Tablero de compras"
    assert commitment.problem_es == "Compras opacas."
    assert list(commitment.milestones.values_list("description_es", flat=True)) == [
        "Tablero mensual"
    ]


def test_only_a_selected_proposal_without_a_commitment_becomes_one(
    plan, table, ministry, development, proposal, secretary
):
    rejected = selected_proposal(
        plan, table, lead=ministry, slot="commitment_2", result=Outcome.Result.NOT_SELECTED
    )
    assert refused(actions.create_commitment, rejected, by=secretary) == [
        "Only a proposal the commission selected becomes a commitment."
    ]
    actions.create_commitment(proposal, by=secretary)
    assert refused(actions.create_commitment, proposal, by=secretary) == [
        "This proposal already has its commitment."
    ]
    assert Commitment.objects.count() == 1


def test_only_the_secretariat_creates_while_development_is_open(
    proposal, people, development, secretary
):
    with pytest.raises(PermissionDenied):
        actions.create_commitment(proposal, by=people["leader"])
    Step.objects.filter(pk=development.pk).update(status=Step.Status.CLOSED)
    context.invalidate()
    with pytest.raises(PermissionDenied):
        actions.create_commitment(proposal, by=secretary)
    assert Commitment.objects.count() == 0


# --- editing ----------------------------------------------------------------------------------


def test_a_liaison_completes_the_commitment_and_a_revision_keeps_the_change(
    commitment, people, ministry, finance
):
    liaison = people["liaison"]
    changed = complete(commitment, liaison, ministry, finance)
    assert changed == ["milestones", "budget_es", "sdgs"]
    commitment.refresh_from_db()
    assert commitment.budget_es == "USD 120 000 del presupuesto de ANTAI"
    assert commitment.sdgs == ["9", "16"]
    assert list(commitment.milestones.values_list("weight", "responsible")) == [
        (40, ministry.pk),
        (60, finance.pk),
    ]
    assert actions.missing(commitment) == []
    assert actions.completeness(commitment) == 100
    revisions = list(commitment.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[1].author == liaison
    changes = {
        c.field: (c.old, c.new)
        for c in diff(revisions[0].snapshot, revisions[1].snapshot, commitment.declared_fields)
    }
    assert changes["budget_es"] == ("", "USD 120 000 del presupuesto de ANTAI")
    assert changes["milestones.0.weight"] == ("", "40")
    assert changes["milestones.1.responsible"] == ("", "Ministerio de Economía y Finanzas")
    log = ActionLog.objects.get(verb="commitments.update_commitment")
    assert log.data == {"revision": 2, "fields": ["milestones", "budget_es", "sdgs"]}


def test_a_save_that_changes_nothing_keeps_no_revision(commitment, secretary, ministry, finance):
    complete(commitment, secretary, ministry, finance)
    assert complete(commitment, secretary, ministry, finance) == []
    assert commitment.revisions.count() == 2


def test_the_leader_changes_the_lead_and_the_supporting_institutions(
    commitment, people, ministry, finance, plan
):
    other = OrganisationFactory(name_es="Defensoría del Pueblo")
    changed = actions.update_commitment(
        commitment,
        by=people["leader"],
        fields={"lead_institution": finance, "supporting_institutions": [ministry, other]},
    )
    assert changed == ["lead_institution", "supporting_institutions"]
    commitment.refresh_from_db()
    assert commitment.lead_institution == finance
    assert set(commitment.supporting_institutions.all()) == {ministry, other}


def test_weights_not_summing_to_100_are_refused_with_the_sum(commitment, secretary, ministry):
    rows = [
        {"description_es": "Uno", "weight": 30, "responsible": ministry},
        {"description_es": "Dos", "weight": 30, "responsible": ministry},
    ]
    assert refused(
        actions.update_commitment, commitment, by=secretary, fields={}, milestones=rows
    ) == ["The milestones' weights sum to 60; they must sum to 100."]
    assert commitment.revisions.count() == 1


def test_a_partial_set_of_weights_is_kept_and_listed_as_missing(commitment, secretary, ministry):
    actions.update_commitment(
        commitment,
        by=secretary,
        fields={},
        milestones=[
            {"description_es": "Uno", "weight": 60, "responsible": ministry},
            {"description_es": "Dos", "responsible": ministry},
        ],
    )
    with translation.override("en"):
        missing = actions.missing(commitment)
    assert "the milestones' weights sum to 60 of 100" in missing
    assert "Milestones 2: Weight (%)" in missing


def test_a_milestone_outside_the_commitments_dates_is_refused(commitment, secretary, ministry):
    rows = [
        {
            "description_es": "Tarde",
            "start_date": datetime.date(2019, 5, 1),
            "end_date": datetime.date(2019, 8, 31),
            "weight": 100,
            "responsible": ministry,
        }
    ]
    assert refused(
        actions.update_commitment, commitment, by=secretary, fields={}, milestones=rows
    ) == ["Milestone 1: its dates must lie within 2017-09-01 to 2019-06-30."]


def test_commitment_dates_outside_the_plans_period_are_refused(commitment, secretary):
    assert refused(
        actions.update_commitment,
        commitment,
        by=secretary,
        fields={"end_date": datetime.date(2020, 3, 31)},
    ) == ["The commitment's dates must lie within the plan's period, 2017-01-01 to 2019-12-31."]
    commitment.refresh_from_db()
    assert commitment.end_date == datetime.date(2019, 6, 30)


def test_shortening_the_commitment_refuses_milestones_left_outside(commitment, secretary):
    assert refused(
        actions.update_commitment,
        commitment,
        by=secretary,
        fields={"end_date": datetime.date(2018, 12, 31)},
    ) == ["Milestone 2: its dates must lie within 2017-09-01 to 2018-12-31."]


def test_institutions_of_another_country_are_refused(commitment, secretary, ministry):
    abroad = JurisdictionFactory(code="cr", name_es="Costa Rica", country_code="CR")
    foreign = OrganisationFactory(
        name_es="Ministerio de Hacienda",
        name_en="Ministry of Finance",
        region=None,
        jurisdiction=abroad,
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )
    assert refused(
        actions.update_commitment,
        commitment,
        by=secretary,
        fields={"lead_institution": foreign, "supporting_institutions": [foreign]},
        milestones=[{"description_es": "Uno", "weight": 100, "responsible": foreign}],
    ) == [
        "The lead institution must be a public institution of the plan's country.",
        "Ministry of Finance is not an organisation of the plan's country.",
        "Milestone 1: the responsible institution is not of the plan's country.",
    ]


def test_a_weight_outside_1_to_100_is_refused(commitment, secretary, ministry):
    rows = [{"description_es": "Uno", "weight": 0, "responsible": ministry}]
    assert refused(
        actions.update_commitment, commitment, by=secretary, fields={}, milestones=rows
    ) == [
        "Milestone 1: the weight is a whole number from 1 to 100.",
        "The milestones' weights sum to 0; they must sum to 100.",
    ]


def test_who_edits_a_commitment(commitment, people):
    for name in ("participant", "commissioner", "head", "citizen", "superuser"):
        with pytest.raises(PermissionDenied):
            actions.update_commitment(commitment, by=people[name], fields={"budget_es": "x"})
    for name in ("secretary", "leader", "liaison"):
        actions.update_commitment(commitment, by=people[name], fields={"budget_es": name})
    assert commitment.revisions.count() == 4


# --- completeness -----------------------------------------------------------------------------


def test_the_completeness_lists_what_is_missing(commitment):
    with translation.override("en"):
        missing = actions.missing(commitment)
    assert missing == [
        "Milestones 1: Weight (%)",
        "Milestones 1: Responsible institution",
        "Milestones 2: Weight (%)",
        "Milestones 2: Responsible institution",
        "Budget and source of funding (ES)",
        "the milestones' weights sum to 0 of 100",
    ]
    # 8 fields + lead + budget + the milestones + 2 rows x 5 cells + the weights' sum = 22 checks
    assert actions.completeness(commitment) == round(100 * 16 / 22)


def test_a_commitment_is_a_draft_until_the_plan_is_published(commitment):
    assert commitment.is_draft is True
    commitment.plan.published_on = datetime.date(2019, 12, 1)
    assert commitment.is_draft is False


# --- the task inbox -----------------------------------------------------------------------------


def commitment_tasks(user, plan) -> list[tuple]:
    return [
        (t.title, t.url, t.count, t.detail) for t in tasks_for(user, plan) if t.kind == "commitment"
    ]


def test_the_editors_find_the_commitment_to_complete_until_nothing_is_missing(
    commitment, people, ministry, finance, plan
):
    url = f"/workspace/{plan.slug}/commitments/1/"
    expected = [
        ("Completar el compromiso 1, «Datos abiertos de salud»", url, 6, "faltan 6 elementos")
    ]
    for name in ("secretary", "leader", "liaison"):
        assert commitment_tasks(people[name], plan) == expected
    for name in ("participant", "commissioner", "head", "citizen", "superuser"):
        assert commitment_tasks(people[name], plan) == []
    complete(commitment, people["liaison"], ministry, finance)
    assert commitment_tasks(people["liaison"], plan) == []
