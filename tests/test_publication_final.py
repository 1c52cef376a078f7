"""Translation, the final version, its delivery to OGP and the plan's publication (steps 16-17):
the translation gate, `translate_plan`, the final version's numbering, the delivery's manifest,
publishing (the publication, the repository, the news, who is told), the immutability of a
published plan (actions, pages, the admin, a direct save) and the public pages."""

import datetime
import hashlib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.commitments import actions as commitment_actions
from cocrea.commitments.models import CommitmentMilestone
from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.documents.models import DocType, Document
from cocrea.events.models import Event
from cocrea.news.models import NewsItem
from cocrea.notifications.models import Delivery as Outbox
from cocrea.notifications.models import Notification
from cocrea.participation.models import Registration
from cocrea.plans.models import Step
from cocrea.publication import actions, translation_check
from cocrea.publication.immutability import PublishedPlanChange
from cocrea.publication.models import Delivery, DraftFile, DraftVersion, PlanSection, Publication
from cocrea.publication.translation_check import Gap

from .factories import StepFactory
from .factories_final import commitment, delivered, final_version, mark_ready, section

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def steps_open(plan):
    """An open step enabling translation, delivery, publication and the commitments' edits."""
    return StepFactory(
        plan=plan,
        number=17,
        key="final",
        status=Step.Status.OPEN,
        capabilities=["translation", "delivery", "publication", "commitment-development"],
    )


def _english(gaps):
    return [tuple(gap) for gap in gaps]


# --- the translation gate ----------------------------------------------------------------------


def test_missing_lists_the_commitment_title_and_the_milestone_lacking_english(plan, people):
    made = commitment(plan)
    made.title_en = ""
    made.save()
    second = made.milestones.order_by("order")[1]
    second.description_en = ""
    second.save()
    with translation.override("en"):
        gaps = translation_check.missing(plan)
    assert _english(gaps) == [
        ("Commitment 1: Datos abiertos de salud", "Number and title of the commitment", "en"),
        (
            "Commitment 1: Datos abiertos de salud",
            "Milestone 2: Activity with a verifiable deliverable",
            "en",
        ),
    ]


def test_missing_counts_a_section_text_written_in_one_language_only(plan, people):
    section(plan, body_es="Panamá se unió a la AGA en 2012.")
    section(plan, kind=PlanSection.Kind.CONTEXT)  # empty: not in the document, nothing missing
    with translation.override("en"):
        assert _english(translation_check.missing(plan)) == [("Introduction", "Text", "en")]


def test_a_complete_document_misses_nothing(plan, people):
    commitment(plan)
    section(plan, title_es="Introducción", title_en="Introduction", body_es="Texto", body_en="Text")
    assert translation_check.missing(plan) == []


def test_the_refusal_lists_the_first_ten_and_counts_the_rest():
    gaps = [Gap(f"Part {n}", "Text", "en") for n in range(1, 13)]
    with translation.override("en"):
        message = actions.gaps_message(gaps)
    assert message == (
        "The final version cannot be issued: these texts lack a language: "
        + "; ".join(f"Part {n} — Text (EN)" for n in range(1, 11))
        + " and 2 more."
    )


# --- issuing the final version -----------------------------------------------------------------


def test_the_final_version_is_refused_with_the_list_then_issued_1_0_and_1_1(
    plan, people, steps_open
):
    made = commitment(plan)
    made.title_en = ""
    made.save()
    secretary = people["secretary"]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.issue_final_version(plan, by=secretary)
    assert refused.value.messages == [
        "The final version cannot be issued: these texts lack a language: "
        "Commitment 1: Datos abiertos de salud — Number and title of the commitment (EN)"
    ]
    assert DraftVersion.objects.count() == 0
    made.title_en = "Open health data"
    made.save()
    first = actions.issue_final_version(plan, by=secretary, note="Traducido")
    second = actions.issue_final_version(plan, by=secretary)
    assert [(v.label, v.is_final) for v in (first, second)] == [("1.0", True), ("1.1", True)]
    assert first.files.count() == 4  # es, en x pdf, docx
    assert set(first.files.values_list("status", flat=True)) == {DraftFile.Status.PENDING}
    log = ActionLog.objects.filter(verb="publication.issue_final_version").order_by("pk")
    assert [(e.actor, e.data["version"]) for e in log] == [(secretary, "1.0"), (secretary, "1.1")]
    told = Notification.objects.filter(kind="publication.plan_final_issued")
    # the secretary acted: the commission member is told, twice (one per version)
    assert sorted(told.values_list("user__username", flat=True)) == ["commissioner"] * 2


