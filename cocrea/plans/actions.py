"""Every state change of the plans app. Each action checks its permission and the step
transition table, saves inside one transaction and writes its action-log row. The workspace, the
admin and the management commands call these functions; nothing else writes these models."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cocrea.accounts.actions import find_or_create_account
from cocrea.accounts.links import localized_path
from cocrea.core.actions import assign_changed, log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url
from cocrea.organisations.models import Jurisdiction

from . import programme_templates
from .models import (
    FROZEN_FIELDS,
    ActionPlan,
    Axis,
    Commission,
    PlanRole,
    PlatformAdministrator,
    ProgrammeVersion,
    Role,
    Step,
    site_languages,
)
from .versions import DATE_FIELDS, TEXT_FIELDS, compare, language_codes, snapshot_steps

# The capability whose step needs every axis covered by a working table.
DRAFTING = "drafting"


def _today() -> datetime.date:
    return timezone.localdate()


def step_fields() -> list[str]:
    """The editable fields of a step, each text field once per language, and the capabilities
    it enables."""
    texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in language_codes()]
    return ["number", *texts, *DATE_FIELDS, "actual_start", "actual_end", "capabilities"]


# --- plans, axes, commission, roles ------------------------------------------------------------


@transaction.atomic
def create_plan(*, by, secretariat=(), new_jurisdiction=None, **fields) -> ActionPlan:
    """Create an action plan (platform administrators; operators as `SYSTEM`).

    `secretariat`: e-mail addresses of the people who run it, each given the secretariat's role
    (an account is made for an address that has none, and each is mailed). `new_jurisdiction`:
    a dict (name, kind, country_code) of a jurisdiction to create for it instead of choosing one.
    A new plan is not the site's current plan unless chosen (`set_current_plan`)."""
    require_perm(by, "plans.add_actionplan")
    if new_jurisdiction:
        fields["jurisdiction"] = _create_jurisdiction(**new_jurisdiction)
    plan = ActionPlan(**fields)
    plan.full_clean()
    plan.save()
    log_action(
        actor=by,
        verb="plans.create_plan",
        target=plan,
        plan=plan,
        data={"jurisdiction_created": bool(new_jurisdiction)},
    )
    for email in secretariat:
        _invite(plan, email=email, role=Role.SECRETARIAT, by=by)
    return plan


def _create_jurisdiction(*, name: str, kind: str, country_code: str) -> Jurisdiction:
    name = name.strip()
    base = slugify(name)[:36] or "jurisdiction"
    code, n = base, 1
    while Jurisdiction.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    jurisdiction = Jurisdiction(
        code=code, name=name, kind=kind, country_code=country_code.strip().upper()
    )
    jurisdiction.full_clean()
    jurisdiction.save()
    return jurisdiction


def frozen_changes(plan: ActionPlan, fields: dict) -> dict:
    """The frozen settings (numbers, template version) `fields` would change, as form errors,
    once a proposal set of the plan is submitted; empty otherwise."""
    touched = [
        name for name in FROZEN_FIELDS if name in fields and getattr(plan, name) != fields[name]
    ]
    if not touched or not plan.numbers_frozen():
        return {}
    message = _(
        "This cannot change any more: a working table has already submitted its proposals "
        "with the plan's numbers and commitment template."
    )
    return {name: message for name in touched}


@transaction.atomic
def update_plan(plan: ActionPlan, *, by, **fields) -> list[str]:
    """Change the plan's settings and texts; returns the names of the fields that changed.

    The numbers and the commitment template are refused once a proposal set is submitted; the
    current-plan flag moves only with `set_current_plan`."""
    require_perm(by, "plans.configure_plan", plan)
    if "is_current" in fields:
        raise ValueError("the current plan changes with set_current_plan")
    refused = frozen_changes(plan, fields)
    if refused:
        raise ValidationError(refused)
    changed = assign_changed(plan, fields)
    if changed:
        plan.full_clean()
        plan.save(update_fields=[*changed, "updated_at"])
        log_action(
            actor=by, verb="plans.update_plan", target=plan, plan=plan, data={"fields": changed}
        )
    return changed


