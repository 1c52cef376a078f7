from modeltranslation.translator import TranslationOptions, register

from .models import PlanSection


@register(PlanSection)
class PlanSectionTranslation(TranslationOptions):
    fields = ("title", "body")
