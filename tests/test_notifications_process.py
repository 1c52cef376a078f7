# ruff: noqa: F811  (the fixtures imported from the other modules)
"""The hand-offs of the process, beyond who is told (tests/test_notifications_matrix.py): who
is told when a step opens, per capability; following a proposal from its page; commenting
follows; the quiet hour of a followed proposal's changes; the lead institution answers
comments; the texts of the seat and of the step."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.notifications import actions as notify_actions
from cocrea.notifications.catalogue import STEP_AUDIENCES
from cocrea.notifications.models import Delivery, Follow, Notification
from cocrea.plans import actions as plan_actions
from cocrea.plans import capabilities
from cocrea.plans.models import Step
from cocrea.proposals import actions
from cocrea.proposals.models import PublicComment
from cocrea.tables import actions as table_actions

from .factories import StepFactory, UserFactory
from .test_notifications_matrix import World, world  # noqa: F401
from .test_proposals import COMPLETE
from .test_proposals_review import REVIEW, ministry, programme, set_step, table  # noqa: F401


def told(kind: str) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


# --- who is told when a step opens: one entry per capability -----------------------------------


def test_every_capability_has_its_step_audience():
    assert set(STEP_AUDIENCES) == set(capabilities.CATALOGUE)


@pytest.mark.parametrize(
    ("enables", "expected"),
    [
        (["drafting"], ["leader", "participant"]),
        (["assignment"], ["leader"]),
        (["viability-review"], ["head"]),
        (["public-comment"], []),
        (["forum-meetings", "open-call", "liaisons", "outreach", "training"], []),
        ([], []),
        (["assignment", "viability-review"], ["head", "leader"]),
        # the secretariat and the commission; the secretary opening it is not told
        (["selection"], ["commissioner"]),
        (["commitment-development"], ["leader", "liaison"]),
    ],
    ids=[
        "drafting",
        "assignment",
        "review",
        "comment",
        "secretariat-or-public",
        "none",
        "two",
        "selection",
        "commitments",
    ],
)
def test_opening_a_step_tells_those_whose_action_it_enables(enables, expected, world):
    # a pending review of the ministry (so its head is concerned by the review capability)
    world.assign(world.submit()[0])
    step = StepFactory(plan=world.plan, key="extra", number=20, capabilities=enables)
    world.fresh()
    plan_actions.open_step(step, by=world.people["secretary"])
    assert told("plans.step_opened") == expected
    world.fresh()
    plan_actions.close_step(step, by=world.people["secretary"])
    assert told("plans.step_closed") == expected


def test_a_review_step_tells_only_the_institutions_with_a_pending_review(world):
    """A delegate of the ministry is told with its head; once the review is given, nobody."""
    review = world.assign(world.submit()[0])
    actions.name_delegate(
        world.plan, world.ministry, by=world.people["head"], user=UserFactory(username="ana")
    )
    step = StepFactory(plan=world.plan, key="extra", number=20, capabilities=["viability-review"])
    plan_actions.open_step(step, by=world.people["secretary"])
    assert told("plans.step_opened") == ["ana", "head"]
    actions.review_proposal(review, by=world.people["head"], outcome="viable")
    plan_actions.close_step(step, by=world.people["secretary"])
    assert told("plans.step_closed") == []


def test_the_step_message_names_what_it_enables_and_links_to_the_table(world, settings):
    settings.SITE_URL = "https://cocrea.example.org"
    drafting = world.programme["training-and-tables"]
    plan_actions.close_step(drafting, by=world.people["secretary"])
    world.fresh()
    plan_actions.open_step(drafting, by=world.people["secretary"])
    leader = Delivery.objects.get(kind="plans.step_opened", user=world.people["leader"])
    title = Step.objects.get(pk=drafting.pk).title_es
    assert leader.subject == f"Paso abierto: {title}"
    assert leader.body.split("\n-- \n")[0] == (
        f"El paso “7. {title}” de “{world.plan.title_es}” está abierto.\n"
        "Mientras está abierto, le habilita:\n"
        "- Redacción de propuestas: Los miembros de cada mesa de trabajo redactan y comentan "
        "sus propuestas; sus líderes las presentan.\n\n"
        "Dónde actuar: https://cocrea.example.org/workspace/panama-test/tables/1/proposals/\n"
    )


# --- the seat ------------------------------------------------------------------------------------


def test_a_leader_is_told_they_lead_the_table(world):
    participant = world.people["participant"]  # reads English
    table_actions.add_member(
        world.table,
        participant,
        by=world.people["secretary"],
        side="civil_society",
        sector="academia",
        source="invitation",
        is_leader=True,
    )
    [delivery] = Delivery.objects.filter(kind="tables.seat_given")
    assert (delivery.email, delivery.subject) == (
        participant.email,
        "You lead the working table 1. Table 1",
    )
    assert delivery.url.endswith("/workspace/panama-test/tables/1/proposals/")


def test_seating_someone_already_seated_tells_nobody(world):
    table_actions.add_member(
        world.table,
        world.people["participant"],
        by=world.people["secretary"],
        side="civil_society",
        sector="academia",
        source="invitation",
    )
    assert told("tables.seat_given") == []


# --- following a proposal ------------------------------------------------------------------------


@pytest.fixture
def proposal(world):
    return world.submit()[0]


def test_the_proposal_page_offers_signed_in_people_to_follow_it(client, world, proposal):
    url = proposal.get_absolute_url()
    follow_url = reverse("notifications:follow_proposal", args=[proposal.pk])
    assert follow_url == f"/notifications/follow/proposal/{proposal.pk}/"
    anonymous = client.get(url).content.decode()
    assert follow_url not in anonymous
    client.force_login(world.people["citizen"])
    page = client.get(url).content.decode()
    assert f'action="{follow_url}"' in page
    assert "0 personas siguen esta propuesta." in page


def test_following_without_javascript_returns_to_the_page(client, world, proposal):
    citizen = world.people["citizen"]
    client.force_login(citizen)
    response = client.post(reverse("notifications:follow_proposal", args=[proposal.pk]))
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert notify_actions.is_following(citizen, proposal) is True
    page = client.get(proposal.get_absolute_url()).content.decode()
    unfollow_url = reverse("notifications:unfollow_proposal", args=[proposal.pk])
    assert f'action="{unfollow_url}"' in page
    assert "Dejar de seguir" in page and "1 persona sigue esta propuesta." in page
    client.post(unfollow_url)
    assert notify_actions.is_following(citizen, proposal) is False
    assert not Follow.objects.exists()


def test_following_with_htmx_swaps_the_button(client, world, proposal):
    client.force_login(world.people["citizen"])
    response = client.post(
        reverse("notifications:follow_proposal", args=[proposal.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<form class="follow"')
    assert reverse("notifications:unfollow_proposal", args=[proposal.pk]) in html
    assert "1 persona sigue esta propuesta." in html


def test_following_needs_a_signed_in_person_a_post_and_a_public_proposal(client, world):
    draft = actions.save_proposal(
        world.table, world.table.axes.get(), "commitment_1", by=SYSTEM, **COMPLETE
    )
    url = reverse("notifications:follow_proposal", args=[draft.pk])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(world.people["citizen"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 404  # a draft is not public
    assert not Follow.objects.exists()


def test_an_inactive_account_cannot_follow(world, proposal):
    gone = UserFactory(username="gone", is_active=False)
    with pytest.raises(PermissionDenied):
        notify_actions.follow(proposal, by=gone)
    assert not Follow.objects.exists()


def test_commenting_follows_the_proposal_and_the_answer_tells_the_commenter(world, proposal):
    citizen = world.people["citizen"]
    set_step(world.plan, REVIEW, Step.Status.OPEN)
    comment = actions.comment_proposal(proposal, by=citizen, body="¿Qué datos?")
    assert notify_actions.is_following(citizen, proposal) is True
    assert citizen.username not in told("proposals.comment_posted")  # not of their own comment
    # a later comment by someone else tells the first commenter, who now follows
    actions.comment_proposal(proposal, by=world.people["commissioner"], body="¿Cuándo?")
    assert "citizen" in told("proposals.comment_posted")
    world.fresh()
    actions.answer_comment(comment, by=world.people["leader"], answer="Los de compras.")
    assert told("proposals.comment_answered") == ["citizen", "commissioner"]


# --- a followed proposal's changes: at most one notice an hour -----------------------------------


def test_a_followed_draft_saved_many_times_tells_once_an_hour(world):
    axis = world.table.axes.get()
    draft = actions.save_proposal(world.table, axis, "commitment_1", by=SYSTEM, **COMPLETE)
    notify_actions.follow(draft, by=world.people["commissioner"])
    for title in ("Uno", "Dos", "Tres"):
        actions.save_proposal(
            world.table, axis, "commitment_1", by=world.people["participant"], title_es=title
        )
    assert told("proposals.proposal_changed") == ["commissioner"]
    assert Delivery.objects.filter(kind="proposals.proposal_changed").count() == 1
    # an hour later, the next save tells again
    Notification.objects.update(created_at=Notification.objects.get().created_at.replace(year=2000))
    actions.save_proposal(
        world.table, axis, "commitment_1", by=world.people["participant"], title_es="Cuatro"
    )
    assert told("proposals.proposal_changed") == ["commissioner", "commissioner"]


def test_changing_the_institutions_of_a_followed_proposal_tells_its_followers(world, proposal):
    notify_actions.follow(proposal, by=world.people["commissioner"])
    world.assign(proposal)
    [delivery] = Delivery.objects.filter(kind="proposals.proposal_changed")
    assert delivery.body.startswith(
        "Cambiaron las instituciones responsables o los objetivos de la propuesta "
        "“Datos abiertos de salud”, que usted sigue."
    )


# --- the lead institution answers comments ------------------------------------------------------


def test_the_head_and_a_delegate_of_the_lead_institution_answer_in_its_name(world, proposal):
    head = world.people["head"]
    delegate = UserFactory(username="ana", full_name="Ana Pérez")
    comment = actions.comment_proposal(proposal, by=world.people["citizen"], body="¿Qué datos?")
    assert head.has_perm("proposals.answer_comment", comment) is False  # not assigned yet
    world.assign(proposal)
    actions.name_delegate(world.plan, world.ministry, by=head, user=delegate)
    actions.answer_comment(comment, by=head, answer="Los de compras.")
    assert PublicComment.objects.get().answered_by_name == "Head (MINSA)"
    actions.answer_comment(comment, by=delegate, answer="Y los de personal.")
    assert PublicComment.objects.get().answered_by_name == "Ana Pérez (MINSA)"


def test_the_head_of_another_institution_cannot_answer(world, proposal, finance_head):
    comment = actions.comment_proposal(proposal, by=world.people["citizen"], body="¿Qué datos?")
    world.assign(proposal)
    assert finance_head.has_perm("proposals.answer_comment", comment) is False
    with pytest.raises(PermissionDenied):
        actions.answer_comment(comment, by=finance_head, answer="No me toca.")
    assert PublicComment.objects.get().answer == ""


@pytest.fixture
def finance_head(world):
    from cocrea.organisations.models import Organisation
    from cocrea.plans.models import Role

    from .factories import OrganisationFactory

    finance = OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION)
    user = UserFactory(username="head-of-finance")
    plan_actions.grant_role(
        world.plan, user, Role.HEAD_OF_INSTITUTION, by=SYSTEM, organisation=finance
    )
    return user


def test_the_preferences_page_offers_the_kinds_of_the_process(client, world):
    from cocrea.notifications.tokens import preferences_token

    leader = world.people["leader"]
    page = client.get(
        reverse("notifications:preferences_token", args=[preferences_token(leader.email)])
    ).content.decode()
    for label in (
        "Se abrió un paso del programa que le concierne",
        "Le dieron un puesto en una mesa de trabajo, o la dirección de una",
        "Alguien comentó una propuesta",
        "Cambió una propuesta que usted sigue",
    ):
        assert label in page