@transaction.atomic
def set_current_plan(plan: ActionPlan, *, by) -> ActionPlan:
    """Make `plan` the site's current plan: the flag leaves the previous one in the same
    transaction (the database keeps at most one, constraint `plan_one_current`)."""
    require_perm(by, "plans.set_current_plan", plan)
    previous = list(
        ActionPlan.objects.select_for_update()
        .filter(is_current=True)
        .exclude(pk=plan.pk)
        .values_list("pk", flat=True)
    )
    if plan.is_current and not previous:
        return plan
    ActionPlan.objects.filter(pk__in=previous).update(is_current=False, updated_at=timezone.now())
    ActionPlan.objects.filter(pk=plan.pk).update(is_current=True, updated_at=timezone.now())
    plan.is_current = True
    log_action(
        actor=by, verb="plans.set_current_plan", target=plan, plan=plan, data={"previous": previous}
    )
    return plan


# --- the platform's administrators -------------------------------------------------------------


@transaction.atomic
def grant_platform_admin(user, *, by) -> PlatformAdministrator:
    """Make `user` a platform administrator (idempotent). The first one is made with the
    `grant_platform_admin` management command (`SYSTEM`)."""
    require_perm(by, "plans.grant_platform_admin")
    if not user.is_active:
        raise ValidationError(_("This account is not active."))
    admin, created = PlatformAdministrator.objects.get_or_create(
        user=user,
        defaults={"granted_by": by if getattr(by, "is_authenticated", False) else None},
    )
    if created:
        log_action(
            actor=by,
            verb="plans.grant_platform_admin",
            target=user,
            data={"user": user.pk},
            public=False,
        )
    return admin


@transaction.atomic
def revoke_platform_admin(admin: PlatformAdministrator, *, by) -> None:
    """Withdraw a platform administrator; the last one stays (someone must create plans)."""
    require_perm(by, "plans.grant_platform_admin")
    if not PlatformAdministrator.objects.select_for_update().exclude(pk=admin.pk).exists():
        raise ValidationError(_("The last platform administrator cannot be withdrawn."))
    log_action(
        actor=by,
        verb="plans.revoke_platform_admin",
        target=admin.user,
        data={"user": admin.user_id},
        public=False,
    )
    admin.delete()


@transaction.atomic
def set_axis(plan: ActionPlan, *, by, number: int, **texts) -> Axis:
    """Create or re-word the thematic axis with this number."""
    require_perm(by, "plans.change_axes", plan)
    axis, created = Axis.objects.get_or_create(plan=plan, number=number, defaults=texts)
    changed = [] if created else assign_changed(axis, texts)
    if changed:
        axis.save(update_fields=changed)
    if created or changed:
        log_action(
            actor=by,
            verb="plans.create_axis" if created else "plans.update_axis",
            target=axis,
            plan=plan,
        )
    return axis


def axis_fields() -> list[str]:
    """The editable fields of an axis: its number and its texts once per language."""
    return [
        "number",
        *(f"{name}_{lang}" for name in ("name", "description") for lang in language_codes()),
    ]


@transaction.atomic
def update_axis(axis: Axis, *, by, **fields) -> list[str]:
    """Renumber or re-word an axis; returns the fields that changed."""
    require_perm(by, "plans.change_axes", axis.plan)
    unknown = set(fields) - set(axis_fields())
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    number = fields.get("number", axis.number)
    if Axis.objects.filter(plan_id=axis.plan_id, number=number).exclude(pk=axis.pk).exists():
        raise ValidationError(
            {"number": _("Another axis already has number %(number)s.") % {"number": number}}
        )
    changed = assign_changed(axis, fields)
    if changed:
        axis.full_clean(exclude=["plan"])
        axis.save(update_fields=changed)
        log_action(
            actor=by,
            verb="plans.update_axis",
            target=axis,
            plan=axis.plan,
            description=", ".join(changed),
            data={"fields": changed},
        )
    return changed


