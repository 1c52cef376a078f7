"""The commission's selection: outcomes recorded at a meeting with minutes, the plan's maximum,
withdrawals and promoted alternates, the publication, the workspace page and the task inbox."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.events.models import Event
from cocrea.organisations.models import Organisation
from cocrea.plans.models import Step
from cocrea.selection import actions
from cocrea.selection.models import Candidate, Outcome, SelectionPublication
from cocrea.workspace.tasks import tasks_for

from .factories import OrganisationFactory, PlanFactory
from .factories_outcomes import (
    check,
    counterproposal,
    meeting,
    published_methodology,
    selection_step,
    submitted,
)
from .factories_participation import TableFactory
from .test_proposals import seat

SELECTED = Outcome.Result.SELECTED


def refusal(call, *args, **kwargs) -> list[str]:
    """The messages, in English, of the ValidationError `call` must raise."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return refused.value.messages


@pytest.fixture
def step(plan):
    return selection_step(plan)


@pytest.fixture
def table(plan, people):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


@pytest.fixture
def methodology(plan):
    return published_methodology(plan)


@pytest.fixture
def proposals(table, methodology, step):
    """The table's submitted set (two commitments, one alternate), each found eligible."""
    found = submitted(table, ["commitment_1", "commitment_2", "alternate_1"])
    for proposal in found:
        check(proposal, methodology)
    return found


@pytest.fixture
def event(plan):
    return meeting(plan)


def select(proposal, event, by, **kwargs):
    return actions.record_outcome(proposal, event=event, by=by, result=SELECTED, **kwargs)


# --- recording an outcome ------------------------------------------------------------------------


def test_an_eligible_proposal_is_selected_at_a_meeting_with_a_private_log_row(
    proposals, event, secretary
):
    outcome = select(proposals[0], event, secretary, reason_es="Alto impacto.")
    assert Outcome.objects.get() == outcome
    assert (outcome.result, outcome.decided_at, outcome.decided_by) == (SELECTED, event, secretary)
    assert (outcome.reason_es, outcome.promoted, outcome.as_counterproposal) == (
        "Alto impacto.",
        False,
        False,
    )
    log = ActionLog.objects.get(verb="selection.record_outcome")
    assert (log.target, log.actor, log.public) == (proposals[0], secretary, False)
    assert log.data == {
        "result": "selected",
        "event": event.pk,
        "as_counterproposal": False,
        "merged_into": None,
        "replaced": False,
    }


@pytest.mark.parametrize(
    "fields",
    [
        {"minutes": False},  # planned, no minutes
        {"kind": Event.Kind.OUTREACH},
        {"plan": "other"},
    ],
    ids=["without-minutes", "not-a-commission-meeting", "another-plan"],
)
def test_the_decision_is_recorded_only_at_a_held_commission_meeting_of_the_plan(
    proposals, secretary, fields
):
    if fields.get("plan") == "other":
        fields = {"plan": PlanFactory(slug="otro")}
    elsewhere = meeting(proposals[0].plan, **fields) if "plan" not in fields else meeting(**fields)
    assert refusal(select, proposals[0], elsewhere, secretary) == [
        "Choose a commission meeting of this plan that was held and whose minutes are recorded: "
        "the decision is recorded at it."
    ]
    assert not Outcome.objects.exists()


def test_selecting_needs_the_eligibility_checked_under_the_published_methodology(
    table, methodology, step, event, secretary
):
    unchecked, failed = submitted(table, ["commitment_1", "commitment_2"])
    check(failed, methodology, passed=False)
    assert refusal(select, unchecked, event, secretary) == ["Check its eligibility first."]
    assert refusal(select, failed, event, secretary) == [
        "It does not meet the methodology's requirements: it cannot be selected."
    ]
    # The commission's overturn at a meeting makes it eligible.
    failed_check = failed.candidates.get().eligibility_checks.get()
    failed_check.overturned_at = event
    failed_check.save()
    assert select(failed, event, secretary).result == SELECTED
    # A refusal saves nothing, not even the candidate it looked for.
    assert not Candidate.objects.filter(proposal=unchecked).exists()


def test_selecting_without_a_published_methodology_is_refused(table, step, event, secretary):
    proposal = submitted(table, ["commitment_1"])[0]
    assert refusal(select, proposal, event, secretary) == [
        "Publish the selection methodology first."
    ]


