"""State changes of the proposals: saving a draft (which writes a revision), the table's comments
on its drafts, submitting a table's set for an axis (which locks it), assigning responsible
institutions and objectives, the viability review and its reminders, and public comments with
their official answers and moderation. Drafts are logged privately until submission."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from cocrea.core.actions import SYSTEM, assign_changed, log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.organisations.models import Organisation
from cocrea.plans import capabilities
from cocrea.plans import commitment_templates as ct
from cocrea.plans.models import Role
from cocrea.plans.rules import roles_in

from .models import (
    Counterproposal,
    DraftComment,
    Milestone,
    OgpValue,
    Proposal,
    ProposalRevision,
    PublicComment,
    ResponsibleInstitution,
    ReviewDelegate,
    ViabilityReview,
    slot_label,
    slot_names,
)
from .revisions import milestone_rows, snapshot, snapshot_fields
from .rules import lead_institution_of, leads_table

COMMENT_MAX_LENGTH = 3000
# How many days before its deadline the reviewers of a pending review are told it is due soon.
REVIEW_DUE_SOON_DAYS = 3


def expected_slots(plan) -> list[str]:
    """The slots a complete set fills: the plan's N commitments and M alternates."""
    return slot_names(plan)


def language_name(code: str) -> str:
    """The language's name in the active language, as it reads mid-sentence ("in Spanish",
    "en español": Spanish writes language names in lower case)."""
    name = str(dict(settings.LANGUAGES).get(code, code))
    return name.lower() if (get_language() or "").startswith("es") else name


def _empty(value) -> bool:
    return value in (None, "", [])


def _missing(text, language: str, milestones: list[dict] | None) -> list[tuple[str, bool]]:
    """(label, whether it is a text in `language`) of what the template version of `text`
    requires and `text` leaves empty."""
    version = text.template_version
    if not ct.is_known(version):
        return [(_("a known version of the commitment template"), False)]
    if milestones is None:
        stored = list(text.milestones.all()) if text.pk else []
        milestones = milestone_rows(text.declared_fields, stored)
    missing = []
    for declared in text.declared_fields:
        if declared.kind == ct.ROWS:
            if declared.required and not milestones:
                missing.append((str(declared.label), False))
            for number, row in enumerate(milestones, start=1):
                for column in declared.columns:
                    translated = column.kind in ct.TRANSLATED
                    key = f"{column.name}_{language}" if translated else column.name
                    if column.required and _empty(row.get(key)):
                        label = _("%(table)s %(number)s: %(column)s") % {
                            "table": declared.label,
                            "number": number,
                            "column": column.label,
                        }
                        missing.append((label, translated))
        elif declared.required:
            name = f"{declared.name}_{language}" if declared.translated else declared.name
            if _empty(getattr(text, name)):
                missing.append((str(declared.label), declared.translated))
    if ct.field_of(version, "ogp_values") and text.ogp_values == [OgpValue.TECHNOLOGY_INNOVATION]:
        missing.append((_("another OGP value besides technology and innovation"), False))
    return missing


def missing_template_fields(text, *, language: str, milestones: list[dict] | None = None):
    """The labels of what the template version of `text` requires and `text` leaves empty: text
    fields in `language` (the plan's default language, its code appended), the milestone rows
    (`milestones`, or the stored ones when None) and their required cells, and the rule that
    technology and innovation counts only together with another OGP value."""
    return [
        f"{label} ({language.upper()})" if translated else label
        for label, translated in _missing(text, language, milestones)
    ]


