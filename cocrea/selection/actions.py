"""State changes of the selection: the methodology's versions, the eligibility of each candidate,
the commission's ballots; and (below their own heading) the commission's decisions.

Every action checks its permission, writes in one transaction, logs its verb and reports what
concerns someone (`happened`). Ballots are logged privately: the scores stay sealed until
scoring closes (the log says who scored, never what)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.events.models import Event
from cocrea.plans.models import ActionPlan
from cocrea.proposals.actions import language_name
from cocrea.proposals.models import Counterproposal, Proposal, ViabilityReview

from . import queries
from .models import (
    SCALE_LIMITS,
    WEIGHT_LIMITS,
    Ballot,
    Candidate,
    Criterion,
    EligibilityCheck,
    Methodology,
    Outcome,
    Requirement,
    RequirementResult,
    Score,
    SelectionPublication,
)
from .queries import published_methodology

# --- methodology, eligibility, scoring ---------------------------------------------------------

# Longest texts accepted in a requirement, a criterion's name, a guidance, a reason.
REQUIREMENT_MAX_LENGTH = 300
CRITERION_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000


def _person(by):
    return by if getattr(by, "is_authenticated", False) else None


def _in_default(plan, texts: dict[str, str]) -> str:
    """The text in the plan's default language (`texts`: language code -> text, stripped)."""
    return texts.get(plan.default_language, "")


def _stripped(value) -> str:
    return (value or "").strip()


def _too_long(label: str, value: str, limit: int) -> str | None:
    if len(value) > limit:
        return _("%(label)s: keep it within %(limit)s characters; it has %(length)s.") % {
            "label": label,
            "limit": limit,
            "length": len(value),
        }
    return None


def check_meeting(plan, event) -> None:
    """Refuse anything but a commission meeting of `plan` whose minutes are recorded."""
    if event is None:
        raise ValidationError(_("Choose the commission meeting where this was decided."))
    if (
        event.plan_id != plan.pk
        or event.kind != Event.Kind.COMMISSION_MEETING
        or event.status != Event.Status.HELD
        or not (event.minutes or "").strip()
    ):
        raise ValidationError(
            _(
                "“%(event)s” is not a held commission meeting of this plan with its minutes "
                "recorded: record the minutes of the meeting first."
            )
            % {"event": event}
        )


@transaction.atomic
def create_methodology(
    plan, *, by, introduction_es="", introduction_en="", reason_es="", reason_en=""
) -> Methodology:
    """A new draft version: number = the last + 1. From version 2 on it copies the previous
    version's requirements and criteria and requires the reason for the change in the plan's
    default language. Refused while a draft or an adopted version waits to be published."""
    require_perm(by, "selection.change_methodology", plan)
    versions = Methodology.objects.select_for_update().filter(plan=plan)
    waiting = versions.filter(
        status__in=[Methodology.Status.DRAFT, Methodology.Status.ADOPTED]
    ).first()
    if waiting is not None:
        raise ValidationError(
            _("Version %(number)s is not published yet: change it instead of starting another.")
            % {"number": waiting.number}
        )
    previous = versions.order_by("-number").first()
    number = (previous.number if previous else 0) + 1
    reason = {"es": _stripped(reason_es), "en": _stripped(reason_en)}
    if number > 1 and not _in_default(plan, reason):
        raise ValidationError(
            _("A new version needs the reason for the change, in %(language)s.")
            % {"language": language_name(plan.default_language)}
        )
    methodology = Methodology.objects.create(
        plan=plan,
        number=number,
        introduction_es=_stripped(introduction_es)
        or (previous.introduction_es if previous else ""),
        introduction_en=_stripped(introduction_en)
        or (previous.introduction_en if previous else ""),
        reason_es=reason["es"],
        reason_en=reason["en"],
    )
    if previous is not None:
        Requirement.objects.bulk_create(
            Requirement(
                methodology=methodology,
                order=item.order,
                text_es=item.text_es,
                text_en=item.text_en,
                guidance_es=item.guidance_es,
                guidance_en=item.guidance_en,
            )
            for item in previous.requirements.all()
        )
        Criterion.objects.bulk_create(
            Criterion(
                methodology=methodology,
                order=item.order,
                name_es=item.name_es,
                name_en=item.name_en,
                guidance_es=item.guidance_es,
                guidance_en=item.guidance_en,
                weight=item.weight,
                scale_min=item.scale_min,
                scale_max=item.scale_max,
            )
            for item in previous.criteria.all()
        )
    log_action(
        actor=by,
        verb="selection.create_methodology",
        target=methodology,
        plan=plan,
        data={"number": number},
        public=False,
    )
    return methodology


