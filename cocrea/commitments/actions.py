"""State changes of the commitments: creating one from its selected proposal (or the
counterproposal selected in its place) and completing it in the plan's template, every save
kept as a revision; and what is still missing before it is complete."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.organisations.models import Organisation
from cocrea.plans import commitment_templates as ct
from cocrea.plans.models import ActionPlan
from cocrea.plans.versions import language_codes
from cocrea.proposals.actions import language_name, missing_template_fields
from cocrea.proposals.models import Counterproposal, Proposal
from cocrea.proposals.revisions import is_blank_row, milestone_row, snapshot, snapshot_fields
from cocrea.selection.models import Outcome

from .models import (
    MILESTONE_FIELDS,
    TOTAL_WEIGHT,
    Commitment,
    CommitmentMilestone,
    CommitmentRevision,
)

# What the form edits besides the template's fields.
RELATIONS = ("lead_institution", "supporting_institutions")
SDG_KEYS = {key for key, _label in ct.SDGS}
FIRST_REVISION = 1


def _by(by):
    return by if getattr(by, "is_authenticated", False) else None


def commitment_snapshot(commitment: Commitment, *, milestones=None, supporting=None) -> dict:
    """Every declared field of the commitment (institutions by name), with `milestones` (rows as
    `milestone_row` gives them) and `supporting` (organisations) when about to change."""
    snap = snapshot(commitment, milestones=milestones)
    if supporting is not None:
        snap["supporting_institutions"] = sorted(str(item) for item in supporting)
    return snap


def _source(proposal: Proposal, outcome: Outcome):
    """The text the commitment starts from: the proposal, or its counterproposal when the
    commission selected that form."""
    if not outcome.as_counterproposal:
        return proposal
    counter = Counterproposal.objects.filter(review__proposal=proposal).first()
    if counter is None:
        raise ValidationError(
            _("The proposal was selected as its counterproposal, but it has none.")
        )
    return counter


@transaction.atomic
def create_commitment(proposal: Proposal, *, by) -> Commitment:
    """Create the commitment of a proposal the commission selected: its template fields (every
    language) and milestones copied from the form that was selected, the lead institution and
    the other responsible institutions as supporting ones, the next free number of the plan,
    the proposal's axis and table, and its first revision.

    Refuses a proposal that was not selected, and one that already has its commitment."""
    plan = proposal.plan
    require_perm(by, "commitments.create_commitment", plan)
    # One creation at a time per plan: the number is the next free one.
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    outcome = Outcome.objects.filter(proposal=proposal).first()
    if outcome is None or outcome.result != Outcome.Result.SELECTED:
        raise ValidationError(_("Only a proposal the commission selected becomes a commitment."))
    if Commitment.objects.filter(proposal=proposal).exists():
        raise ValidationError(_("This proposal already has its commitment."))
    text = _source(proposal, outcome)
    version = text.template_version
    if not ct.is_known(version):
        raise ValidationError(_("The plan's commitment template is not a known version."))
    last = Commitment.objects.filter(plan=plan).aggregate(last=Max("number"))["last"] or 0
    commitment = Commitment(
        plan=plan,
        proposal=proposal,
        from_counterproposal=text is not proposal,
        number=last + 1,
        axis_id=proposal.axis_id,
        working_table_id=proposal.working_table_id,
        template_version=version,
        created_by=_by(by),
    )
    for key in snapshot_fields(version):
        if key != "milestones":
            setattr(commitment, key, getattr(text, key))
    institutions = list(proposal.institutions.select_related("organisation"))
    commitment.lead_institution = next((i.organisation for i in institutions if i.is_lead), None)
    commitment.save()
    commitment.supporting_institutions.set([i.organisation for i in institutions if not i.is_lead])
    CommitmentMilestone.objects.bulk_create(
        CommitmentMilestone(
            commitment=commitment,
            order=order,
            start_date=milestone.start_date,
            end_date=milestone.end_date,
            **{
                f"{name}_{lang}": getattr(milestone, f"{name}_{lang}")
                for name in MILESTONE_FIELDS
                for lang in language_codes()
            },
        )
        for order, milestone in enumerate(text.milestones.all(), start=1)
    )
    CommitmentRevision.objects.create(
        commitment=commitment,
        number=FIRST_REVISION,
        author=_by(by),
        snapshot=commitment_snapshot(commitment),
    )
    log_action(
        actor=by,
        verb="commitments.create_commitment",
        target=commitment,
        plan=plan,
        data={"number": commitment.number, "proposal": proposal.pk},
    )
    happened("commitments.commitment_created", plan=plan, obj=commitment, by=by)
    return commitment


# --- editing ------------------------------------------------------------------------------------


def _in_jurisdiction(plan, organisation) -> bool:
    return (
        isinstance(organisation, Organisation)
        and organisation.jurisdiction_id == plan.jurisdiction_id
    )


def _date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value) if value else None
    return value


def _weight(value):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _check_relations(plan, fields: dict, errors: list) -> None:
    lead = fields.get("lead_institution")
    if lead is not None and not (
        _in_jurisdiction(plan, lead) and lead.kind == Organisation.Kind.PUBLIC_INSTITUTION
    ):
        errors.append(_("The lead institution must be a public institution of the plan's country."))
    for organisation in fields.get("supporting_institutions") or ():
        if not _in_jurisdiction(plan, organisation):
            errors.append(
                _("%(name)s is not an organisation of the plan's country.") % {"name": organisation}
            )
    unknown = set(fields.get("sdgs") or ()) - SDG_KEYS
    if unknown:
        errors.append(
            _("Unknown Sustainable Development Goals: %(goals)s.")
            % {"goals": ", ".join(sorted(unknown))}
        )


def _check_period(plan, start, end, errors: list) -> None:
    outside = [d for d in (start, end) if d and not plan.period_start <= d <= plan.period_end]
    if outside:
        errors.append(
            _("The commitment's dates must lie within the plan's period, %(start)s to %(end)s.")
            % {"start": plan.period_start.isoformat(), "end": plan.period_end.isoformat()}
        )


def _clean_rows(commitment: Commitment, rows: list[dict], errors: list) -> list[tuple[dict, dict]]:
    """(cells to store, snapshot row) of the rows that are not empty, checked: dates within the
    commitment's (or, without them, the plan's), weights 1..100 summing to 100 once every row has
    one, responsible institutions of the plan's country."""
    plan = commitment.plan
    declared = commitment.declared_fields
    first = commitment.start_date or plan.period_start
    last = commitment.end_date or plan.period_end
    kept = []
    for row in rows:
        cells = dict(row)
        for key in ("start_date", "end_date"):
            if key in cells:
                cells[key] = _date(cells[key])
        cells["weight"] = _weight(cells.get("weight"))
        snap = milestone_row(declared, cells)
        if not is_blank_row(snap):
            kept.append((cells, snap))
    for number, (cells, _snap) in enumerate(kept, start=1):
        start, end = cells.get("start_date"), cells.get("end_date")
        if any(d and not first <= d <= last for d in (start, end)):
            errors.append(
                _("Milestone %(number)s: its dates must lie within %(start)s to %(end)s.")
                % {"number": number, "start": first.isoformat(), "end": last.isoformat()}
            )
        if start and end and end < start:
            errors.append(
                _("Milestone %(number)s: it cannot end before it starts.") % {"number": number}
            )
        weight = cells["weight"]
        if weight is not None and not 1 <= weight <= TOTAL_WEIGHT:
            errors.append(
                _("Milestone %(number)s: the weight is a whole number from 1 to 100.")
                % {"number": number}
            )
        responsible = cells.get("responsible")
        if responsible is not None and not _in_jurisdiction(plan, responsible):
            errors.append(
                _("Milestone %(number)s: the responsible institution is not of the plan's country.")
                % {"number": number}
            )
    weights = [cells["weight"] for cells, _snap in kept]
    if weights and None not in weights and sum(weights) != TOTAL_WEIGHT:
        errors.append(
            _("The milestones' weights sum to %(total)s; they must sum to 100.")
            % {"total": sum(weights)}
        )
    return kept


