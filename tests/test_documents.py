"""The public repository: uploads checked by content and size (nothing stored when refused),
checksums, generated documents listed automatically, filters and search, permissions."""

import datetime
import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.documents import actions
from cocrea.documents.models import DocType, Document
from cocrea.events import actions as event_actions
from cocrea.plans import actions as plan_actions

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories_events import EventFactory, in_days

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(plan, by, name, content, **extra):
    return actions.upload_document(
        plan,
        by=by,
        file=SimpleUploadedFile(name, content),
        title_es=extra.pop("title_es", "Guía"),
        doc_type=extra.pop("doc_type", DocType.TRAINING),
        **extra,
    )


def _stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("guia.pdf", PDF, "application/pdf"),
        ("foto.png", PNG, "image/png"),
        ("foto.JPG", JPEG, "image/jpeg"),
        (
            "acta.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("lista.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("acta.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_accepted_formats_are_stored_with_checksum(
    name, content, content_type, plan, secretary, media
):
    document = _upload(plan, secretary, name, content)
    assert (document.content_type, document.size, document.original_name) == (
        content_type,
        len(content),
        name,
    )
    assert document.checksum == hashlib.sha256(content).hexdigest()
    assert document.file.read() == content
    assert len(_stored_files(media)) == 1
    assert ActionLog.objects.filter(verb="documents.upload_document").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("vacio.pdf", b"", "empty"),
        ("programa.exe", b"MZ\x90\x00" + b"\x00" * 60, "type"),
        ("notas.txt", b"hello world", "type"),
        ("pagina.pdf", b"<html><body>no</body></html>", "type"),  # renamed HTML
        ("archivo.zip", _zip({"a.txt": b"a"}), "type"),  # a ZIP that is no office document
        ("roto.docx", b"PK\x03\x04broken", "type"),
        ("foto.pdf", PNG, "renamed"),  # a PNG renamed to .pdf
        ("acta.xlsx", DOCX, "renamed"),  # a DOCX renamed to .xlsx
        ("sin-extension", PDF, "renamed"),
    ],
)
def test_refused_files_store_nothing(name, content, code, plan, secretary, media):
    with pytest.raises(ValidationError) as error:
        _upload(plan, secretary, name, content)
    assert error.value.code == code
    assert Document.objects.count() == 0
    assert _stored_files(media) == []
    assert ActionLog.objects.filter(verb__startswith="documents.").count() == 0