def missing_for_submission(table, axis, *, drafts=None) -> list[str]:
    """Everything that keeps the table's set for `axis` from being submitted, slot by slot;
    empty when ready. A set is complete when each of the plan's N + M slots holds a proposal
    with everything its template requires, in the plan's default language, and nothing else.
    `drafts`: the set's proposals with their milestones prefetched, when the caller read them
    (the task inbox reads every set of a person's tables at once)."""
    plan = table.plan
    language = plan.default_language
    if drafts is None:
        drafts = Proposal.objects.filter(working_table=table, axis=axis).prefetch_related(
            "milestones"
        )
    proposals = {p.slot: p for p in drafts}
    wanted = expected_slots(plan)
    problems = []
    for slot in wanted:
        proposal = proposals.get(slot)
        if proposal is None:
            problems.append(_("%(slot)s: not drafted yet.") % {"slot": slot_label(slot)})
            continue
        for label, translated in _missing(proposal, language, None):
            values = {"slot": slot_label(slot), "field": label}
            if translated:
                values["language"] = language_name(language)
                problems.append(_("%(slot)s: “%(field)s” is missing in %(language)s.") % values)
            else:
                problems.append(_("%(slot)s: “%(field)s” is missing.") % values)
    for slot in sorted(set(proposals) - set(wanted)):
        problems.append(
            ngettext(
                "%(slot)s: the plan's sets now have %(count)s slot; this one is not among them.",
                "%(slot)s: the plan's sets now have %(count)s slots; this one is not among them.",
                plan.proposals_per_table_axis,
            )
            % {"slot": slot_label(slot), "count": plan.proposals_per_table_axis}
        )
    return problems


def _store_milestones(owner, rows: list[dict]) -> None:
    """Replace the milestone rows of a proposal or counterproposal."""
    parent = "proposal" if isinstance(owner, Proposal) else "counterproposal"
    Milestone.objects.filter(**{parent: owner}).delete()
    made = []
    for order, row in enumerate(rows, start=1):
        values = {
            key: datetime.date.fromisoformat(value) if key.endswith("date") and value else value
            for key, value in row.items()
        }
        made.append(Milestone(**{parent: owner}, order=order, **values))
    Milestone.objects.bulk_create(made)


def _check_fields(version: str, fields: dict) -> None:
    unknown = set(fields) - (set(snapshot_fields(version)) - {"milestones"})
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")


@transaction.atomic
def save_proposal(table, axis, slot: str, *, by, milestones=None, **fields) -> Proposal:
    """Create or change the draft in `slot` of the table's set for `axis`, with its milestone
    rows (`milestones`: dicts of a row's cells; None leaves them as they are), and keep a
    revision.

    Refuses a submitted proposal, and a new one in a slot the plan's sets do not have. A save
    that changes nothing writes no revision and no log."""
    require_perm(by, "proposals.change_proposal", table)
    plan = table.plan
    if axis.plan_id != table.plan_id:
        raise ValueError("the axis belongs to another plan")
    if not table.axes.filter(pk=axis.pk).exists():
        raise ValueError("the table does not cover this axis")
    proposal = (
        Proposal.objects.select_for_update()
        .filter(working_table=table, axis=axis, slot=slot)
        .first()
    )
    created = proposal is None
    if created:
        if slot not in slot_names(plan):
            raise ValidationError(
                ngettext(
                    "This plan's sets have %(count)s slot; “%(slot)s” is not one of them.",
                    "This plan's sets have %(count)s slots; “%(slot)s” is not one of them.",
                    plan.proposals_per_table_axis,
                )
                % {"count": plan.proposals_per_table_axis, "slot": slot_label(slot)}
            )
        if not ct.is_known(plan.template_version):
            raise ValidationError(_("The plan's commitment template is not a known version."))
        proposal = Proposal(
            plan=plan,
            working_table=table,
            axis=axis,
            slot=slot,
            template_version=plan.template_version,
        )
    elif proposal.is_locked:
        raise ValidationError(_("This proposal has been submitted and can no longer change."))
    version = proposal.template_version
    _check_fields(version, fields)
    before = snapshot(proposal)
    for name, value in fields.items():
        setattr(proposal, name, value)
    rows = (
        before.get("milestones", []) if milestones is None else milestone_rows(version, milestones)
    )
    after = snapshot(proposal, milestones=rows)
    if not created and after == before:
        return proposal
    proposal.full_clean()
    if created:
        proposal.save()
    else:
        changed = [name for name in fields if before.get(name) != after.get(name)]
        proposal.save(update_fields=[*changed, "updated_at"])
    if rows != before.get("milestones", []):
        _store_milestones(proposal, rows)
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
        plan=plan,
        data={"slot": slot, "revision": revision.number},
        public=False,
    )
    if not created:
        happened(
            "proposals.proposal_changed",
            plan=plan,
            obj=proposal,
            by=by,
            change="revision",
            revision=revision.number,
        )
    return proposal


