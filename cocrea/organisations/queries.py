"""Reads of a plan's territory: the regions and organisations of its jurisdiction.

A plan offers only its own jurisdiction's lists (a Costa Rican plan never offers Panama's
provinces); every form and list that offers regions or organisations asks here. `plan` is any
object with a `jurisdiction_id` (organisations sits below plans and does not import it)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Jurisdiction, Organisation, Region


def regions_of(plan) -> QuerySet[Region]:
    return Region.objects.filter(jurisdiction_id=plan.jurisdiction_id).order_by("name")


def organisations_of(plan, kind: str | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.filter(jurisdiction_id=plan.jurisdiction_id)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("name")


def institutions_of(plan) -> QuerySet[Organisation]:
    return organisations_of(plan, Organisation.Kind.PUBLIC_INSTITUTION)


def region_label(plan):
    """What the plan's regions are called ("Provinces and comarcas", "Cantons"); "Province" when
    the jurisdiction does not say."""
    jurisdiction = getattr(plan, "jurisdiction", None) if plan is not None else None
    if isinstance(jurisdiction, Jurisdiction) and jurisdiction.region_label:
        return jurisdiction.region_label
    return _("Province")
