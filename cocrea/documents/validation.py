"""What may be uploaded: checked by the file's content (magic bytes, and the inside of ZIP-based
office formats), never by its name alone. A file whose name claims another type is refused too."""

import hashlib
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Format:
    name: str
    content_type: str
    extensions: tuple[str, ...]


PDF = Format("PDF", "application/pdf", ("pdf",))
PNG = Format("PNG", "image/png", ("png",))
JPEG = Format("JPEG", "image/jpeg", ("jpg", "jpeg"))
DOCX = Format(
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
)
XLSX = Format(
    "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)
)
ODT = Format("ODT", "application/vnd.oasis.opendocument.text", ("odt",))
ALLOWED = (PDF, DOCX, XLSX, ODT, PNG, JPEG)


def _zip_format(upload) -> Format | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if (
                "mimetype" in names
                and archive.read("mimetype").strip() == ODT.content_type.encode()
            ):
                return ODT
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return DOCX
                if any(name.startswith("xl/") for name in names):
                    return XLSX
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def detect(upload) -> Format | None:
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(upload)
    return None


def check_upload(upload) -> tuple[Format, str]:
    """Return the file's format and SHA-256, or raise ValidationError with a clear message."""
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    found = detect(upload)
    allowed = ", ".join(f.name for f in ALLOWED)
    if found is None:
        raise ValidationError(
            _("This type of file is not accepted. Accepted: %(allowed)s.") % {"allowed": allowed},
            code="type",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in found.extensions:
        raise ValidationError(
            _("The file's content is %(found)s but its name ends in “.%(extension)s”.")
            % {"found": found.name, "extension": extension},
            code="renamed",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return found, digest.hexdigest()