def test_the_plans_maximum_holds(plan, proposals, event, secretary):
    plan.max_commitments = 2
    plan.save(update_fields=["max_commitments"])
    select(proposals[0], event, secretary)
    select(proposals[1], event, secretary)
    assert refusal(select, proposals[2], event, secretary) == [
        "The plan's maximum of 2 commitments is reached: withdraw or change the outcome of a "
        "selected proposal first."
    ]
    # Recording a selected proposal again does not count it twice.
    assert select(proposals[1], event, secretary, reason_es="Confirmada.").reason_es == (
        "Confirmada."
    )
    assert Outcome.objects.filter(result=SELECTED).count() == 2


@pytest.mark.parametrize("result", ["not_selected", "merged", "out_of_scope", "withdrawn"], ids=str)
def test_every_other_result_needs_its_reasons_in_the_plans_language(
    proposals, event, secretary, result
):
    merged_into = proposals[1] if result == "merged" else None
    assert refusal(
        actions.record_outcome,
        proposals[0],
        event=event,
        by=secretary,
        result=result,
        reason_en="Only in English.",
        merged_into=merged_into,
    ) == ["Give the reasons, in Spanish."]
    outcome = actions.record_outcome(
        proposals[0],
        event=event,
        by=secretary,
        result=result,
        reason_es="  Duplica otra propuesta.  ",
        merged_into=merged_into,
    )
    assert (outcome.result, outcome.reason_es, outcome.merged_into) == (
        result,
        "Duplica otra propuesta.",
        merged_into,
    )


def test_an_unknown_result_is_refused(proposals, event, secretary):
    assert refusal(
        actions.record_outcome, proposals[0], event=event, by=secretary, result="maybe"
    ) == ["Choose the outcome."]


def test_a_merged_proposal_names_another_proposal_that_is_or_will_be_selected(
    plan, proposals, event, secretary
):
    first, second, third = proposals

    def merge(into):
        return actions.record_outcome(
            first, event=event, by=secretary, result="merged", reason_es="Se une.", merged_into=into
        )

    assert refusal(merge, None) == ["Choose the proposal it is merged into."]
    assert refusal(merge, first) == [
        "Choose another submitted proposal of this plan to merge it into."
    ]
    actions.record_outcome(
        second, event=event, by=secretary, result="out_of_scope", reason_es="No."
    )
    assert refusal(merge, second) == [
        "“Propuesta commitment_2” is not selected: a proposal is merged only into one that is "
        "(or will be)."
    ]
    assert merge(third).merged_into == third  # no outcome yet: to be selected
    # Into which another is merged, a proposal stays selected.
    assert refusal(
        actions.record_outcome,
        third,
        event=event,
        by=secretary,
        result="not_selected",
        reason_es="No.",
    ) == [
        "Other proposals are merged into this one (Propuesta commitment_1): it must stay selected."
    ]


def test_a_proposal_is_selected_as_its_counterproposal_once_that_is_eligible(
    plan, proposals, methodology, event, secretary
):
    first, second, _alternate = proposals
    assert refusal(select, second, event, secretary, as_counterproposal=True) == [
        "This proposal has no counterproposal to select."
    ]
    counterproposal(first, OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION))
    assert refusal(select, first, event, secretary, as_counterproposal=True) == [
        "Check its eligibility first."
    ]
    check(first, methodology, counterproposal=True)
    outcome = select(first, event, secretary, as_counterproposal=True)
    assert (outcome.result, outcome.as_counterproposal) == (SELECTED, True)
    assert refusal(
        actions.record_outcome,
        second,
        event=event,
        by=secretary,
        result="not_selected",
        reason_es="No.",
        as_counterproposal=True,
    ) == ["Only a selected proposal is selected as its counterproposal."]


