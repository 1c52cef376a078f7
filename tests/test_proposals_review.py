"""What follows the drafting of proposals, action by action: the table's comments on its drafts,
responsible institutions and objectives (step 9), the viability review with its counterproposal,
delegates and reminders (step 10), public comments with official answers and moderation; and the
role x step matrix of every permission involved."""

import datetime

import pytest
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.organisations.models import Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import PlanRole, Role, Step
from cocrea.proposals import actions
from cocrea.proposals.models import (
    Counterproposal,
    DraftComment,
    Proposal,
    PublicComment,
    ResponsibleInstitution,
    ReviewDelegate,
    ViabilityReview,
)

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import OrganisationFactory, StepFactory, UserFactory
from .factories_participation import TableFactory
from .test_proposals import COMPLETE, fill_set, seat

DRAFTING, ASSIGNMENT, REVIEW = (
    "training-and-tables",
    "responsibles-and-objectives",
    "viability-review",
)
REVIEW_PLANNED_END = datetime.date(2017, 8, 31)
DUE = datetime.date(2017, 8, 4)
COUNTER = {
    "title_es": "Tablero de compras de salud",
    "title_en": "Health procurement dashboard",
    "problem_es": "Las compras de salud no se pueden seguir.",
    "commitment_es": "Publicar un tablero mensual de compras.",
    "contribution_es": "La ciudadanía verá cada compra.",
    "relevance_es": "Rendición de cuentas.",
    "start_date": datetime.date(2017, 10, 1),
    "end_date": datetime.date(2019, 6, 30),
    "ogp_values": ["public_accountability"],
}


def set_step(plan, key: str, status: str) -> None:
    Step.objects.filter(plan=plan, key=key).update(status=status)


def set_all_steps(plan, status: str) -> None:
    Step.objects.filter(plan=plan, key__in=[DRAFTING, ASSIGNMENT, REVIEW]).update(status=status)


def messages_of(call, *args, **kwargs) -> list[str]:
    """Run an action in English and return the messages of the ValidationError it must raise."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            call(*args, **kwargs)
        return refused.value.messages


def logs(verb: str) -> list[ActionLog]:
    return list(ActionLog.objects.filter(verb=verb).order_by("id"))


@pytest.fixture
def programme(plan):
    """Steps 7, 9 and 10: drafting open, the other two not started."""
    return {
        DRAFTING: StepFactory(plan=plan, key=DRAFTING, number=7, status=Step.Status.OPEN),
        ASSIGNMENT: StepFactory(plan=plan, key=ASSIGNMENT, number=9),
        REVIEW: StepFactory(plan=plan, key=REVIEW, number=10, planned_end=REVIEW_PLANNED_END),
    }


@pytest.fixture
def ministry(plan, people):
    """A public institution; the `head` persona heads it in the plan."""
    org = OrganisationFactory(
        name_es="Ministerio de Salud",
        name_en="Ministry of Health",
        acronym="MINSA",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )
    PlanRole.objects.filter(plan=plan, user=people["head"], role=Role.HEAD_OF_INSTITUTION).update(
        organisation=org
    )
    return org


@pytest.fixture
def finance(db):
    return OrganisationFactory(
        name_es="Ministerio de Economía y Finanzas",
        name_en="Ministry of Economy and Finance",
        acronym="MEF",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )


@pytest.fixture
def table(plan, people, programme):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


@pytest.fixture
def draft(table):
    return actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, **COMPLETE)


@pytest.fixture
def submitted(table):
    """The table's three submitted proposals, in slot order."""
    fill_set(table)
    return actions.submit_set(table, table.axes.get(), by=SYSTEM)


@pytest.fixture
def proposal(submitted):
    return submitted[0]


@pytest.fixture
def review(plan, proposal, ministry):
    """The ministry's pending review of `proposal`, due on DUE; the review step is open."""
    actions.assign_institutions(
        proposal, by=SYSTEM, lead=ministry, objectives_es="Publicar datos.", due_on=DUE
    )
    set_step(plan, REVIEW, Step.Status.OPEN)
    return ViabilityReview.objects.get(proposal=proposal)


@pytest.fixture
def comment(proposal, people):
    return actions.comment_proposal(
        proposal, by=people["citizen"], body="¿Qué datos se publicarán?"
    )


@pytest.fixture
def lead_agency(plan):
    agency = OrganisationFactory(
        name_es="Autoridad Nacional de Transparencia y Acceso a la Información",
        name_en="National Authority for Transparency and Access to Information",
        acronym="ANTAI",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )
    plan.lead_agency = agency
    plan.save(update_fields=["lead_agency"])
    return agency


# --- the table's comments on its drafts ----------------------------------------------------------


def test_table_member_comments_a_draft_with_a_private_log_row(draft, people):
    participant = people["participant"]
    comment = actions.comment_draft(draft, by=participant, body="  Falta el presupuesto.  ")
    assert (comment.proposal, comment.author, comment.body) == (
        draft,
        participant,
        "Falta el presupuesto.",
    )
    [log] = logs("proposals.comment_draft")
    assert (log.public, log.actor, log.target, log.plan) == (False, participant, draft, draft.plan)


def test_comment_draft_is_refused_on_a_submitted_proposal(proposal, people):
    assert messages_of(actions.comment_draft, proposal, by=people["leader"], body="Tarde.") == [
        "This proposal has been submitted; comment on its public page."
    ]
    assert not DraftComment.objects.exists()
    assert logs("proposals.comment_draft") == []