@transaction.atomic
def submit_set(table, axis, *, by) -> list[Proposal]:
    """Submit the table's complete set for `axis`: every proposal becomes submitted and locked.

    Raises one ValidationError listing everything missing, and changes nothing, unless each of
    the plan's N + M slots holds a proposal with every required field filled in the plan's
    default language."""
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
    happened(
        "proposals.set_submitted", plan=table.plan, obj=table, by=by, axis=axis, proposals=proposals
    )
    return proposals


# --- the table's comments on its drafts ---------------------------------------------------------


def _text_or_error(value: str, message: str, max_length: int = COMMENT_MAX_LENGTH) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    if len(value) > max_length:
        raise ValidationError(
            ngettext(
                "Keep it within %(count)s character; it has %(length)s.",
                "Keep it within %(count)s characters; it has %(length)s.",
                max_length,
            )
            % {"count": max_length, "length": len(value)}
        )
    return value


@transaction.atomic
def comment_draft(proposal: Proposal, *, by, body: str) -> DraftComment:
    """A member's remark on one of the table's drafts; seen only inside the table."""
    require_perm(by, "proposals.comment_draft", proposal)
    if proposal.is_locked:
        raise ValidationError(_("This proposal has been submitted; comment on its public page."))
    body = _text_or_error(body, _("Write a comment."))
    comment = DraftComment.objects.create(
        proposal=proposal, author=by if getattr(by, "is_authenticated", False) else None, body=body
    )
    log_action(
        actor=by, verb="proposals.comment_draft", target=proposal, plan=proposal.plan, public=False
    )
    return comment


# --- responsible institutions and objectives (step 9) -------------------------------------------


def default_review_due_on(plan) -> datetime.date | None:
    """The planned end of the step that enables the viability review (the open one, else the
    next to start), when the plan has one."""
    step = capabilities.enabling_step(plan, "viability-review")
    return step.planned_end if step else None


