"""Factories of OGP's review rounds: an issued draft version (with one commitment, so the
document has a commitment's part to comment on), the review step, an open round, a small real
DOCX built with python-docx."""

import datetime
import io

import docx
from django.db import transaction
from django.db.models import Max

from cocrea.commitments import actions as commitment_actions
from cocrea.core.actions import SYSTEM
from cocrea.plans import context
from cocrea.plans.models import Step
from cocrea.publication import actions
from cocrea.publication.models import DraftVersion, ReviewRound

from .factories import OrganisationFactory, StepFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory

# The day the tests' rounds are opened on and their due date (the plan's period is 2017-2019).
TODAY = datetime.date(2017, 9, 20)
DUE = datetime.date(2017, 10, 6)


def commitment(plan):
    """The plan's first commitment, developed from a selected proposal of a new table."""
    last = plan.tables.aggregate(last=Max("number"))["last"] or 0
    table = TableFactory(plan=plan, number=last + 1)
    proposal = selected_proposal(plan, table, lead=OrganisationFactory())
    return commitment_actions.create_commitment(proposal, by=SYSTEM)


def issued(plan, *, with_commitment: bool = True) -> DraftVersion:
    """The plan's next draft version (0.1, 0.2, ...), frozen now."""
    if with_commitment and not plan.commitments.exists():
        commitment(plan)
    # `issue` locks the plan's row: it runs inside the caller's transaction, as the actions do
    with transaction.atomic():
        return actions.issue(plan, by=SYSTEM, note="", final=False)


def review_step(plan, status=Step.Status.OPEN):
    """A step enabling OGP's review (and nothing else)."""
    step = StepFactory(plan=plan, key="ogp-review", number=15, capabilities=["ogp-review"])
    Step.objects.filter(pk=step.pk).update(status=status)
    context.invalidate()
    return step


def open_round(plan, version=None, *, due_on=DUE, message="Comentarios por favor.") -> ReviewRound:
    version = version or issued(plan)
    return actions.open_review_round(
        version, by=SYSTEM, due_on=due_on, message=message, today=TODAY
    )


def docx_bytes(text: str = "Comentario de la Unidad de Apoyo.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
