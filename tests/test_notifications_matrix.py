# ruff: noqa: F811  (the fixtures imported from test_proposals_review)
"""The kind x persona matrix, generated from the catalogue (cocrea/notifications/catalogue.py).

Every kind of the catalogue has its row: the personas (tests/conftest.py) who must be told, and a
scenario that makes the kind happen with them. For each row, exactly those personas get the
notification in the app and the e-mail in the outbox, once each, in their language (the head
and the participant read English, the others the plan's default Spanish). The kinds whose mails
another module tests (tests/test_notifications_mails.py, MAIL_ROWS) complete the catalogue."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core import mail
from django.utils import timezone

from cocrea.commitments import actions as commitment_actions
from cocrea.core.actions import SYSTEM
from cocrea.notifications import actions as notify_actions
from cocrea.notifications.catalogue import CATALOGUE
from cocrea.notifications.models import Delivery, Notification
from cocrea.plans import actions as plan_actions
from cocrea.plans import context
from cocrea.plans.models import PlanRole, Role, Step
from cocrea.proposals import actions
from cocrea.proposals.models import Proposal, ViabilityReview
from cocrea.publication import actions as publication_actions
from cocrea.publication import actions as review_actions
from cocrea.selection import actions as selection_actions
from cocrea.tables import actions as table_actions

from . import factories_outcomes as outcome_factories
from .factories import StepFactory
from .factories_commitments import selected_proposal
from .factories_document import drafting_step
from .factories_drafts import commitment as draft_commitment
from .factories_drafts import issued, public_comment_step
from .test_proposals import COMPLETE, fill_set
from .test_proposals_review import (  # noqa: F401
    ASSIGNMENT,
    DRAFTING,
    DUE,
    REVIEW,
    ministry,
    programme,
    set_step,
    table,
)

try:  # the kinds whose mails another module tests, when it exists
    from .test_notifications_mails import MAIL_ROWS
except ImportError:
    MAIL_ROWS = {}

# Who reads English; everyone else has no preferred language and gets the plan's default.
ENGLISH = {"head", "participant"}


@dataclass
class World:
    plan: object
    people: dict
    table: object
    ministry: object
    programme: dict

    @property
    def axis(self):
        return self.table.axes.get()

    def fresh(self) -> None:
        """Forget what the preparation caused: the scenario's act alone is counted."""
        Notification.objects.all().delete()
        Delivery.objects.all().delete()

    def submit(self) -> list[Proposal]:
        fill_set(self.table)
        return actions.submit_set(self.table, self.axis, by=SYSTEM)

    def assign(self, proposal, *, due_on=DUE) -> ViabilityReview:
        """The ministry reviews `proposal` by `due_on`; the review step is open."""
        actions.assign_institutions(
            proposal, by=SYSTEM, lead=self.ministry, objectives_es="Publicar datos.", due_on=due_on
        )
        set_step(self.plan, REVIEW, Step.Status.OPEN)
        return ViabilityReview.objects.get(proposal=proposal)

    def follow(self, persona: str, obj) -> None:
        notify_actions.follow(obj, by=self.people[persona])


@pytest.fixture
def world(plan, people, programme, table, ministry):
    for name in ENGLISH:
        people[name].preferred_language = "en"
        people[name].save(update_fields=["preferred_language"])
    return World(plan, people, table, ministry, programme)


# --- the scenarios: each prepares, then calls `world.fresh()` and acts ------------------------


def seat_given(w: World):
    w.fresh()
    table_actions.add_member(
        w.table,
        w.people["citizen"],
        by=w.people["secretary"],
        side="civil_society",
        sector="academia",
        source="invitation",
    )


def step_opened(w: World):
    drafting = w.programme[DRAFTING]
    plan_actions.close_step(drafting, by=w.people["secretary"])
    w.fresh()
    plan_actions.open_step(drafting, by=w.people["secretary"])


def step_closed(w: World):
    w.fresh()
    plan_actions.close_step(w.programme[DRAFTING], by=w.people["secretary"])


def delegate_named(w: World):
    w.fresh()
    actions.name_delegate(w.plan, w.ministry, by=w.people["head"], user=w.people["citizen"])


