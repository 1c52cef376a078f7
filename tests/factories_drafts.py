"""A plan with one commitment and an issued draft version of its document, and the step that
opens the public comment on it. The stage is set through the actions (`issue`, as the system)."""

from django.db import transaction

from cocrea.commitments import actions as commitment_actions
from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans.models import Step
from cocrea.publication.actions import issue
from cocrea.publication.models import DraftVersion

from .factories import OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory


def commitment(plan, *, lead: Organisation | None = None, table=None):
    """Commitment 1 of `plan`, developed from a selected proposal of table 1."""
    table = table or TableFactory(plan=plan, number=1)
    proposal = selected_proposal(plan, table, lead=lead or OrganisationFactory())
    return commitment_actions.create_commitment(proposal, by=SYSTEM)


def issued(plan, *, note: str = "") -> DraftVersion:
    """The next draft version of `plan`'s document, issued now."""
    with transaction.atomic():
        return issue(plan, by=SYSTEM, note=note, final=False)


def draft_plan(plan, *, note: str = "Primer borrador.") -> DraftVersion:
    """`plan` with one commitment and its document's draft 0.1."""
    commitment(plan)
    return issued(plan, note=note)


def public_comment_step(plan, *, status=Step.Status.OPEN) -> Step:
    """The step enabling the drafting and the public comment of the plan (step 13)."""
    return StepFactory(
        plan=plan,
        key="draft",
        number=13,
        status=status,
        capabilities=["plan-drafting", "plan-public-comment"],
    )
