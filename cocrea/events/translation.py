from modeltranslation.translator import TranslationOptions, register

from .models import Decision, Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "agenda", "minutes", "cancel_reason")


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("text",)
