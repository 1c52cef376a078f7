from modeltranslation.translator import TranslationOptions, register

from .models import WorkingTable


@register(WorkingTable)
class WorkingTableTranslation(TranslationOptions):
    fields = ("name", "description")