def test_blank_draft_comment_is_refused(draft, people):
    assert messages_of(actions.comment_draft, draft, by=people["leader"], body=" \n ") == [
        "Write a comment."
    ]
    assert messages_of(actions.comment_draft, draft, by=people["leader"], body="x" * 3001) == [
        "Keep it within 3000 characters; it has 3001."
    ]
    assert not DraftComment.objects.exists()
    assert logs("proposals.comment_draft") == []


def test_member_of_another_table_may_not_comment_a_draft(plan, draft):
    other = TableFactory(plan=plan, number=2)
    outsider = UserFactory(username="other-member")
    seat(other, outsider)
    assert outsider.has_perm("proposals.comment_draft", draft) is False
    with pytest.raises(PermissionDenied):
        actions.comment_draft(draft, by=outsider, body="Desde fuera.")
    assert not DraftComment.objects.exists()


# --- responsible institutions and objectives -----------------------------------------------------


def test_assigning_names_one_lead_and_the_others_and_creates_a_pending_review(
    plan, proposal, ministry, finance, people
):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    civil = OrganisationFactory(name_es="Fundación Ciudadana")
    leader = people["leader"]
    actions.assign_institutions(
        proposal,
        by=leader,
        lead=ministry,
        others=[civil, ministry, finance],  # the lead among the others is not duplicated
        objectives_es="  Publicar los datos de salud.  ",
        objectives_en=" Publish health data. ",
    )
    rows = ResponsibleInstitution.objects.filter(proposal=proposal)
    assert [(r.organisation, r.is_lead) for r in rows] == [
        (ministry, True),
        (finance, False),  # created before `civil`: others go in order of id
        (civil, False),
    ]
    proposal.refresh_from_db()
    assert (proposal.objectives_es, proposal.objectives_en) == (
        "Publicar los datos de salud.",
        "Publish health data.",
    )
    review = ViabilityReview.objects.get()
    assert (review.proposal, review.institution, review.due_on, review.outcome) == (
        proposal,
        ministry,
        REVIEW_PLANNED_END,  # the planned end of the viability-review step
        "pending",
    )
    assert review.reminded_at is None
    [log] = logs("proposals.assign_institutions")
    assert (log.public, log.actor, log.target) == (True, leader, proposal)
    assert log.data == {
        "lead": ministry.pk,
        "others": sorted([civil.pk, finance.pk]),
        "due_on": "2017-08-31",
    }


def test_an_explicit_due_date_wins_over_the_step_planned_end(plan, proposal, ministry, secretary):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    actions.assign_institutions(
        proposal, by=secretary, lead=ministry, objectives_es="Objetivos.", due_on=DUE
    )
    assert ViabilityReview.objects.get().due_on == DUE
    assert logs("proposals.assign_institutions")[0].data["due_on"] == "2017-08-04"


def test_assign_institutions_refuses_a_draft(plan, draft, ministry, secretary):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    assert messages_of(
        actions.assign_institutions, draft, by=secretary, lead=ministry, objectives_es="O."
    ) == ["Only submitted proposals get responsible institutions."]
    assert not ResponsibleInstitution.objects.exists()
    assert not ViabilityReview.objects.exists()


def test_lead_must_be_a_public_institution_and_objectives_are_required_in_spanish(
    plan, proposal, secretary
):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    civil = OrganisationFactory(name_es="Fundación Ciudadana")
    assert messages_of(
        actions.assign_institutions,
        proposal,
        by=secretary,
        lead=civil,
        objectives_es="   ",
        objectives_en="Only in English.",
    ) == [
        "The lead institution must be a public institution.",
        "State the objectives in Spanish.",
    ]
    assert messages_of(
        actions.assign_institutions, proposal, by=secretary, lead=None, objectives_es="O."
    ) == ["Choose the lead institution."]
    assert not ResponsibleInstitution.objects.exists()
    assert not ViabilityReview.objects.exists()
    proposal.refresh_from_db()
    assert (proposal.objectives_es, proposal.objectives_en) == (None, None)  # never set
    assert logs("proposals.assign_institutions") == []


@pytest.mark.parametrize("review_step", ["missing", "without planned end"])
def test_due_date_is_required_when_the_review_step_gives_none(
    review_step, plan, programme, proposal, ministry, secretary
):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    if review_step == "missing":
        programme[REVIEW].delete()
    else:
        Step.objects.filter(pk=programme[REVIEW].pk).update(planned_end=None)
    assert messages_of(
        actions.assign_institutions, proposal, by=secretary, lead=ministry, objectives_es="O."
    ) == ["Give the date by which the lead institution reviews the proposal."]
    assert not ViabilityReview.objects.exists()


def test_reassigning_moves_the_pending_review_to_the_new_lead_and_resets_the_reminder(
    plan, review, ministry, finance, secretary
):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    ViabilityReview.objects.filter(pk=review.pk).update(reminded_at=timezone.now())
    actions.assign_institutions(
        review.proposal,
        by=secretary,
        lead=finance,
        others=[ministry],
        objectives_es="Publicar datos.",
        due_on=DUE,
    )
    moved = ViabilityReview.objects.get()
    assert (moved.pk, moved.institution, moved.due_on, moved.outcome, moved.reminded_at) == (
        review.pk,
        finance,
        DUE,
        "pending",
        None,
    )
    rows = ResponsibleInstitution.objects.filter(proposal=review.proposal)
    assert [(r.organisation, r.is_lead) for r in rows] == [(finance, True), (ministry, False)]