def _int(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value if value is not None else "").strip()
    if text.lstrip("-").isdigit() and len(text) < 8:
        return int(text)
    return None


def _requirements(plan, rows: list[dict], errors: list[str]) -> list[dict]:
    language = language_name(plan.default_language)
    clean = []
    for number, row in enumerate(rows, start=1):
        item = {key: _stripped(row.get(key)) for key in ("text_es", "text_en")}
        item.update({key: _stripped(row.get(key)) for key in ("guidance_es", "guidance_en")})
        if not any(item.values()):
            continue  # an empty row of the form
        label = _("Requirement %(number)s") % {"number": number}
        if not _in_default(plan, {"es": item["text_es"], "en": item["text_en"]}):
            errors.append(
                _("%(label)s: write it in %(language)s.") % {"label": label, "language": language}
            )
        for key, limit in (
            ("text_es", REQUIREMENT_MAX_LENGTH),
            ("text_en", REQUIREMENT_MAX_LENGTH),
        ):
            problem = _too_long(label, item[key], limit)
            if problem:
                errors.append(problem)
        clean.append(item)
    return clean


def _criteria(plan, rows: list[dict], errors: list[str]) -> list[dict]:
    language = language_name(plan.default_language)
    clean = []
    for number, row in enumerate(rows, start=1):
        texts = {key: _stripped(row.get(key)) for key in ("name_es", "name_en")}
        texts.update({key: _stripped(row.get(key)) for key in ("guidance_es", "guidance_en")})
        numbers = {key: row.get(key) for key in ("weight", "scale_min", "scale_max")}
        if not any(texts.values()) and all(v in (None, "") for v in numbers.values()):
            continue  # an empty row of the form
        label = _("Criterion %(number)s") % {"number": number}
        if not _in_default(plan, {"es": texts["name_es"], "en": texts["name_en"]}):
            errors.append(
                _("%(label)s: name it in %(language)s.") % {"label": label, "language": language}
            )
        for key in ("name_es", "name_en"):
            problem = _too_long(label, texts[key], CRITERION_MAX_LENGTH)
            if problem:
                errors.append(problem)
        weight, low, high = (_int(numbers[key]) for key in ("weight", "scale_min", "scale_max"))
        if weight is None or not WEIGHT_LIMITS[0] <= weight <= WEIGHT_LIMITS[1]:
            errors.append(
                _("%(label)s: the weight must be a whole number from %(low)s to %(high)s.")
                % {"label": label, "low": WEIGHT_LIMITS[0], "high": WEIGHT_LIMITS[1]}
            )
        if low is None or high is None or not SCALE_LIMITS[0] <= low < high <= SCALE_LIMITS[1]:
            errors.append(
                _(
                    "%(label)s: the scale goes from a lowest to a higher highest score, whole "
                    "numbers from %(low)s to %(high)s."
                )
                % {"label": label, "low": SCALE_LIMITS[0], "high": SCALE_LIMITS[1]}
            )
        clean.append({**texts, "weight": weight, "scale_min": low, "scale_max": high})
    return clean


