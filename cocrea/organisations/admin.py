from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Organisation, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "country_code", "is_capital"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "sector", "region"]
    list_filter = ["kind", "sector", "region"]
    search_fields = ["name", "acronym"]
