"""State changes of the plan's document: editing its sections, issuing versions (their files are
produced afterwards by the worker's `plan-documents` job, `produce_files`)."""

import datetime
import hashlib
import logging
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocrea.commitments.actions import commitment_snapshot
from cocrea.commitments.models import (
    MILESTONE_FIELDS,
    Commitment,
    CommitmentMilestone,
    CommitmentRevision,
)
from cocrea.core.actions import SYSTEM, log_action, require_perm
from cocrea.core.forms import plan_date_range
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_language_codes, plan_languages
from cocrea.core.models import ActionLog
from cocrea.core.ratelimit import hit
from cocrea.documents.actions import upload_document
from cocrea.documents.models import DocType, Document
from cocrea.events.models import Event
from cocrea.news.actions import publish_news
from cocrea.plans import commitment_templates as ct
from cocrea.plans.models import ActionPlan

from . import content
from .models import (
    WHOLE_DOCUMENT,
    Delivery,
    DraftComment,
    DraftFile,
    DraftVersion,
    PlanSection,
    Publication,
    ReviewRound,
    RoundComment,
)
from .translation_check import missing

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
    # A published plan's files no longer change (immutability.py): its versions' files still
    # pending (an earlier draft's) are left as they are rather than failing the job every time.
    pending = DraftFile.objects.filter(
        status=DraftFile.Status.PENDING, version__plan__published_on__isnull=True
    ).select_related("version", "version__plan")
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


# --- translation, the final version, delivery and publication (steps 16-17) --------------------

# The refusal to issue the final version names this many missing texts, then "and K more".
LISTED_GAPS = 10


def _translatable(obj) -> tuple[ActionPlan, set[str]]:
    """The plan of a section, commitment or milestone and the names of its translated fields
    (`<name>_<lang>`, the plan's languages)."""

    if isinstance(obj, PlanSection):
        plan, names = obj.plan, ("title", "body")
    elif isinstance(obj, Commitment):
        plan = obj.plan
        names = tuple(f.name for f in obj.declared_fields if f.translated and f.kind != ct.ROWS)
    elif isinstance(obj, CommitmentMilestone):
        plan, names = obj.commitment.plan, MILESTONE_FIELDS
    else:
        raise TypeError(f"not a part of the plan's document: {obj!r}")
    languages = plan_language_codes(plan)
    return plan, {f"{name}_{lang}" for name in names for lang in languages}


@transaction.atomic
def translate_plan(obj, *, by, texts: dict) -> list[str]:
    """Save the texts of one part of the document in the plan's languages: a `PlanSection`, a
    `Commitment` (its translated template fields) or a `CommitmentMilestone`. Only translated
    fields are accepted (anything else raises ValidationError, nothing saved). A commitment's or
    milestone's change is kept as a revision of the commitment, as its edit page keeps them.
    Returns the names of the fields that changed (empty, with no log, when none did)."""

    plan, allowed = _translatable(obj)
    require_perm(by, "publication.translate_plan", plan)
    ensure_unpublished(plan)
    unknown = sorted(set(texts) - allowed)
    if unknown:
        raise ValidationError(
            _("These are not translated texts of this part: %(names)s.")
            % {"names": ", ".join(unknown)}
        )
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    changed = []
    for name, value in texts.items():
        value = (value or "").strip()
        if (getattr(locked, name) or "") != value:
            setattr(locked, name, value)
            changed.append(name)
    if not changed:
        return []
    update = list(changed)
    if isinstance(locked, PlanSection):
        locked.updated_by = _by(by)
        update += ["updated_by", "updated_at"]
        commitment = None
    elif isinstance(locked, Commitment):
        update.append("updated_at")
        commitment = locked
    else:
        commitment = Commitment.objects.select_for_update().get(pk=locked.commitment_id)
    locked.save(update_fields=update)
    if commitment is not None:
        commitment.plan = plan
        if isinstance(locked, CommitmentMilestone):
            commitment.save(update_fields=["updated_at"])
        last = commitment.revisions.aggregate(last=Max("number"))["last"] or 0
        CommitmentRevision.objects.create(
            commitment=commitment,
            number=last + 1,
            author=_by(by),
            snapshot=commitment_snapshot(commitment),
        )
    anchor = locked.anchor if isinstance(locked, PlanSection) else f"commitment:{commitment.number}"
    log_action(
        actor=by,
        verb="publication.translate_plan",
        target=locked,
        plan=plan,
        data={"part": anchor, "fields": changed},
    )
    return changed