def review_assigned(w: World):
    proposal = w.submit()[0]
    set_step(w.plan, ASSIGNMENT, Step.Status.OPEN)
    w.fresh()
    actions.assign_institutions(
        proposal, by=w.people["secretary"], lead=w.ministry, objectives_es="Publicar datos."
    )


def review_due_soon(w: World):
    w.assign(w.submit()[0], due_on=timezone.localdate() + datetime.timedelta(days=2))
    w.fresh()
    actions.send_review_reminders()


def review_overdue(w: World):
    w.assign(w.submit()[0])
    w.fresh()
    actions.send_review_reminders()


def review_given(w: World):
    review = w.assign(w.submit()[0])
    w.follow("citizen", review.proposal)
    w.fresh()
    actions.review_proposal(review, by=w.people["head"], outcome="viable")


def set_submitted(w: World):
    fill_set(w.table)
    w.follow("commissioner", Proposal.objects.get(slot="commitment_1"))
    w.fresh()
    actions.submit_set(w.table, w.axis, by=w.people["leader"])


def comment_posted(w: World):
    proposal = w.assign(w.submit()[0]).proposal
    w.follow("commissioner", proposal)
    w.fresh()
    actions.comment_proposal(proposal, by=w.people["citizen"], body="¿Qué datos?")


def comment_answered(w: World):
    proposal = w.assign(w.submit()[0]).proposal
    w.follow("commissioner", proposal)
    comment = actions.comment_proposal(proposal, by=w.people["citizen"], body="¿Qué datos?")
    w.fresh()
    actions.answer_comment(comment, by=w.people["head"], answer="Los de compras.")


def proposal_changed(w: World):
    draft = actions.save_proposal(w.table, w.axis, "commitment_1", by=SYSTEM, **COMPLETE)
    w.follow("commissioner", draft)
    w.fresh()
    actions.save_proposal(
        w.table, w.axis, "commitment_1", by=w.people["participant"], title_es="Datos de salud"
    )


def _commitment(w: World):
    """Commitment 1, from a proposal selected with the ministry leading it; the liaison persona
    is the ministry's liaison."""
    PlanRole.objects.filter(plan=w.plan, user=w.people["liaison"], role=Role.LIAISON).update(
        organisation=w.ministry
    )
    context.invalidate()
    return selected_proposal(w.plan, w.table, lead=w.ministry)


def commitment_created(w: World):
    proposal = _commitment(w)
    w.fresh()
    commitment_actions.create_commitment(proposal, by=SYSTEM)


def commitment_changed(w: World):
    commitment = commitment_actions.create_commitment(_commitment(w), by=SYSTEM)
    StepFactory(
        plan=w.plan,
        key="develop",
        number=12,
        status=Step.Status.OPEN,
        capabilities=["commitment-development"],
    )
    w.fresh()
    commitment_actions.update_commitment(
        commitment, by=w.people["liaison"], fields={"budget_es": "USD 10 000"}
    )
    # within the quiet hour, a second change tells nobody again
    commitment_actions.update_commitment(
        commitment, by=w.people["liaison"], fields={"budget_es": "USD 20 000"}
    )


def plan_draft_issued(w: World):
    """The system issues draft 0.1 while a step enabling the plan's drafting is open (the
    leader leads the table by role and seat: told once)."""
    drafting_step(w.plan)
    w.fresh()
    publication_actions.issue_draft_version(w.plan, by=SYSTEM)


def _draft(w: World):
    """Draft 0.1 of the plan (the ministry leads its commitment), public comment open."""
    draft_commitment(w.plan, lead=w.ministry, table=w.table)
    version = issued(w.plan)
    public_comment_step(w.plan)
    return version


def plan_draft_comment(w: World):
    version = _draft(w)
    w.fresh()
    publication_actions.comment_draft(
        version, by=w.people["citizen"], anchor="commitment:1", body="¿Qué datos?"
    )


def plan_draft_comment_answered(w: World):
    version = _draft(w)
    comment = publication_actions.comment_draft(
        version, by=w.people["citizen"], anchor="document", body="¿Qué datos?"
    )
    w.fresh()
    publication_actions.answer_draft_comment(
        comment, by=w.people["secretary"], answer="Los de compras."
    )


