"""The role x capability matrix, generated from the catalogue (cocrea/plans/capabilities.py).

For every permission a capability gates, every persona (tests/conftest.py ALL_PERSONAS) and both
states of the programme (a step enabling the capability open; none open, while a step enabling
every *other* capability is open), the rule must answer what `WHO` declares. A permission of the
catalogue without its row in `WHO`, `TARGET` and `SAMPLES` fails, and so does a gated permission
of the rules missing from the catalogue. One HTTP request per permission checks that the page or
the action answers as the rule does (allowed: 200/302; refused: 403/404)."""

import datetime
from dataclasses import dataclass, field
from importlib import import_module

import pytest
import rules
from django.urls import reverse

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import Commitment
from cocrea.core.actions import SYSTEM
from cocrea.core.permissions import CAPABILITY_GATES
from cocrea.events.models import Event
from cocrea.participation import actions as participation_actions
from cocrea.participation.models import OpenCall, Registration
from cocrea.plans import capabilities, context
from cocrea.plans.models import Role, Step
from cocrea.proposals.models import DraftComment, Proposal, PublicComment, ViabilityReview
from cocrea.publication.models import Delivery as PublicationDelivery
from cocrea.publication.models import DraftComment as PlanDraftComment
from cocrea.publication.models import DraftVersion, PlanSection, ReviewRound, RoundComment
from cocrea.selection.models import Ballot, EligibilityCheck, Outcome

from . import factories_outcomes as outcome_factories
from . import factories_review as review_factories
from . import factories_selection as selection_factories
from .conftest import ALL_PERSONAS, PERSONAS
from .factories import RegionFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_drafts import issued
from .factories_participation import OpenCallFactory, TableFactory
from .test_proposals import seat

LOGGED_IN = set(PERSONAS)
EVERYONE = set(ALL_PERSONAS)

# Who holds each gated permission while a step enabling its capability is open (nobody while none
# is). The `people` fixture's leader leads the table and the participant sits at it; the head
# heads the institution the review is about; the superuser holds no seat.
WHO: dict[str, set[str]] = {
    "events.schedule_commission_meeting": {"secretary", "superuser"},
    "events.schedule_outreach": {"secretary", "superuser"},
    "events.schedule_training": {"secretary", "superuser"},
    "participation.register_call": EVERYONE,
    "participation.remind_liaison": {"secretary", "superuser"},
    "proposals.change_proposal": {"secretary", "leader", "participant"},
    "proposals.comment_draft": {"secretary", "leader", "participant"},
    "proposals.submit_proposals": {"secretary", "leader"},
    "proposals.assign_institutions": {"secretary", "leader"},
    "proposals.review_proposal": {"head"},
    "proposals.comment_proposal": LOGGED_IN,
    "commitments.create_commitment": {"secretary", "superuser"},
    # the liaison's institution (the head's) leads the commitment; a seat: not the superuser
    "commitments.change_commitment": {"secretary", "leader", "liaison"},
    "selection.record_outcome": {"secretary", "superuser"},
    "selection.withdraw_commitment": {"secretary", "superuser"},
    "selection.promote_alternate": {"secretary", "superuser"},
    "selection.publish_selection": {"secretary", "superuser"},
    "selection.check_eligibility": {"secretary", "superuser"},
    # a seat: the commission's members, never a superuser who is none
    "selection.score_candidate": {"commissioner"},
    "publication.change_plan_section": {"secretary", "superuser"},
    "publication.issue_draft_version": {"secretary", "superuser"},
    # anyone with an account, on a draft version of an unpublished plan
    "publication.comment_draft": LOGGED_IN,
    "publication.translate_plan": {"secretary", "superuser"},
    "publication.issue_final_version": {"secretary", "superuser"},
    "publication.record_delivery": {"secretary", "superuser"},
    "publication.publish_plan": {"secretary", "superuser"},
    "events.schedule_presentation": {"secretary", "superuser"},
    "publication.open_review_round": {"secretary", "superuser"},
    # the plan's OGP reviewers (and the superuser, administration)
    "publication.comment_review_round": {"reviewer", "superuser"},
}

