from modeltranslation.translator import TranslationOptions, register

from .models import (
    Criterion,
    EligibilityCheck,
    Methodology,
    Outcome,
    Requirement,
    RequirementResult,
)


@register(Methodology)
class MethodologyTranslation(TranslationOptions):
    fields = ("introduction", "reason")


@register(Requirement)
class RequirementTranslation(TranslationOptions):
    fields = ("text", "guidance")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "guidance")


@register(RequirementResult)
class RequirementResultTranslation(TranslationOptions):
    fields = ("reason",)


@register(EligibilityCheck)
class EligibilityCheckTranslation(TranslationOptions):
    fields = ("overturn_reason",)


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("reason",)