def test_oversize_files_are_refused_with_the_limit(plan, secretary, media, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error, translation.override("en"):
        _upload(plan, secretary, "grande.pdf", PDF + b"0" * 1024)
    assert error.value.code == "too_large"
    assert error.value.messages == ["The file is too large (1.0\xa0KB); the limit is 1.0\xa0KB."]
    assert Document.objects.count() == 0 and _stored_files(media) == []
    assert _upload(plan, secretary, "justo.pdf", PDF + b"0" * (1024 - len(PDF))).size == 1024


def test_default_limit_is_20_megabytes(settings):
    from config.settings import base

    assert base.DOCUMENT_MAX_UPLOAD_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_uploads(persona, plan, people, media):
    user = people[persona]
    if persona in SECRETARIAT_POWERS:
        _upload(plan, user, "guia.pdf", PDF)
        assert Document.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            _upload(plan, user, "guia.pdf", PDF)
        assert Document.objects.count() == 0 and _stored_files(media) == []


def test_upload_page_shows_a_clear_error_and_stores_nothing(client, plan, secretary, media):
    client.force_login(secretary)
    url = "/en" + reverse("documents:upload", args=[plan.slug])
    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("foto.pdf", PNG),
            "title_es": "Foto",
            "doc_type": DocType.OTHER,
            "language": "es",
        },
    )
    assert response.status_code == 200
    assert (
        "The file&#x27;s content is PNG but its name ends in “.pdf”." in response.content.decode()
    )
    assert Document.objects.count() == 0 and _stored_files(media) == []
    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("guia.pdf", PDF),
            "title_es": "Guía",
            "doc_type": DocType.TRAINING,
            "language": "es",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    download = client.get(document.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_repository_lists_generated_documents_and_filters(client, plan, steps, secretary, media):
    plan_actions.publish_version(
        plan, by=secretary, published_on=datetime.date(2017, 3, 27), change_summary_es="Primera"
    )
    meeting = EventFactory(plan=plan, starts_at=in_days(-5), title_es="Sesión de la CGA")
    event_actions.record_minutes(
        meeting, by=SYSTEM, minutes_es="Acta", published_on=datetime.date(2018, 1, 10)
    )
    _upload(
        plan,
        secretary,
        "guia.pdf",
        PDF,
        title_es="Guía de capacitación",
        description_es="Material para las mesas",
        step=steps[2],
        published_on=datetime.date(2017, 5, 22),
    )
    url = reverse("documents:repository", args=[plan.slug])

    def titles(query=""):
        html = client.get(url + query).content.decode()
        return html.count('<tr class="document"'), html

    count, html = titles()
    assert count == 3
    assert "Sesión de la CGA" in html and "Guía de capacitación" in html
    assert titles("?type=programme")[0] == 1
    assert titles("?type=minutes")[0] == 1
    assert titles("?type=training")[0] == 1
    assert titles("?year=2017")[0] == 2
    assert titles("?year=2018")[0] == 1
    assert titles(f"?step={steps[2].key}")[0] == 1
    assert titles("?q=mesas")[0] == 1  # the description
    assert titles("?q=guía DE")[0] == 1  # case-insensitive
    assert titles("?q=primera")[0] == 1  # the version's change summary
    assert titles("?q=nada")[0] == 0


def test_documents_attached_to_an_event_show_on_its_page(client, plan, secretary, media):
    event = EventFactory(plan=plan, starts_at=in_days(-2))
    document = _upload(
        plan, secretary, "lista.xlsx", XLSX, title_es="Lista de asistencia", event=event
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'<a href="{document.get_absolute_url()}">Lista de asistencia</a>' in html


def test_attendance_summaries_appear_once_people_attended(client, plan, secretary, media):
    event = EventFactory(plan=plan, starts_at=in_days(-2), title_es="Taller en Colón")
    url = reverse("documents:repository", args=[plan.slug]) + "?type=attendance"
    assert client.get(url).content.decode().count('<tr class="document"') == 0
    event_actions.add_walk_in(event, by=secretary, name="Ana")
    html = client.get(url).content.decode()
    assert html.count('<tr class="document"') == 1
    assert f'href="{event.get_absolute_url()}#attendance"' in html


def test_withdrawing_a_document_removes_file_and_row_and_logs(
    plan, secretary, media, django_capture_on_commit_callbacks
):
    document = _upload(plan, secretary, "guia.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        actions.withdraw_document(document, by=secretary)
    assert Document.objects.count() == 0
    assert _stored_files(media) == []
    entry = ActionLog.objects.get(verb="documents.withdraw_document")
    assert entry.data == {"checksum": hashlib.sha256(PDF).hexdigest(), "name": "guia.pdf"}


@pytest.mark.parametrize("persona", ["secretary", "commissioner", "citizen", "anonymous"])
def test_withdraw_button_and_endpoint_by_role(persona, client, plan, people, media):
    document = _upload(plan, people["secretary"], "guia.pdf", PDF)
    url = reverse("documents:withdraw", args=[plan.slug, document.pk])
    if persona != "anonymous":
        client.force_login(people[persona])
    page = client.get(reverse("documents:repository", args=[plan.slug])).content.decode()
    assert (url in page) is (persona == "secretary")
    response = client.post(url)
    if persona == "secretary":
        assert response.status_code == 302
        assert Document.objects.count() == 0
    else:
        assert response.status_code == (302 if persona == "anonymous" else 403)
        assert Document.objects.count() == 1