def gaps_message(gaps) -> str:
    """The refusal listing what lacks a language: the first LISTED_GAPS, then "and K more"."""

    lines = [
        _("%(part)s — %(field)s (%(language)s)")
        % {"part": gap.part, "field": gap.field, "language": gap.language.upper()}
        for gap in gaps[:LISTED_GAPS]
    ]
    text = _("The final version cannot be issued: these texts lack a language: %(list)s") % {
        "list": "; ".join(lines)
    }
    more = len(gaps) - LISTED_GAPS
    if more > 0:
        text += " " + ngettext("and %(count)s more.", "and %(count)s more.", more) % {"count": more}
    return text


@transaction.atomic
def issue_final_version(plan: ActionPlan, *, by, note: str = "") -> DraftVersion:
    """Issue the final version (1.0, then 1.1, ... when corrected) of the plan's document:
    refused, listing what lacks a language, while any published text lacks a configured
    language of the plan (`translation_check.missing`). Its files are produced by the worker;
    the secretariat and the commission are told."""

    require_perm(by, "publication.issue_final_version", plan)
    ensure_unpublished(plan)
    gaps = missing(plan)
    if gaps:
        raise ValidationError(gaps_message(gaps), code="untranslated")
    version = issue(plan, by=by, note=note, final=True)
    log_action(
        actor=by,
        verb="publication.issue_final_version",
        target=version,
        plan=plan,
        data={"version": version.label},
    )
    happened("publication.plan_final_issued", plan=plan, obj=version, by=by)
    return version


def _manifest(version: DraftVersion) -> list[dict]:
    """The version's files with the SHA-256 and size of the bytes stored now; refused unless the
    version has all its files READY, each matching the checksum recorded when produced."""
    files = list(version.files.order_by("language", "format"))
    expected = len(version.languages) * len(DraftFile.Format.values)
    if len(files) != expected or any(f.status != DraftFile.Status.READY for f in files):
        raise ValidationError(
            _("The files of version %(label)s are not all ready yet.") % {"label": version.label}
        )
    manifest = []
    for file in files:
        with file.file.open("rb") as stored:
            data = stored.read()
        digest = hashlib.sha256(data).hexdigest()
        if digest != file.sha256:
            raise ValidationError(
                _("The stored file %(name)s does not match its checksum: produce it again.")
                % {"name": file.file.name.rsplit("/", 1)[-1]}
            )
        manifest.append(
            {
                "language": file.language,
                "format": file.format,
                "name": file.file.name.rsplit("/", 1)[-1],
                "sha256": digest,
                "size": len(data),
            }
        )
    return manifest


@transaction.atomic
def record_delivery(version: DraftVersion, *, by, delivered_on, recipient: str, note: str = ""):
    """Record the delivery of a final version to OGP (date, recipient) with the manifest of its
    files (name, SHA-256, size). Only a final version whose files are all READY; not a date in
    the future."""

    plan = version.plan
    require_perm(by, "publication.record_delivery", plan)
    ensure_unpublished(plan)
    if not version.is_final:
        raise ValidationError(_("Only a final version is delivered to OGP."))
    if delivered_on > timezone.localdate():
        raise ValidationError(_("The delivery date cannot be in the future."))
    recipient = (recipient or "").strip()
    if not recipient:
        raise ValidationError(_("Say to whom the plan was delivered."))
    delivery = Delivery.objects.create(
        plan=plan,
        version=version,
        delivered_on=delivered_on,
        recipient=recipient,
        note=(note or "").strip(),
        files=_manifest(version),
        recorded_by=_by(by),
    )
    log_action(
        actor=by,
        verb="publication.record_delivery",
        target=delivery,
        plan=plan,
        data={"version": version.label, "recipient": recipient},
    )
    return delivery