# The object each permission is asked about, as the actions ask it.
TARGET: dict[str, str] = {
    "events.schedule_commission_meeting": "plan",
    "events.schedule_outreach": "plan",
    "events.schedule_training": "plan",
    "participation.register_call": "plan",
    "participation.remind_liaison": "plan",
    "proposals.change_proposal": "table",
    "proposals.comment_draft": "proposal",
    "proposals.submit_proposals": "table",
    "proposals.assign_institutions": "proposal",
    "proposals.review_proposal": "review",
    "proposals.comment_proposal": "proposal",
    "commitments.create_commitment": "plan",
    "commitments.change_commitment": "commitment",
    "selection.record_outcome": "proposal",
    # The action asks it of the outcome, the promoted proposal and the plan: each has `.plan`.
    "selection.withdraw_commitment": "proposal",
    "selection.promote_alternate": "proposal",
    "selection.publish_selection": "plan",
    "selection.check_eligibility": "candidate",
    "selection.score_candidate": "eligible",
    "publication.change_plan_section": "plan",
    "publication.issue_draft_version": "plan",
    "publication.comment_draft": "draft",
    "publication.translate_plan": "plan",
    "publication.issue_final_version": "plan",
    "publication.record_delivery": "plan",
    "publication.publish_plan": "plan",
    "events.schedule_presentation": "plan",
    "publication.open_review_round": "version",
    "publication.comment_review_round": "round",
}


@dataclass
class Sample:
    """One request acting through a permission: `allowed` makes it with the capability open and
    closed, `refused` (if any persona is) with it open."""

    method: str
    url: object  # world -> path
    allowed: str
    refused: str | None
    data: object = field(default=lambda world: {})  # world -> POST data
    # What the allowed persona gets once the capability is closed.
    closed: tuple[int, ...] = (403, 404)


def _table_url(name, *extra):
    return lambda w: reverse(name, args=[w["plan"].slug, w["table"].number, *extra])


def _plan_url(name, key=None):
    return lambda w: reverse(name, args=[w["plan"].slug, *([w[key].pk] if key else [])])


def _schedule(kind):
    """The workspace form scheduling an event of `kind`; the commissioner may not create events.
    While no step enables the kind, the form answers with its error (200) and stores nothing."""
    return Sample(
        "post",
        _plan_url("events:manage_create"),
        "secretary",
        "commissioner",
        data=lambda w: {
            "title_es": "Sesión de la Comisión",
            "kind": kind,
            "starts_at": "2017-05-18T10:00",
            "region": w["region"].pk,
            "venue": "ANTAI, Balboa, Ancón",
        },
        closed=(200,),
    )


def _meeting(w):
    """The commission meeting, held with its minutes, the samples record decisions at."""
    if "meeting" not in w:
        w["meeting"] = outcome_factories.meeting(w["plan"])
    return w["meeting"]


def _selected(w):
    """The world's proposal, selected at the meeting (to withdraw)."""
    if "outcome" not in w:
        w["outcome"] = Outcome.objects.create(
            plan=w["plan"], proposal=w["proposal"], result="selected", decided_at=_meeting(w)
        )
    return w["proposal"]


def _alternate(w):
    """An eligible alternate of the table whose commitment (the world's proposal) was withdrawn."""
    if "alternate" not in w:
        _selected(w)
        Outcome.objects.filter(pk=w["outcome"].pk).update(result="withdrawn", reason_es="Retirado.")
        alternate = outcome_factories.submitted(w["table"], ["alternate_1"])[0]
        # the world's published methodology (a plan has one in force)
        outcome_factories.check(alternate, w["methodology"])
        w["alternate"] = alternate
    return w["alternate"]


def _final(w):
    """The plan's final version, its files READY (made once, when a sample first asks)."""
    if "final" not in w:
        from .factories_final import final_version

        w["final"] = final_version(w["plan"])
    return w["final"]


def _selection_url(name, proposal=None):
    def url(w):
        args = [w["plan"].slug] + ([proposal(w).pk] if proposal else [])
        return reverse(f"selection:{name}", args=args)

    return url


def _round_closed(w):
    """The reviews page, with the world's open round closed (one open round at a time)."""
    ReviewRound.objects.filter(pk=w["round"].pk).update(status=ReviewRound.Status.CLOSED)
    return reverse("publication:reviews", args=[w["plan"].slug])


def _round_data(w):
    due = datetime.date.today() + datetime.timedelta(days=14)
    return {"version": w["version"].pk, "due_on": due.isoformat(), "confirm": "1"}


