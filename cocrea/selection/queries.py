"""Reads of the selection app shared by its pages, the actions and the higher apps."""

from cocrea.plans.capabilities import enabling_step
from cocrea.plans.models import Step

from .models import Candidate, EligibilityCheck, Methodology, Outcome, SelectionPublication


def published_methodology(plan) -> Methodology | None:
    """The plan's methodology in force (the published version), or None."""
    return (
        Methodology.objects.filter(plan=plan, status=Methodology.Status.PUBLISHED)
        .prefetch_related("requirements", "criteria")
        .first()
    )


def scoring_closed(plan) -> bool:
    """Scoring has closed: a step enabling "scoring" exists, none is open, and one has closed.
    Until then nobody sees anyone else's scores (one query)."""
    step = enabling_step(plan, "scoring")
    return step is not None and step.status == Step.Status.CLOSED


def eligibility(candidate, methodology) -> EligibilityCheck | None:
    """The check of `candidate` under `methodology`, or None when not checked yet."""
    return EligibilityCheck.objects.filter(candidate=candidate, methodology=methodology).first()


def candidates(plan):
    """The plan's candidates with their proposal's table and axis (for lists)."""
    return Candidate.objects.filter(plan=plan).select_related(
        "proposal__working_table", "proposal__axis"
    )


def is_published(plan) -> bool:
    """The plan's outcomes are public (the reasoned response)."""
    return SelectionPublication.objects.filter(plan=plan).exists()


def selected_count(plan) -> int:
    return Outcome.objects.filter(plan=plan, result=Outcome.Result.SELECTED).count()