@transaction.atomic
def update_methodology(
    methodology: Methodology,
    *,
    by,
    introduction_es="",
    introduction_en="",
    reason_es="",
    reason_en="",
    requirements: list[dict],
    criteria: list[dict],
) -> Methodology:
    """Replace the draft's introduction, reason, requirements and criteria (in the order given;
    empty rows are dropped). Only a draft changes. Refused, with every problem listed and
    nothing saved: a requirement or criterion without its text in the plan's default language,
    no criterion, a weight outside WEIGHT_LIMITS, a scale outside SCALE_LIMITS or not rising."""
    require_perm(by, "selection.change_methodology", methodology)
    methodology = Methodology.objects.select_for_update().get(pk=methodology.pk)
    plan = methodology.plan
    if not methodology.is_editable or methodology.is_locked:
        raise ValidationError(
            _("Version %(number)s is no longer a draft: start a new version to change it.")
            % {"number": methodology.number}
        )
    errors: list[str] = []
    reason = {"es": _stripped(reason_es), "en": _stripped(reason_en)}
    if methodology.number > 1 and not _in_default(plan, reason):
        errors.append(
            _("A new version needs the reason for the change, in %(language)s.")
            % {"language": language_name(plan.default_language)}
        )
    kept_requirements = _requirements(plan, requirements or [], errors)
    kept_criteria = _criteria(plan, criteria or [], errors)
    if not kept_criteria:
        errors.append(_("The methodology needs at least one criterion."))
    if errors:
        raise ValidationError(errors)
    methodology.introduction_es = _stripped(introduction_es)
    methodology.introduction_en = _stripped(introduction_en)
    methodology.reason_es, methodology.reason_en = reason["es"], reason["en"]
    methodology.save(
        update_fields=[
            "introduction_es",
            "introduction_en",
            "reason_es",
            "reason_en",
            "updated_at",
        ]
    )
    methodology.requirements.all().delete()
    methodology.criteria.all().delete()
    Requirement.objects.bulk_create(
        Requirement(methodology=methodology, order=order, **item)
        for order, item in enumerate(kept_requirements, start=1)
    )
    Criterion.objects.bulk_create(
        Criterion(methodology=methodology, order=order, **item)
        for order, item in enumerate(kept_criteria, start=1)
    )
    log_action(
        actor=by,
        verb="selection.change_methodology",
        target=methodology,
        plan=plan,
        data={"requirements": len(kept_requirements), "criteria": len(kept_criteria)},
        public=False,
    )
    return methodology


@transaction.atomic
def adopt_methodology(methodology: Methodology, *, event, by) -> Methodology:
    """Record that the commission adopted this draft at `event` (a held commission meeting of
    the plan with its minutes). It can no longer be edited; it is published next."""
    require_perm(by, "selection.adopt_methodology", methodology)
    methodology = Methodology.objects.select_for_update().get(pk=methodology.pk)
    if methodology.status != Methodology.Status.DRAFT:
        raise ValidationError(_("Only a draft is adopted."))
    check_meeting(methodology.plan, event)
    if not methodology.criteria.exists():
        raise ValidationError(_("The methodology needs at least one criterion."))
    methodology.status = Methodology.Status.ADOPTED
    methodology.adopted_at = event
    methodology.adopted_on = timezone.localtime(event.starts_at).date()
    methodology.save(update_fields=["status", "adopted_at", "adopted_on", "updated_at"])
    log_action(
        actor=by,
        verb="selection.adopt_methodology",
        target=methodology,
        plan=methodology.plan,
        data={"event": event.pk},
    )
    return methodology


def _same_requirements(old: Methodology, new: Methodology) -> list[tuple] | None:
    """Pairs (old requirement, new requirement) when both versions ask the same requirements in
    the same order (the checks made under the old one still hold), else None."""
    before, after = list(old.requirements.all()), list(new.requirements.all())
    texts = [(r.text_es, r.text_en) for r in before]
    if texts != [(r.text_es, r.text_en) for r in after]:
        return None
    return list(zip(before, after, strict=True))