def _editable(commitment: Commitment) -> set[str]:
    return set(snapshot_fields(commitment.declared_fields)) - {"milestones"}


@transaction.atomic
def update_commitment(
    commitment: Commitment, *, by, fields: dict, milestones: list[dict] | None = None
) -> list[str]:
    """Change the commitment's fields (template field names, translated ones as `<name>_<lang>`;
    `lead_institution`, `supporting_institutions`, `sdgs`) and, unless `milestones` is None,
    replace its milestone rows; keep a revision of what changed.

    Refuses, saving nothing, dates outside the plan's period, milestones outside the
    commitment's dates, weights outside 1..100 or (once every row has one) not summing to 100,
    and institutions of another country. Returns the names of the fields that changed (empty,
    with no revision and no log, when nothing did)."""
    require_perm(by, "commitments.change_commitment", commitment)
    plan = commitment.plan
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    locked.plan = plan
    commitment = locked
    fields = dict(fields)
    unknown = set(fields) - _editable(commitment)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    errors: list[str] = []
    _check_relations(plan, fields, errors)
    supporting = fields.pop("supporting_institutions", None)
    if supporting is not None:
        supporting = list(supporting)
    if "sdgs" in fields:
        fields["sdgs"] = sorted(set(fields["sdgs"] or []), key=int) if not errors else []
    before = commitment_snapshot(commitment)
    for name, value in fields.items():
        setattr(commitment, name, _date(value) if name.endswith("_date") else value)
    _check_period(plan, commitment.start_date, commitment.end_date, errors)
    if milestones is None:
        kept = None
        rows = before["milestones"]
        if {"start_date", "end_date"} & set(fields):  # the rows stay, within the new dates
            _clean_rows(commitment, [_cells(m) for m in commitment.milestones.all()], errors)
    else:
        kept = _clean_rows(commitment, milestones, errors)
        rows = [snap for _cells_, snap in kept]
    try:
        commitment.full_clean(
            exclude=["plan", "proposal", "axis", "working_table", "number", "created_by"]
        )
    except ValidationError as error:
        errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    after = commitment_snapshot(commitment, milestones=rows, supporting=supporting)
    changed = [key for key in after if before.get(key) != after.get(key)]
    if not changed:
        return []
    columns = [key for key in changed if key not in ("milestones", "supporting_institutions")]
    commitment.save(update_fields=[*columns, "updated_at"])
    if "supporting_institutions" in changed:
        commitment.supporting_institutions.set(supporting)
    if "milestones" in changed and kept is not None:
        _store_milestones(commitment, [cells for cells, _snap in kept])
    last = commitment.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = CommitmentRevision.objects.create(
        commitment=commitment, number=last + 1, author=_by(by), snapshot=after
    )
    log_action(
        actor=by,
        verb="commitments.update_commitment",
        target=commitment,
        plan=plan,
        data={"revision": revision.number, "fields": changed},
    )
    happened(
        "commitments.commitment_changed",
        plan=plan,
        obj=commitment,
        by=by,
        revision=revision.number,
    )
    return changed