def latest_final(plan: ActionPlan) -> DraftVersion | None:
    return (
        DraftVersion.objects.filter(plan=plan, is_final=True).order_by("-major", "-minor").first()
    )


def _titles(plan, version, file=None) -> dict:
    """The plan's document's title in each language the repository and the news keep."""

    found = {}
    for language in plan_language_codes(plan):
        if language not in ("es", "en"):
            continue
        with translation.override(language):
            title = getattr(plan, f"title_{language}", "") or plan.title
            if file is None:
                found[language] = title
            else:
                found[language] = _("%(plan)s, version %(label)s (%(format)s, %(language)s)") % {
                    "plan": title,
                    "label": version.label,
                    "format": file.get_format_display(),
                    "language": translation.get_language_info(file.language)["name_local"],
                }
    return found


@transaction.atomic
def publish_plan(plan: ActionPlan, *, by, presentation=None):
    """Publish the plan: its latest final version, delivered to OGP with every file READY,
    becomes the plan (a `Publication`; `plan.published_on` today), and nothing of its document
    changes from then on (cocrea/publication/immutability.py). Its PDF and DOCX in every language
    join the document repository, a news item announces it, and everyone who took part is told.
    `presentation`: the event (kind presentation) where it was presented, if any."""

    require_perm(by, "publication.publish_plan", plan)
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    ensure_unpublished(plan)
    version = latest_final(plan)
    if version is None:
        raise ValidationError(_("Issue the final version before publishing the plan."))
    if not version.deliveries.exists():
        raise ValidationError(
            _("Record the delivery of version %(label)s to OGP before publishing the plan.")
            % {"label": version.label}
        )
    _manifest(version)  # every file READY and intact
    if presentation is not None and (
        presentation.plan_id != plan.pk or presentation.kind != Event.Kind.PRESENTATION
    ):
        raise ValidationError(_("The presentation must be a presentation event of this plan."))
    today = timezone.localdate()
    publication = Publication.objects.create(
        plan=plan,
        version=version,
        published_on=today,
        published_by=_by(by),
        presentation=presentation,
    )
    plan.published_on = today
    plan.save(update_fields=["published_on", "updated_at"])
    for file in version.files.order_by("language", "format"):
        with file.file.open("rb") as stored:
            data = stored.read()
        titles = _titles(plan, version, file)
        language = file.language if file.language in Document.Language.values else "es"
        upload_document(
            plan,
            by=by,
            file=ContentFile(
                data, name=f"{plan.slug}-{version.label}-{file.language}.{file.format}"
            ),
            doc_type=DocType.FINAL_PLAN,
            language=language,
            published_on=today,
            **{f"title_{lang}": title for lang, title in titles.items()},
        )
    news = {}
    for language, title in _titles(plan, version).items():
        with translation.override(language):
            news[f"title_{language}"] = _("The action plan is published: %(plan)s") % {
                "plan": title
            }
            news[f"summary_{language}"] = _(
                "Its final version %(label)s, in every language, as HTML, PDF and DOCX."
            ) % {"label": version.label}
            news[f"body_{language}"] = _(
                "The action plan %(plan)s is published. Its final version %(label)s was "
                "delivered to OGP and is now the plan: read it and download it in PDF and DOCX "
                "on its permanent page."
            ) % {"plan": title, "label": version.label}
    publish_news(plan, by=by, published_on=today, **news)
    log_action(
        actor=by,
        verb="publication.publish_plan",
        target=publication,
        plan=plan,
        data={"version": version.label},
    )
    happened("publication.plan_published", plan=plan, obj=publication, by=by)
    return publication


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