def test_recording_again_replaces_the_outcome_until_the_selection_is_published(
    proposals, event, secretary
):
    select(proposals[0], event, secretary)
    later = meeting(proposals[0].plan, title_es="Segunda sesión")
    outcome = actions.record_outcome(
        proposals[0], event=later, by=secretary, result="not_selected", reason_es="Cambio."
    )
    assert list(Outcome.objects.values_list("result", "decided_at", "reason_es")) == [
        ("not_selected", later.pk, "Cambio.")
    ]
    assert (
        ActionLog.objects.filter(verb="selection.record_outcome")
        .order_by("id")
        .last()
        .data["replaced"]
    )
    for proposal in proposals[1:]:
        select(proposal, event, secretary)
    actions.publish_selection(proposals[0].plan, by=secretary)
    assert refusal(select, proposals[0], event, secretary) == [
        "The selection is published: its outcomes are final. Withdraw a commitment instead."
    ]
    outcome.refresh_from_db()
    assert outcome.result == "not_selected"


def test_a_draft_has_no_outcome(table, methodology, step, event, secretary):
    draft = submitted(table, ["commitment_1"])[0]
    draft.status = "draft"
    draft.save()
    assert refusal(select, draft, event, secretary) == [
        "Only the plan's submitted proposals have an outcome."
    ]


@pytest.mark.parametrize("persona", ["commissioner", "leader", "citizen", "head"])
def test_only_the_secretariat_records_outcomes(proposals, event, people, persona):
    with pytest.raises(PermissionDenied):
        select(proposals[0], event, people[persona])
    assert not Outcome.objects.exists()


def test_no_outcome_is_recorded_while_no_step_enabling_the_selection_is_open(
    plan, proposals, event, secretary, step
):
    Step.objects.filter(pk=step.pk).update(status=Step.Status.CLOSED)
    from cocrea.plans import context

    context.invalidate()
    with pytest.raises(PermissionDenied):
        select(proposals[0], event, secretary)


# --- withdrawing a commitment and promoting the alternate ----------------------------------------


def test_a_withdrawn_commitment_lets_its_tables_alternate_be_promoted(
    plan, proposals, event, secretary
):
    plan.max_commitments = 2
    plan.save(update_fields=["max_commitments"])
    first, second, alternate = proposals
    chosen = select(first, event, secretary)
    select(second, event, secretary)
    assert refusal(actions.promote_alternate, alternate, event=event, by=secretary) == [
        "No commitment of this table and axis was withdrawn: there is no place to fill."
    ]
    assert refusal(actions.promote_alternate, second, event=event, by=secretary) == [
        "Only an alternate proposal is promoted."
    ]
    assert refusal(actions.withdraw_commitment, chosen, by=secretary) == [
        "Give the reasons, in Spanish."
    ]
    withdrawn = actions.withdraw_commitment(
        chosen, by=secretary, reason_es="La institución ya no puede cumplirlo."
    )
    assert (withdrawn.result, withdrawn.reason_es) == (
        "withdrawn",
        "La institución ya no puede cumplirlo.",
    )
    assert refusal(actions.withdraw_commitment, withdrawn, by=secretary) == [
        "Only a selected commitment can be withdrawn."
    ]
    promoted = actions.promote_alternate(
        alternate, event=event, by=secretary, reason_es="Ocupa el lugar del retirado."
    )
    assert (promoted.result, promoted.promoted, promoted.decided_at) == (SELECTED, True, event)
    assert Outcome.objects.filter(result=SELECTED).count() == 2
    assert refusal(actions.promote_alternate, alternate, event=event, by=secretary) == [
        "This alternate is already selected."
    ]
    verbs = list(ActionLog.objects.values_list("verb", flat=True).order_by("id"))
    assert verbs[-2:] == ["selection.withdraw_commitment", "selection.promote_alternate"]


def test_an_alternate_of_another_table_is_not_promoted_into_the_place(
    plan, people, proposals, methodology, event, secretary
):
    chosen = select(proposals[0], event, secretary)
    actions.withdraw_commitment(chosen, by=secretary, reason_es="Retirado.")
    other = submitted(TableFactory(plan=plan, number=2), ["alternate_1"], title="Otra")[0]
    check(other, methodology)
    assert refusal(actions.promote_alternate, other, event=event, by=secretary) == [
        "No commitment of this table and axis was withdrawn: there is no place to fill."
    ]


def test_a_promoted_alternate_still_needs_its_eligibility_and_the_maximum(
    plan, table, methodology, step, event, secretary
):
    first, alternate = submitted(table, ["commitment_1", "alternate_1"])
    check(first, methodology)
    chosen = select(first, event, secretary)
    actions.withdraw_commitment(chosen, by=secretary, reason_es="Retirado.")
    assert refusal(actions.promote_alternate, alternate, event=event, by=secretary) == [
        "Check its eligibility first."
    ]