SAMPLES: dict[str, Sample] = {
    "events.schedule_commission_meeting": _schedule(Event.Kind.COMMISSION_MEETING),
    "events.schedule_outreach": _schedule(Event.Kind.OUTREACH),
    "events.schedule_training": _schedule(Event.Kind.TRAINING),
    # The call's page answers 200 whatever its state; registering is refused (nothing stored)
    # while its step is closed, and stored while it is open.
    "participation.register_call": Sample(
        "post",
        _plan_url("participation:call"),
        "anonymous",
        None,
        data=lambda w: {
            "full_name": "Lucía Pérez",
            "email": "lucia@example.net",
            "phone": "6555-0101",
            "organisation_name": "",
            "sector": "citizen",
            "region": w["region"].pk,
            "axes": [w["table"].axes.get().pk],
            "heard_from": "social",
            "accessibility": "",
            "consent": "on",
            "website": "",
        },
        closed=(200,),
    ),
    "participation.remind_liaison": Sample(
        "post", _plan_url("participation:liaison_remind", "liaison"), "secretary", "commissioner"
    ),
    "proposals.change_proposal": Sample(
        "get", _table_url("proposals:edit", "commitment_2"), "participant", "citizen"
    ),
    "proposals.comment_draft": Sample(
        "post",
        _table_url("proposals:history", "commitment_1"),
        "participant",
        "citizen",
        data=lambda w: {"body": "Conviene precisar la meta."},
    ),
    "proposals.submit_proposals": Sample(
        "post", _table_url("proposals:submit"), "leader", "participant"
    ),
    "proposals.assign_institutions": Sample(
        "get", _plan_url("proposals:assign", "proposal"), "leader", "participant"
    ),
    "proposals.review_proposal": Sample(
        "post", _plan_url("proposals:review", "review"), "head", "liaison"
    ),
    "proposals.comment_proposal": Sample(
        "post",
        lambda w: reverse("proposals:comment", args=[w["plan"].slug, w["proposal"].pk]),
        "citizen",
        None,
        data=lambda w: {"body": "Apoyo esta propuesta."},
    ),
    "commitments.create_commitment": Sample(
        "post", _plan_url("commitments:create", "selected"), "secretary", "leader"
    ),
    "commitments.change_commitment": Sample(
        "get",
        lambda w: reverse("commitments:edit", args=[w["plan"].slug, w["commitment"].number]),
        "liaison",
        "participant",
    ),
    # The commission member sees the selection page but records nothing.
    "selection.record_outcome": Sample(
        "post",
        _selection_url("record", lambda w: w["proposal"]),
        "secretary",
        "commissioner",
        data=lambda w: {
            "event": _meeting(w).pk,
            "result": "not_selected",
            "reason_es": "Fuera del alcance del plan.",
        },
    ),
    "selection.withdraw_commitment": Sample(
        "post",
        _selection_url("withdraw", _selected),
        "secretary",
        "commissioner",
        data=lambda w: {"reason_es": "La institución lo retiró."},
    ),
    "selection.promote_alternate": Sample(
        "post",
        _selection_url("promote", _alternate),
        "secretary",
        "commissioner",
        data=lambda w: {"event": _meeting(w).pk, "reason_es": "Ocupa el lugar."},
    ),
    # Allowed, it publishes or says which proposals lack an outcome (a redirect either way).
    "selection.publish_selection": Sample(
        "post", _selection_url("publish"), "secretary", "commissioner"
    ),
    "selection.check_eligibility": Sample(
        "post",
        lambda w: reverse("selection:check", args=[w["plan"].slug, w["candidate"].pk]),
        "secretary",
        "commissioner",
        data=lambda w: {f"req_{r.pk}": "pass" for r in w["methodology"].requirements.all()},
    ),
    "selection.score_candidate": Sample(
        "post",
        lambda w: reverse("selection:ballot", args=[w["plan"].slug, w["eligible"].pk]),
        "commissioner",
        "secretary",
        data=lambda w: {f"score_{c.pk}": c.scale_max for c in w["methodology"].criteria.all()},
    ),
    "publication.change_plan_section": Sample(
        "post",
        lambda w: reverse("publication:section_edit", args=[w["plan"].slug, "introduction"]),
        "secretary",
        "commissioner",
        data=lambda w: {"title_es": "Introducción", "body_es": "El plan nace de la cocreación."},
    ),
    "publication.issue_draft_version": Sample(
        "post",
        _plan_url("publication:issue_draft"),
        "secretary",
        "commissioner",
        data=lambda w: {"note": "Primer borrador", "confirm": "on"},
    ),
    # An anonymous post is refused (403): the page offers them only the link to sign in.
    "publication.comment_draft": Sample(
        "post",
        lambda w: reverse("publication:draft_comment", args=[w["plan"].slug, w["draft"].label]),
        "citizen",
        "anonymous",
        data=lambda w: {"anchor": "commitment:1", "body": "Precisen la meta."},
    ),
    # Its form posts every language of the part: the other texts are sent as they are.
    "publication.translate_plan": Sample(
        "post",
        lambda w: reverse(
            "publication:translate_commitment", args=[w["plan"].slug, w["commitment"].number]
        ),
        "secretary",
        "commissioner",
        data=lambda w: {"title_es": w["commitment"].title_es, "title_en": "Open health data"},
    ),
    # Allowed, the world's commitment lacks its English: the page lists it (200), nothing issued.
    "publication.issue_final_version": Sample(
        "post",
        _plan_url("publication:issue_final"),
        "secretary",
        "commissioner",
        data=lambda w: {"confirm": "on", "note": ""},
    ),
    "publication.record_delivery": Sample(
        "post",
        _plan_url("publication:delivery"),
        "secretary",
        "commissioner",
        data=lambda w: {
            "version": _final(w).pk,
            "delivered_on": "2017-12-01",
            "recipient": "OGP Support Unit",
        },
    ),
    # Allowed, nothing was delivered: the page says so (200), nothing published.
    "publication.publish_plan": Sample(
        "post",
        _plan_url("publication:publish"),
        "secretary",
        "commissioner",
        data=lambda w: {"confirm": "on"},
    ),
    "events.schedule_presentation": _schedule(Event.Kind.PRESENTATION),
    # The commissioner sees no review page.
    "publication.open_review_round": Sample(
        "post", _round_closed, "secretary", "commissioner", data=_round_data
    ),
    "publication.comment_review_round": Sample(
        "post",
        lambda w: reverse("publication:review_comment", args=[w["plan"].slug, 1]),
        "reviewer",
        "secretary",
        data=lambda w: {"anchor": "document", "body": "Precisar los hitos."},
    ),
}


