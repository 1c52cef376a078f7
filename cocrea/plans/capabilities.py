"""The capabilities of a co-creation cycle: what a step of the work programme enables.

A step of a plan's programme enables zero or more capabilities (`Step.capabilities`, chosen in the
workspace); an action of a capability is allowed only while a step enabling it is open, and only
to the people its rule names. This module is the one table of them: each entry names the
permissions (actions) it gates. The rules modules build their step condition with the
`capability_open(key)` predicate, so no code names a step key or number.

The design follows adhocracy4's phases (a phase type declares the features it allows, and a
predicate asks the active phase) and Decidim's per-step settings (toggles stored on each step of
the process), adapted to our programme: several steps may be open at once, and each plan chooses
which of its steps enable what. An entry exists only when actions exist behind it; the next
steps of the cycle (selection, development, ...) add theirs with their actions."""

from dataclasses import dataclass

import rules
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Capability:
    key: str
    name: str
    description: str
    permissions: tuple[str, ...]


CATALOGUE: dict[str, Capability] = {
    capability.key: capability
    for capability in (
        Capability(
            "forum-meetings",
            _("Forum meetings"),
            _(
                "The secretariat schedules the meetings of the multi-stakeholder forum (the "
                "commission). The forum meets throughout the cycle: enable this on a long step."
            ),
            ("events.schedule_commission_meeting",),
        ),
        Capability(
            "open-call",
            _("Open call"),
            _("Anyone may register through the published open call for participation."),
            ("participation.register_call",),
        ),
        Capability(
            "liaisons",
            _("Institutional liaisons"),
            _(
                "The secretariat reminds heads of institution who have not named the liaison "
                "asked of them; requests past their deadline count as overdue."
            ),
            ("participation.remind_liaison",),
        ),
        Capability(
            "outreach",
            _("Outreach"),
            _("The secretariat schedules outreach and awareness activities about the process."),
            ("events.schedule_outreach",),
        ),
        Capability(
            "training",
            _("Training"),
            _("The secretariat schedules trainings on the co-creation process."),
            ("events.schedule_training",),
        ),
        Capability(
            "drafting",
            _("Drafting proposals"),
            _(
                "Members of each working table draft and comment on its proposals; its leaders "
                "submit them."
            ),
            (
                "proposals.change_proposal",
                "proposals.comment_draft",
                "proposals.submit_proposals",
            ),
        ),
        Capability(
            "assignment",
            _("Assigning responsible institutions"),
            _(
                "The secretariat and the table's leaders name the institutions responsible for "
                "each submitted proposal and its objectives."
            ),
            ("proposals.assign_institutions",),
        ),
        Capability(
            "viability-review",
            _("Viability review"),
            _(
                "The responsible institutions review the viability of their proposals; pending "
                "reviews past their deadline are overdue and reminded."
            ),
            ("proposals.review_proposal",),
        ),
        Capability(
            "public-comment",
            _("Public comment on proposals"),
            _("Registered people comment on the submitted proposals."),
            ("proposals.comment_proposal",),
        ),
        Capability(
            "scoring",
            _("Eligibility and scoring"),
            _(
                "The secretariat checks each proposal and counterproposal against the published "
                "methodology's requirements; commission members score the eligible ones on its "
                "criteria, or abstain for a conflict of interest. Scores stay sealed until the "
                "step closes."
            ),
            ("selection.check_eligibility", "selection.score_candidate"),
        ),
        Capability(
            "selection",
            _("Selection of commitments"),
            _(
                "The secretariat records the commission's decision at a meeting: the selected "
                "proposals, up to the plan's maximum, and the reasons for every other one; "
                "withdraws a commitment and promotes its table's alternate; publishes the "
                "reasoned response."
            ),
            (
                "selection.record_outcome",
                "selection.withdraw_commitment",
                "selection.promote_alternate",
                "selection.publish_selection",
            ),
        ),
        Capability(
            "commitment-development",
            _("Developing the commitments"),
            _(
                "The selected proposals become commitments in the plan's template, with "
                "milestones, weights and responsible institutions; the secretariat, the "
                "tables' leaders and the institutions' liaisons edit them together."
            ),
            ("commitments.create_commitment", "commitments.change_commitment"),
        ),
        Capability(
            "plan-drafting",
            _("Drafting the plan"),
            _(
                "The secretariat writes the plan's own sections (introduction, context, process) "
                "and issues draft versions of the plan's document, assembled from the data."
            ),
            ("publication.change_plan_section", "publication.issue_draft_version"),
        ),
        Capability(
            "plan-public-comment",
            _("Public comment on the draft plan"),
            _(
                "Registered people comment on a draft version of the plan, on a section or a "
                "commitment; the secretariat answers, and the answers join the reasoned response."
            ),
            ("publication.comment_draft",),
        ),
        Capability(
            "ogp-review",
            _("OGP review of the draft"),
            _(
                "The secretariat sends a draft version to OGP's Support Unit and working groups "
                "with a due date; the plan's OGP reviewers comment on it or upload it commented."
            ),
            ("publication.open_review_round", "publication.comment_review_round"),
        ),
        Capability(
            "translation",
            _("Final adjustments and translation"),
            _(
                "The secretariat completes the plan's languages side by side and issues the final "
                "version, refused while a published text lacks a language."
            ),
            ("publication.translate_plan", "publication.issue_final_version"),
        ),
        Capability(
            "delivery",
            _("Delivery to OGP"),
            _("The secretariat records the final version's delivery to OGP's Support Unit."),
            ("publication.record_delivery",),
        ),
        Capability(
            "publication",
            _("Presentation and publication"),
            _(
                "The secretariat schedules the plan's presentation and publishes the plan: its "
                "final version becomes the plan, unchangeable, in every language, and everyone "
                "who took part is told."
            ),
            ("publication.publish_plan", "events.schedule_presentation"),
        ),
    )
}