# --- publishing ----------------------------------------------------------------------------------


def test_publishing_is_refused_while_a_proposal_has_no_outcome(plan, proposals, event, secretary):
    select(proposals[0], event, secretary)
    assert refusal(actions.publish_selection, plan, by=secretary) == [
        "These proposals have no outcome yet: Propuesta commitment_2, Propuesta alternate_1."
    ]
    assert not SelectionPublication.objects.exists()
    select(proposals[1], event, secretary)
    actions.record_outcome(
        proposals[2], event=event, by=secretary, result="not_selected", reason_es="Suplente."
    )
    publication = actions.publish_selection(plan, by=secretary)
    assert (publication.plan, publication.published_by) == (plan, secretary)
    assert ActionLog.objects.get(verb="selection.publish_selection").public
    assert refusal(actions.publish_selection, plan, by=secretary) == [
        "The selection is already published."
    ]


def test_the_refusal_names_twenty_proposals_and_counts_the_rest(plan, table, step, secretary):
    submitted(table, [f"commitment_{n}" for n in range(1, 24)])
    message = refusal(actions.publish_selection, plan, by=secretary)[0]
    assert message.count("Propuesta commitment_") == 20
    assert message.endswith("and 3 more.")


# --- the workspace page --------------------------------------------------------------------------


def _page(client, plan, **query):
    return client.get(reverse("selection:decision", args=[plan.slug]), query)