def axis_references(axis: Axis) -> list[str]:
    """What refers to `axis` (working tables, proposals, registrations, events, ...), as the
    plural names of those things; empty when the axis can be removed. Read through the relations
    other apps declare, so the plans app imports none of them."""
    found = []
    for relation in axis._meta.related_objects:
        model = relation.related_model
        if model._default_manager.filter(**{relation.field.name: axis}).exists():
            found.append(str(model._meta.verbose_name_plural))
    return found


@transaction.atomic
def delete_axis(axis: Axis, *, by) -> None:
    """Remove an axis nothing refers to yet."""
    require_perm(by, "plans.change_axes", axis.plan)
    axis = Axis.objects.select_for_update().select_related("plan").get(pk=axis.pk)
    used = axis_references(axis)
    if used:
        raise ValidationError(
            _("Axis %(axis)s cannot be removed: it is used by %(things)s.")
            % {"axis": axis, "things": ", ".join(used)}
        )
    log_action(
        actor=by,
        verb="plans.delete_axis",
        target=axis,
        plan=axis.plan,
        data={"number": axis.number},
    )
    axis.delete()


@transaction.atomic
def set_commission(plan: ActionPlan, *, by, **fields) -> Commission:
    """Create or edit the plan's commission (name, acronym, mandate, participation rules)."""
    require_perm(by, "plans.configure_plan", plan)
    commission, created = Commission.objects.get_or_create(plan=plan, defaults=fields)
    changed = [] if created else assign_changed(commission, fields)
    if changed:
        commission.save(update_fields=changed)
    if created or changed:
        log_action(actor=by, verb="plans.update_commission", target=commission, plan=plan)
    return commission


@transaction.atomic
def grant_role(plan: ActionPlan, user, role: str, *, by, organisation=None) -> PlanRole:
    """Give `user` a role in `plan` (idempotent)."""
    require_perm(by, "plans.grant_role", plan)
    return _grant(plan, user, role, by=by, organisation=organisation)[0]


def _grant(plan, user, role, *, by, organisation=None) -> tuple[PlanRole, bool]:
    plan_role, created = PlanRole.objects.get_or_create(
        plan=plan, user=user, role=role, defaults={"organisation": organisation}
    )
    if created:
        log_action(
            actor=by,
            verb="plans.grant_role",
            target=plan_role,
            plan=plan,
            data={"user": user.pk, "role": role},
            public=False,
        )
    return plan_role, created


@transaction.atomic
def invite_to_role(
    plan: ActionPlan, *, by, email: str, role: str, full_name: str = "", organisation=None
) -> PlanRole:
    """Give the person with this e-mail address a role in `plan`: their account if they have
    one, else a new account (`find_or_create_account`) whose mail carries the link to choose a
    password. The person is mailed in their language, else the plan's default language."""
    require_perm(by, "plans.manage_roles", plan)
    return _invite(
        plan, email=email, role=role, by=by, full_name=full_name, organisation=organisation
    )


@transaction.atomic
def name_secretariat(plan: ActionPlan, *, by, email: str, full_name: str = "") -> PlanRole:
    """A platform administrator names a secretariat officer of `plan` (as `invite_to_role`)."""
    require_perm(by, "plans.name_secretariat", plan)
    return _invite(plan, email=email, role=Role.SECRETARIAT, by=by, full_name=full_name)