def choices() -> list[tuple[str, str]]:
    return [(capability.key, capability.name) for capability in CATALOGUE.values()]


def capability_of(permission: str) -> Capability | None:
    """The capability that gates `permission`, if any."""
    for capability in CATALOGUE.values():
        if permission in capability.permissions:
            return capability
    return None


def open_capabilities(plan) -> frozenset[str]:
    """The capabilities enabled by the plan's open steps: one query (several steps may be open)."""
    from .models import Step

    if plan is None or plan.pk is None:
        return frozenset()
    found: set[str] = set()
    for keys in Step.objects.filter(plan_id=plan.pk, status=Step.Status.OPEN).values_list(
        "capabilities", flat=True
    ):
        found.update(keys)
    return frozenset(found)


def is_open(plan, key: str) -> bool:
    """Whether a step of `plan` enabling capability `key` is open."""
    if key not in CATALOGUE:
        raise KeyError(f"unknown capability {key!r}")
    return key in open_capabilities(plan)


def plans_where_open(key: str) -> set[int]:
    """Ids of the plans with an open step enabling `key` (for the reminder jobs)."""
    from .models import Step

    if key not in CATALOGUE:
        raise KeyError(f"unknown capability {key!r}")
    rows = Step.objects.filter(status=Step.Status.OPEN).values_list("plan_id", "capabilities")
    return {plan_id for plan_id, keys in rows if key in keys}


def enabling_step(plan, key: str, *, steps=None):
    """The step of `plan` that enables `key`: the open one, else the next not started, else the
    last closed (for deadlines read from its planned end). None if no step enables it. `steps`:
    the plan's steps in programme order, when the caller has read them."""
    from .models import Step

    if key not in CATALOGUE:
        raise KeyError(f"unknown capability {key!r}")
    if steps is None:
        steps = plan.steps.order_by("number", "id")
    steps = [s for s in steps if key in s.capabilities]
    for status in (Step.Status.OPEN, Step.Status.PENDING):
        for step in steps:
            if step.status == status:
                return step
    return steps[-1] if steps else None


def capability_open(key: str):
    """The rules predicate: a step of the object's plan enabling `key` is open. Read from the
    request's permission context (cocrea/plans/context.py): one query per request and plan, made
    stale by any step saved or deleted, so a step opened within a request is seen at once."""
    if key not in CATALOGUE:
        raise KeyError(f"unknown capability {key!r}")
    from .context import permissions_for
    from .rules import plan_of

    @rules.predicate(name=f"capability_open({key})")
    def predicate(user, obj=None) -> bool:
        context = permissions_for(user, plan_of(obj))
        return context is not None and key in context.capabilities

    return predicate


# What a co-creation cycle cannot do without: a programme where no step enables one of these
# gets a warning on the workspace (the forum, the open call, the drafting, the institutions'
# assignment and review, the public comment, the scoring, the selection, the development of the
# commitments, and the plan's drafting, public comment, review, translation, delivery and
# publication).
CYCLE_NEEDS = (
    "forum-meetings",
    "open-call",
    "drafting",
    "assignment",
    "viability-review",
    "public-comment",
    "scoring",
    "selection",
    "commitment-development",
    "plan-drafting",
    "plan-public-comment",
    "ogp-review",
    "translation",
    "delivery",
    "publication",
)


def missing_for_cycle(steps) -> list[Capability]:
    """The capabilities of CYCLE_NEEDS that none of `steps` enables, in the catalogue's order."""
    enabled = {key for step in steps for key in step.capabilities}
    return [CATALOGUE[key] for key in CYCLE_NEEDS if key not in enabled]