def test_only_the_secretariat_issues_the_final_version_while_translation_is_open(plan, people):
    commitment(plan)
    with pytest.raises(PermissionDenied):
        actions.issue_final_version(plan, by=people["secretary"])  # no step open
    StepFactory(plan=plan, status=Step.Status.OPEN, capabilities=["translation"])
    with pytest.raises(PermissionDenied):
        actions.issue_final_version(plan, by=people["commissioner"])
    assert actions.issue_final_version(plan, by=people["secretary"]).label == "1.0"


# --- translate_plan ----------------------------------------------------------------------------


def test_translate_plan_saves_the_texts_and_keeps_a_revision(plan, people, steps_open):
    made = commitment(plan)
    revisions = made.revisions.count()
    changed = actions.translate_plan(
        made, by=people["secretary"], texts={"title_en": "Open health data portal"}
    )
    assert changed == ["title_en"]
    made.refresh_from_db()
    assert made.title_en == "Open health data portal"
    assert made.revisions.count() == revisions + 1
    assert made.revisions.order_by("-number")[0].snapshot["title_en"] == "Open health data portal"
    milestone = made.milestones.order_by("order")[0]
    assert actions.translate_plan(
        milestone, by=people["secretary"], texts={"description_en": "Data inventory"}
    ) == ["description_en"]
    milestone.refresh_from_db()
    assert milestone.description_en == "Data inventory"
    assert made.revisions.count() == revisions + 2
    log = ActionLog.objects.filter(verb="publication.translate_plan").order_by("pk")
    assert [e.data for e in log] == [
        {"part": "commitment:1", "fields": ["title_en"]},
        {"part": "commitment:1", "fields": ["description_en"]},
    ]
    # nothing changed: no revision, no log
    assert actions.translate_plan(milestone, by=people["secretary"], texts={}) == []
    assert made.revisions.count() == revisions + 2


def test_translate_plan_accepts_only_translated_texts(plan, people, steps_open):
    made = commitment(plan)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.translate_plan(
            made, by=people["secretary"], texts={"title_en": "X", "start_date": "2018-01-01"}
        )
    assert refused.value.messages == ["These are not translated texts of this part: start_date."]
    made.refresh_from_db()
    assert made.title_en == "Open health data"
    with pytest.raises(PermissionDenied):
        actions.translate_plan(made, by=people["leader"], texts={"title_en": "X"})


def test_translate_plan_saves_a_section(plan, people, steps_open):
    intro = section(plan, body_es="Texto")
    actions.translate_plan(intro, by=people["secretary"], texts={"body_en": " Text "})
    intro.refresh_from_db()
    assert (intro.body_en, intro.updated_by) == ("Text", people["secretary"])


# --- delivery ----------------------------------------------------------------------------------


def test_a_delivery_refuses_a_draft_and_a_final_version_not_ready(plan, people, steps_open):
    commitment(plan)
    secretary = people["secretary"]
    draft = actions.issue(plan, by=SYSTEM, note="", final=False)
    mark_ready(draft)
    args = {"by": secretary, "delivered_on": TODAY(), "recipient": "OGP Support Unit"}
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.record_delivery(draft, **args)
    assert refused.value.messages == ["Only a final version is delivered to OGP."]
    pending = final_version(plan, ready=False)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.record_delivery(pending, **args)
    assert refused.value.messages == ["The files of version 1.0 are not all ready yet."]
    assert Delivery.objects.count() == 0


def test_the_delivery_keeps_each_file_with_the_sha256_of_its_stored_bytes(plan, people, steps_open):
    commitment(plan)
    version = final_version(plan)
    delivery = actions.record_delivery(
        version,
        by=people["secretary"],
        delivered_on=datetime.date(2017, 12, 1),
        recipient="OGP Support Unit",
        note="Por correo",
    )
    expected = []
    for file in version.files.order_by("language", "format"):
        with open(file.file.path, "rb") as stored:
            data = stored.read()
        expected.append(
            {
                "language": file.language,
                "format": file.format,
                "name": f"{plan.slug}-1.0-{file.language}.{file.format}",
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }
        )
    assert [(f["language"], f["format"]) for f in expected] == [
        ("en", "docx"),
        ("en", "pdf"),
        ("es", "docx"),
        ("es", "pdf"),
    ]
    assert delivery.files == expected
    assert (delivery.recipient, delivery.delivered_on) == (
        "OGP Support Unit",
        datetime.date(2017, 12, 1),
    )
    assert ActionLog.objects.filter(verb="publication.record_delivery").count() == 1


