from modeltranslation.translator import TranslationOptions, register

from .models import (
    MILESTONE_TEXT_FIELDS,
    TEXT_FIELDS,
    Counterproposal,
    Milestone,
    Proposal,
    ViabilityReview,
)


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = (*TEXT_FIELDS, "objectives")


@register(Counterproposal)
class CounterproposalTranslation(TranslationOptions):
    fields = TEXT_FIELDS


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = MILESTONE_TEXT_FIELDS


@register(ViabilityReview)
class ViabilityReviewTranslation(TranslationOptions):
    fields = ("changes", "reasons")
