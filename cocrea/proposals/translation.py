from modeltranslation.translator import TranslationOptions, register

from .models import TEXT_FIELDS, Proposal


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = TEXT_FIELDS