def _carry_checks(old: Methodology, new: Methodology) -> int:
    """Copy the eligibility checks of `old` to `new` when the requirements did not change."""
    pairs = _same_requirements(old, new)
    if pairs is None:
        return 0
    mapping = {before.pk: after for before, after in pairs}
    checks = list(old.eligibility_checks.prefetch_related("results"))
    for check in checks:
        copy = EligibilityCheck.objects.create(
            candidate_id=check.candidate_id,
            methodology=new,
            passed=check.passed,
            checked_by_id=check.checked_by_id,
            checked_at=check.checked_at,
            overturned_at_id=check.overturned_at_id,
            overturn_reason_es=check.overturn_reason_es,
            overturn_reason_en=check.overturn_reason_en,
            overturned_by_id=check.overturned_by_id,
        )
        RequirementResult.objects.bulk_create(
            RequirementResult(
                eligibility=copy,
                requirement=mapping[result.requirement_id],
                passed=result.passed,
                reason_es=result.reason_es,
                reason_en=result.reason_en,
            )
            for result in check.results.all()
        )
    return len(checks)


@transaction.atomic
def publish_methodology(methodology: Methodology, *, by) -> Methodology:
    """Publish an adopted version: it is the methodology in force and public. The version
    published before it is superseded: its ballots stay on record but no longer count; when
    any were cast, the commission's members are asked to score again. Eligibility checks carry
    over when the requirements are unchanged."""
    require_perm(by, "selection.publish_methodology", methodology)
    methodology = Methodology.objects.select_for_update().get(pk=methodology.pk)
    if methodology.status != Methodology.Status.ADOPTED:
        raise ValidationError(_("Only a version the commission adopted at a meeting is published."))
    plan = methodology.plan
    now = timezone.now()
    previous = (
        Methodology.objects.select_for_update()
        .filter(plan=plan, status=Methodology.Status.PUBLISHED)
        .first()
    )
    rescore = False
    if previous is not None:
        rescore = previous.ballots.exists()
        previous.status = Methodology.Status.SUPERSEDED
        previous.superseded_at = now
        previous.save(update_fields=["status", "superseded_at", "updated_at"])
    methodology.status = Methodology.Status.PUBLISHED
    methodology.published_at = now
    methodology.published_by = _person(by)
    methodology.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    carried = _carry_checks(previous, methodology) if previous is not None else 0
    log_action(
        actor=by,
        verb="selection.publish_methodology",
        target=methodology,
        plan=plan,
        data={
            "number": methodology.number,
            "supersedes": previous.number if previous else None,
            "checks_kept": carried,
        },
    )
    happened("selection.methodology_published", plan=plan, obj=methodology, by=by)
    if rescore:
        happened("selection.scores_due", plan=plan, obj=methodology, by=by, again=True)
    return methodology


def ensure_candidates(plan) -> list[Candidate]:
    """The plan's candidates, made if missing: one per submitted proposal, and one per
    counterproposal a lead institution gave (a read-side helper: no permission, no log)."""
    submitted = Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED).values_list(
        "pk", flat=True
    )
    countered = Counterproposal.objects.filter(
        review__proposal__plan=plan,
        review__proposal__status=Proposal.Status.SUBMITTED,
        review__outcome=ViabilityReview.Outcome.NOT_VIABLE,
    ).values_list("review__proposal_id", flat=True)
    wanted = {(pk, False) for pk in submitted} | {(pk, True) for pk in countered}
    existing = set(
        Candidate.objects.filter(plan=plan).values_list("proposal_id", "is_counterproposal")
    )
    missing = wanted - existing
    if missing:
        Candidate.objects.bulk_create(
            [
                Candidate(plan=plan, proposal_id=pk, is_counterproposal=counter)
                for pk, counter in sorted(missing)
            ],
            ignore_conflicts=True,
        )
    return list(
        Candidate.objects.filter(plan=plan).select_related(
            "proposal__working_table", "proposal__axis"
        )
    )


def _published_or_error(plan) -> Methodology:
    methodology = published_methodology(plan)
    if methodology is None:
        raise ValidationError(_("No methodology is published yet."))
    return methodology


