from modeltranslation.translator import TranslationOptions, register

from cocrea.proposals.models import TEXT_FIELDS

from .models import DEVELOPMENT_TEXT_FIELDS, MILESTONE_FIELDS, Commitment, CommitmentMilestone


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = (*TEXT_FIELDS, *DEVELOPMENT_TEXT_FIELDS)


@register(CommitmentMilestone)
class CommitmentMilestoneTranslation(TranslationOptions):
    fields = MILESTONE_FIELDS
