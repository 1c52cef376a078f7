"""Permissions of the proposals app, named `proposals.<verb>_<noun>`.

The object is the working table, one of its proposals, a review or a comment. Who may act is
written once, in the lines at the end; when, by the capability that gates the permission (see
cocrea/plans/capabilities.py): the action is allowed only while a step of the plan enabling it
is open.

- drafting (leaders and members of the table, or the secretariat); leaders or the secretariat
  submit the set;
- assigning responsible institutions and objectives (the secretariat, with the table's leaders);
- the viability review (the lead institution's head or a delegate the head names);
- public comment on submitted proposals (every registered person); the secretariat, the
  table's leaders and the head and delegates of the proposal's lead institution (who are asked
  about it most) answer comments, the secretariat moderates them, at any time."""

import rules

from cocrea.core.permissions import add_capability_perm, add_seat_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.context import permissions_for, register_seats, watch
from cocrea.plans.models import PlanRole, Role
from cocrea.plans.rules import is_secretariat, plan_of, roles_in
from cocrea.tables.models import WorkingTable
from cocrea.tables.rules import tables_joined_by, tables_led_by

from .models import ResponsibleInstitution, ReviewDelegate


def table_of(obj) -> WorkingTable | None:
    if isinstance(obj, WorkingTable):
        return obj
    if hasattr(obj, "working_table"):
        return obj.working_table
    proposal = getattr(obj, "proposal", None)
    return getattr(proposal, "working_table", None)


@rules.predicate
def member_of_table(user, obj=None) -> bool:
    table = table_of(obj)
    return table is not None and table.pk in tables_joined_by(user, table.plan)


@rules.predicate
def leads_table(user, obj=None) -> bool:
    table = table_of(obj)
    return table is not None and table.pk in tables_led_by(user, table.plan)


def institution_of(obj):
    """The institution a review (or a delegation) is about."""
    return getattr(obj, "institution", None)


def _load_review_seats(user, plan) -> tuple[frozenset[int], frozenset[int]]:
    """(organisations `user` heads in `plan`, those they review for as a named delegate): for the
    permission context, one query each, the first only for a head of institution."""
    if not user.is_authenticated:
        return frozenset(), frozenset()
    heads = frozenset()
    if Role.HEAD_OF_INSTITUTION in roles_in(user, plan):
        heads = frozenset(
            PlanRole.objects.filter(plan_id=plan.pk, user_id=user.pk, role=Role.HEAD_OF_INSTITUTION)
            .exclude(organisation=None)
            .values_list("organisation_id", flat=True)
        )
    delegated = frozenset(
        ReviewDelegate.objects.filter(plan_id=plan.pk, user_id=user.pk).values_list(
            "institution_id", flat=True
        )
    )
    return heads, delegated


register_seats("reviews", _load_review_seats)
watch(ReviewDelegate)


def review_seats(user, plan) -> tuple[frozenset[int], frozenset[int]]:
    """The organisations `user` heads in `plan`, and those they review for as a named delegate
    (from the request's permission context)."""
    context = permissions_for(user, plan)
    return context.seats("reviews") if context is not None else (frozenset(), frozenset())


def institutions_headed_by(user, plan) -> frozenset[int]:
    """The organisations `user` reviews for in `plan`: as their head or as a delegate."""
    heads, delegated = review_seats(user, plan)
    return heads | delegated


@rules.predicate
def heads_institution(user, obj=None) -> bool:
    """`user` is a head of institution of the plan on behalf of the object's institution."""
    institution = institution_of(obj)
    return institution is not None and institution.pk in review_seats(user, plan_of(obj))[0]


@rules.predicate
def reviews_for_institution(user, obj=None) -> bool:
    """`user` heads the object's institution, or was named its delegate."""
    institution = institution_of(obj)
    return institution is not None and institution.pk in institutions_headed_by(user, plan_of(obj))


def lead_institution_of(obj):
    """The lead institution of the proposal a comment (or review) is about, or None before the
    institutions are assigned (one query)."""
    proposal = getattr(obj, "proposal", obj)
    found = (
        ResponsibleInstitution.objects.filter(proposal_id=proposal.pk, is_lead=True)
        .select_related("organisation")
        .first()
    )
    return found.organisation if found is not None else None