def test_reassigning_the_same_lead_and_date_keeps_the_reminder(plan, review, ministry, secretary):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    reminded = timezone.now()
    ViabilityReview.objects.filter(pk=review.pk).update(reminded_at=reminded)
    actions.assign_institutions(
        review.proposal, by=secretary, lead=ministry, objectives_es="Otros objetivos.", due_on=DUE
    )
    assert ViabilityReview.objects.get().reminded_at == reminded
    assert Proposal.objects.get(pk=review.proposal.pk).objectives_es == "Otros objetivos."


def test_lead_cannot_change_once_it_has_reviewed(plan, review, ministry, finance, people):
    actions.review_proposal(review, by=people["head"], outcome="viable")
    set_step(plan, ASSIGNMENT, Step.Status.OPEN)
    secretary = people["secretary"]
    assert messages_of(
        actions.assign_institutions,
        review.proposal,
        by=secretary,
        lead=finance,
        objectives_es="Publicar datos.",
    ) == ["The lead institution has already reviewed this proposal."]
    rows = ResponsibleInstitution.objects.filter(proposal=review.proposal)
    assert [(r.organisation, r.is_lead) for r in rows] == [(ministry, True)]
    # The same lead may still get other institutions and new objectives.
    actions.assign_institutions(
        review.proposal, by=secretary, lead=ministry, others=[finance], objectives_es="Nuevos."
    )
    done = ViabilityReview.objects.get()
    assert (done.institution, done.outcome, done.due_on) == (ministry, "viable", DUE)
    assert Proposal.objects.get(pk=review.proposal.pk).objectives_es == "Nuevos."
    assert [(r.organisation, r.is_lead) for r in rows.all()] == [
        (ministry, True),
        (finance, False),
    ]


# --- the viability review ------------------------------------------------------------------------


def test_viable_review_is_final_and_public(review, ministry, people):
    head = people["head"]
    actions.review_proposal(
        review, by=head, outcome="viable", changes_es="Ignorado.", reasons_es="Ignorado."
    )
    review.refresh_from_db()
    assert (review.outcome, review.changes_es, review.reasons_es, review.reviewed_by) == (
        "viable",
        "",
        "",
        head,
    )
    assert review.reviewed_at is not None
    assert not Counterproposal.objects.exists()
    [log] = logs("proposals.review_proposal")
    assert (log.public, log.actor, log.target) == (True, head, review.proposal)
    assert log.data == {"outcome": "viable", "institution": ministry.pk}


def test_viable_with_changes_requires_the_changes(review, people):
    head = people["head"]
    assert messages_of(
        actions.review_proposal, review, by=head, outcome="viable_with_changes", changes_es=" "
    ) == ["State the changes the proposal needs to be viable, in Spanish."]
    assert ViabilityReview.objects.get().outcome == "pending"
    actions.review_proposal(
        review,
        by=head,
        outcome="viable_with_changes",
        changes_es=" Publicar también por región. ",
        changes_en="Also publish by region.",
    )
    review.refresh_from_db()
    assert (review.outcome, review.changes_es, review.changes_en) == (
        "viable_with_changes",
        "Publicar también por región.",
        "Also publish by region.",
    )


@pytest.mark.parametrize(
    ("reasons_es", "counterproposal", "expected"),
    [
        ("", COUNTER, ["A proposal found not viable needs the reasons, in Spanish."]),
        ("Sin presupuesto.", None, ["A proposal found not viable needs a counterproposal."]),
        (
            "Sin presupuesto.",
            {"title_es": "", "ogp_values": []},
            ["A proposal found not viable needs a counterproposal."],
        ),
        (
            "  ",
            {},
            [
                "A proposal found not viable needs the reasons, in Spanish.",
                "A proposal found not viable needs a counterproposal.",
            ],
        ),
    ],
    ids=["no-reasons", "no-counterproposal", "empty-counterproposal", "neither"],
)
def test_not_viable_review_requires_reasons_and_a_counterproposal(
    reasons_es, counterproposal, expected, review, people
):
    assert (
        messages_of(
            actions.review_proposal,
            review,
            by=people["head"],
            outcome="not_viable",
            reasons_es=reasons_es,
            counterproposal=counterproposal,
        )
        == expected
    )
    fresh = ViabilityReview.objects.get()
    assert (fresh.outcome, fresh.reasons_es, fresh.reviewed_by, fresh.reviewed_at) == (
        "pending",
        None,  # never set
        None,
        None,
    )
    assert not Counterproposal.objects.exists()
    assert logs("proposals.review_proposal") == []