def _decided(w: World) -> list[Proposal]:
    """The table's set submitted, the first proposal led by the ministry, each eligible under
    the published methodology; the selection step open; a commission meeting held."""
    proposals = w.submit()
    w.assign(proposals[0])
    outcome_factories.selection_step(w.plan)
    methodology = outcome_factories.published_methodology(w.plan)
    for proposal in proposals:
        outcome_factories.check(proposal, methodology)
    w.meeting = outcome_factories.meeting(w.plan)
    return proposals


def selection_published(w: World):
    proposals = _decided(w)
    w.follow("citizen", proposals[1])
    selection_actions.record_outcome(proposals[0], event=w.meeting, by=SYSTEM, result="selected")
    for proposal in proposals[1:]:
        selection_actions.record_outcome(
            proposal, event=w.meeting, by=SYSTEM, result="not_selected", reason_es="No."
        )
    w.fresh()
    selection_actions.publish_selection(w.plan, by=w.people["superuser"])


def commitment_withdrawn(w: World):
    proposals = _decided(w)
    outcome = selection_actions.record_outcome(
        proposals[0], event=w.meeting, by=SYSTEM, result="selected"
    )
    w.fresh()
    selection_actions.withdraw_commitment(
        outcome, by=w.people["superuser"], reason_es="La institución no puede cumplirlo."
    )


def methodology_published(w: World):
    from .factories_selection import criterion_rows, meeting

    draft = selection_actions.create_methodology(w.plan, by=SYSTEM)
    selection_actions.update_methodology(
        draft, by=SYSTEM, requirements=[], criteria=criterion_rows()
    )
    selection_actions.adopt_methodology(draft, event=meeting(w.plan), by=SYSTEM)
    w.fresh()
    selection_actions.publish_methodology(draft, by=w.people["secretary"])


def scores_due(w: World):
    """A new version replaces the one the commissioner scored under: score again."""
    from .factories_selection import candidate_of, eligible, meeting, published, scoring_step

    first = published(w.plan)
    scoring_step(w.plan)
    candidate = candidate_of(w.submit()[0])
    eligible(candidate, first)
    criteria = {c.pk: c.scale_max for c in first.criteria.all()}
    selection_actions.cast_ballot(candidate, by=w.people["commissioner"], scores=criteria)
    second = selection_actions.create_methodology(w.plan, by=SYSTEM, reason_es="Otra escala.")
    selection_actions.adopt_methodology(second, event=meeting(w.plan), by=SYSTEM)
    w.fresh()
    selection_actions.publish_methodology(second, by=w.people["secretary"])


def _review_round(w: World):
    """Round 1 of OGP's review, open on an issued draft version (opened by the system)."""
    from . import factories_review

    return factories_review.open_round(w.plan)


def review_round_opened(w: World):
    from . import factories_review

    version = factories_review.issued(w.plan)
    factories_review.review_step(w.plan)
    w.fresh()
    review_actions.open_review_round(
        version,
        by=w.people["secretary"],
        due_on=factories_review.DUE,
        today=factories_review.TODAY,
    )


def review_round_due_soon(w: World):
    from . import factories_review

    _review_round(w)
    w.fresh()
    soon = factories_review.DUE - datetime.timedelta(days=2)
    review_actions.send_review_round_reminders(today=soon)
    # once only
    review_actions.send_review_round_reminders(today=soon)


def review_comment_added(w: World):
    found = _review_round(w)
    StepFactory(
        plan=w.plan,
        key="ogp-review",
        number=15,
        status=Step.Status.OPEN,
        capabilities=["ogp-review"],
    )
    w.fresh()
    review_actions.comment_review_round(found, by=w.people["reviewer"], body="Precisar los hitos.")


@dataclass(frozen=True)
class Row:
    told: set[str]
    scenario: Callable[[World], None]


# kind -> the personas told. The table seats the leader (leading) and the participant; the head
# heads the ministry, the lead institution; the secretary is the secretariat.
def _final_stage(w: World) -> None:
    """A step enabling translation, delivery and publication, open."""
    StepFactory(
        plan=w.plan,
        key="final",
        number=17,
        status=Step.Status.OPEN,
        capabilities=["translation", "delivery", "publication"],
    )