def _cells(milestone: CommitmentMilestone) -> dict:
    return {key: getattr(milestone, key) for key in _milestone_columns() if key != "order"}


def _milestone_columns() -> set[str]:
    names = {"order", "start_date", "end_date", "weight", "responsible"}
    return names | {f"{name}_{lang}" for name in MILESTONE_FIELDS for lang in language_codes()}


def _store_milestones(commitment: Commitment, rows: list[dict]) -> None:
    commitment.milestones.all().delete()
    columns = _milestone_columns()
    CommitmentMilestone.objects.bulk_create(
        CommitmentMilestone(
            commitment=commitment,
            order=order,
            **{key: value for key, value in row.items() if key in columns and key != "order"},
        )
        for order, row in enumerate(rows, start=1)
    )


# --- completeness -------------------------------------------------------------------------------


def missing(commitment: Commitment) -> list[str]:
    """What keeps the commitment from being complete, as labels: what its template requires in
    the plan's default language (the lead institution, the budget, each milestone's cells, its
    weight and responsible institution included), weights not summing to 100, and dates outside
    the plan's period or milestones outside the commitment's dates. Empty when complete. Reads
    the milestones (prefetch `milestones__responsible` for lists)."""
    plan = commitment.plan
    found = missing_template_fields(commitment, language=plan.default_language)
    stored = list(commitment.milestones.all())
    weights = [m.weight or 0 for m in stored]
    if stored and sum(weights) != TOTAL_WEIGHT:
        found.append(_("the milestones' weights sum to %(total)s of 100") % {"total": sum(weights)})
    start, end = commitment.start_date, commitment.end_date
    if any(d and not plan.period_start <= d <= plan.period_end for d in (start, end)):
        found.append(_("dates within the plan's period"))
    first, last = start or plan.period_start, end or plan.period_end
    for number, milestone in enumerate(stored, start=1):
        dates = (milestone.start_date, milestone.end_date)
        if any(d and not first <= d <= last for d in dates):
            found.append(
                _("milestone %(number)s within the commitment's dates") % {"number": number}
            )
    return found


def completeness(commitment: Commitment) -> int:
    """How complete the commitment is, in percent: the share of what its template requires
    (fields, one per milestone cell, the weights' sum) that is there."""
    declared = commitment.declared_fields
    rows = len(commitment.milestones.all())
    checks = 1  # the weights' sum
    for field in declared:
        if field.kind == ct.ROWS:
            checks += 1 + rows * sum(1 for column in field.columns if column.required)
        elif field.required:
            checks += 1
    done = max(checks - len(missing(commitment)), 0)
    return round(100 * done / checks)


__all__ = [
    "create_commitment",
    "update_commitment",
    "missing",
    "completeness",
    "language_name",
]