def test_counterproposal_lacking_template_fields_is_refused_listing_them(review, people):
    assert messages_of(
        actions.review_proposal,
        review,
        by=people["head"],
        outcome="not_viable",
        reasons_es="Sin presupuesto.",
        counterproposal={
            "title_es": "Otra cosa",
            "problem_en": "Only in English",
            "ogp_values": ["technology_innovation"],
        },
    ) == [
        "The counterproposal lacks: Start date, End date, "
        "What is the public problem the commitment will address? (ES), "
        "What is the commitment? (ES), How will it contribute to solve the problem? (ES), "
        "Why is it relevant to OGP values? (ES), "
        "another OGP value besides technology and innovation."
    ]
    assert messages_of(
        actions.review_proposal,
        review,
        by=people["head"],
        outcome="not_viable",
        reasons_es="Sin presupuesto.",
        counterproposal={**COUNTER, "end_date": datetime.date(2017, 9, 30)},
    ) == ["The end date cannot be before the start date."]
    assert ViabilityReview.objects.get().outcome == "pending"
    assert not Counterproposal.objects.exists()


def test_complete_not_viable_review_saves_the_counterproposal(review, ministry, people):
    head = people["head"]
    actions.review_proposal(
        review,
        by=head,
        outcome="not_viable",
        changes_es="Ignorado.",
        reasons_es=" No hay presupuesto este año. ",
        reasons_en="No budget this year.",
        counterproposal=COUNTER,
    )
    review.refresh_from_db()
    assert (review.outcome, review.changes_es, review.reasons_es, review.reasons_en) == (
        "not_viable",
        "",
        "No hay presupuesto este año.",
        "No budget this year.",
    )
    counter = Counterproposal.objects.get()
    assert (counter.review, counter.proposal, counter.template_version) == (
        review,
        review.proposal,
        "2017",
    )
    assert (counter.title_es, counter.title_en, counter.commitment_es) == (
        "Tablero de compras de salud",
        "Health procurement dashboard",
        "Publicar un tablero mensual de compras.",
    )
    assert (counter.start_date, counter.end_date, counter.ogp_values) == (
        datetime.date(2017, 10, 1),
        datetime.date(2019, 6, 30),
        ["public_accountability"],
    )
    [log] = logs("proposals.review_proposal")
    assert (log.public, log.data) == (True, {"outcome": "not_viable", "institution": ministry.pk})


def test_a_second_review_is_refused(review, people):
    head = people["head"]
    actions.review_proposal(review, by=head, outcome="viable")
    assert messages_of(
        actions.review_proposal,
        review,
        by=head,
        outcome="not_viable",
        reasons_es="Cambio de opinión.",
        counterproposal=COUNTER,
    ) == ["This proposal has already been reviewed."]
    assert ViabilityReview.objects.get().outcome == "viable"
    assert not Counterproposal.objects.exists()
    assert len(logs("proposals.review_proposal")) == 1


def test_review_needs_a_known_outcome(review, people):
    assert messages_of(actions.review_proposal, review, by=people["head"], outcome="pending") == [
        "Choose the outcome of the review."
    ]
    assert ViabilityReview.objects.get().outcome == "pending"


def test_head_of_another_institution_cannot_review(plan, review, finance):
    other_head = UserFactory(username="head-of-finance")
    plan_actions.grant_role(
        plan, other_head, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=finance
    )
    assert other_head.has_perm("proposals.review_proposal", review) is False
    with pytest.raises(PermissionDenied):
        actions.review_proposal(review, by=other_head, outcome="viable")
    assert ViabilityReview.objects.get().outcome == "pending"


# --- delegates -----------------------------------------------------------------------------------


