"""Once the plan is published its document does not change: a save or a delete of a commitment,
a milestone, a section of the document, a version or a file of a version of a published plan is
refused at the model, whoever makes it (an action, a form, the admin, a script's `.save()`).

The actions refuse first, with a clear message (`actions.ensure_unpublished`), and the rules
refuse the pages (`is_unpublished`); this is the last guard. `QuerySet.update()` and
`bulk_create` send no signal: the actions never use them on a published plan's rows."""

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_delete, pre_save
from django.utils.translation import gettext as _

from cocrea.commitments.models import Commitment, CommitmentMilestone
from cocrea.plans.models import ActionPlan

from .models import DraftFile, DraftVersion, PlanSection


class PublishedPlanChange(PermissionDenied):
    """A change to the document of a published plan (a 403 if it reaches a view)."""


# How each guarded model reaches its plan, as a filter on ActionPlan by the row's foreign key.
PLAN_OF = {
    Commitment: ("pk", "plan_id"),
    PlanSection: ("pk", "plan_id"),
    DraftVersion: ("pk", "plan_id"),
    CommitmentMilestone: ("commitments", "commitment_id"),
    DraftFile: ("draft_versions", "version_id"),
}


def is_published(model, instance) -> bool:
    lookup, attribute = PLAN_OF[model]
    key = getattr(instance, attribute, None)
    if key is None:
        return False
    return ActionPlan.objects.filter(**{lookup: key}, published_on__isnull=False).exists()


def _refuse(sender, instance, **kwargs):
    if is_published(sender, instance):
        raise PublishedPlanChange(
            _("The plan is published: %(what)s can no longer change.")
            % {"what": sender._meta.verbose_name}
        )


def connect() -> None:
    """Called once, from PublicationConfig.ready()."""
    for model in PLAN_OF:
        uid = f"publication-immutable-{model._meta.label_lower}"
        pre_save.connect(_refuse, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_refuse, sender=model, dispatch_uid=f"{uid}-delete")