def plan_final_issued(w: World):
    _final_stage(w)
    w.fresh()
    publication_actions.issue_final_version(w.plan, by=w.people["superuser"])


def plan_published(w: World):
    from .factories_final import delivered

    _final_stage(w)
    delivered(w.plan)
    w.fresh()
    publication_actions.publish_plan(w.plan, by=w.people["superuser"])


ROWS: dict[str, Row] = {
    "tables.seat_given": Row({"citizen"}, seat_given),
    "plans.step_opened": Row({"leader", "participant"}, step_opened),
    "plans.step_closed": Row({"leader", "participant"}, step_closed),
    "proposals.delegate_named": Row({"citizen"}, delegate_named),
    "proposals.review_assigned": Row({"head"}, review_assigned),
    "proposals.review_due_soon": Row({"head"}, review_due_soon),
    "proposals.review_overdue": Row({"head"}, review_overdue),
    "proposals.review_given": Row({"leader", "participant", "secretary", "citizen"}, review_given),
    "proposals.set_submitted": Row({"secretary", "commissioner"}, set_submitted),
    "proposals.comment_posted": Row(
        {"secretary", "leader", "head", "commissioner"}, comment_posted
    ),
    "proposals.comment_answered": Row({"citizen", "commissioner"}, comment_answered),
    "proposals.proposal_changed": Row({"commissioner"}, proposal_changed),
    "commitments.commitment_created": Row({"secretary", "leader", "liaison"}, commitment_created),
    "commitments.commitment_changed": Row({"secretary", "leader"}, commitment_changed),
    # The superuser acts for the secretariat: the secretary is told too.
    "selection.selection_published": Row(
        {"leader", "participant", "secretary", "commissioner", "head", "citizen"},
        selection_published,
    ),
    "selection.commitment_withdrawn": Row({"leader", "secretary"}, commitment_withdrawn),
    "selection.methodology_published": Row({"commissioner", "leader"}, methodology_published),
    "selection.scores_due": Row({"commissioner"}, scores_due),
    "publication.plan_draft_issued": Row(
        {"secretary", "commissioner", "leader", "liaison"}, plan_draft_issued
    ),
    "publication.plan_draft_comment": Row({"secretary"}, plan_draft_comment),
    "publication.plan_draft_comment_answered": Row({"citizen"}, plan_draft_comment_answered),
    # The superuser acts for the secretariat: the secretary is told too.
    "publication.plan_final_issued": Row({"secretary", "commissioner"}, plan_final_issued),
    # Everyone holding a role in the plan (the table's members hold one too).
    "publication.plan_published": Row(
        {"secretary", "commissioner", "leader", "participant", "liaison", "head", "reviewer"},
        plan_published,
    ),
    "publication.review_round_opened": Row({"reviewer"}, review_round_opened),
    "publication.review_round_due_soon": Row({"reviewer"}, review_round_due_soon),
    "publication.review_comment_added": Row({"secretary"}, review_comment_added),
}


def test_every_kind_of_the_catalogue_has_its_row():
    assert set(CATALOGUE) == set(ROWS) | set(MAIL_ROWS)
    assert not set(ROWS) & set(MAIL_ROWS)


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_who_is_told_of_each_kind_in_their_language(kind, world):
    row = ROWS[kind]
    row.scenario(world)
    people = world.people
    told = list(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))
    assert sorted(told) == sorted(row.told)
    mailed = list(Delivery.objects.filter(kind=kind).values_list("email", "language", "state"))
    assert sorted(mailed) == sorted(
        (people[name].email, "en" if name in ENGLISH else "es", "pending") for name in row.told
    )


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_each_message_is_written_in_its_recipients_language(kind, world):
    """An English reader's subject differs from a Spanish reader's, and the notification in the
    app carries the same subject as the mail."""
    ROWS[kind].scenario(world)
    subjects = {}
    for delivery in Delivery.objects.filter(kind=kind).select_related("user"):
        notification = Notification.objects.get(kind=kind, user=delivery.user)
        assert notification.title == delivery.subject
        assert delivery.body.strip() and delivery.url.startswith("http")
        subjects.setdefault(delivery.language, set()).add(delivery.subject)
    if "en" in subjects and "es" in subjects:
        assert subjects["en"].isdisjoint(subjects["es"])


