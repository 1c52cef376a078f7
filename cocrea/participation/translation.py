from modeltranslation.translator import TranslationOptions, register

from .models import OpenCall, Requirement


@register(Requirement)
class RequirementTranslation(TranslationOptions):
    fields = ("text",)


@register(OpenCall)
class OpenCallTranslation(TranslationOptions):
    fields = ("title", "text", "channels")
