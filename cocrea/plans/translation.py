from modeltranslation.translator import TranslationOptions, register

from .models import ActionPlan, Axis, Commission, ProgrammeVersion, Step


@register(ActionPlan)
class ActionPlanTranslation(TranslationOptions):
    fields = ("title", "summary", "contact_title", "contact_address")


@register(Axis)
class AxisTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Commission)
class CommissionTranslation(TranslationOptions):
    fields = ("name", "mandate", "participation_rules")


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title", "description", "responsible")


@register(ProgrammeVersion)
class ProgrammeVersionTranslation(TranslationOptions):
    fields = ("change_summary",)
