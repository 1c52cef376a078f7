"""State changes of a jurisdiction's regions and organisations, made by a plan's secretariat for
the plan's own jurisdiction. Rows are never deleted here: registrations, events and proposals
point at them.

`plan` is the plan whose secretariat acts (organisations sits below plans and does not import
it): the permission `organisations.manage_territory` is asked of it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cocrea.core.actions import assign_changed, log_action, require_perm

from .models import Organisation, Region

REGION_FIELDS = {"code", "name", "is_capital"}
ORGANISATION_FIELDS = {"name_es", "name_en", "acronym", "kind", "region", "website"}


def _jurisdiction_of(plan):
    if plan.jurisdiction_id is None:
        raise ValidationError(_("This plan has no jurisdiction: choose one in its settings."))
    return plan.jurisdiction


def _check_fields(fields: dict, allowed: set) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _save_region(region: Region, update_fields=None) -> None:
    region.full_clean(validate_constraints=False)
    if (
        Region.objects.filter(jurisdiction_id=region.jurisdiction_id, code__iexact=region.code)
        .exclude(pk=region.pk)
        .exists()
    ):
        raise ValidationError(
            {"code": _("Another region of this jurisdiction has this code.")}
        ) from None
    try:
        with transaction.atomic():
            region.save(update_fields=update_fields)
    except IntegrityError:  # the same code added at the same moment
        raise ValidationError(
            {"code": _("Another region of this jurisdiction has this code.")}
        ) from None


@transaction.atomic
def add_region(plan, *, by, **fields) -> Region:
    require_perm(by, "organisations.manage_territory", plan)
    _check_fields(fields, REGION_FIELDS)
    jurisdiction = _jurisdiction_of(plan)
    region = Region(jurisdiction=jurisdiction, country_code=jurisdiction.country_code, **fields)
    _save_region(region)
    log_action(actor=by, verb="organisations.add_region", target=region, plan=plan)
    return region


@transaction.atomic
def change_region(plan, region: Region, *, by, **fields) -> list[str]:
    require_perm(by, "organisations.manage_territory", plan)
    _check_fields(fields, REGION_FIELDS)
    if region.jurisdiction_id != plan.jurisdiction_id:
        raise ValidationError(_("This region belongs to another jurisdiction."))
    changed = assign_changed(region, fields)
    if changed:
        _save_region(region, update_fields=changed)
        log_action(
            actor=by,
            verb="organisations.change_region",
            target=region,
            plan=plan,
            data={"fields": changed},
        )
    return changed


def _check_organisation(plan, organisation: Organisation) -> None:
    if organisation.region_id and organisation.region.jurisdiction_id != plan.jurisdiction_id:
        raise ValidationError({"region": _("This region belongs to another jurisdiction.")})
    default = plan.default_language
    if not (getattr(organisation, f"name_{default}", "") or "").strip():
        raise ValidationError(
            {f"name_{default}": _("The name is required in the plan's default language.")}
        )


@transaction.atomic
def add_organisation(plan, *, by, **fields) -> Organisation:
    require_perm(by, "organisations.manage_territory", plan)
    _check_fields(fields, ORGANISATION_FIELDS)
    organisation = Organisation(jurisdiction=_jurisdiction_of(plan), **fields)
    _check_organisation(plan, organisation)
    organisation.full_clean()
    organisation.save()
    log_action(actor=by, verb="organisations.add_organisation", target=organisation, plan=plan)
    return organisation


@transaction.atomic
def change_organisation(plan, organisation: Organisation, *, by, **fields) -> list[str]:
    require_perm(by, "organisations.manage_territory", plan)
    _check_fields(fields, ORGANISATION_FIELDS)
    if organisation.jurisdiction_id != plan.jurisdiction_id:
        raise ValidationError(_("This organisation belongs to another jurisdiction."))
    changed = assign_changed(organisation, fields)
    if "kind" in changed:  # the sector follows the kind
        organisation.sector = Organisation.SECTOR_OF_KIND[Organisation.Kind(organisation.kind)]
        changed.append("sector")
    if changed:
        _check_organisation(plan, organisation)
        organisation.full_clean()
        organisation.save(update_fields=[*changed, "updated_at"])
        log_action(
            actor=by,
            verb="organisations.change_organisation",
            target=organisation,
            plan=plan,
            data={"fields": changed},
        )
    return changed