def test_a_file_altered_after_it_was_produced_is_refused(plan, people, steps_open):
    commitment(plan)
    version = final_version(plan)
    file = version.files.get(language="es", format="pdf")
    with open(file.file.path, "ab") as stored:
        stored.write(b"tampered")
    with pytest.raises(ValidationError):
        actions.record_delivery(
            version, by=people["secretary"], delivered_on=TODAY(), recipient="OGP"
        )


# --- publishing --------------------------------------------------------------------------------


def test_publishing_needs_a_delivered_final_version(plan, people, steps_open):
    commitment(plan)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.publish_plan(plan, by=people["secretary"])
    assert refused.value.messages == ["Issue the final version before publishing the plan."]
    final_version(plan)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.publish_plan(plan, by=people["secretary"])
    assert refused.value.messages == [
        "Record the delivery of version 1.0 to OGP before publishing the plan."
    ]
    assert Publication.objects.count() == 0


def _published(plan, people, **kwargs):
    commitment(plan)
    delivery = delivered(plan)
    publication = actions.publish_plan(plan, by=people["secretary"], **kwargs)
    plan.refresh_from_db()
    return delivery, publication


def test_publishing_creates_the_publication_documents_news_and_tells_who_took_part(
    plan, people, steps_open, django_capture_on_commit_callbacks
):
    Registration.objects.create(
        plan=plan,
        full_name="Lucía Pérez",
        email="lucia@example.net",
        sector="citizen",
        status=Registration.Status.CONFIRMED,
        language="en",
    )
    Registration.objects.create(
        plan=plan, full_name="Sin confirmar", email="nadie@example.net", sector="citizen"
    )
    presentation = Event.objects.create(
        plan=plan,
        kind=Event.Kind.PRESENTATION,
        title_es="Presentación del plan",
        starts_at=timezone.now(),
        venue="ANTAI",
        published=True,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delivery, publication = _published(plan, people, presentation=presentation)
    assert (publication.version, publication.presentation) == (delivery.version, presentation)
    assert plan.published_on == TODAY() == publication.published_on
    documents = Document.objects.filter(plan=plan, doc_type=DocType.FINAL_PLAN).order_by(
        "language", "content_type"
    )
    files = {(f.language, f.format): f.sha256 for f in delivery.version.files.all()}
    assert [(d.language, d.content_type.rsplit(".", 1)[-1], d.checksum) for d in documents] == [
        ("en", "application/pdf", files[("en", "pdf")]),
        ("en", "document", files[("en", "docx")]),
        ("es", "application/pdf", files[("es", "pdf")]),
        ("es", "document", files[("es", "docx")]),
    ]
    news = NewsItem.objects.get(plan=plan)
    assert news.title_es == f"El plan de acción está publicado: {plan.title_es}"
    assert news.title_en == f"The action plan is published: {plan.title_en}"
    told = Notification.objects.filter(kind="publication.plan_published")
    # every role holder but the secretary who acted; no table or commenter in this plan
    assert sorted(told.values_list("user__username", flat=True)) == [
        "commissioner",
        "head",
        "leader",
        "liaison",
        "participant",
        "reviewer",
    ]
    outbox = Outbox.objects.filter(kind="publication.plan_published", user=None)
    assert list(outbox.values_list("email", "language")) == [("lucia@example.net", "en")]
    assert ActionLog.objects.filter(verb="publication.publish_plan").count() == 1


def test_publishing_reaches_table_members_and_commenters(plan, people, steps_open):
    from cocrea.proposals.models import PublicComment
    from cocrea.tables.models import TableMember

    from .factories import UserFactory

    made = commitment(plan)
    member = UserFactory(username="member")
    TableMember.objects.create(table=made.working_table, user=member)
    commenter = UserFactory(username="commenter")
    PublicComment.objects.create(
        proposal=made.proposal, author=commenter, author_name="C", body="Bien"
    )
    delivered(plan)
    actions.publish_plan(plan, by=people["superuser"])
    told = set(
        Notification.objects.filter(kind="publication.plan_published").values_list(
            "user__username", flat=True
        )
    )
    assert {"member", "commenter", "secretary", "citizen"} & told == {
        "member",
        "commenter",
        "secretary",
    }


# --- immutability ------------------------------------------------------------------------------


def test_every_edit_is_refused_once_published(plan, people, steps_open, client):
    _delivery, publication = _published(plan, people)
    made = plan.commitments.get()
    milestone = made.milestones.order_by("order")[0]
    version = publication.version
    # actions
    with pytest.raises(ValidationError):
        actions.translate_plan(made, by=SYSTEM, texts={"title_en": "Changed"})
    with pytest.raises(ValidationError):
        actions.issue_final_version(plan, by=SYSTEM)
    with pytest.raises(ValidationError):
        actions.change_plan_section(plan, "introduction", by=SYSTEM, body_es="Cambio")
    with pytest.raises(PermissionDenied):
        commitment_actions.update_commitment(
            made, by=people["secretary"], fields={"title_es": "Cambio"}
        )
    # a direct save or delete of every guarded row
    made.refresh_from_db()
    made.title_es = "Cambio"
    for obj in (made, milestone, version, version.files.first()):
        with pytest.raises(PublishedPlanChange), transaction.atomic():
            obj.save()
        # the version is also protected by its delivery and publication
        refusals = (PublishedPlanChange, ProtectedError)
        with pytest.raises(refusals), transaction.atomic():
            obj.delete()
    with pytest.raises(PublishedPlanChange), transaction.atomic():
        PlanSection.objects.create(plan=plan, kind=PlanSection.Kind.CONTEXT, body_es="Nuevo")
    with pytest.raises(PublishedPlanChange), transaction.atomic():
        CommitmentMilestone.objects.create(commitment=made, description_es="Nuevo")
    made.refresh_from_db()
    assert made.title_es == "Datos abiertos de salud"
    # the pages: the commitment's edit page and the translation form
    client.force_login(people["secretary"])
    assert client.get(reverse("commitments:edit", args=[plan.slug, made.number])).status_code == 403
    url = reverse("publication:translate_commitment", args=[plan.slug, made.number])
    assert client.post(url, {"title_en": "Changed"}).status_code == 403


def test_the_admin_cannot_delete_a_published_plan(plan, people, steps_open, client):
    _published(plan, people)
    client.force_login(people["superuser"])
    url = reverse("admin:plans_actionplan_delete", args=[plan.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 403
    assert plan.commitments.count() == 1
    assert type(plan).objects.filter(pk=plan.pk).exists()


# --- the workspace's pages ---------------------------------------------------------------------


def test_the_translation_page_shows_what_is_missing(plan, people, steps_open, client):
    made = commitment(plan)
    made.title_en = ""
    made.save()
    url = reverse("publication:translation", args=[plan.slug])
    client.force_login(people["citizen"])
    assert client.get(url).status_code == 403
    client.force_login(people["secretary"])
    response = client.get("/en" + url)
    assert response.status_code == 200
    assert response.context["counts"] == [("Español", 0), ("English", 1)]
    assert _english(response.context["gaps"]) == [
        ("Commitment 1: Open health data", "Number and title of the commitment", "en")
    ] or _english(response.context["gaps"]) == [
        ("Commitment 1: Datos abiertos de salud", "Number and title of the commitment", "en")
    ]
    assert response.context["can_translate"] is True


def test_translating_a_commitment_through_its_form(plan, people, steps_open, client):
    made = commitment(plan)
    milestone = made.milestones.order_by("order")[0]
    client.force_login(people["secretary"])
    url = reverse("publication:translate_commitment", args=[plan.slug, made.number])
    page = client.get(url)
    assert page.status_code == 200
    data = {name: field.initial for name, field in page.context["form"].fields.items()}
    data = {name: value for name, value in data.items() if value is not None}
    data["title_en"] = "Open health data, translated"
    data[f"m{milestone.pk}-description_en"] = "Inventory of data"
    response = client.post(url, data)
    assert response.status_code == 302
    made.refresh_from_db()
    milestone.refresh_from_db()
    assert (made.title_en, milestone.description_en) == (
        "Open health data, translated",
        "Inventory of data",
    )


def test_issuing_the_final_version_from_the_page_keeps_the_note_when_refused(
    plan, people, steps_open, client
):
    made = commitment(plan)
    made.budget_en = ""
    made.save()
    client.force_login(people["secretary"])
    url = reverse("publication:issue_final", args=[plan.slug])
    response = client.post(url, {"note": "Versión final", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["final_form"]["note"].value() == "Versión final"
    assert "Presupuesto y fuente de financiamiento (EN)" in response.content.decode()
    assert DraftVersion.objects.count() == 0
    made.budget_en = "USD 10,000"
    made.save()
    assert client.post(url, {"note": "Versión final", "confirm": "on"}).status_code == 302
    assert DraftVersion.objects.get().note == "Versión final"


def test_recording_a_delivery_and_publishing_through_the_pages(plan, people, steps_open, client):
    commitment(plan)
    version = final_version(plan)
    client.force_login(people["secretary"])
    url = reverse("publication:delivery", args=[plan.slug])
    response = client.post(
        url, {"version": version.pk, "delivered_on": "2017-12-01", "recipient": ""}
    )
    assert response.status_code == 400
    response = client.post(
        url,
        {"version": version.pk, "delivered_on": "2017-12-01", "recipient": "OGP Support Unit"},
    )
    assert response.status_code == 302
    page = client.get(url)
    sha = version.files.get(language="es", format="pdf").sha256
    assert sha in page.content.decode()
    publish = reverse("publication:publish", args=[plan.slug])
    assert client.post(publish, {}).status_code == 200  # the confirmation is required
    assert Publication.objects.count() == 0
    assert client.post(publish, {"confirm": "on"}).status_code == 302
    assert Publication.objects.get().version == version


# --- the public pages --------------------------------------------------------------------------


def test_before_publication_the_plan_page_shows_its_state_and_no_download(plan, people, client):
    commitment(plan)
    final_version(plan)
    response = client.get(reverse("publication:published", args=[plan.slug]))
    assert response.status_code == 200
    assert [v.label for v in response.context["versions"]] == ["1.0"]
    download = reverse("publication:download", args=[plan.slug, "es", "pdf"])
    assert client.get(download).status_code == 404


def test_the_published_plan_and_its_downloads(plan, people, steps_open, client):
    delivery, publication = _published(plan, people)
    page = client.get(reverse("publication:published", args=[plan.slug]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Datos abiertos de salud" in text
    for file in publication.version.files.all():
        assert file.sha256 in text
    # How it was made: the drafts and the reasoned response; no review report was published.
    assert f'href="{reverse("publication:drafts", args=[plan.slug])}"' in text
    assert f'href="{reverse("public:reasoned_response", args=[plan.slug])}"' in text
    assert f"/plans/{plan.slug}/plan/reviews/" not in text
    english = client.get("/en" + reverse("publication:published", args=[plan.slug]))
    assert "Open health data" in english.content.decode()
    for language in ("es", "en"):
        for fmt in ("pdf", "docx"):
            response = client.get(reverse("publication:download", args=[plan.slug, language, fmt]))
            assert response.status_code == 200
            data = b"".join(response.streaming_content)
            stored = publication.version.files.get(language=language, format=fmt)
            assert hashlib.sha256(data).hexdigest() == stored.sha256
    for language, fmt in (("fr", "pdf"), ("es", "odt")):
        url = reverse("publication:download", args=[plan.slug, language, fmt])
        assert client.get(url).status_code == 404
    assert client.get(reverse("publication:published", args=["nope"])).status_code == 404


@pytest.mark.parametrize("count", [1, 6])
def test_the_published_page_queries_do_not_grow_with_commitments(
    plan, people, steps_open, client, count, django_assert_max_num_queries
):
    for number in range(1, count + 1):
        commitment(plan, number_of_table=number)
    delivered(plan)
    actions.publish_plan(plan, by=SYSTEM)
    url = reverse("publication:published", args=[plan.slug])
    client.get(url)  # warm-up: the page cache
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: the permission context and the pages' caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_workspace_pages_queries_do_not_grow_with_commitments(plan, people, steps_open, client):
    from cocrea.plans.models import Axis

    client.force_login(people["secretary"])
    translation_url = reverse("publication:translation", args=[plan.slug])
    delivery_url = reverse("publication:delivery", args=[plan.slug])
    commitment(plan)
    delivered(plan)
    few = (_queries(client, translation_url), _queries(client, delivery_url))
    for number in range(2, 8):
        commitment(plan, number_of_table=number)
    actions.record_delivery(
        final_version(plan), by=SYSTEM, delivered_on=TODAY(), recipient="OGP Support Unit"
    )
    many = (_queries(client, translation_url), _queries(client, delivery_url))
    assert plan.commitments.count() == 7 and Axis.objects.filter(plan=plan).exists()
    assert many == few
    assert few[0] <= 15 and few[1] <= 15


def test_the_worker_leaves_a_published_plans_pending_files(plan, people, steps_open):
    commitment(plan)
    with transaction.atomic():
        draft = actions.issue(plan, by=SYSTEM, note="", final=False)  # its files stay pending
    delivered(plan)
    actions.publish_plan(plan, by=SYSTEM)
    assert actions.produce_files() == 0
    assert set(draft.files.values_list("status", flat=True)) == {DraftFile.Status.PENDING}