@transaction.atomic
def assign_institutions(
    proposal: Proposal,
    *,
    by,
    lead: Organisation,
    others=(),
    objectives_es: str = "",
    objectives_en: str = "",
    due_on: datetime.date | None = None,
) -> Proposal:
    """Name the proposal's responsible institutions (one lead, any number of others), state its
    objectives and the date by which the lead institution reviews its viability. Public.

    Creates the pending viability review for the lead institution, or moves it to the new lead
    while it is still pending."""
    require_perm(by, "proposals.assign_institutions", proposal)
    if not proposal.is_locked:
        raise ValidationError(_("Only submitted proposals get responsible institutions."))
    errors = []
    if lead is None:
        errors.append(_("Choose the lead institution."))
    elif lead.kind != Organisation.Kind.PUBLIC_INSTITUTION:
        errors.append(_("The lead institution must be a public institution."))
    objectives_es = (objectives_es or "").strip()
    objectives_en = (objectives_en or "").strip()
    language = proposal.plan.default_language
    if not {"es": objectives_es, "en": objectives_en}.get(language):
        errors.append(
            _("State the objectives in %(language)s.") % {"language": language_name(language)}
        )
    due_on = due_on or default_review_due_on(proposal.plan)
    if due_on is None:
        errors.append(_("Give the date by which the lead institution reviews the proposal."))
    review = ViabilityReview.objects.select_for_update().filter(proposal=proposal).first()
    if review is not None and not review.is_pending and lead and review.institution_id != lead.pk:
        errors.append(_("The lead institution has already reviewed this proposal."))
    if errors:
        raise ValidationError(errors)
    other_ids = sorted({o.pk for o in others} - {lead.pk})
    assigned = ResponsibleInstitution.objects.filter(proposal=proposal)
    before = sorted(assigned.values_list("organisation_id", "is_lead"))
    assigned.delete()
    ResponsibleInstitution.objects.bulk_create(
        [ResponsibleInstitution(proposal=proposal, organisation=lead, is_lead=True)]
        + [ResponsibleInstitution(proposal=proposal, organisation_id=pk) for pk in other_ids]
    )
    changed = assign_changed(
        proposal, {"objectives_es": objectives_es, "objectives_en": objectives_en}
    )
    if changed:
        proposal.save(update_fields=[*changed, "updated_at"])
    newly_assigned = None  # the review that the lead institution is now asked for
    if review is None:
        newly_assigned = ViabilityReview.objects.create(
            proposal=proposal, institution=lead, due_on=due_on
        )
    elif review.is_pending:
        moved = assign_changed(review, {"institution": lead, "due_on": due_on})
        if moved:
            # a new institution or date earns its own notices
            review.reminded_at = review.due_soon_sent_at = None
            review.save(update_fields=[*moved, "reminded_at", "due_soon_sent_at", "updated_at"])
            if "institution" in moved:
                newly_assigned = review
    log_action(
        actor=by,
        verb="proposals.assign_institutions",
        target=proposal,
        plan=proposal.plan,
        data={"lead": lead.pk, "others": other_ids, "due_on": due_on.isoformat()},
    )
    after = sorted([(lead.pk, True), *((pk, False) for pk in other_ids)])
    if changed or after != before:
        happened(
            "proposals.proposal_changed",
            plan=proposal.plan,
            obj=proposal,
            by=by,
            change="institutions",
        )
    if newly_assigned is not None:
        happened("proposals.review_assigned", plan=proposal.plan, obj=newly_assigned, by=by)
    return proposal


# --- viability review (step 10) -----------------------------------------------------------------


def reviewers_of(plan, institution) -> list:
    """The people who review for `institution` in `plan`: its heads and their delegates."""
    User = get_user_model()
    heads = plan.roles.filter(role=Role.HEAD_OF_INSTITUTION, organisation=institution).values_list(
        "user_id", flat=True
    )
    delegates = ReviewDelegate.objects.filter(plan=plan, institution=institution).values_list(
        "user_id", flat=True
    )
    return list(User.objects.filter(pk__in=[*heads, *delegates], is_active=True).order_by("pk"))


@transaction.atomic
def name_delegate(plan, institution: Organisation, *, by, user) -> ReviewDelegate:
    """A head of institution names someone with an account to review on the institution's
    behalf. The delegate is told (`proposals.delegate_named`)."""
    delegation = ReviewDelegate(plan=plan, institution=institution, user=user)
    require_perm(by, "proposals.name_delegate", delegation)
    if not user.is_active:
        raise ValidationError(_("This account is not active."))
    if ReviewDelegate.objects.filter(plan=plan, institution=institution, user=user).exists():
        raise ValidationError(_("This person is already a delegate of the institution."))
    delegation.named_by = by if getattr(by, "is_authenticated", False) else None
    try:
        with transaction.atomic():  # a savepoint: the same naming may run twice at once
            delegation.save()
    except IntegrityError:
        raise ValidationError(_("This person is already a delegate of the institution.")) from None
    log_action(
        actor=by,
        verb="proposals.name_delegate",
        target=delegation,
        plan=plan,
        data={"institution": institution.pk},
        public=False,
    )
    happened("proposals.delegate_named", plan=plan, obj=delegation, by=by)
    return delegation


