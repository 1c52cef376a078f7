"""State changes of the plan's document: editing its sections, issuing versions (their files are
produced afterwards by the worker's `plan-documents` job, `produce_files`)."""

import datetime
import hashlib
import logging
import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from cocrea.core.actions import SYSTEM, log_action, require_perm
from cocrea.core.forms import plan_date_range
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_languages
from cocrea.core.models import ActionLog
from cocrea.plans.models import ActionPlan

from . import content
from .models import (
    WHOLE_DOCUMENT,
    DraftFile,
    DraftVersion,
    PlanSection,
    ReviewRound,
    RoundComment,
)

logger = logging.getLogger("cocrea.publication")

# A file that failed this many times is left FAILED (shown on the version's page).
MAX_ATTEMPTS = 3


def _by(by):
    return by if getattr(by, "is_authenticated", False) else None


def ensure_unpublished(plan: ActionPlan) -> None:
    """Refuse any change to a published plan's document (whoever asks, superusers included)."""
    if plan.published_on is not None:
        raise ValidationError(_("The plan is published: its document can no longer change."))


@transaction.atomic
def change_plan_section(plan: ActionPlan, kind: str, *, by, **texts) -> PlanSection:
    """Save the texts of one section of the document (`title_<lang>`, `body_<lang>`); returns the
    section. Only the fields given change."""
    require_perm(by, "publication.change_plan_section", plan)
    ensure_unpublished(plan)
    if kind not in PlanSection.Kind.values:
        raise ValidationError(_("Unknown section of the plan."))
    section, _created = PlanSection.objects.select_for_update().get_or_create(plan=plan, kind=kind)
    allowed = {f"{name}_{lang}" for name in ("title", "body") for lang in plan_languages(plan)}
    changed = []
    for name, value in texts.items():
        if name not in allowed:
            raise ValidationError(_("Unknown field %(name)s.") % {"name": name})
        if getattr(section, name) != value:
            setattr(section, name, value)
            changed.append(name)
    if changed:
        section.updated_by = _by(by)
        section.save(update_fields=[*changed, "updated_by", "updated_at"])
        log_action(
            actor=_by(by),
            verb="publication.change_plan_section",
            target=section,
            plan=plan,
            data={"kind": kind, "fields": changed},
        )
    return section


def issue(plan: ActionPlan, *, by, note: str, final: bool) -> DraftVersion:
    """Freeze the document now as the next version (a draft 0.n, or the final 1.n) and queue its
    files (PDF and DOCX per language) for the worker. Call inside a transaction, after the
    permission check. Drafts are refused once a final version exists."""
    ensure_unpublished(plan)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    versions = DraftVersion.objects.filter(plan=plan)
    has_final = versions.filter(is_final=True).exists()
    if not final and has_final:
        raise ValidationError(_("A final version exists: issue a corrected final version instead."))
    major = 1 if final else 0
    last = versions.filter(major=major).aggregate(last=Max("minor"))["last"]
    # Drafts count from 0.1, finals from 1.0.
    first = 0 if final else 1
    minor = first if last is None else last + 1
    version = DraftVersion.objects.create(
        plan=plan,
        major=major,
        minor=minor,
        is_final=final,
        note=note,
        content=content.build(plan),
        issued_by=_by(by),
        issued_at=timezone.now(),
    )
    DraftFile.objects.bulk_create(
        DraftFile(version=version, language=language, format=kind)
        for language in version.languages
        for kind in DraftFile.Format.values
    )
    return version


@transaction.atomic
def issue_draft_version(plan: ActionPlan, *, by, note: str = "") -> DraftVersion:
    """Issue the next draft version (0.1, 0.2, ...) of the plan's document."""
    require_perm(by, "publication.issue_draft_version", plan)
    version = issue(plan, by=by, note=note, final=False)
    log_action(
        actor=_by(by),
        verb="publication.issue_draft_version",
        target=version,
        plan=plan,
        data={"version": version.label},
    )
    return version


