from modeltranslation.translator import TranslationOptions, register

from .models import TEXT_FIELDS, Counterproposal, Proposal, ViabilityReview


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = (*TEXT_FIELDS, "objectives")


@register(Counterproposal)
class CounterproposalTranslation(TranslationOptions):
    fields = TEXT_FIELDS


@register(ViabilityReview)
class ViabilityReviewTranslation(TranslationOptions):
    fields = ("changes", "reasons")