@transaction.atomic
def remove_delegate(delegation: ReviewDelegate, *, by) -> None:
    require_perm(by, "proposals.name_delegate", delegation)
    log_action(
        actor=by,
        verb="proposals.remove_delegate",
        target=delegation,
        plan=delegation.plan,
        data={"institution": delegation.institution_id},
        public=False,
    )
    delegation.delete()


def _counterproposal_from(review: ViabilityReview, fields: dict) -> Counterproposal:
    """A counterproposal in the version of the reviewed proposal (the plan's)."""
    counter = Counterproposal(review=review, template_version=review.proposal.template_version)
    _check_fields(counter.template_version, fields)
    for name, value in fields.items():
        setattr(counter, name, value)
    return counter


@transaction.atomic
def review_proposal(
    review: ViabilityReview,
    *,
    by,
    outcome: str,
    changes_es: str = "",
    changes_en: str = "",
    reasons_es: str = "",
    reasons_en: str = "",
    counterproposal: dict | None = None,
) -> ViabilityReview:
    """The lead institution's answer: viable; viable with the changes it states; or not viable,
    which requires both the reasons and a counterproposal in the same template (its milestone
    rows under the key "milestones"). Texts are required in the plan's default language. Final
    and public.

    Raises one ValidationError listing every problem, and saves nothing, when the answer is
    incomplete."""
    require_perm(by, "proposals.review_proposal", review)
    review = ViabilityReview.objects.select_for_update().get(pk=review.pk)
    if not review.is_pending:
        raise ValidationError(_("This proposal has already been reviewed."))
    Outcome = ViabilityReview.Outcome
    if outcome not in (Outcome.VIABLE, Outcome.VIABLE_WITH_CHANGES, Outcome.NOT_VIABLE):
        raise ValidationError(_("Choose the outcome of the review."))
    changes_es, reasons_es = (changes_es or "").strip(), (reasons_es or "").strip()
    changes_en, reasons_en = (changes_en or "").strip(), (reasons_en or "").strip()
    language = review.proposal.plan.default_language
    in_language = {"es": (changes_es, reasons_es), "en": (changes_en, reasons_en)}
    changes, reasons = in_language.get(language, (changes_es, reasons_es))
    errors = []
    counter = None
    rows: list[dict] = []
    if outcome == Outcome.VIABLE_WITH_CHANGES and not changes:
        errors.append(
            _("State the changes the proposal needs to be viable, in %(language)s.")
            % {"language": language_name(language)}
        )
    if outcome == Outcome.NOT_VIABLE:
        if not reasons:
            errors.append(
                _("A proposal found not viable needs the reasons, in %(language)s.")
                % {"language": language_name(language)}
            )
        fields = dict(counterproposal or {})
        rows = milestone_rows(review.proposal.template_version, fields.pop("milestones", None))
        written = [v for v in fields.values() if v not in (None, "", [], False)]
        if not written and not rows:
            errors.append(_("A proposal found not viable needs a counterproposal."))
        else:
            counter = _counterproposal_from(review, fields)
            missing = missing_template_fields(counter, language=language, milestones=rows)
            if missing:
                errors.append(
                    _("The counterproposal lacks: %(fields)s.") % {"fields": ", ".join(missing)}
                )
            try:
                counter.full_clean(exclude=["review"])
            except ValidationError as error:
                errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    keep_changes = outcome == Outcome.VIABLE_WITH_CHANGES
    keep_reasons = outcome == Outcome.NOT_VIABLE
    review.outcome = outcome
    review.changes_es = changes_es if keep_changes else ""
    review.changes_en = changes_en if keep_changes else ""
    review.reasons_es = reasons_es if keep_reasons else ""
    review.reasons_en = reasons_en if keep_reasons else ""
    review.reviewed_by = by if getattr(by, "is_authenticated", False) else None
    review.reviewed_at = timezone.now()
    review.save(
        update_fields=[
            "outcome",
            "changes_es",
            "changes_en",
            "reasons_es",
            "reasons_en",
            "reviewed_by",
            "reviewed_at",
            "updated_at",
        ]
    )
    if counter is not None:
        counter.save()
        _store_milestones(counter, rows)
    log_action(
        actor=by,
        verb="proposals.review_proposal",
        target=review.proposal,
        plan=review.proposal.plan,
        data={"outcome": outcome, "institution": review.institution_id},
    )
    happened("proposals.review_given", plan=review.proposal.plan, obj=review, by=by)
    return review


