"""State changes of the plan's document: editing its sections, issuing versions (their files are
produced afterwards by the worker's `plan-documents` job, `produce_files`)."""

import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_languages
from cocrea.core.ratelimit import hit
from cocrea.plans.models import ActionPlan

from . import content
from .models import WHOLE_DOCUMENT, DraftComment, DraftFile, DraftVersion, PlanSection

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
    """Issue the next draft version (0.1, 0.2, ...) of the plan's document; the secretariat, the
    commission's members, the tables' leaders and the liaisons are told
    (`publication.plan_draft_issued`)."""
    require_perm(by, "publication.issue_draft_version", plan)
    version = issue(plan, by=by, note=note, final=False)
    log_action(
        actor=_by(by),
        verb="publication.issue_draft_version",
        target=version,
        plan=plan,
        data={"version": version.label},
    )
    happened("publication.plan_draft_issued", plan=plan, obj=version, by=_by(by))
    return version


def _render(file: DraftFile) -> bytes:
    from . import render

    version = file.version
    document = dict(version.document(file.language))
    # The files say which version they are (a draft is marked as such on every page).
    document.setdefault(
        "version",
        {
            "label": version.label,
            "issued_at": version.issued_at.isoformat(),
            "final": version.is_final,
        },
    )
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


# --- public comment on the draft versions, and the official answers ------------------------------

# A comment or an answer holds at most this many characters (as a proposal's public comments).
DRAFT_COMMENT_MAX_LENGTH = 3000


def _draft_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    if len(value) > DRAFT_COMMENT_MAX_LENGTH:
        raise ValidationError(
            ngettext(
                "Keep it within %(count)s character; it has %(length)s.",
                "Keep it within %(count)s characters; it has %(length)s.",
                DRAFT_COMMENT_MAX_LENGTH,
            )
            % {"count": DRAFT_COMMENT_MAX_LENGTH, "length": len(value)}
        )
    return value


def draft_anchors(version: DraftVersion) -> set[str]:
    """The anchors one may comment on in `version`: its parts (in any of its languages: they
    are the same in each) and the document as a whole."""
    found = {WHOLE_DOCUMENT}
    for language in version.languages or [""]:
        found.update(anchor for anchor, _title in content.anchors(version.document(language)))
    return found


@transaction.atomic
def comment_draft(version: DraftVersion, *, by, anchor: str, body: str) -> DraftComment:
    """A registered person's public comment on a part of a draft version (`anchor`, one of the
    version's parts or "document"), shown with their name while a step enabling the public
    comment is open; refused once the plan is published and on a final version."""
    require_perm(by, "publication.comment_draft", version)
    plan = version.plan
    ensure_unpublished(plan)
    if version.is_final:
        raise ValidationError(_("Only draft versions take public comments."))
    if anchor not in draft_anchors(version):
        raise ValidationError(_("Choose a part of this version to comment on."))
    body = _draft_text(body, _("Write a comment."))
    if not hit(
        "draft-comment",
        str(by.pk),
        limit=settings.PROPOSAL_COMMENT_RATE_LIMIT,
        window=settings.PROPOSAL_COMMENT_RATE_LIMIT_WINDOW,
    ):
        raise ValidationError(_("You have sent many comments in a short time; try again later."))
    comment = DraftComment.objects.create(
        plan=plan, version=version, anchor=anchor, author=by, body=body
    )
    log_action(
        actor=by,
        verb="publication.comment_draft",
        target=version,
        plan=plan,
        data={"comment": comment.pk, "version": version.label, "anchor": anchor},
        public=False,
    )
    happened("publication.plan_draft_comment", plan=plan, obj=comment, by=by)
    return comment


@transaction.atomic
def answer_draft_comment(comment: DraftComment, *, by, answer: str) -> DraftComment:
    """The secretariat's official answer to a comment on a draft; a later answer replaces it
    (the log keeps each). The commenter is told."""
    require_perm(by, "publication.answer_draft_comment", comment)
    plan = comment.plan
    ensure_unpublished(plan)
    answer = _draft_text(answer, _("Write the answer."))
    if answer == comment.answer:
        return comment
    comment.answer = answer
    comment.answered_by = _by(by)
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    log_action(
        actor=_by(by),
        verb="publication.answer_draft_comment",
        target=comment.version,
        plan=plan,
        data={"comment": comment.pk, "version": comment.version.label},
    )
    happened("publication.plan_draft_comment_answered", plan=plan, obj=comment, by=by)
    return comment
