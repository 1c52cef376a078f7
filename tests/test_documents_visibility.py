"""A document is public only when its publication date has come and, if it is linked to an
event, that event is published: in the repository list, its search, filters and count, on the
event page, at its download address and in the sitemap. The secretariat still reaches it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cocrea.documents import actions
from cocrea.documents.models import DocType, Document

from .factories_events import EventFactory, in_days
from .sitemaps import whole_sitemap

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def documents(plan, steps, secretary):
    """Four documents of step 2, all titled "Acta ...": one public, one dated tomorrow, one of a
    draft event, one of a published event."""
    today = timezone.localdate()
    draft = EventFactory(plan=plan, published=False, starts_at=in_days(-3))
    public_event = EventFactory(plan=plan, published=True, starts_at=in_days(-3))

    def upload(title, **extra):
        return actions.upload_document(
            plan,
            by=secretary,
            file=SimpleUploadedFile("acta.pdf", PDF),
            title_es=title,
            doc_type=DocType.MINUTES,
            step=steps[1],
            published_on=extra.pop("published_on", today),
            **extra,
        )

    return {
        "public": upload("Acta pública"),
        "future": upload("Acta futura", published_on=today + datetime.timedelta(days=1)),
        "draft_event": upload("Acta del borrador", event=draft),
        "event": upload("Acta del evento", event=public_event),
    }


def _listed(client, plan, query=""):
    response = client.get(reverse("documents:repository", args=[plan.slug]) + query)
    assert response.status_code == 200
    return sorted(entry.title for entry in response.context["page"]), response.context["count"]


@pytest.mark.parametrize(
    "query", ["", "?q=acta", "?type=minutes", "?step=s2", f"?year={timezone.localdate().year}"]
)
def test_repository_lists_and_counts_only_public_documents(query, client, plan, documents):
    assert _listed(client, plan, query) == (["Acta del evento", "Acta pública"], 2)


def test_the_secretariat_sees_the_same_public_list(client, plan, documents, secretary):
    client.force_login(secretary)
    assert _listed(client, plan) == (["Acta del evento", "Acta pública"], 2)


@pytest.mark.parametrize(
    ("name", "status"), [("public", 200), ("event", 200), ("future", 404), ("draft_event", 404)]
)
@pytest.mark.parametrize("persona", ["anonymous", "citizen", "commissioner"])
def test_download_answers_only_for_public_documents(
    persona, name, status, client, people, documents
):
    if persona != "anonymous":
        client.force_login(people[persona])
    assert client.get(documents[name].get_absolute_url()).status_code == status


@pytest.mark.parametrize("name", ["future", "draft_event"])
def test_the_secretariat_downloads_a_document_before_it_is_public(
    name, client, secretary, documents
):
    client.force_login(secretary)
    response = client.get(documents[name].get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_document_becomes_public_on_its_date_and_with_its_event(client, plan, documents):
    future = documents["future"]
    future.published_on = timezone.localdate()
    future.save(update_fields=["published_on"])
    draft = documents["draft_event"].event
    draft.published = True
    draft.save(update_fields=["published"])
    assert _listed(client, plan)[1] == 4
    assert client.get(future.get_absolute_url()).status_code == 200
    assert client.get(documents["draft_event"].get_absolute_url()).status_code == 200


def test_event_page_lists_only_documents_already_public(client, plan, secretary, documents):
    event = documents["event"].event
    later = actions.upload_document(
        plan,
        by=secretary,
        file=SimpleUploadedFile("lista.pdf", PDF),
        title_es="Lista para mañana",
        doc_type=DocType.ATTENDANCE,
        event=event,
        published_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert documents["event"].get_absolute_url() in html
    assert later.get_absolute_url() not in html


def test_sitemap_lists_only_public_documents(client, documents):
    xml = whole_sitemap(client)
    listed = {name for name, doc in documents.items() if doc.get_absolute_url() + "<" in xml}
    assert listed == {"public", "event"}


def test_queryset_and_instance_agree(documents):
    public = set(Document.objects.public().values_list("pk", flat=True))
    assert public == {documents["public"].pk, documents["event"].pk}
    assert {d.pk for d in Document.objects.all() if d.is_public()} == public


@pytest.mark.parametrize("persona", ["secretary", "commissioner", "citizen", "anonymous"])
def test_only_the_secretariat_sees_what_is_not_public_yet(persona, client, plan, people, documents):
    if persona != "anonymous":
        client.force_login(people[persona])
    response = client.get(reverse("documents:repository", args=[plan.slug]))
    html = response.content.decode()
    shown = [d.title for d in response.context["pending"]]
    if persona == "secretary":
        assert shown == ["Acta del borrador", "Acta futura"]
        assert 'id="pending"' in html
        assert reverse("documents:withdraw", args=[plan.slug, documents["future"].pk]) in html
    else:
        assert shown == []
        assert 'id="pending"' not in html
        assert "Acta futura" not in html