def can(permission):
    """The `can_<verb>` function its app's rules module declares for `permission`."""
    app, _sep, verb = permission.partition(".")
    return getattr(import_module(f"cocrea.{app}.rules"), f"can_{verb}")


def catalogue_permissions() -> list[str]:
    return [p for capability in capabilities.CATALOGUE.values() for p in capability.permissions]


def gated_rules() -> set[str]:
    """Every permission of the rules whose predicate asks a capability."""
    return {
        name
        for name, predicate in rules.permissions.permissions.items()
        if "capability_open(" in predicate.name
    }


# --- the matrix covers the catalogue ------------------------------------------------------------


def test_every_permission_of_the_catalogue_has_its_rows():
    permissions = catalogue_permissions()
    assert len(permissions) == len(set(permissions))  # one capability per permission
    assert set(WHO) == set(permissions)
    assert set(TARGET) == set(permissions)
    assert set(SAMPLES) == set(permissions)


def test_every_gated_permission_of_the_rules_is_in_the_catalogue():
    assert gated_rules() == set(catalogue_permissions())
    assert set(CAPABILITY_GATES) == set(catalogue_permissions())


def test_every_persona_is_in_the_matrix():
    assert set(ALL_PERSONAS) == {*PERSONAS, "anonymous"}
    assert {"superuser", "anonymous", "citizen"} <= EVERYONE
    for permission, who in WHO.items():
        assert who <= EVERYONE, permission
        sample = SAMPLES[permission]
        assert sample.allowed in who, permission
        assert sample.refused is None or sample.refused not in who, permission


# --- the world each permission is asked in ------------------------------------------------------