def _render(file: DraftFile) -> bytes:
    from . import render

    document = file.version.document(file.language)
    if file.format == DraftFile.Format.PDF:
        return render.render_pdf(document)
    return render.render_docx(document)


def produce_files(*, limit: int = 20) -> int:
    """The worker's `plan-documents` job: render the pending files of the issued versions, each
    once (a failure is retried up to MAX_ATTEMPTS times, then left FAILED with its error)."""
    handled = 0
    pending = DraftFile.objects.filter(status=DraftFile.Status.PENDING).select_related(
        "version", "version__plan"
    )
    for file in list(pending.order_by("id")[:limit]):
        with transaction.atomic():
            locked = (
                DraftFile.objects.select_for_update()
                .filter(pk=file.pk, status=DraftFile.Status.PENDING)
                .first()
            )
            if locked is None:
                continue
            locked.version = file.version
            locked.attempts += 1
            try:
                data = _render(locked)
            except Exception as error:  # a renderer's failure must not stop the other files
                logger.exception("rendering %s failed", locked)
                locked.error = str(error)[:2000]
                if locked.attempts >= MAX_ATTEMPTS:
                    locked.status = DraftFile.Status.FAILED
                locked.save(update_fields=["attempts", "error", "status"])
                continue
            slug = locked.version.plan.slug
            name = f"{slug}-{locked.version.label}-{locked.language}.{locked.format}"
            locked.file.save(name, ContentFile(data), save=False)
            locked.sha256 = hashlib.sha256(data).hexdigest()
            locked.size = len(data)
            locked.status = DraftFile.Status.READY
            locked.error = ""
            locked.generated_at = timezone.now()
            locked.save()
            handled += 1
    return handled


# --- OGP's review rounds (capability "ogp-review") ---------------------------------------------
#
# The secretariat sends an issued version to a round with a due date; the plan's OGP reviewers
# comment on its parts or upload the DOCX they commented; the secretariat addresses (with the
# change), declines (with the reason) or reopens each comment, closes the round and may publish
# its report: nothing of a round is public before that.

# An uploaded commented DOCX larger than this is refused before it is opened.
REVIEW_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# The reviewers are reminded once, this many days before a round's due date.
REVIEW_ROUND_DUE_SOON_DAYS = 3


def review_anchors(version: DraftVersion) -> list[tuple[str, str]]:
    """The parts of `version` a reviewer may comment on, the whole document first."""
    language = version.languages[0] if version.languages else ""
    return [(WHOLE_DOCUMENT, _("The whole document")), *content.anchors(version.document(language))]


def _safe_docx_name(name: str) -> str:
    """The uploaded file's own name, without its folders, safe for storage and display."""
    base = get_valid_filename(os.path.basename(name or "")) or "review"
    stem, _dot, _extension = base.rpartition(".")
    stem = (stem or base)[:120]
    return f"{stem}.docx"