@transaction.atomic
def check_eligibility(
    candidate: Candidate, *, by, results: dict[int, tuple[bool, str, str]]
) -> EligibilityCheck:
    """The secretariat's check of `candidate` against every requirement of the published
    methodology: `results` maps each requirement's id to (passed, reason in Spanish, reason in
    English); a failure needs its reason in the plan's default language (it feeds the reasoned
    response). Re-checking replaces the check, until a member has scored the candidate under
    this version."""
    require_perm(by, "selection.check_eligibility", candidate)
    plan = candidate.plan
    methodology = _published_or_error(plan)
    requirements = list(methodology.requirements.all())
    results = dict(results or {})
    errors = []
    unknown = set(results) - {r.pk for r in requirements}
    if unknown:
        errors.append(_("Answer only the requirements of the published methodology."))
    language = language_name(plan.default_language)
    clean = []
    for requirement in requirements:
        answer = results.get(requirement.pk)
        if answer is None or answer[0] is None:
            errors.append(
                _("Say whether the proposal meets “%(requirement)s”.")
                % {"requirement": requirement.text}
            )
            continue
        passed, reason_es, reason_en = answer
        reason_es, reason_en = _stripped(reason_es), _stripped(reason_en)
        if not passed and not _in_default(plan, {"es": reason_es, "en": reason_en}):
            errors.append(
                _("“%(requirement)s” is not met: give the reason, in %(language)s.")
                % {"requirement": requirement.text, "language": language}
            )
        for reason in (reason_es, reason_en):
            problem = _too_long(requirement.text, reason, TEXT_MAX_LENGTH)
            if problem:
                errors.append(problem)
        clean.append((requirement, bool(passed), reason_es, reason_en))
    old = (
        EligibilityCheck.objects.select_for_update()
        .filter(candidate=candidate, methodology=methodology)
        .first()
    )
    if (
        old is not None
        and Ballot.objects.filter(candidate=candidate, methodology=methodology).exists()
    ):
        errors.append(
            _("Members have already scored this proposal: its eligibility can no longer change.")
        )
    if errors:
        raise ValidationError(errors)
    if old is not None:
        old.delete()
    check = EligibilityCheck.objects.create(
        candidate=candidate,
        methodology=methodology,
        passed=all(passed for _r, passed, _es, _en in clean),
        checked_by=_person(by),
        checked_at=timezone.now(),
    )
    RequirementResult.objects.bulk_create(
        RequirementResult(
            eligibility=check,
            requirement=requirement,
            passed=passed,
            reason_es=reason_es if not passed else "",
            reason_en=reason_en if not passed else "",
        )
        for requirement, passed, reason_es, reason_en in clean
    )
    log_action(
        actor=by,
        verb="selection.check_eligibility",
        target=candidate,
        plan=plan,
        data={"methodology": methodology.number, "passed": check.passed},
        public=False,
    )
    return check


@transaction.atomic
def overturn_eligibility(
    check: EligibilityCheck, *, event, by, reason_es="", reason_en=""
) -> EligibilityCheck:
    """Record that the commission overturned the secretariat's check at `event` (a held
    commission meeting with minutes), with its reason in the plan's default language: the
    candidate's eligibility becomes the opposite of the check's. Done once per check."""
    plan = check.candidate.plan
    require_perm(by, "selection.overturn_eligibility", check.candidate)
    check = EligibilityCheck.objects.select_for_update().get(pk=check.pk)
    if check.is_overturned:
        raise ValidationError(_("The commission has already overturned this check."))
    check_meeting(plan, event)
    reason = {"es": _stripped(reason_es), "en": _stripped(reason_en)}
    if not _in_default(plan, reason):
        raise ValidationError(
            _("Give the commission's reason, in %(language)s.")
            % {"language": language_name(plan.default_language)}
        )
    check.overturned_at = event
    check.overturn_reason_es, check.overturn_reason_en = reason["es"], reason["en"]
    check.overturned_by = _person(by)
    check.save(
        update_fields=["overturned_at", "overturn_reason_es", "overturn_reason_en", "overturned_by"]
    )
    log_action(
        actor=by,
        verb="selection.overturn_eligibility",
        target=check.candidate,
        plan=plan,
        data={"event": event.pk, "eligible": check.is_eligible},
    )
    return check


