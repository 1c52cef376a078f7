"""State changes of the selection: the methodology, eligibility and scores, and the
commission's decision (the outcome of every proposal, withdrawals and promoted alternates, the
publication of the reasoned response)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.events.models import Event
from cocrea.plans.models import ActionPlan
from cocrea.proposals.actions import language_name
from cocrea.proposals.models import Proposal

from . import queries
from .models import Candidate, EligibilityCheck, Outcome, SelectionPublication

# --- selection decision ---

# How many proposals a refusal names before "and N more".
NAMED_IN_REFUSAL = 20


def _meeting_or_error(plan, event) -> Event:
    """`event` if it is a commission meeting of `plan` held with its minutes recorded."""
    if not queries.is_decision_meeting(plan, event):
        raise ValidationError(
            _(
                "Choose a commission meeting of this plan that was held and whose minutes are "
                "recorded: the decision is recorded at it."
            )
        )
    return event


def _locked_plan(plan) -> ActionPlan:
    """The plan's row, locked until the transaction ends: concurrent decisions on its maximum
    wait for each other, so the count of selected proposals they read is the one they change."""
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


def _reasons(plan, reason_es: str, reason_en: str) -> tuple[str, str, str]:
    """(es, en, the text in the plan's default language), stripped."""
    reason_es, reason_en = (reason_es or "").strip(), (reason_en or "").strip()
    written = {"es": reason_es, "en": reason_en}.get(plan.default_language, reason_es)
    return reason_es, reason_en, written


def _reason_required(plan) -> str:
    return _("Give the reasons, in %(language)s.") % {
        "language": language_name(plan.default_language)
    }


def _eligible_or_error(plan, proposal, *, as_counterproposal: bool) -> Candidate:
    """The candidate (the proposal, or its counterproposal) if the published methodology's
    eligibility check found it eligible (or the commission's overturn did)."""
    if as_counterproposal:
        review = getattr(proposal, "review", None)
        if review is None or getattr(review, "counterproposal", None) is None:
            raise ValidationError(_("This proposal has no counterproposal to select."))
    methodology = queries.published_methodology(plan)
    if methodology is None:
        raise ValidationError(_("Publish the selection methodology first."))
    candidate, _created = Candidate.objects.get_or_create(
        plan=plan, proposal=proposal, is_counterproposal=as_counterproposal
    )
    check = EligibilityCheck.objects.filter(candidate=candidate, methodology=methodology).first()
    if check is None:
        raise ValidationError(_("Check its eligibility first."))
    if not check.is_eligible:
        raise ValidationError(
            _("It does not meet the methodology's requirements: it cannot be selected.")
        )
    return candidate


def _room_or_error(plan, proposal) -> None:
    """The plan's maximum holds once `proposal` is selected. Call with the plan row locked."""
    others = (
        Outcome.objects.filter(plan=plan, result=Outcome.Result.SELECTED)
        .exclude(proposal=proposal)
        .count()
    )
    if others >= plan.max_commitments:
        raise ValidationError(
            _(
                "The plan's maximum of %(max)s commitments is reached: withdraw or change the "
                "outcome of a selected proposal first."
            )
            % {"max": plan.max_commitments}
        )


def _submitted_or_error(plan, proposal) -> None:
    if proposal.plan_id != plan.pk or proposal.status != Proposal.Status.SUBMITTED:
        raise ValidationError(_("Only the plan's submitted proposals have an outcome."))


@transaction.atomic
def record_outcome(
    proposal,
    *,
    event,
    by,
    result,
    reason_es="",
    reason_en="",
    as_counterproposal=False,
    merged_into=None,
) -> Outcome:
    """Record the commission's decision on `proposal` at `event` (a commission meeting of the
    plan, held, with its minutes). Selected: the proposal (or, `as_counterproposal`, its lead
    institution's counterproposal) was found eligible under the published methodology, and the
    plan's maximum of selected proposals holds, even under concurrent requests (the plan's row
    is locked while counting). Any other result needs its reasons in the plan's default
    language; merged needs the proposal it is merged into (another of the plan, not set aside).
    Recording again replaces the outcome, until the selection is published.

    Raises ValidationError with the reason, and saves nothing, otherwise."""
    require_perm(by, "selection.record_outcome", proposal)
    plan = _locked_plan(proposal.plan)
    _submitted_or_error(plan, proposal)
    if queries.is_published(plan):
        raise ValidationError(
            _("The selection is published: its outcomes are final. Withdraw a commitment instead.")
        )
    if result not in Outcome.Result.values:
        raise ValidationError(_("Choose the outcome."))
    _meeting_or_error(plan, event)
    reason_es, reason_en, written = _reasons(plan, reason_es, reason_en)
    selected = result == Outcome.Result.SELECTED
    if as_counterproposal and not selected:
        raise ValidationError(_("Only a selected proposal is selected as its counterproposal."))
    if not selected and not written:
        raise ValidationError(_reason_required(plan))
    if result == Outcome.Result.MERGED:
        _mergeable_or_error(plan, proposal, merged_into)
    elif merged_into is not None:
        raise ValidationError(_("Only a merged proposal names the proposal it is merged into."))
    if not selected:
        merged_here = list(
            Outcome.objects.filter(merged_into=proposal, result=Outcome.Result.MERGED).values_list(
                "proposal__title", flat=True
            )
        )
        if merged_here:
            raise ValidationError(
                _("Other proposals are merged into this one (%(titles)s): it must stay selected.")
                % {"titles": ", ".join(merged_here)}
            )
    if selected:
        _eligible_or_error(plan, proposal, as_counterproposal=as_counterproposal)
        _room_or_error(plan, proposal)
    outcome, created = Outcome.objects.select_for_update().get_or_create(
        proposal=proposal,
        defaults={"plan": plan, "result": result, "decided_at": event},
    )
    outcome.result = result
    outcome.as_counterproposal = as_counterproposal
    outcome.promoted = False
    outcome.reason_es, outcome.reason_en = reason_es, reason_en
    outcome.merged_into = merged_into if result == Outcome.Result.MERGED else None
    outcome.decided_at = event
    outcome.decided_by = by if getattr(by, "is_authenticated", False) else None
    outcome.save(
        update_fields=[
            "result",
            "as_counterproposal",
            "promoted",
            "reason_es",
            "reason_en",
            "merged_into",
            "decided_at",
            "decided_by",
            "updated_at",
        ]
    )
    # The decisions stay out of the public log until the reasoned response is published.
    log_action(
        actor=by,
        verb="selection.record_outcome",
        target=proposal,
        plan=plan,
        data={
            "result": result,
            "event": event.pk,
            "as_counterproposal": as_counterproposal,
            "merged_into": outcome.merged_into_id,
            "replaced": not created,
        },
        public=False,
    )
    return outcome


def _mergeable_or_error(plan, proposal, merged_into) -> None:
    if merged_into is None:
        raise ValidationError(_("Choose the proposal it is merged into."))
    if (
        merged_into.pk == proposal.pk
        or merged_into.plan_id != plan.pk
        or merged_into.status != Proposal.Status.SUBMITTED
    ):
        raise ValidationError(_("Choose another submitted proposal of this plan to merge it into."))
    target = Outcome.objects.filter(proposal=merged_into).first()
    if target is not None and target.result != Outcome.Result.SELECTED:
        raise ValidationError(
            _(
                "“%(title)s” is not selected: a proposal is merged only into one that is "
                "(or will be)."
            )
            % {"title": merged_into}
        )


@transaction.atomic
def withdraw_commitment(outcome, *, by, reason_es="", reason_en="") -> Outcome:
    """A selected proposal leaves the plan, with its reasons (in the plan's default language):
    its table's alternate may then be promoted (`promote_alternate`). The table's leaders and
    the secretariat are told (`selection.commitment_withdrawn`)."""
    require_perm(by, "selection.withdraw_commitment", outcome)
    plan = _locked_plan(outcome.plan)
    outcome = Outcome.objects.select_for_update().select_related("proposal").get(pk=outcome.pk)
    if outcome.result != Outcome.Result.SELECTED:
        raise ValidationError(_("Only a selected commitment can be withdrawn."))
    reason_es, reason_en, written = _reasons(plan, reason_es, reason_en)
    if not written:
        raise ValidationError(_reason_required(plan))
    outcome.result = Outcome.Result.WITHDRAWN
    outcome.reason_es, outcome.reason_en = reason_es, reason_en
    outcome.decided_by = by if getattr(by, "is_authenticated", False) else None
    outcome.save(update_fields=["result", "reason_es", "reason_en", "decided_by", "updated_at"])
    log_action(
        actor=by,
        verb="selection.withdraw_commitment",
        target=outcome.proposal,
        plan=plan,
        data={"outcome": outcome.pk},
        public=queries.is_published(plan),
    )
    happened("selection.commitment_withdrawn", plan=plan, obj=outcome, by=by)
    return outcome


@transaction.atomic
def promote_alternate(proposal, *, event, by, reason_es="", reason_en="") -> Outcome:
    """An alternate of a table and axis takes the place of its withdrawn commitment, decided at
    `event` (a commission meeting with minutes): selected, `promoted`. It must be eligible, a
    withdrawn proposal of the same table and axis must leave a place no other alternate took,
    and the plan's maximum holds."""
    require_perm(by, "selection.promote_alternate", proposal)
    plan = _locked_plan(proposal.plan)
    _submitted_or_error(plan, proposal)
    if not proposal.slot.startswith("alternate_"):
        raise ValidationError(_("Only an alternate proposal is promoted."))
    _meeting_or_error(plan, event)
    current = Outcome.objects.select_for_update().filter(proposal=proposal).first()
    if current is not None and current.result == Outcome.Result.SELECTED:
        raise ValidationError(_("This alternate is already selected."))
    if not queries.places_to_fill(plan, proposal.working_table_id, proposal.axis_id):
        raise ValidationError(
            _("No commitment of this table and axis was withdrawn: there is no place to fill.")
        )
    _eligible_or_error(plan, proposal, as_counterproposal=False)
    _room_or_error(plan, proposal)
    reason_es, reason_en, _written = _reasons(plan, reason_es, reason_en)
    outcome = current or Outcome(plan=plan, proposal=proposal)
    outcome.result = Outcome.Result.SELECTED
    outcome.promoted = True
    outcome.as_counterproposal = False
    outcome.merged_into = None
    outcome.reason_es, outcome.reason_en = reason_es, reason_en
    outcome.decided_at = event
    outcome.decided_by = by if getattr(by, "is_authenticated", False) else None
    outcome.save()
    log_action(
        actor=by,
        verb="selection.promote_alternate",
        target=proposal,
        plan=plan,
        data={"event": event.pk},
        public=queries.is_published(plan),
    )
    return outcome


@transaction.atomic
def publish_selection(plan, *, by) -> SelectionPublication:
    """Make the outcomes public: the reasoned response page shows every proposal's outcome and
    reasons from now on. Refused, naming them, while a submitted proposal has no outcome. Tells
    the tables, the secretariat, the commission, the lead institutions' heads and the proposals'
    followers (`selection.selection_published`)."""
    require_perm(by, "selection.publish_selection", plan)
    plan = _locked_plan(plan)
    if queries.is_published(plan):
        raise ValidationError(_("The selection is already published."))
    missing = list(queries.without_outcome(plan).values_list("title", flat=True))
    if missing:
        named = ", ".join(title or "—" for title in missing[:NAMED_IN_REFUSAL])
        more = len(missing) - NAMED_IN_REFUSAL
        if more > 0:
            named += " " + ngettext("and %(count)s more", "and %(count)s more", more) % {
                "count": more
            }
        raise ValidationError(
            _("These proposals have no outcome yet: %(titles)s.") % {"titles": named}
        )
    publication = SelectionPublication.objects.create(
        plan=plan,
        published_at=timezone.now(),
        published_by=by if getattr(by, "is_authenticated", False) else None,
    )
    log_action(actor=by, verb="selection.publish_selection", target=plan, plan=plan)
    happened("selection.selection_published", plan=plan, obj=publication, by=by)
    return publication