@transaction.atomic
def remind_review(review: ViabilityReview, *, by, today=None) -> bool:
    """Tell the institution's reviewers about an overdue review (`proposals.review_overdue`),
    once per deadline. False when there is nothing to do (not overdue, or already reminded)."""
    require_perm(by, "proposals.remind_review", review)
    review = (
        ViabilityReview.objects.select_for_update()
        .select_related("proposal__plan", "institution")
        .get(pk=review.pk)
    )
    if not review.is_overdue(today) or review.reminded_at is not None:
        return False
    review.reminded_at = timezone.now()
    review.save(update_fields=["reminded_at", "updated_at"])
    plan = review.proposal.plan
    recipients = reviewers_of(plan, review.institution)
    log_action(
        actor=by,
        verb="proposals.remind_review",
        target=review.proposal,
        plan=plan,
        data={"recipients": len(recipients)},
        public=False,
    )
    happened("proposals.review_overdue", plan=plan, obj=review, by=by)
    return True


def is_due_soon(review: ViabilityReview, today: datetime.date) -> bool:
    """Pending, and its deadline is today or within the next REVIEW_DUE_SOON_DAYS days."""
    soon = today + datetime.timedelta(days=REVIEW_DUE_SOON_DAYS)
    return review.is_pending and today <= review.due_on <= soon


@transaction.atomic
def tell_review_due_soon(review: ViabilityReview, *, today=None) -> bool:
    """Tell the institution's reviewers that a pending review is due within
    REVIEW_DUE_SOON_DAYS days (`proposals.review_due_soon`), once per deadline. False when there
    is nothing to do (not due soon, already told, or the review capability is not open)."""
    today = today or timezone.localdate()
    review = (
        ViabilityReview.objects.select_for_update()
        .select_related("proposal__plan", "institution")
        .get(pk=review.pk)
    )
    plan = review.proposal.plan
    if (
        review.due_soon_sent_at is not None
        or not is_due_soon(review, today)
        or not capabilities.is_open(plan, "viability-review")
    ):
        return False
    review.due_soon_sent_at = timezone.now()
    review.save(update_fields=["due_soon_sent_at", "updated_at"])
    log_action(
        actor=SYSTEM,
        verb="proposals.review_due_soon",
        target=review.proposal,
        plan=plan,
        data={"due_on": review.due_on.isoformat()},
        public=False,
    )
    happened("proposals.review_due_soon", plan=plan, obj=review, by=SYSTEM)
    return True


def send_review_reminders() -> int:
    """The job, while the plan's review capability is open: tell the reviewers of every pending
    review due within REVIEW_DUE_SOON_DAYS days, and remind them of every overdue one. Each
    notice goes once per deadline (`due_soon_sent_at`, `reminded_at`): running it again sends
    nothing. Returns how many notices it sent."""
    today = timezone.localdate()
    open_plans = capabilities.plans_where_open("viability-review")
    pending = ViabilityReview.objects.filter(
        outcome=ViabilityReview.Outcome.PENDING, proposal__plan_id__in=open_plans
    )
    soon = pending.filter(
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REVIEW_DUE_SOON_DAYS),
        due_soon_sent_at__isnull=True,
    )
    overdue = pending.filter(due_on__lt=today, reminded_at__isnull=True)
    told = sum(tell_review_due_soon(review, today=today) for review in soon)
    return told + sum(remind_review(review, by=SYSTEM, today=today) for review in overdue)


# --- public comments and official answers -------------------------------------------------------


