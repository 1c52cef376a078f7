"""State changes of the document repository."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.core.actions import log_action, require_perm

from .models import Document
from .validation import check_upload


@transaction.atomic
def upload_document(
    plan,
    *,
    by,
    file,
    title_es: str = "",
    title_en: str = "",
    description_es: str = "",
    description_en: str = "",
    doc_type: str,
    language: str = Document.Language.SPANISH,
    step=None,
    event=None,
    published_on: datetime.date | None = None,
) -> Document:
    """Check the file by its content and size, store it with its checksum and publish it. A bad
    file raises ValidationError and nothing is stored."""
    require_perm(by, "documents.upload_document", plan)
    if not {"es": title_es, "en": title_en}.get(plan.default_language, "").strip():
        raise ValidationError(_("A document needs a title in the plan's default language."))
    found, checksum = check_upload(file)
    original_name = file.name.rsplit("/", 1)[-1][:250]
    document = Document(
        plan=plan,
        title_es=title_es,
        title_en=title_en,
        description_es=description_es,
        description_en=description_en,
        doc_type=doc_type,
        language=language,
        step=step,
        event=event,
        published_on=published_on or timezone.localdate(),
        original_name=original_name,
        content_type=found.content_type,
        size=file.size,
        checksum=checksum,
    )
    document.full_clean(exclude=["file"])
    document.file.save(original_name, file, save=False)
    try:
        document.save()
        log_action(actor=by, verb="documents.upload_document", target=document, plan=plan)
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def withdraw_document(document: Document, *, by) -> None:
    """Remove a document published by mistake (the log keeps the act, with its checksum)."""
    require_perm(by, "documents.withdraw_document", document.plan)
    log_action(
        actor=by,
        verb="documents.withdraw_document",
        target=document,
        plan=document.plan,
        data={"checksum": document.checksum, "name": document.original_name},
    )
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