def test_the_secretariat_records_a_decision_through_the_page(
    client, plan, proposals, event, secretary
):
    client.force_login(secretary)
    response = _page(client, plan, meeting=event.pk)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="proposal-{proposals[0].pk}"' in html
    assert 'id="chosen-meeting"' in html
    url = reverse("selection:record", args=[plan.slug, proposals[0].pk])
    response = client.post(
        url,
        {
            "event": event.pk,
            "result": "selected",
            "reason_es": "Alto impacto.",
            "meeting": event.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("selection:decision", args=[plan.slug])
        + f"?meeting={event.pk}#proposal-{proposals[0].pk}"
    )
    assert Outcome.objects.get().result == SELECTED
    response = _page(client, plan, meeting=event.pk)
    assert response.context["selected"] == 1
    assert (
        "1 of 10 selected"
        in client.get("/en" + reverse("selection:decision", args=[plan.slug])).content.decode()
    )


def test_a_refused_decision_shows_the_reason_and_keeps_what_was_typed(
    client, plan, proposals, event, secretary
):
    client.force_login(secretary)
    url = reverse("selection:record", args=[plan.slug, proposals[0].pk])
    response = client.post(
        "/en" + url,
        {"event": event.pk, "result": "not_selected", "reason_en": "Typed in English only."},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the reasons, in Spanish." in html
    assert "Typed in English only." in html
    assert not Outcome.objects.exists()


def test_without_a_meeting_with_minutes_the_page_says_what_to_do(
    client, plan, proposals, secretary
):
    client.force_login(secretary)
    response = client.get("/en" + reverse("selection:decision", args=[plan.slug]))
    assert response.status_code == 200
    assert "No commission meeting of this plan has its minutes recorded yet." in (
        response.content.decode()
    )
    assert all("record" not in row.forms for row in response.context["rows"])


def test_the_page_withdraws_and_promotes_through_its_forms(
    client, plan, proposals, event, secretary
):
    client.force_login(secretary)
    chosen = select(proposals[0], event, secretary)
    response = client.post(
        reverse("selection:withdraw", args=[plan.slug, proposals[0].pk]),
        {"reason_es": "Retirado por la institución."},
    )
    assert response.status_code == 302
    chosen.refresh_from_db()
    assert chosen.result == "withdrawn"
    rows = {row.pk: row for row in _page(client, plan, meeting=event.pk).context["rows"]}
    assert set(rows[proposals[2].pk].forms) == {"record", "promote"}
    response = client.post(
        reverse("selection:promote", args=[plan.slug, proposals[2].pk]),
        {"event": event.pk, "reason_es": "Suplente promovido."},
    )
    assert response.status_code == 302
    assert Outcome.objects.get(proposal=proposals[2]).promoted


def test_the_page_publishes_once_every_proposal_has_its_outcome(
    client, plan, proposals, event, secretary
):
    client.force_login(secretary)
    url = reverse("selection:publish", args=[plan.slug])
    response = client.post(url)
    assert response.status_code == 302
    assert not SelectionPublication.objects.exists()
    assert [p.pk for p in _page(client, plan).context["missing"]] == [p.pk for p in proposals]
    for proposal in proposals:
        select(proposal, event, secretary)
    response = client.post(url)
    assert response["Location"] == reverse("public:reasoned_response", args=[plan.slug])
    assert SelectionPublication.objects.filter(plan=plan).exists()


@pytest.mark.parametrize(
    "persona, status",
    [("secretary", 200), ("commissioner", 200), ("leader", 403), ("citizen", 403), ("head", 403)],
)
def test_the_secretariat_and_the_commission_see_the_page(
    client, plan, proposals, people, persona, status
):
    client.force_login(people[persona])
    assert _page(client, plan).status_code == status


@pytest.mark.parametrize(
    "persona, linked", [("secretary", True), ("commissioner", True), ("leader", False)]
)
def test_the_plans_dashboard_links_the_selection_page(client, plan, people, persona, linked):
    client.force_login(people[persona])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    link = f'<p id="selection-link"><a href="{reverse("selection:decision", args=[plan.slug])}">'
    assert (link in html) is linked


def test_a_commission_member_sees_no_form_and_may_not_post(client, plan, proposals, event, people):
    client.force_login(people["commissioner"])
    response = _page(client, plan, meeting=event.pk)
    assert all(not row.forms for row in response.context["rows"])
    assert 'id="publish"' not in response.content.decode()
    url = reverse("selection:record", args=[plan.slug, proposals[0].pk])
    assert client.post(url, {"event": event.pk, "result": "selected"}).status_code == 403
    assert not Outcome.objects.exists()


def _many(plan, table, methodology, count):
    """`count` submitted proposals of `table`, each checked eligible, half with an outcome."""
    event = Event.objects.filter(plan=plan).first() or meeting(plan)
    found = submitted(table, [f"commitment_{n}" for n in range(1, count + 1)])
    for number, proposal in enumerate(found):
        check(proposal, methodology)
        if number % 2:
            Outcome.objects.create(
                plan=plan,
                proposal=proposal,
                result="not_selected",
                reason_es="No.",
                decided_at=event,
            )
    return found


def test_the_page_costs_the_same_with_5_and_50_proposals(
    client, plan, table, methodology, step, secretary, django_assert_max_num_queries
):
    event = meeting(plan)
    client.force_login(secretary)
    _many(plan, table, methodology, 5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        assert _page(client, plan, meeting=event.pk).status_code == 200
    Outcome.objects.all().delete()
    table.proposals.all().delete()
    _many(plan, table, methodology, 50)
    with django_assert_max_num_queries(len(five)):
        response = _page(client, plan, meeting=event.pk)
    assert len(response.context["rows"]) == 50


# --- the task inbox ------------------------------------------------------------------------------


def test_the_secretariat_is_asked_to_record_the_outcomes_while_the_selection_is_open(
    plan, proposals, event, secretary, people, step
):
    with translation.override("en"):
        tasks = [t for t in tasks_for(secretary, plan) if t.kind == "outcomes"]
    assert [(t.title, t.count) for t in tasks] == [("Record the outcome of 3 proposals", 3)]
    assert tasks[0].url == f"/en/workspace/{plan.slug}/selection/decision/?outcome=pending"
    assert not [t for t in tasks_for(people["commissioner"], plan) if t.kind == "outcomes"]
    for proposal in proposals:
        select(proposal, event, secretary)
    assert not [t for t in tasks_for(secretary, plan) if t.kind == "outcomes"]


def test_no_outcome_task_once_the_selection_step_closed(plan, proposals, secretary, step):
    Step.objects.filter(pk=step.pk).update(status=Step.Status.CLOSED)
    from cocrea.plans import context

    context.invalidate()
    assert not [t for t in tasks_for(secretary, plan) if t.kind == "outcomes"]


def test_the_system_may_record_for_the_demo(proposals, event):
    assert select(proposals[0], event, SYSTEM).decided_by is None
