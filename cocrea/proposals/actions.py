"""State changes of the proposals: saving a draft (which writes a revision) and submitting a
table's set for an axis (which locks it). Drafts are logged privately until submission."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm

from .models import REQUIRED_FIELDS, TEXT_FIELDS, OgpValue, Proposal, ProposalRevision
from .revisions import snapshot, snapshot_fields


def expected_slots(plan) -> list[str]:
    """The slots a complete set fills, from the plan's numbers of proposals and alternates."""
    commitments = list(Proposal.COMMITMENT_SLOTS[: plan.commitments_per_table_axis])
    alternates = list(Proposal.ALTERNATE_SLOTS[: plan.alternates_per_table_axis])
    return [*commitments, *alternates]


def _is_empty(proposal: Proposal, name: str) -> bool:
    if name in TEXT_FIELDS:
        name = f"{name}_es"  # required in Spanish, the plan's national language
    value = getattr(proposal, name)
    return value in (None, "", [])


def missing_for_submission(table, axis) -> list[str]:
    """Everything that keeps the table's set for `axis` from being submitted; empty when ready."""
    plan = table.plan
    proposals = {p.slot: p for p in Proposal.objects.filter(working_table=table, axis=axis)}
    labels = dict(Proposal.Slot.choices)
    wanted = expected_slots(plan)
    problems = []
    if len(proposals) != plan.proposals_per_table_axis:
        problems.append(
            _("The set must have exactly %(expected)s proposals; it has %(count)s.")
            % {"expected": plan.proposals_per_table_axis, "count": len(proposals)}
        )
    for slot in wanted:
        proposal = proposals.get(slot)
        if proposal is None:
            problems.append(_("%(slot)s: not drafted yet.") % {"slot": labels[slot]})
            continue
        for name in REQUIRED_FIELDS[proposal.template_version]:
            if _is_empty(proposal, name):
                problems.append(
                    _("%(slot)s: “%(field)s” is missing.")
                    % {
                        "slot": labels[slot],
                        "field": capfirst(Proposal._meta.get_field(name).verbose_name),
                    }
                )
        if proposal.ogp_values == [OgpValue.TECHNOLOGY_INNOVATION]:
            problems.append(
                _("%(slot)s: technology and innovation counts only with another OGP value.")
                % {"slot": labels[slot]}
            )
    return problems


@transaction.atomic
def save_proposal(table, axis, slot: str, *, by, **fields) -> Proposal:
    """Create or change the draft in `slot` of the table's set for `axis`, and keep a revision.

    Refuses a submitted proposal. A save that changes nothing writes no revision and no log."""
    require_perm(by, "proposals.change_proposal", table)
    if axis.plan_id != table.plan_id:
        raise ValueError("the axis belongs to another plan")
    if slot not in Proposal.Slot.values:
        raise ValueError(f"unknown slot: {slot}")
    unknown = set(fields) - set(snapshot_fields())
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    proposal = (
        Proposal.objects.select_for_update()
        .filter(working_table=table, axis=axis, slot=slot)
        .first()
    )
    created = proposal is None
    if created:
        proposal = Proposal(plan=table.plan, working_table=table, axis=axis, slot=slot)
        if table.plan.template_version not in REQUIRED_FIELDS:
            raise ValueError(f"no required fields for template {table.plan.template_version}")
        proposal.template_version = table.plan.template_version
    elif proposal.is_locked:
        raise ValidationError(_("This proposal has been submitted and can no longer change."))
    before = snapshot(proposal)
    for name, value in fields.items():
        setattr(proposal, name, value)
    after = snapshot(proposal)
    if not created and after == before:
        return proposal
    proposal.full_clean()
    if created:
        proposal.save()
    else:
        changed = [name for name in fields if before.get(name) != after.get(name)]
        proposal.save(update_fields=[*changed, "updated_at"])
    last = proposal.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = ProposalRevision.objects.create(
        proposal=proposal,
        number=last + 1,
        author=by if getattr(by, "is_authenticated", False) else None,
        snapshot=after,
    )
    log_action(
        actor=by,
        verb="proposals.create_proposal" if created else "proposals.update_proposal",
        target=proposal,
        plan=table.plan,
        data={"slot": slot, "revision": revision.number},
        public=False,
    )
    return proposal


@transaction.atomic
def submit_set(table, axis, *, by) -> list[Proposal]:
    """Submit the table's complete set for `axis`: every proposal becomes submitted and locked.

    Raises one ValidationError listing everything missing, and changes nothing, unless the set
    has exactly the plan's number of proposals with every required field filled in Spanish."""
    require_perm(by, "proposals.submit_proposals", table)
    proposals = list(
        Proposal.objects.select_for_update().filter(working_table=table, axis=axis).order_by("id")
    )
    if proposals and all(p.is_locked for p in proposals):
        raise ValidationError(_("This set has already been submitted."))
    problems = missing_for_submission(table, axis)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    for proposal in proposals:
        proposal.status = Proposal.Status.SUBMITTED
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "submitted_at", "updated_at"])
    log_action(
        actor=by,
        verb="proposals.submit_set",
        target=table,
        plan=table.plan,
        data={"axis": axis.number, "proposals": [p.pk for p in proposals]},
    )
    return proposals