# --- the reminders job: due soon, then overdue, each once ---------------------------------------


def test_the_due_soon_and_overdue_notices_are_sent_once_each(
    world, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    review = world.assign(world.submit()[0], due_on=today + datetime.timedelta(days=3))
    world.fresh()
    mail.outbox.clear()
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            actions.send_review_reminders()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["head@example.org"], "Due soon: viability review of “Datos abiertos de salud”")
    ]
    assert ViabilityReview.objects.get().due_soon_sent_at is not None
    # the deadline passes (the date is moved in the database: the clock is not)
    ViabilityReview.objects.filter(pk=review.pk).update(due_on=today - datetime.timedelta(days=1))
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            actions.send_review_reminders()
    assert [m.subject for m in mail.outbox] == [
        "Due soon: viability review of “Datos abiertos de salud”",
        "Reminder: viability review of “Datos abiertos de salud”",
    ]
    assert list(Delivery.objects.values_list("kind", flat=True).order_by("pk")) == [
        "proposals.review_due_soon",
        "proposals.review_overdue",
    ]


def test_a_review_due_in_four_days_is_not_yet_due_soon(world):
    world.assign(world.submit()[0], due_on=timezone.localdate() + datetime.timedelta(days=4))
    world.fresh()
    assert actions.send_review_reminders() == 0
    assert ViabilityReview.objects.get().due_soon_sent_at is None
    assert not Delivery.objects.exists()


def test_no_due_soon_notice_while_the_review_step_is_closed(world):
    world.assign(world.submit()[0], due_on=timezone.localdate() + datetime.timedelta(days=1))
    set_step(world.plan, REVIEW, Step.Status.CLOSED)
    world.fresh()
    assert actions.send_review_reminders() == 0
    assert not Delivery.objects.exists()


def test_a_new_deadline_earns_a_new_due_soon_notice(world):
    today = timezone.localdate()
    review = world.assign(world.submit()[0], due_on=today + datetime.timedelta(days=1))
    assert actions.send_review_reminders() == 1
    actions.assign_institutions(
        review.proposal,
        by=SYSTEM,
        lead=world.ministry,
        objectives_es="Publicar datos.",
        due_on=today + datetime.timedelta(days=2),
    )
    assert ViabilityReview.objects.get().due_soon_sent_at is None
    assert actions.send_review_reminders() == 1
    assert Delivery.objects.filter(kind="proposals.review_due_soon").count() == 2


# --- the review assignment over a real SMTP connection -----------------------------------------


def test_the_review_assignment_reaches_the_head_by_smtp_in_english(
    world, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://cocrea.example.org"
    proposal = world.submit()[0]
    set_step(world.plan, ASSIGNMENT, Step.Status.OPEN)
    world.fresh()
    with django_capture_on_commit_callbacks(execute=True):
        actions.assign_institutions(
            proposal,
            by=world.people["secretary"],
            lead=world.ministry,
            objectives_es="Publicar datos.",
            due_on=datetime.date(2017, 8, 4),
        )
    [message] = smtp_server
    review = ViabilityReview.objects.get()
    assert message["X-Envelope-To"] == "head@example.org"
    assert message["Subject"].strip() == "Proposal to review: “Datos abiertos de salud”"
    text, footer = message.get_body(("plain",)).get_content().replace("\r\n", "\n").split("\n-- \n")
    assert footer.startswith("Choose which e-mails you receive: https://cocrea.example.org/")
    assert text == (
        "Ministry of Health is the lead institution of the commitment proposal “Datos abiertos "
        f"de salud” of the working table 1. Table 1 in “{world.plan.title_en}”. Review its "
        "viability by 4 August 2017: viable, viable with changes, or not viable (with the "
        "reasons and a counterproposal).\n\n"
        "Review it here:\n"
        f"https://cocrea.example.org/workspace/panama-test/reviews/{review.pk}/\n"
    )
    assert message["List-Unsubscribe"].strip().startswith("<https://cocrea.example.org/")
    assert Delivery.objects.get(kind="proposals.review_assigned").state == "sent"
