"""The demo's 2017 document and publication (cocrea/demo/publication.py): draft 0.1 with public
comments answered, OGP's review round on it, draft 0.2 with the changes, the English completed,
the final version 1.0 delivered on 30 November 2017 and the plan published at its presentation on
12 December 2017, all through the actions and dated as it happened."""

import datetime
import hashlib

from django.urls import reverse

from cocrea.commitments.models import Commitment
from cocrea.core.models import ActionLog
from cocrea.demo import publication_data as data
from cocrea.demo.publication import load_publication_demo
from cocrea.documents.models import DocType, Document
from cocrea.events.models import Event
from cocrea.news.models import NewsItem
from cocrea.plans.models import Step
from cocrea.publication.models import (
    Delivery,
    DraftComment,
    DraftFile,
    DraftVersion,
    PlanSection,
    Publication,
    ReviewRound,
    RoundComment,
)
from cocrea.publication.translation_check import missing

D = datetime.date


def _versions(plan):
    return list(DraftVersion.objects.filter(plan=plan).order_by("major", "minor"))


def test_two_drafts_then_the_final_version_dated_in_2017(published_demo):
    versions = _versions(published_demo)
    assert [(v.label, v.is_final, v.issued_at.date()) for v in versions] == [
        ("0.1", False, D(2017, 10, 10)),
        ("0.2", False, D(2017, 11, 8)),
        ("1.0", True, D(2017, 11, 22)),
    ]
    assert [v.issued_by.username for v in versions] == ["secretaria"] * 3
    assert versions[0].note.startswith("Primer borrador")


def test_every_file_of_every_version_is_ready_with_its_checksum(published_demo):
    files = list(DraftFile.objects.filter(version__plan=published_demo).select_related("version"))
    # three versions x two languages x PDF and DOCX
    assert len(files) == 12
    assert {(f.version.label, f.language, f.format) for f in files} == {
        (label, language, fmt)
        for label in ("0.1", "0.2", "1.0")
        for language in ("es", "en")
        for fmt in ("pdf", "docx")
    }
    for file in files:
        assert (file.status, file.attempts, file.error) == (DraftFile.Status.READY, 1, "")
        with file.file.open("rb") as stored:
            content = stored.read()
        assert hashlib.sha256(content).hexdigest() == file.sha256
        assert file.size == len(content) > 1000
        assert file.generated_at.date() == file.version.issued_at.date()
    pdf = DraftFile.objects.get(
        version__plan=published_demo, version__minor=0, language="es", format="pdf"
    )
    with pdf.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


def test_the_drafts_have_the_sections_in_spanish_and_the_final_one_in_english_too(published_demo):
    first, second, final = _versions(published_demo)

    def section(version, language, kind):
        sections = version.document(language)["sections"]
        return next(s for s in sections if s["anchor"] == f"section:{kind}")

    assert section(first, "es", "introduction")["title"] == "Introducción"
    assert section(final, "en", "introduction")["title"] == "Introduction"
    assert section(final, "en", "context")["title"] == "Open government in Panama"
    assert (
        PlanSection.objects.get(plan=published_demo, kind="introduction").body_en
        == data.SECTIONS["introduction"][1][1]
    )
    # 0.2 adds the paragraph on contact persons, OGP values and SDGs asked for in the review.
    processes = [
        PlanSection.objects.get(plan=published_demo, kind="process").body_es,
        data.SECTIONS["process"][1][0] + data.PROCESS_ADDITION[0],
    ]
    assert processes[0] == processes[1]
    added = "el 6 (agua limpia y saneamiento)"
    assert added not in str(first.content) and added in str(second.content)
    assert missing(published_demo) == []


def test_citizens_commented_on_draft_01_and_were_answered(published_demo):
    comments = DraftComment.objects.filter(plan=published_demo).select_related(
        "author", "version", "answered_by"
    )
    assert [
        (
            c.author.username,
            c.version.label,
            c.anchor,
            c.created_at.date(),
            c.answered_by.username,
            c.answered_at.date(),
        )
        for c in comments
    ] == [
        ("yariela.ortega", "0.1", "commitment:6", D(2017, 10, 12), "secretaria", D(2017, 10, 18)),
        ("manuel.deleon", "0.1", "section:context", D(2017, 10, 13), "secretaria", D(2017, 10, 18)),
        ("katia.rodriguez", "0.1", "commitment:8", D(2017, 10, 16), "secretaria", D(2017, 10, 19)),
    ]
    assert comments[2].answer.startswith("El MEDUCA acoge la propuesta")


def test_ogp_reviewed_draft_01_in_one_round_whose_report_is_public(published_demo, client):
    [found] = ReviewRound.objects.filter(plan=published_demo)
    assert (found.number, found.version.label, found.due_on, found.status) == (
        1,
        "0.1",
        D(2017, 11, 1),
        ReviewRound.Status.CLOSED,
    )
    assert found.created_at.date() == D(2017, 10, 23)
    assert found.closed_at.date() == D(2017, 11, 3)
    assert found.report_published_at.date() == D(2017, 11, 23)
    comments = RoundComment.objects.filter(round=found).select_related("author", "addressed_in")
    assert [
        (
            c.author.username,
            c.anchor,
            c.status,
            c.addressed_in.label if c.addressed_in else None,
            c.resolved_at.date(),
        )
        for c in comments
    ] == [
        ("revisor", "document", "addressed", "0.2", D(2017, 11, 8)),
        ("revisor", "commitment:1", "declined", None, D(2017, 11, 8)),
        ("revisor", "section:introduction", "addressed", "0.2", D(2017, 11, 8)),
        ("revisor", "document", "addressed", "1.0", D(2017, 11, 22)),
    ]
    assert all(c.resolution for c in comments)
    url = reverse("publication:public_review_report", args=[published_demo.slug, 1])
    html = client.get(url).content.decode()
    assert "The milestones were agreed by the working table" in html