def _load_lead_proposals(user, plan) -> frozenset[int]:
    """The proposals of `plan` whose lead institution `user` reviews for (as its head or a named
    delegate): for the permission context, one query, none for who reviews for nobody."""
    seats = institutions_headed_by(user, plan)
    if not seats:
        return frozenset()
    return frozenset(
        ResponsibleInstitution.objects.filter(
            proposal__plan_id=plan.pk, is_lead=True, organisation_id__in=seats
        ).values_list("proposal_id", flat=True)
    )


register_seats("lead_proposals", _load_lead_proposals)
watch(ResponsibleInstitution)


@rules.predicate
def reviews_for_lead_institution(user, obj=None) -> bool:
    """`user` heads the lead institution of the object's proposal, or was named its delegate
    (from the request's permission context: one query per request, not per comment)."""
    if not getattr(user, "is_authenticated", False):
        return False
    proposal = getattr(obj, "proposal", obj)
    context = permissions_for(user, plan_of(obj))
    return context is not None and proposal.pk in context.seats("lead_proposals")


@rules.predicate
def leads_a_table(user, obj=None) -> bool:
    """`user` leads a working table of the object's plan."""
    return bool(tables_led_by(user, plan_of(obj)))


@rules.predicate
def reviews_for_an_institution(user, obj=None) -> bool:
    """`user` heads an institution of the object's plan, or reviews for one as a delegate."""
    return bool(institutions_headed_by(user, plan_of(obj)))


@rules.predicate
def is_registered(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_active)


drafting = capability_open("drafting")
assignment = capability_open("assignment")
review = capability_open("viability-review")
public_comment = capability_open("public-comment")

add_capability_perm(
    "proposals.change_proposal", is_secretariat | member_of_table, drafting, seat=True
)
add_capability_perm("proposals.submit_proposals", is_secretariat | leads_table, drafting, seat=True)
add_capability_perm(
    "proposals.comment_draft", is_secretariat | member_of_table, drafting, seat=True
)
add_capability_perm(
    "proposals.assign_institutions", is_secretariat | leads_table, assignment, seat=True
)
add_seat_perm("proposals.name_delegate", heads_institution)
add_capability_perm("proposals.review_proposal", reviews_for_institution, review, seat=True)
# The pages: the list of assignments (all of them: `view_assignments`; leaders their tables'),
# the list of reviews (all: `view_reviews`; heads and delegates their institutions'), one review.
rules.add_perm("proposals.list_assignments", is_secretariat | leads_a_table)
rules.add_perm("proposals.view_assignments", is_secretariat)
rules.add_perm("proposals.view_reviews", is_secretariat)
rules.add_perm("proposals.list_reviews", is_secretariat | reviews_for_an_institution)
rules.add_perm("proposals.view_review", is_secretariat | reviews_for_institution)
rules.add_perm("proposals.remind_review", is_secretariat)
add_capability_perm("proposals.comment_proposal", is_registered, public_comment)
add_seat_perm(
    "proposals.answer_comment", is_secretariat | leads_table | reviews_for_lead_institution
)
rules.add_perm("proposals.moderate_comment", is_secretariat)
# The workspace's queue of public comments: all of them (`view_comments`); leaders, heads and
# delegates the comments on the proposals they answer for (each row asks `answer_comment`).
rules.add_perm("proposals.view_comments", is_secretariat)
rules.add_perm(
    "proposals.list_comments", is_secretariat | leads_a_table | reviews_for_an_institution
)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_list_assignments = asker("proposals.list_assignments")
can_list_comments = asker("proposals.list_comments")
can_view_comments = asker("proposals.view_comments")
can_answer_comment = asker("proposals.answer_comment")
can_assign_institutions = asker("proposals.assign_institutions")
can_change_proposal = asker("proposals.change_proposal")
can_comment_draft = asker("proposals.comment_draft")
can_comment_proposal = asker("proposals.comment_proposal")
can_list_reviews = asker("proposals.list_reviews")
can_moderate_comment = asker("proposals.moderate_comment")
can_name_delegate = asker("proposals.name_delegate")
can_remind_review = asker("proposals.remind_review")
can_review_proposal = asker("proposals.review_proposal")
can_submit_proposals = asker("proposals.submit_proposals")
can_view_assignments = asker("proposals.view_assignments")
can_view_review = asker("proposals.view_review")
can_view_reviews = asker("proposals.view_reviews")
