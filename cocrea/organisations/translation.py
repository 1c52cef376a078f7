from modeltranslation.translator import TranslationOptions, register

from .models import Jurisdiction, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name",)


@register(Jurisdiction)
class JurisdictionTranslation(TranslationOptions):
    fields = ("name", "region_label")