def _invite(plan, *, email, role, by, full_name="", organisation=None) -> PlanRole:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    email = (email or "").strip()
    if not email:
        raise ValidationError({"email": _("Enter the person's e-mail address.")})
    user, created = find_or_create_account(
        email, full_name=(full_name or "").strip(), organisation=organisation
    )
    if not user.is_active:
        raise ValidationError({"email": _("The account with this e-mail address is not active.")})
    plan_role, granted = _grant(plan, user, role, by=by, organisation=organisation)
    if not granted:
        raise ValidationError(
            {
                "email": _("%(name)s already holds the role %(role)s in this plan.")
                % {"name": user.display_name, "role": Role(role).label}
            }
        )
    by_name = getattr(by, "display_name", "") if getattr(by, "is_authenticated", False) else ""
    language = _language_for(user, plan)
    happened(
        "plans.role_granted",
        plan=plan,
        obj=plan_role,
        by=by,
        user=user,
        mail_language=language,
        role=Role(role).label,
        by_name=by_name,
        password_url=_set_password_url(user, language) if created else "",
        workspace_url=absolute_url(localized_path("workspace:plan", language, [plan.slug])),
    )
    return plan_role


def _language_for(user, plan) -> str:
    """The language to write to `user` about `plan`: theirs if the plan speaks it, else the
    plan's default language. The mail's links (the workspace, the password page) lead to the
    pages in that language too: an English-only plan never sends a Spanish reader to a page in
    Spanish."""
    code = plan_language(plan, getattr(user, "preferred_language", ""))
    return code if code in site_languages() else settings.LANGUAGE_CODE