@pytest.fixture
def world(plan, people):
    """A table (the leader leads it, the participant sits at it) with a submitted proposal and
    a draft, the head's institution's pending review of the submitted one, an overdue liaison
    request and the published open call."""
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    proposal = Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot="commitment_3",
        status=Proposal.Status.SUBMITTED,
        title_es="Datos abiertos de compras",
    )
    Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot="commitment_1",
        title_es="Borrador",
    )
    institution = plan.roles.get(user=people["head"], role=Role.HEAD_OF_INSTITUTION).organisation
    review = ViabilityReview.objects.create(
        proposal=proposal, institution=institution, due_on=datetime.date(2017, 8, 25)
    )
    liaison = participation_actions.request_liaison(
        plan,
        by=SYSTEM,
        axis=table.axes.get(),
        institution=institution,
        head_name="Ana Ruiz",
        head_email="ana.ruiz@example.gob.pa",
        due_on=datetime.date(2017, 5, 12),
    )
    OpenCallFactory(plan=plan, step_status=False)
    developed = selected_proposal(plan, table, lead=institution, slot="commitment_2")
    # selection: the published methodology; the proposal above found eligible; another table's
    # proposal not checked yet
    methodology = selection_factories.published(plan)
    scored = selection_factories.candidate_of(proposal)
    selection_factories.eligible(scored, methodology)
    other = TableFactory(plan=plan, number=2)
    unchecked = selection_factories.candidate_of(
        selection_factories.submitted(other, "commitment_1")
    )
    version = review_factories.issued(plan, with_commitment=False)
    return {
        # on the other table: the selection's samples promote table 1's own alternate
        "selected": selected_proposal(plan, other, lead=institution, slot="alternate_1"),
        "commitment": commitment_actions.create_commitment(developed, by=SYSTEM),
        "plan": plan,
        "table": table,
        "proposal": proposal,
        "review": review,
        "liaison": liaison,
        "region": RegionFactory(),
        "methodology": methodology,
        "candidate": unchecked,
        "eligible": scored,
        # draft 0.1 of the plan's document, with the commitment above
        "draft": issued(plan),
        # OGP's review: an issued draft version, under an open round
        "version": version,
        "round": ReviewRound.objects.create(
            plan=plan, version=version, number=1, due_on=datetime.date(2017, 10, 6)
        ),
    }


def programme(plan, key):
    """A step enabling `key` (not started) and an open one enabling every other capability."""
    others = [k for k in capabilities.CATALOGUE if k != key]
    StepFactory(plan=plan, number=2, status=Step.Status.OPEN, capabilities=others)
    return StepFactory(plan=plan, number=1, status=Step.Status.PENDING, capabilities=[key])


def set_status(step, status):
    Step.objects.filter(pk=step.pk).update(status=status)
    context.invalidate()  # `update()` sends no save signal: the people's contexts are stale


# --- the matrix ---------------------------------------------------------------------------------


@pytest.mark.parametrize("permission", catalogue_permissions())
def test_matrix(permission, world, people):
    key = capabilities.capability_of(permission).key
    step = programme(world["plan"], key)
    target = world[TARGET[permission]]
    found = {}
    for state in (Step.Status.OPEN, Step.Status.CLOSED, Step.Status.PENDING):
        set_status(step, state)
        found[state] = {p for p in ALL_PERSONAS if can(permission)(people[p], target)}
    assert found == {
        Step.Status.OPEN: WHO[permission],
        Step.Status.CLOSED: set(),
        Step.Status.PENDING: set(),
    }


def _request(client, people, persona, sample, world):
    client.logout()
    if persona != "anonymous":
        client.force_login(people[persona])
    url = sample.url(world)
    if sample.method == "get":
        return client.get(url)
    return client.post(url, sample.data(world))


# The row a sample's request writes when allowed (the others' writes are tested in their files).
WRITES = {
    "events.schedule_commission_meeting": Event,
    "events.schedule_outreach": Event,
    "events.schedule_training": Event,
    "participation.register_call": Registration,
    "proposals.comment_draft": DraftComment,
    "proposals.comment_proposal": PublicComment,
    "commitments.create_commitment": Commitment,
    "selection.record_outcome": Outcome,
    "selection.check_eligibility": EligibilityCheck,
    "selection.score_candidate": Ballot,
    "publication.change_plan_section": PlanSection,
    "publication.issue_draft_version": DraftVersion,
    "publication.comment_draft": PlanDraftComment,
    "publication.record_delivery": PublicationDelivery,
    "events.schedule_presentation": Event,
    "publication.open_review_round": ReviewRound,
    "publication.comment_review_round": RoundComment,
}


def _effects(permission) -> int:
    model = WRITES.get(permission)
    return model.objects.count() if model else 0


@pytest.mark.parametrize("permission", catalogue_permissions())
def test_http_sample(permission, world, people, client):
    sample = SAMPLES[permission]
    step = programme(world["plan"], capabilities.capability_of(permission).key)
    assert OpenCall.objects.filter(plan=world["plan"]).count() == 1

    before = _effects(permission)
    response = _request(client, people, sample.allowed, sample, world)
    assert response.status_code in sample.closed
    assert _effects(permission) == before  # refused while no step enabling it is open

    set_status(step, Step.Status.OPEN)
    if sample.refused is not None:
        response = _request(client, people, sample.refused, sample, world)
        assert response.status_code in (403, 404)
        assert _effects(permission) == before
    response = _request(client, people, sample.allowed, sample, world)
    assert response.status_code in (200, 302)
    assert _effects(permission) == before + (permission in WRITES)