def test_the_final_version_was_delivered_with_its_manifest(published_demo):
    [delivery] = Delivery.objects.filter(plan=published_demo)
    assert (delivery.version.label, delivery.delivered_on, delivery.recipient) == (
        "1.0",
        D(2017, 11, 30),
        "Unidad de Apoyo de la AGA",
    )
    files = {
        (f.language, f.format): (f.sha256, f.size, f.file.name.rsplit("/", 1)[-1])
        for f in DraftFile.objects.filter(version=delivery.version)
    }
    assert [(row["language"], row["format"]) for row in delivery.files] == [
        ("en", "docx"),
        ("en", "pdf"),
        ("es", "docx"),
        ("es", "pdf"),
    ]
    for row in delivery.files:
        assert (row["sha256"], row["size"], row["name"]) == files[row["language"], row["format"]]
        assert row["name"].startswith("panama-2017-2019-1")
        assert row["name"].endswith(f"-{row['language']}.{row['format']}")


def test_the_plan_was_published_at_its_presentation(published_demo):
    publication = Publication.objects.select_related("version", "presentation").get(
        plan=published_demo
    )
    assert published_demo.published_on == D(2017, 12, 12)
    assert (publication.version.label, publication.published_on) == ("1.0", D(2017, 12, 12))
    assert publication.published_at.date() == D(2017, 12, 12)
    event = publication.presentation
    assert (event.kind, event.status, event.starts_at.date()) == (
        Event.Kind.PRESENTATION,
        Event.Status.HELD,
        D(2017, 12, 12),
    )
    commitments = Commitment.objects.filter(plan=published_demo).select_related("plan")
    assert len(commitments) == 9
    assert [c.is_draft for c in commitments] == [False] * 9


def test_steps_13_to_17_opened_and_closed_on_the_schedules_dates(published_demo):
    steps = {
        s.key: (s.status, s.actual_start, s.actual_end)
        for s in Step.objects.filter(plan=published_demo, number__gte=13)
    }
    closed = Step.Status.CLOSED
    assert steps == {
        "draft": (closed, D(2017, 10, 9), D(2017, 10, 20)),
        "support-unit-review": (closed, D(2017, 10, 23), D(2017, 11, 3)),
        "final-adjustments": (closed, D(2017, 11, 6), D(2017, 11, 24)),
        "final-delivery": (closed, D(2017, 11, 30), D(2017, 11, 30)),
        "presentation": (closed, D(2017, 12, 5), D(2017, 12, 15)),
    }
    years = set(
        ActionLog.objects.filter(plan=published_demo).values_list("created_at__year", flat=True)
    )
    assert years == {2017}


def test_the_published_plan_and_its_files_are_public_in_both_languages(published_demo, client):
    slug = published_demo.slug
    for prefix, heading in (("", "Introducción"), ("/en", "Introduction")):
        response = client.get(prefix + reverse("publication:published", args=[slug]))
        assert response.status_code == 200
        assert heading in response.content.decode()
        # How it was made links the published report of round 1.
        report = reverse("publication:public_review_report", args=[slug, 1])
        assert f'href="{report}"' in response.content.decode()
    final = DraftVersion.objects.get(plan=published_demo, is_final=True)
    for language in ("es", "en"):
        for fmt in ("pdf", "docx"):
            url = reverse("publication:download", args=[slug, language, fmt])
            response = client.get(url)
            assert response.status_code == 200, url
            body = b"".join(response.streaming_content)
            expected = DraftFile.objects.get(version=final, language=language, format=fmt)
            assert hashlib.sha256(body).hexdigest() == expected.sha256
    draft = client.get(reverse("publication:draft", args=[slug, "0.1"]))
    assert draft.status_code == 200


def test_the_publication_added_its_documents_and_news(published_demo):
    documents = Document.objects.filter(plan=published_demo, doc_type=DocType.FINAL_PLAN)
    assert sorted(documents.values_list("language", "published_on")) == [
        ("en", D(2017, 12, 12)),
        ("en", D(2017, 12, 12)),
        ("es", D(2017, 12, 12)),
        ("es", D(2017, 12, 12)),
    ]
    news = NewsItem.objects.get(plan=published_demo, title_es__startswith="El plan de acción")
    assert news.published_on == D(2017, 12, 12)


def test_the_publication_demo_loads_once(published_demo):
    counts = [
        m.objects.count()
        for m in (DraftVersion, DraftFile, DraftComment, RoundComment, Delivery, ActionLog)
    ]
    assert load_publication_demo(published_demo) is False
    after = [
        m.objects.count()
        for m in (DraftVersion, DraftFile, DraftComment, RoundComment, Delivery, ActionLog)
    ]
    assert after == counts == [3, 12, 3, 4, 1, counts[-1]]


def test_the_replay_told_people_whom_the_demo_command_leaves_unbothered(published_demo):
    # The actions tell people as they would on the day: the `demo` command deletes what the 2017
    # plan's replay wrote to the bells and the outbox (tests/test_demo.py checks it does).
    from cocrea.notifications.models import Notification

    told = Notification.objects.filter(plan=published_demo, kind__startswith="publication.")
    assert set(told.values_list("kind", flat=True)) >= {
        "publication.plan_draft_issued",
        "publication.plan_published",
    }