@transaction.atomic
def comment_proposal(proposal: Proposal, *, by, body: str) -> PublicComment:
    """A registered person's public comment on a submitted proposal, shown with their name."""
    require_perm(by, "proposals.comment_proposal", proposal)
    if not proposal.is_locked:
        raise ValidationError(_("Only submitted proposals take public comments."))
    body = _text_or_error(body, _("Write a comment."))
    from cocrea.core.ratelimit import hit

    if not hit(
        "proposal-comment",
        str(by.pk),
        limit=settings.PROPOSAL_COMMENT_RATE_LIMIT,
        window=settings.PROPOSAL_COMMENT_RATE_LIMIT_WINDOW,
    ):
        raise ValidationError(_("You have sent many comments in a short time; try again later."))
    comment = PublicComment.objects.create(
        proposal=proposal, author=by, author_name=by.display_name, body=body
    )
    log_action(
        actor=by,
        verb="proposals.comment_proposal",
        target=proposal,
        plan=proposal.plan,
        data={"comment": comment.pk},
        public=False,
    )
    happened("proposals.comment_posted", plan=proposal.plan, obj=comment, by=by)
    return comment


@transaction.atomic
def answer_comment(comment: PublicComment, *, by, answer: str) -> PublicComment:
    """The official answer of the secretariat, of the table's leaders or of the head or a delegate
    of the proposal's lead institution; a later answer replaces it (the log keeps each)."""
    require_perm(by, "proposals.answer_comment", comment)
    answer = _text_or_error(answer, _("Write the answer."))
    comment.answer = answer
    comment.answered_by = by if getattr(by, "is_authenticated", False) else None
    comment.answered_by_name = _answerer_name(by, comment)
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "answered_by", "answered_by_name", "answered_at"])
    log_action(
        actor=by,
        verb="proposals.answer_comment",
        target=comment.proposal,
        plan=comment.proposal.plan,
        data={"comment": comment.pk},
    )
    happened("proposals.comment_answered", plan=comment.proposal.plan, obj=comment, by=by)
    return comment


def _answerer_name(by, comment: PublicComment) -> str:
    """Who answers, as the public reads it: the person and the body they answer for."""
    name = getattr(by, "display_name", "") or ""
    plan = comment.proposal.plan
    if Role.SECRETARIAT in roles_in(by, plan) or by is SYSTEM:
        # str(): the acronym, or the name when the agency has none (never an empty "()")
        body = str(plan.lead_agency) if plan.lead_agency_id else _("Secretariat")
    elif not leads_table.test(by, comment) and (lead := lead_institution_of(comment)) is not None:
        # the head or a delegate of the lead institution speaks for it
        body = str(lead)
    else:
        body = str(comment.proposal.working_table)
    return f"{name} ({body})" if name and name != "system" else str(body)


@transaction.atomic
def hide_comment(comment: PublicComment, *, by, reason: str) -> PublicComment:
    """Hide a comment from the public page, stating in public why. The text is kept."""
    require_perm(by, "proposals.moderate_comment", comment)
    reason = _text_or_error(reason, _("Give the reason for hiding the comment."), 500)
    comment.hidden_at = timezone.now()
    comment.hidden_by = by if getattr(by, "is_authenticated", False) else None
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log_action(
        actor=by,
        verb="proposals.hide_comment",
        target=comment.proposal,
        plan=comment.proposal.plan,
        data={"comment": comment.pk, "reason": reason},
    )
    return comment


@transaction.atomic
def restore_comment(comment: PublicComment, *, by) -> PublicComment:
    require_perm(by, "proposals.moderate_comment", comment)
    if not comment.is_hidden:
        raise ValidationError(_("This comment is not hidden."))
    comment.hidden_at = None
    comment.hidden_by = None
    comment.hidden_reason = ""
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log_action(
        actor=by,
        verb="proposals.restore_comment",
        target=comment.proposal,
        plan=comment.proposal.plan,
        data={"comment": comment.pk},
    )
    return comment
