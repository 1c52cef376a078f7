"""Admin for configuration. Writes of process state go through the actions, like everywhere."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import actions
from .models import FROZEN_FIELDS, ActionPlan, Axis, Commission, PlanRole, ProgrammeVersion, Step


class NoDeleteMixin:
    """Plans, axes and commissions carry the history of a process: they are not deleted."""

    def has_delete_permission(self, request, obj=None):
        return False


def _changed(form, exclude=()) -> dict:
    return {name: form.cleaned_data[name] for name in form.changed_data if name not in exclude}


@admin.register(ActionPlan)
class ActionPlanAdmin(NoDeleteMixin, TranslationAdmin):
    list_display = ["title", "country", "period_start", "period_end", "is_current"]
    prepopulated_fields = {"slug": ["title_es"]}
    actions = ["make_current"]

    def get_readonly_fields(self, request, obj=None):
        # The current plan moves with `set_current_plan` (the action below); the numbers and the
        # template stop changing once a proposal set is submitted. The admin's form validates
        # the rest with the model's full_clean (ranges, languages, default language).
        frozen = list(FROZEN_FIELDS) if obj is not None and obj.numbers_frozen() else []
        return ["is_current", *frozen]

    @admin.action(description=_("Make the selected plan the current one"))
    def make_current(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one plan."), messages.ERROR)
            return
        actions.set_current_plan(queryset.get(), by=request.user)

    def save_model(self, request, obj, form, change):
        if change:
            actions.update_plan(
                ActionPlan.objects.get(pk=obj.pk), by=request.user, **_changed(form)
            )
        else:
            obj.pk = actions.create_plan(by=request.user, **form.cleaned_data).pk


@admin.register(Axis)
class AxisAdmin(NoDeleteMixin, TranslationAdmin):
    list_display = ["number", "name", "plan"]
    list_filter = ["plan"]

    def get_readonly_fields(self, request, obj=None):
        # An axis is identified by its plan and number; re-numbering is a new axis.
        return ["plan", "number"] if obj else []

    def save_model(self, request, obj, form, change):
        texts = _changed(form, exclude={"plan", "number"})
        obj.pk = actions.set_axis(obj.plan, by=request.user, number=obj.number, **texts).pk


@admin.register(Commission)
class CommissionAdmin(NoDeleteMixin, TranslationAdmin):
    list_display = ["name", "plan"]

    def get_readonly_fields(self, request, obj=None):
        return ["plan"] if obj else []

    def save_model(self, request, obj, form, change):
        fields = _changed(form, exclude={"plan"})
        obj.pk = actions.set_commission(obj.plan, by=request.user, **fields).pk


@admin.register(PlanRole)
class PlanRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "plan", "organisation"]
    list_filter = ["plan", "role"]
    search_fields = ["user__username", "user__full_name"]
    autocomplete_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        # A role row belongs to one person in one plan; another person or plan is a new grant.
        return ["plan", "user"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            fields = {name: form.cleaned_data[name] for name in actions.ROLE_FIELDS}
            actions.change_role(PlanRole.objects.get(pk=obj.pk), by=request.user, **fields)
        else:
            obj.pk = actions.grant_role(
                obj.plan, obj.user, obj.role, by=request.user, organisation=obj.organisation
            ).pk

    def delete_model(self, request, obj):
        try:
            actions.revoke_role(obj, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def get_actions(self, request):
        # Bulk delete would bypass `revoke_role` and its log row.
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found


@admin.register(Step)
class StepAdmin(TranslationAdmin):
    list_display = ["number", "title", "plan", "status", "planned_start", "planned_end"]
    list_filter = ["plan", "status"]
    readonly_fields = ["status"]
    actions = ["open_steps", "close_steps"]

    def save_model(self, request, obj, form, change):
        editable = actions.step_fields()
        data = {name: form.cleaned_data[name] for name in form.changed_data if name in editable}
        if change:
            step = Step.objects.get(pk=obj.pk)
            actions.update_step(step, by=request.user, **data)
        else:
            created = actions.create_step(obj.plan, by=request.user, key=obj.key, **data)
            obj.pk = created.pk

    def delete_model(self, request, obj):
        actions.delete_step(obj, by=request.user)

    def get_actions(self, request):
        # Bulk delete would bypass `delete_step` and its log row.
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found

    def _transition(self, request, queryset, action):
        for step in queryset:
            try:
                action(step, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{step}: {' '.join(error.messages)}", messages.ERROR)

    @admin.action(description=_("Open the selected steps"))
    def open_steps(self, request, queryset):
        self._transition(request, queryset, actions.open_step)

    @admin.action(description=_("Close the selected steps"))
    def close_steps(self, request, queryset):
        self._transition(request, queryset, actions.close_step)


@admin.register(ProgrammeVersion)
class ProgrammeVersionAdmin(admin.ModelAdmin):
    list_display = ["plan", "number", "published_on"]
    list_filter = ["plan"]

    # Published versions are immutable; they are made by `publish_version` only.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