def _ballot_for(candidate: Candidate, by) -> tuple[Methodology, Ballot]:
    """The member's ballot on `candidate` under the published methodology (new or locked for
    update), once the candidate is found eligible."""
    if not getattr(by, "is_authenticated", False):
        raise ValidationError(_("Only a commission member scores, in their own name."))
    methodology = _published_or_error(candidate.plan)
    check = EligibilityCheck.objects.filter(candidate=candidate, methodology=methodology).first()
    if check is None or not check.is_eligible:
        raise ValidationError(_("Only proposals found eligible are scored."))
    ballot = (
        Ballot.objects.select_for_update()
        .filter(candidate=candidate, member=by, methodology=methodology)
        .first()
    )
    if ballot is None:
        ballot = Ballot(candidate=candidate, member=by, methodology=methodology)
    return methodology, ballot


@transaction.atomic
def cast_ballot(candidate: Candidate, *, by, scores: dict[int, int], comment="") -> Ballot:
    """A commission member's scores on an eligible candidate, one per criterion of the
    published methodology (criterion id -> value within its scale), with an optional comment.
    Casting again, until scoring closes, replaces the ballot (an abstention too). Refused,
    with every problem listed: a missing or unknown criterion, a value outside its scale."""
    require_perm(by, "selection.score_candidate", candidate)
    methodology, ballot = _ballot_for(candidate, by)
    criteria = list(methodology.criteria.all())
    scores = dict(scores or {})
    errors = []
    if set(scores) - {c.pk for c in criteria}:
        errors.append(_("Score only the criteria of the published methodology."))
    values = {}
    for criterion in criteria:
        value = _int(scores.get(criterion.pk))
        if value is None:
            errors.append(_("Score “%(criterion)s”.") % {"criterion": criterion.name})
        elif not criterion.scale_min <= value <= criterion.scale_max:
            errors.append(
                _("“%(criterion)s” is scored from %(low)s to %(high)s; %(value)s is outside.")
                % {
                    "criterion": criterion.name,
                    "low": criterion.scale_min,
                    "high": criterion.scale_max,
                    "value": value,
                }
            )
        else:
            values[criterion.pk] = value
    comment = _stripped(comment)
    problem = _too_long(_("Comment"), comment, TEXT_MAX_LENGTH)
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)
    ballot.abstained, ballot.conflict, ballot.comment = False, "", comment
    ballot.save()
    ballot.scores.all().delete()
    Score.objects.bulk_create(
        Score(ballot=ballot, criterion_id=pk, value=value) for pk, value in values.items()
    )
    log_action(
        actor=by,
        verb="selection.score_candidate",
        target=candidate,
        plan=candidate.plan,
        data={"methodology": methodology.number},
        public=False,
    )
    return ballot


@transaction.atomic
def declare_conflict(candidate: Candidate, *, by, conflict: str) -> Ballot:
    """A member declares a conflict of interest on `candidate` and abstains: their scores on it,
    if any, are removed and they are not counted in its mean."""
    require_perm(by, "selection.score_candidate", candidate)
    methodology, ballot = _ballot_for(candidate, by)
    conflict = _stripped(conflict)
    if not conflict:
        raise ValidationError(_("Say what the conflict of interest is."))
    problem = _too_long(_("Conflict of interest"), conflict, TEXT_MAX_LENGTH)
    if problem:
        raise ValidationError(problem)
    ballot.abstained, ballot.conflict, ballot.comment = True, conflict, ""
    ballot.save()
    ballot.scores.all().delete()
    log_action(
        actor=by,
        verb="selection.declare_conflict",
        target=candidate,
        plan=candidate.plan,
        data={"methodology": methodology.number},
        public=False,
    )
    return ballot


def last_methodology_number(plan) -> int:
    return Methodology.objects.filter(plan=plan).aggregate(last=Max("number"))["last"] or 0


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
