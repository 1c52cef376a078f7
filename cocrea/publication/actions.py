"""State changes of the plan's document: editing its sections, issuing versions (their files are
produced afterwards by the worker's `plan-documents` job, `produce_files`)."""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_languages
from cocrea.plans.models import ActionPlan

from . import content
from .models import DraftFile, DraftVersion, PlanSection

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