def check_review_docx(upload) -> None:
    """Refuse anything but a real DOCX of at most REVIEW_ATTACHMENT_MAX_BYTES: a zip holding
    word/document.xml that python-docx opens."""
    message = _("The file must be a Word document (.docx) with your comments.")
    size = getattr(upload, "size", None)
    if size is None or size > REVIEW_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB.")
            % {"size": REVIEW_ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ValidationError(message)
        upload.seek(0)
        import docx

        docx.Document(upload)
    except ValidationError:
        raise
    except Exception as error:  # a broken or disguised file: whatever the parsers raise
        raise ValidationError(message) from error
    finally:
        upload.seek(0)


@transaction.atomic
def open_review_round(
    version: DraftVersion, *, by, due_on: datetime.date, message: str = "", today=None
) -> ReviewRound:
    """Send `version` to OGP's review: the plan's next round, open until it is closed, due after
    today and within the plan's dates (`plan_date_range`, as the forms); one open round at a
    time per plan. The plan's OGP reviewers are told (`publication.review_round_opened`)."""
    plan = version.plan
    require_perm(by, "publication.open_review_round", version)
    ensure_unpublished(plan)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    today = today or timezone.localdate()
    errors = []
    if due_on <= today:
        errors.append(_("The due date must be after today."))
    first, last = plan_date_range(plan)
    if not first <= due_on <= last:
        errors.append(
            _("The due date must be between %(first)s and %(last)s.")
            % {"first": first.isoformat(), "last": last.isoformat()}
        )
    if ReviewRound.objects.filter(plan=plan, status=ReviewRound.Status.OPEN).exists():
        errors.append(_("A review round is already open: close it before opening another."))
    if errors:
        raise ValidationError(errors)
    last = ReviewRound.objects.filter(plan=plan).aggregate(last=Max("number"))["last"] or 0
    found = ReviewRound.objects.create(
        plan=plan,
        version=version,
        number=last + 1,
        due_on=due_on,
        message=message.strip(),
        opened_by=_by(by),
    )
    log_action(
        actor=_by(by),
        verb="publication.open_review_round",
        target=found,
        plan=plan,
        data={"round": found.number, "version": version.label, "due_on": due_on.isoformat()},
        # nothing of a round is public before its report
        public=False,
    )
    happened("publication.review_round_opened", plan=plan, obj=found, by=_by(by))
    return found


@transaction.atomic
def comment_review_round(
    found: ReviewRound, *, by, anchor: str = WHOLE_DOCUMENT, body: str = "", attachment=None
) -> RoundComment:
    """A reviewer's comment on one part of the round's version (`anchor`), or the DOCX they
    commented (`attachment`, checked by `check_review_docx`; stored under its sanitised name).
    The secretariat is told (`publication.review_comment_added`)."""
    plan = found.plan
    require_perm(by, "publication.comment_review_round", found)
    if found.status != ReviewRound.Status.OPEN:
        raise ValidationError(_("The review round is closed."))
    if anchor not in dict(review_anchors(found.version)):
        raise ValidationError(_("Choose a part of the document."))
    body = (body or "").strip()
    if not body and attachment is None:
        raise ValidationError(_("Write a comment or attach the commented document."))
    if attachment is not None:
        check_review_docx(attachment)
    comment = RoundComment(plan=plan, round=found, anchor=anchor, author=_by(by), body=body)
    if attachment is not None:
        name = _safe_docx_name(getattr(attachment, "name", ""))
        comment.attachment_name = name
        comment.attachment.save(name, attachment, save=False)
    comment.save()
    log_action(
        actor=_by(by),
        verb="publication.comment_review_round",
        target=comment,
        plan=plan,
        data={"round": found.number, "anchor": anchor, "file": comment.attachment_name},
        # nothing of a round is public before its report
        public=False,
    )
    happened("publication.review_comment_added", plan=plan, obj=comment, by=_by(by))
    return comment


@transaction.atomic
def resolve_review_comment(
    comment: RoundComment, *, by, status: str, resolution: str = "", addressed_in=None
) -> RoundComment:
    """Mark a review comment addressed (the change made, optionally the later version that holds
    it), declined (the reason) or open again (reopened: the resolution is cleared)."""
    require_perm(by, "publication.resolve_review_comment", comment)
    ensure_unpublished(comment.plan)
    resolution = (resolution or "").strip()
    if status not in RoundComment.Status.values:
        raise ValidationError(_("Choose what was done with the comment."))
    if status == RoundComment.Status.ADDRESSED and not resolution:
        raise ValidationError(_("Describe the change that addresses the comment."))
    if status == RoundComment.Status.DECLINED and not resolution:
        raise ValidationError(_("Give the reason for declining the comment."))
    if addressed_in is not None:
        if status != RoundComment.Status.ADDRESSED:
            raise ValidationError(_("Only an addressed comment names the version that holds it."))
        version = comment.round.version
        if addressed_in.plan_id != comment.plan_id or (addressed_in.major, addressed_in.minor) <= (
            version.major,
            version.minor,
        ):
            raise ValidationError(_("Choose a version issued after the one under review."))
    if status == RoundComment.Status.OPEN:
        resolution, addressed_in = "", None
    comment.status = status
    comment.resolution = resolution
    comment.addressed_in = addressed_in
    reopened = status == RoundComment.Status.OPEN
    comment.resolved_by = None if reopened else _by(by)
    comment.resolved_at = None if reopened else timezone.now()
    comment.save(
        update_fields=[
            "status",
            "resolution",
            "addressed_in",
            "resolved_by",
            "resolved_at",
            "updated_at",
        ]
    )
    log_action(
        actor=_by(by),
        verb="publication.resolve_review_comment",
        target=comment,
        plan=comment.plan,
        data={
            "round": comment.round.number,
            "status": status,
            "addressed_in": addressed_in.label if addressed_in else "",
        },
        # nothing of a round is public before its report
        public=False,
    )
    return comment


@transaction.atomic
def close_review_round(found: ReviewRound, *, by) -> ReviewRound:
    """Close an open round: reviewers comment no more; its comments may still be resolved."""
    require_perm(by, "publication.close_review_round", found)
    if found.status != ReviewRound.Status.OPEN:
        raise ValidationError(_("The review round is already closed."))
    found.status = ReviewRound.Status.CLOSED
    found.closed_at = timezone.now()
    found.save(update_fields=["status", "closed_at", "updated_at"])
    log_action(
        actor=_by(by),
        verb="publication.close_review_round",
        target=found,
        plan=found.plan,
        data={"round": found.number},
        # nothing of a round is public before its report
        public=False,
    )
    return found


@transaction.atomic
def publish_round_report(found: ReviewRound, *, by) -> ReviewRound:
    """Publish the round's report (its comments, their parts, status and resolution; never the
    reviewers' files nor addresses) at `plans/<slug>/plan/reviews/<n>/`. Once only."""
    require_perm(by, "publication.publish_round_report", found)
    if found.report_published_at is not None:
        raise ValidationError(_("The report of this round is already published."))
    found.report_published_at = timezone.now()
    found.save(update_fields=["report_published_at", "updated_at"])
    log_action(
        actor=_by(by),
        verb="publication.publish_round_report",
        target=found,
        plan=found.plan,
        data={"round": found.number},
    )
    return found


def tell_review_round_due_soon(found: ReviewRound, *, today=None) -> bool:
    """Remind the plan's OGP reviewers that an open round's comments are due within
    REVIEW_ROUND_DUE_SOON_DAYS days, once per round and due date (the action log records it)."""
    today = today or timezone.localdate()
    if found.status != ReviewRound.Status.OPEN or not (
        today <= found.due_on <= today + datetime.timedelta(days=REVIEW_ROUND_DUE_SOON_DAYS)
    ):
        return False
    with transaction.atomic():
        ReviewRound.objects.select_for_update().filter(pk=found.pk).first()
        told = ActionLog.objects.filter(
            verb="publication.review_round_due_soon",
            target_id=found.pk,
            data__due_on=found.due_on.isoformat(),
        )
        if told.exists():
            return False
        log_action(
            actor=SYSTEM,
            verb="publication.review_round_due_soon",
            target=found,
            plan=found.plan,
            data={"round": found.number, "due_on": found.due_on.isoformat()},
            # nothing of a round is public before its report
            public=False,
        )
        happened("publication.review_round_due_soon", plan=found.plan, obj=found, by=SYSTEM)
    return True


def send_review_round_reminders(*, today=None) -> int:
    """The worker's `review-round-reminders` job: remind the reviewers of each open round due
    soon, once (idempotent: a second run tells nobody)."""
    today = today or timezone.localdate()
    soon = ReviewRound.objects.filter(
        status=ReviewRound.Status.OPEN,
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REVIEW_ROUND_DUE_SOON_DAYS),
    ).select_related("plan", "version")
    return sum(tell_review_round_due_soon(found, today=today) for found in soon)