def _set_password_url(user, language: str) -> str:
    """The link where a person given a new account chooses their password (Django's reset token:
    it stops working once used)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(localized_path("accounts:password_reset_confirm", language, [uid, token]))


@transaction.atomic
def revoke_role(plan_role: PlanRole, *, by) -> None:
    """Withdraw a role. The plan's last secretariat officer stays: without one nobody could run
    the plan (a platform administrator names another first)."""
    require_perm(by, "plans.revoke_role", plan_role.plan)
    if plan_role.role == Role.SECRETARIAT:
        officers = PlanRole.objects.select_for_update().filter(
            plan_id=plan_role.plan_id, role=Role.SECRETARIAT
        )
        if not officers.exclude(pk=plan_role.pk).exists():
            raise ValidationError(_("The plan's last secretariat officer cannot be withdrawn."))
    log_action(
        actor=by,
        verb="plans.revoke_role",
        target=plan_role,
        plan=plan_role.plan,
        data={"user": plan_role.user_id, "role": plan_role.role},
        public=False,
    )
    plan_role.delete()


ROLE_FIELDS = ("role", "organisation")


@transaction.atomic
def change_role(plan_role: PlanRole, *, by, **fields) -> list[str]:
    """Change which role a role row grants, or on whose behalf it is held (the admin's edit of a
    role). Returns the fields that changed; logged with the values before and after."""
    require_perm(by, "plans.grant_role", plan_role.plan)
    unknown = set(fields) - set(ROLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def value(name):
        return (
            getattr(plan_role, f"{name}_id") if name == "organisation" else getattr(plan_role, name)
        )

    before = {name: value(name) for name in fields}
    changed = assign_changed(plan_role, fields)
    if not changed:
        return []
    plan_role.save(update_fields=[*changed, "updated_at"])
    log_action(
        actor=by,
        verb="plans.change_role",
        target=plan_role,
        plan=plan_role.plan,
        data={
            "user": plan_role.user_id,
            "before": {name: before[name] for name in changed},
            "after": {name: value(name) for name in changed},
        },
        public=False,
    )
    return changed


# --- the work programme ------------------------------------------------------------------------


@transaction.atomic
def create_step(plan: ActionPlan, *, by, key: str = "", **fields) -> Step:
    """Add a step to the programme; without a number it goes last."""
    require_perm(by, "plans.create_step", plan)
    if not fields.get("number"):
        last = plan.steps.aggregate(last=Max("number"))["last"] or 0
        fields["number"] = last + 1
    step = Step(plan=plan, key=key or Step.new_key(), **fields)
    step.full_clean()
    step.save()
    log_action(actor=by, verb="plans.create_step", target=step, plan=plan)
    return step


@transaction.atomic
def update_step(step: Step, *, by, **fields) -> list[str]:
    """Re-word or re-date a step; returns the fields that changed (none: nothing is logged)."""
    require_perm(by, "plans.change_step", step)
    unknown = set(fields) - set(step_fields())
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = {name: getattr(step, name) for name in fields}
    changed = assign_changed(step, fields)
    if not changed:
        return []
    step.full_clean()
    step.save(update_fields=[*changed, "updated_at"])
    log_action(
        actor=by,
        verb="plans.update_step",
        target=step,
        plan=step.plan,
        description=", ".join(changed),
        data={name: [_json(before[name]), _json(getattr(step, name))] for name in changed},
    )
    return changed


@transaction.atomic
def delete_step(step: Step, *, by) -> None:
    """Remove a step that has not started. Steps that have started keep their history."""
    require_perm(by, "plans.delete_step", step)
    step = Step.objects.select_for_update().get(pk=step.pk)
    if step.status != Step.Status.PENDING:
        raise ValidationError(_("Only a step that has not started can be removed."))
    log_action(
        actor=by,
        verb="plans.delete_step",
        target=step,
        plan=step.plan,
        data={"key": step.key, "number": step.number},
    )
    step.delete()


@transaction.atomic
def open_step(step: Step, *, by, on: datetime.date | None = None) -> Step:
    """Open a pending step, or re-open a closed one. Records the actual start on first opening."""
    require_perm(by, "plans.open_step", step)
    step = Step.objects.select_for_update().select_related("plan").get(pk=step.pk)
    if not step.can_become(Step.Status.OPEN):
        raise ValidationError(_("This step is already open."))
    if DRAFTING in step.capabilities:
        # Each axis is drafted by a table covering it: none may be left out.
        orphans = step.plan.axes.filter(tables__isnull=True).order_by("number")
        if orphans:
            raise ValidationError(
                _("Axes without a working table: %(axes)s.")
                % {"axes": ", ".join(str(axis) for axis in orphans)}
            )
    reopening = step.status == Step.Status.CLOSED
    step.status = Step.Status.OPEN
    if not step.actual_start:
        step.actual_start = on or _today()
    step.actual_end = None
    step.save(update_fields=["status", "actual_start", "actual_end", "updated_at"])
    log_action(
        actor=by,
        verb="plans.reopen_step" if reopening else "plans.open_step",
        target=step,
        plan=step.plan,
        data={"on": step.actual_start.isoformat()},
    )
    happened("plans.step_opened", plan=step.plan, obj=step, by=by, reopening=reopening)
    return step


@transaction.atomic
def close_step(step: Step, *, by, on: datetime.date | None = None) -> Step:
    """Close an open step and record its actual end."""
    require_perm(by, "plans.close_step", step)
    step = Step.objects.select_for_update().get(pk=step.pk)
    if not step.can_become(Step.Status.CLOSED):
        raise ValidationError(_("Only an open step can be closed."))
    end = on or _today()
    if step.actual_start and end < step.actual_start:
        raise ValidationError(_("A step cannot close before it opened."))
    step.status = Step.Status.CLOSED
    step.actual_end = end
    step.save(update_fields=["status", "actual_end", "updated_at"])
    log_action(
        actor=by,
        verb="plans.close_step",
        target=step,
        plan=step.plan,
        data={"on": end.isoformat()},
    )
    happened("plans.step_closed", plan=step.plan, obj=step, by=by)
    return step


@transaction.atomic
def publish_version(
    plan: ActionPlan, *, by, published_on: datetime.date | None = None, **change_summary
) -> ProgrammeVersion:
    """Freeze the current steps as the next version of the programme.

    `change_summary` holds `change_summary_<lang>` texts. Refused when nothing changed since the
    latest version, and when a version after the first has no change summary."""
    require_perm(by, "plans.publish_version", plan)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    snapshot = snapshot_steps(plan.steps.order_by("number", "id"))
    if not snapshot:
        raise ValidationError(_("The programme has no steps to publish."))
    latest = plan.versions.order_by("-number").first()
    if latest is not None:
        if not compare(latest.snapshot, snapshot):
            raise ValidationError(
                _("Nothing has changed since version %(number)s.") % {"number": latest.number}
            )
        if not any((text or "").strip() for text in change_summary.values()):
            raise ValidationError(_("Say what changed since the previous version."))
    version = ProgrammeVersion(
        plan=plan,
        number=(latest.number + 1) if latest else 1,
        published_on=published_on or _today(),
        snapshot=snapshot,
        published_by=by if getattr(by, "is_authenticated", False) else None,
        **change_summary,
    )
    version.save()
    log_action(
        actor=by,
        verb="plans.publish_version",
        target=version,
        plan=plan,
        description=version.change_summary or "",
        data={"number": version.number},
    )
    return version


@transaction.atomic
def start_programme(
    plan: ActionPlan,
    *,
    by,
    template: str | None = None,
    copy_from: ActionPlan | None = None,
    starts_on: datetime.date | None = None,
) -> list[Step]:
    """Give a plan without steps its first programme: the steps of a template
    (cocrea/plans/programme_templates.py) dated from `starts_on`, or a copy of an earlier plan's
    steps (texts, responsible, capabilities and durations) shifted to this plan. Copied steps get
    new keys. By default the sequence is dated so that it ends before the plan's period starts
    (a template), or keeps the source's distance to its period (a copy). Logged once."""
    require_perm(by, "plans.start_programme", plan)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    if plan.steps.exists():
        raise ValidationError(_("The programme already has steps: edit them instead."))
    if (template is None) == (copy_from is None):
        raise ValidationError(_("Choose a template or a plan to copy, not both."))
    if template is not None:
        chosen = programme_templates.TEMPLATES.get(template)
        if chosen is None:
            raise ValidationError(_("Choose one of the templates."))
        start = starts_on or programme_templates.default_start(chosen, plan.period_start)
        rows = []
        for item in chosen.steps:
            planned_start, planned_end = item.dates(start)
            rows.append(
                {
                    **_texts("title", item.title),
                    **_texts("description", item.description),
                    **_texts("responsible", item.responsible),
                    "planned_start": planned_start,
                    "planned_end": planned_end,
                    "capabilities": list(item.capabilities),
                }
            )
        source = {"template": template}
    else:
        if copy_from.pk == plan.pk:
            raise ValidationError(_("Choose another plan to copy."))
        originals = list(copy_from.steps.order_by("number", "id"))
        if not originals:
            raise ValidationError(_("That plan has no steps to copy."))
        shift = _shift(originals, copy_from, plan, starts_on)
        texts = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in language_codes()]
        rows = [
            {
                **{name: getattr(original, name) for name in texts},
                "planned_start": _moved(original.planned_start, shift),
                "planned_end": _moved(original.planned_end, shift),
                "capabilities": list(original.capabilities),
            }
            for original in originals
        ]
        source = {"copy_from": copy_from.slug}
    steps = []
    for number, fields in enumerate(rows, start=1):
        step = Step(plan=plan, key=Step.new_key(), number=number, **fields)
        step.full_clean()
        step.save()
        steps.append(step)
    log_action(
        actor=by,
        verb="plans.start_programme",
        target=plan,
        plan=plan,
        data={**source, "steps": len(steps)},
    )
    return steps


def _texts(name: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{lang}": values.get(lang, "") for lang in language_codes()}


def _shift(originals, source: ActionPlan, plan: ActionPlan, starts_on) -> datetime.timedelta:
    """How far the copied steps move: to start on `starts_on`, else by the distance between the
    two plans' periods."""
    firsts = [step.planned_start for step in originals if step.planned_start]
    if starts_on is not None and firsts:
        return starts_on - min(firsts)
    return plan.period_start - source.period_start


def _moved(value: datetime.date | None, shift: datetime.timedelta) -> datetime.date | None:
    return value + shift if value else None


# --- helpers -----------------------------------------------------------------------------------


def _json(value):
    return value.isoformat() if isinstance(value, datetime.date) else value
