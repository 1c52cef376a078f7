from modeltranslation.translator import TranslationOptions, register

from .models import OpenCall, PrivacyNotice, Requirement


@register(Requirement)
class RequirementTranslation(TranslationOptions):
    fields = ("text",)


@register(OpenCall)
class OpenCallTranslation(TranslationOptions):
    fields = ("title", "text", "channels")


@register(PrivacyNotice)
class PrivacyNoticeTranslation(TranslationOptions):
    fields = ("legal_basis", "text")