def test_head_names_a_delegate_who_is_mailed_and_can_then_review(
    plan, review, ministry, people, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://cocrea.example.org"
    head = people["head"]
    delegate = UserFactory(username="ana", full_name="Ana Pérez", preferred_language="en")
    assert delegate.has_perm("proposals.review_proposal", review) is False
    with django_capture_on_commit_callbacks(execute=True):
        delegation = actions.name_delegate(plan, ministry, by=head, user=delegate)
    assert (delegation.plan, delegation.institution, delegation.user, delegation.named_by) == (
        plan,
        ministry,
        delegate,
        head,
    )
    [log] = logs("proposals.name_delegate")
    assert (log.public, log.actor, log.data) == (False, head, {"institution": ministry.pk})
    [mail] = mailoutbox
    assert mail.to == ["ana@example.org"]
    assert mail.subject == "You review proposals on behalf of Ministry of Health"
    assert mail.body.split("\n-- \n")[0] == (
        f"Head has named you to review, on behalf of Ministry of Health, the viability of the "
        f"commitment proposals assigned to it in “{plan.title_en}”.\n\n"
        "The proposals awaiting your review, with their deadlines:\n"
        "https://cocrea.example.org/workspace/panama-test/reviews/\n"
    )
    assert delegate.has_perm("proposals.review_proposal", review) is True
    actions.review_proposal(review, by=delegate, outcome="viable")
    review.refresh_from_db()
    assert (review.outcome, review.reviewed_by) == ("viable", delegate)


def test_removing_a_delegate_ends_their_reviewing(plan, review, ministry, people):
    head = people["head"]
    delegate = UserFactory(username="ana")
    delegation = actions.name_delegate(plan, ministry, by=head, user=delegate)
    assert delegate.has_perm("proposals.review_proposal", review) is True
    actions.remove_delegate(delegation, by=head)
    assert not ReviewDelegate.objects.exists()
    assert delegate.has_perm("proposals.review_proposal", review) is False
    [log] = logs("proposals.remove_delegate")
    assert (log.public, log.actor, log.data) == (False, head, {"institution": ministry.pk})


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_head_of_the_institution_names_and_removes_delegates(
    persona, plan, ministry, people
):
    user = people[persona]
    delegate = UserFactory(username="ana")
    allowed = persona == "head"
    assert (
        user.has_perm("proposals.name_delegate", ReviewDelegate(plan=plan, institution=ministry))
        is allowed
    )
    if allowed:
        actions.name_delegate(plan, ministry, by=user, user=delegate)
        assert ReviewDelegate.objects.get().user == delegate
    else:
        with pytest.raises(PermissionDenied):
            actions.name_delegate(plan, ministry, by=user, user=delegate)
        assert not ReviewDelegate.objects.exists()
        delegation = actions.name_delegate(plan, ministry, by=people["head"], user=delegate)
        with pytest.raises(PermissionDenied):
            actions.remove_delegate(delegation, by=user)
        assert ReviewDelegate.objects.count() == 1


def test_head_cannot_name_delegates_for_another_institution(plan, ministry, finance, people):
    delegate = UserFactory(username="ana")
    with pytest.raises(PermissionDenied):
        actions.name_delegate(plan, finance, by=people["head"], user=delegate)
    assert not ReviewDelegate.objects.exists()


def test_naming_twice_or_an_inactive_account_is_refused(plan, ministry, people):
    head = people["head"]
    delegate = UserFactory(username="ana")
    actions.name_delegate(plan, ministry, by=head, user=delegate)
    assert messages_of(actions.name_delegate, plan, ministry, by=head, user=delegate) == [
        "This person is already a delegate of the institution."
    ]
    gone = UserFactory(username="gone", is_active=False)
    assert messages_of(actions.name_delegate, plan, ministry, by=head, user=gone) == [
        "This account is not active."
    ]
    assert [d.user for d in ReviewDelegate.objects.all()] == [delegate]


# --- reminders -----------------------------------------------------------------------------------


@pytest.fixture
def reviewers(plan, ministry, finance, people):
    """Who reviews for the ministry: the head persona, a second head who is also a delegate, a
    delegate; plus an inactive delegate and the head of another institution, never mailed."""
    head = people["head"]
    head.preferred_language = "en"
    head.save(update_fields=["preferred_language"])
    second = UserFactory(username="jefa", preferred_language="en")
    plan_actions.grant_role(
        plan, second, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=ministry
    )
    delegate = UserFactory(username="ana", preferred_language="en")
    inactive = UserFactory(username="gone")
    for user in (second, delegate, inactive):
        actions.name_delegate(plan, ministry, by=head, user=user)
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    other = UserFactory(username="head-of-finance")
    plan_actions.grant_role(plan, other, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=finance)
    return ["head@example.org", "jefa@example.org", "ana@example.org"]


def test_remind_review_mails_every_head_and_delegate_once(
    review,
    reviewers,
    secretary,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    settings.SITE_URL = "https://cocrea.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_review(review, by=secretary) is True
    assert sorted(m.to[0] for m in mailoutbox) == sorted(reviewers)
    assert all(len(m.to) == 1 for m in mailoutbox)
    mail = mailoutbox[0]
    assert mail.subject == "Reminder: viability review of “Datos abiertos de salud”"
    assert mail.body.split("\n-- \n")[0] == (
        "The review by Ministry of Health of the commitment proposal “Datos abiertos de salud” "
        "was due on 4 August 2017. Answer whether it is viable, viable with changes or not "
        "viable (with the reasons and a counterproposal) here:\n"
        f"https://cocrea.example.org/workspace/panama-test/reviews/{review.pk}/\n"
    )
    assert ViabilityReview.objects.get().reminded_at is not None
    [log] = logs("proposals.remind_review")
    assert (log.public, log.actor, log.data) == (False, secretary, {"recipients": 3})
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_review(review, by=secretary) is False
    assert len(mailoutbox) == 3
    assert len(logs("proposals.remind_review")) == 1


def test_remind_review_waits_for_the_day_after_the_due_date(
    review, reviewers, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_review(review, by=secretary, today=DUE) is False
    assert ViabilityReview.objects.get().reminded_at is None
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_review(review, by=secretary, today=DUE + datetime.timedelta(1))
    assert len(mailoutbox) == 3


def test_remind_review_does_nothing_for_a_done_review(
    review, reviewers, people, mailoutbox, django_capture_on_commit_callbacks
):
    actions.review_proposal(review, by=people["head"], outcome="viable")
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_review(review, by=people["secretary"]) is False
    assert ViabilityReview.objects.get().reminded_at is None
    assert mailoutbox == []


@pytest.fixture
def three_reviews(plan, submitted, ministry, people):
    """Overdue and pending; not yet due; overdue but done. The review step is open."""
    today = timezone.localdate()
    due = [DUE, today + datetime.timedelta(days=30), DUE]
    for proposal, due_on in zip(submitted, due, strict=True):
        actions.assign_institutions(
            proposal, by=SYSTEM, lead=ministry, objectives_es="Objetivos.", due_on=due_on
        )
    set_step(plan, REVIEW, Step.Status.OPEN)
    overdue, not_due, done = (p.review for p in submitted)
    actions.review_proposal(done, by=people["head"], outcome="viable")
    return overdue, not_due, done


def test_job_reminds_only_overdue_pending_reviews_once(
    three_reviews, reviewers, mailoutbox, django_capture_on_commit_callbacks
):
    overdue, not_due, done = three_reviews
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_review_reminders() == 1
    reminded = dict(ViabilityReview.objects.values_list("pk", "reminded_at"))
    assert reminded[overdue.pk] is not None
    assert (reminded[not_due.pk], reminded[done.pk]) == (None, None)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(reviewers)
    assert {m.subject for m in mailoutbox} == {
        "Reminder: viability review of “Datos abiertos de salud”"
    }
    [log] = logs("proposals.remind_review")
    assert (log.actor, log.actor_name, log.target) == (None, "system", overdue.proposal)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_review_reminders() == 0  # idempotent
    assert len(mailoutbox) == 3


def test_job_sends_nothing_while_the_review_step_is_closed(
    plan, three_reviews, reviewers, mailoutbox, django_capture_on_commit_callbacks
):
    set_step(plan, REVIEW, Step.Status.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_review_reminders() == 0
    assert list(ViabilityReview.objects.values_list("reminded_at", flat=True)) == [None] * 3
    assert mailoutbox == []


# Committed for real: the worker closes stale connections before each job, which would end the
# enclosing test transaction on PostgreSQL; mail is then sent on each action's commit.
@pytest.mark.django_db(transaction=True)
def test_worker_once_runs_the_review_reminders(three_reviews, reviewers, capsys, mailoutbox):
    mailoutbox.clear()  # the delegates' mails of the fixtures, already sent
    call_command("worker", "--once")
    assert "review-reminders: handled 1" in capsys.readouterr().out.splitlines()
    assert sorted(m.to[0] for m in mailoutbox) == sorted(reviewers)


# --- public comments, official answers and moderation -------------------------------------------


def test_registered_person_comments_a_submitted_proposal(proposal, people):
    citizen = people["citizen"]
    comment = actions.comment_proposal(proposal, by=citizen, body="  ¿Y los datos por región?  ")
    assert (comment.proposal, comment.author, comment.author_name, comment.body) == (
        proposal,
        citizen,
        "Citizen",
        "¿Y los datos por región?",
    )
    assert (comment.answer, comment.is_hidden) == ("", False)
    [log] = logs("proposals.comment_proposal")
    assert (log.public, log.actor, log.target, log.data) == (
        False,
        citizen,
        proposal,
        {"comment": comment.pk},
    )


def test_anonymous_and_inactive_people_cannot_comment(proposal, people):
    inactive = UserFactory(username="gone", is_active=False)
    for user in (people["anonymous"], inactive):
        assert user.has_perm("proposals.comment_proposal", proposal) is False
        with pytest.raises(PermissionDenied):
            actions.comment_proposal(proposal, by=user, body="Hola.")
    assert not PublicComment.objects.exists()


def test_only_submitted_proposals_take_public_comments(draft, people):
    assert messages_of(actions.comment_proposal, draft, by=people["citizen"], body="Hola.") == [
        "Only submitted proposals take public comments."
    ]
    assert not PublicComment.objects.exists()


def test_blank_public_comment_is_refused(proposal, people):
    assert messages_of(actions.comment_proposal, proposal, by=people["citizen"], body="  ") == [
        "Write a comment."
    ]
    assert not PublicComment.objects.exists()


@pytest.mark.cache
@override_settings(PROPOSAL_COMMENT_RATE_LIMIT=2)
def test_public_comments_are_rate_limited_per_account(proposal, people):
    caches["shared"].clear()
    citizen = people["citizen"]
    actions.comment_proposal(proposal, by=citizen, body="Uno.")
    actions.comment_proposal(proposal, by=citizen, body="Dos.")
    assert messages_of(actions.comment_proposal, proposal, by=citizen, body="Tres.") == [
        "You have sent many comments in a short time; try again later."
    ]
    actions.comment_proposal(proposal, by=people["participant"], body="Otra persona.")
    assert list(PublicComment.objects.values_list("body", flat=True)) == [
        "Uno.",
        "Dos.",
        "Otra persona.",
    ]
    caches["shared"].clear()


def test_secretariat_answers_in_the_name_of_the_lead_agency(lead_agency, comment, secretary):
    actions.answer_comment(comment, by=secretary, answer="  Se publicarán por región.  ")
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by, comment.answered_by_name) == (
        "Se publicarán por región.",
        secretary,
        "Secretary (ANTAI)",
    )
    assert comment.answered_at is not None
    [log] = logs("proposals.answer_comment")
    assert (log.public, log.actor, log.target, log.data) == (
        True,
        secretary,
        comment.proposal,
        {"comment": comment.pk},
    )


def test_secretariat_answer_names_the_lead_agency_without_acronym_or_the_secretariat(
    plan, lead_agency, comment, secretary
):
    Organisation.objects.filter(pk=lead_agency.pk).update(acronym="")
    comment = PublicComment.objects.get()  # its plan and agency read afresh, as in a request
    with translation.override("en"):
        actions.answer_comment(comment, by=secretary, answer="Sí.")
    assert PublicComment.objects.get().answered_by_name == (
        "Secretary (National Authority for Transparency and Access to Information)"
    )
    plan.lead_agency = None
    plan.save(update_fields=["lead_agency"])
    comment = PublicComment.objects.get()
    with translation.override("en"):
        actions.answer_comment(comment, by=secretary, answer="Sí.")
    assert PublicComment.objects.get().answered_by_name == "Secretary (Secretariat)"


def test_table_leader_answers_in_the_name_of_the_table_and_a_later_answer_replaces(
    lead_agency, comment, people
):
    leader = people["leader"]
    actions.answer_comment(comment, by=leader, answer="Lo veremos en la mesa.")
    actions.answer_comment(comment, by=people["secretary"], answer="Se publicarán.")
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by_name) == ("Se publicarán.", "Secretary (ANTAI)")
    assert [log.actor for log in logs("proposals.answer_comment")] == [leader, people["secretary"]]
    actions.answer_comment(comment, by=leader, answer="Lo veremos en la mesa.")
    assert PublicComment.objects.get().answered_by_name == "Leader (1. Mesa 1)"


def test_others_cannot_answer_and_blank_answers_are_refused(plan, comment, people):
    other = TableFactory(plan=plan, number=2)
    other_leader = UserFactory(username="other-leader")
    seat(other, other_leader, leader=True)
    for user in (people["participant"], other_leader):
        with pytest.raises(PermissionDenied):
            actions.answer_comment(comment, by=user, answer="No me toca.")
    assert messages_of(actions.answer_comment, comment, by=people["leader"], answer=" ") == [
        "Write the answer."
    ]
    assert PublicComment.objects.get().answer == ""
    assert logs("proposals.answer_comment") == []


def test_hiding_a_comment_requires_a_reason_and_keeps_the_text(comment, secretary):
    assert messages_of(actions.hide_comment, comment, by=secretary, reason="  ") == [
        "Give the reason for hiding the comment."
    ]
    assert messages_of(actions.hide_comment, comment, by=secretary, reason="x" * 501) == [
        "Keep it within 500 characters; it has 501."
    ]
    assert PublicComment.objects.get().is_hidden is False
    actions.hide_comment(comment, by=secretary, reason=" Datos personales de un tercero. ")
    hidden = PublicComment.objects.get()
    assert (hidden.is_hidden, hidden.hidden_by, hidden.hidden_reason, hidden.body) == (
        True,
        secretary,
        "Datos personales de un tercero.",
        "¿Qué datos se publicarán?",
    )
    [log] = logs("proposals.hide_comment")
    assert (log.public, log.data) == (
        True,
        {"comment": comment.pk, "reason": "Datos personales de un tercero."},
    )


def test_restoring_a_comment_clears_the_hiding(comment, secretary):
    assert messages_of(actions.restore_comment, comment, by=secretary) == [
        "This comment is not hidden."
    ]
    actions.hide_comment(comment, by=secretary, reason="Insultos.")
    actions.restore_comment(comment, by=secretary)
    restored = PublicComment.objects.get()
    assert (restored.hidden_at, restored.hidden_by, restored.hidden_reason) == (None, None, "")
    [log] = logs("proposals.restore_comment")
    assert (log.public, log.actor, log.data) == (True, secretary, {"comment": comment.pk})


# --- permissions: persona x step ------------------------------------------------------------------
# Worked out from rules.py. The table seats `leader` (leading) and `participant`; the `head`
# persona heads the ministry, the lead institution of the review.

MAY_COMMENT_DRAFT = {"secretary", "leader", "participant"}
MAY_ASSIGN = {"secretary", "leader"}
MAY_REVIEW = {"head"}
MAY_ANSWER = {"secretary", "leader"}
MAY_MODERATE = SECRETARIAT_POWERS
MAY_COMMENT = {
    "secretary",
    "commissioner",
    "leader",
    "participant",
    "liaison",
    "head",
    "reviewer",
    "citizen",
    "superuser",
    "platform_admin",
}
MAY_REMIND = SECRETARIAT_POWERS

step_state = pytest.mark.parametrize("step_open", [True, False], ids=["open", "closed"])
every_persona = pytest.mark.parametrize("persona", ALL_PERSONAS)


@step_state
@every_persona
def test_comment_draft_matrix(persona, step_open, plan, draft, people):
    set_step(plan, DRAFTING, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = step_open and persona in MAY_COMMENT_DRAFT
    assert user.has_perm("proposals.comment_draft", draft) is allowed
    if allowed:
        actions.comment_draft(draft, by=user, body="Revisar fechas.")
        assert DraftComment.objects.get().body == "Revisar fechas."
    else:
        with pytest.raises(PermissionDenied):
            actions.comment_draft(draft, by=user, body="Revisar fechas.")
        assert not DraftComment.objects.exists()


@step_state
@every_persona
def test_assign_institutions_matrix(persona, step_open, plan, proposal, ministry, people):
    set_step(plan, ASSIGNMENT, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = step_open and persona in MAY_ASSIGN
    assert user.has_perm("proposals.assign_institutions", proposal) is allowed
    if allowed:
        actions.assign_institutions(proposal, by=user, lead=ministry, objectives_es="Objetivos.")
        assert ViabilityReview.objects.get().institution == ministry
    else:
        with pytest.raises(PermissionDenied):
            actions.assign_institutions(
                proposal, by=user, lead=ministry, objectives_es="Objetivos."
            )
        assert not ResponsibleInstitution.objects.exists()
        assert not ViabilityReview.objects.exists()


@step_state
@every_persona
def test_review_proposal_matrix(persona, step_open, plan, review, people):
    set_step(plan, REVIEW, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = step_open and persona in MAY_REVIEW
    assert user.has_perm("proposals.review_proposal", review) is allowed
    if allowed:
        actions.review_proposal(review, by=user, outcome="viable")
        assert ViabilityReview.objects.get().outcome == "viable"
    else:
        with pytest.raises(PermissionDenied):
            actions.review_proposal(review, by=user, outcome="viable")
        assert ViabilityReview.objects.get().outcome == "pending"


# The rules below depend on no step: each holds the same with every proposals step open or closed.


@step_state
@every_persona
def test_answer_comment_matrix(persona, step_open, plan, comment, people):
    set_all_steps(plan, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = persona in MAY_ANSWER
    assert user.has_perm("proposals.answer_comment", comment) is allowed
    if allowed:
        actions.answer_comment(comment, by=user, answer="Respuesta.")
        assert PublicComment.objects.get().answer == "Respuesta."
    else:
        with pytest.raises(PermissionDenied):
            actions.answer_comment(comment, by=user, answer="Respuesta.")
        assert PublicComment.objects.get().answer == ""


MAY_ANSWER_ONCE_ASSIGNED = {*MAY_ANSWER, "head"}


@step_state
@every_persona
def test_answer_comment_matrix_once_the_lead_institution_is_assigned(
    persona, step_open, plan, review, comment, people
):
    """The head (and delegates) of the proposal's lead institution answer too."""
    set_all_steps(plan, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = persona in MAY_ANSWER_ONCE_ASSIGNED
    assert user.has_perm("proposals.answer_comment", comment) is allowed
    if allowed:
        actions.answer_comment(comment, by=user, answer="Respuesta.")
        assert PublicComment.objects.get().answer == "Respuesta."
    else:
        with pytest.raises(PermissionDenied):
            actions.answer_comment(comment, by=user, answer="Respuesta.")
        assert PublicComment.objects.get().answer == ""


@step_state
@every_persona
def test_moderate_comment_matrix(persona, step_open, plan, comment, people):
    set_all_steps(plan, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = persona in MAY_MODERATE
    assert user.has_perm("proposals.moderate_comment", comment) is allowed
    if allowed:
        actions.hide_comment(comment, by=user, reason="Fuera de tema.")
        assert PublicComment.objects.get().is_hidden is True
    else:
        with pytest.raises(PermissionDenied):
            actions.hide_comment(comment, by=user, reason="Fuera de tema.")
        assert PublicComment.objects.get().is_hidden is False


@step_state
@every_persona
def test_comment_proposal_matrix(persona, step_open, plan, proposal, people):
    set_all_steps(plan, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    # Public comment is a capability of the steps: nobody comments while none enabling it is open.
    allowed = step_open and persona in MAY_COMMENT
    assert user.has_perm("proposals.comment_proposal", proposal) is allowed
    if allowed:
        actions.comment_proposal(proposal, by=user, body="Me interesa.")
        assert PublicComment.objects.get().author == user
    else:
        with pytest.raises(PermissionDenied):
            actions.comment_proposal(proposal, by=user, body="Me interesa.")
        assert not PublicComment.objects.exists()


@step_state
@every_persona
def test_remind_review_matrix(persona, step_open, plan, review, people):
    set_all_steps(plan, Step.Status.OPEN if step_open else Step.Status.CLOSED)
    user = people[persona]
    allowed = persona in MAY_REMIND
    assert user.has_perm("proposals.remind_review", review) is allowed
    if allowed:
        # Overdue only while the review step is open: a closed step has nothing to remind.
        assert actions.remind_review(review, by=user) is step_open
        assert (ViabilityReview.objects.get().reminded_at is not None) is step_open
    else:
        with pytest.raises(PermissionDenied):
            actions.remind_review(review, by=user)
        assert ViabilityReview.objects.get().reminded_at is None


# --- the superuser administers; a seat is never theirs by that alone ------------------------------


def test_superuser_neither_sees_the_review_form_nor_records_the_institution_review(
    client, review, people
):
    client.force_login(people["superuser"])
    url = reverse("proposals:review", args=[review.plan.slug, review.pk])
    page = client.get(url)
    # The superuser may read every review (administration), but not answer for the ministry.
    assert page.status_code == 200
    assert 'id="review-form"' not in page.content.decode()
    response = client.post(url, {"outcome": "viable"})
    assert response.status_code == 403
    assert ViabilityReview.objects.get().outcome == "pending"
    assert logs("proposals.review_proposal") == []


def test_superuser_does_not_name_delegates_nor_draft_for_a_table(plan, draft, ministry, people):
    superuser = people["superuser"]
    with pytest.raises(PermissionDenied):
        actions.name_delegate(plan, ministry, by=superuser, user=UserFactory(username="ana"))
    with pytest.raises(PermissionDenied):
        actions.comment_draft(draft, by=superuser, body="Revisar.")
    assert superuser.has_perm("proposals.change_proposal", draft.working_table) is False
    assert (ReviewDelegate.objects.count(), DraftComment.objects.count()) == (0, 0)


def test_superuser_holding_the_seat_reviews_as_its_holder(plan, review, ministry, people):
    superuser = people["superuser"]
    plan_actions.grant_role(
        plan, superuser, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=ministry
    )
    assert superuser.has_perm("proposals.review_proposal", review) is True
    actions.review_proposal(review, by=superuser, outcome="viable")
    assert ViabilityReview.objects.get().outcome == "viable"
