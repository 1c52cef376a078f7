"""The plan's document in the workspace (capability "plan-drafting"): the figures and annexes
assembled from the data, issuing draft versions, editing sections, producing the files, the
pages (home, section, version and its files, downloads) and the comparison of two versions."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.commitments.models import Commitment, CommitmentMilestone
from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.events.models import Event
from cocrea.notifications.models import Notification
from cocrea.participation.models import Registration as CallRegistration
from cocrea.plans import context
from cocrea.plans.models import Step
from cocrea.proposals.models import PublicComment, ViabilityReview
from cocrea.publication import actions, compare, content, render
from cocrea.publication.models import DraftFile, DraftVersion, PlanSection
from cocrea.selection.models import SelectionPublication

from .conftest import ALL_PERSONAS
from .factories import RegionFactory
from .factories_document import document_plan
from .factories_events import EventFactory
from .factories_events import RegistrationFactory as EventRegistrationFactory
from .factories_participation import RegistrationFactory as CallRegistrationFactory
from .test_proposals import seat

PDF = b"%PDF-1.7 fixed"
DOCX = b"PK\x03\x04 fixed docx"


@pytest.fixture
def commitments(plan, people):
    """Commitments 1 and 2 of table 1 (the leader leads it, the participant sits at it); a step
    enabling "plan-drafting" open."""
    found = document_plan(plan)
    table = found[0].working_table
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return found


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def renderers(monkeypatch, media):
    """The renderers (written elsewhere) replaced by fixed bytes: the bookkeeping is tested."""
    monkeypatch.setattr(render, "render_pdf", lambda document: PDF)
    monkeypatch.setattr(render, "render_docx", lambda document: DOCX)


def _close_drafting(plan):
    Step.objects.filter(plan=plan, key="drafting-plan").update(status=Step.Status.CLOSED)
    context.invalidate()


# --- the figures, the reach and the annexes ---------------------------------------------------


def _record_participation(plan, commitments):
    """Three confirmed registrations to the open call (one unconfirmed); a held training and a
    held outreach activity (published) with attendance; a planned outreach; comments and
    reviews. The commitments' proposals each had a held (unpublished) commission meeting."""
    for _n in range(3):
        CallRegistrationFactory(plan=plan)
    CallRegistrationFactory(plan=plan, status=CallRegistration.Status.UNCONFIRMED)
    capital = RegionFactory()
    province = RegionFactory(code="PA-4", name="Chiriquí", is_capital=False)
    training = EventFactory(plan=plan, kind=Event.Kind.TRAINING, status=Event.Status.HELD)
    outreach = EventFactory(plan=plan, kind=Event.Kind.OUTREACH, status=Event.Status.HELD)
    EventFactory(plan=plan, kind=Event.Kind.OUTREACH)  # planned: not counted
    for event, email, org, region, attended in (
        (training, "ana@example.org", "ANTAI", capital, True),
        (training, "beto@example.org", "Fundación Libertad", capital, True),
        (training, "carla@example.org", "", capital, False),
        (outreach, "ANA@example.org", " antai ", capital, True),  # the same person, same org
        (outreach, "dario@example.org", "", province, True),
    ):
        EventRegistrationFactory(
            event=event, email=email, organisation_name=org, region=region, attended=attended
        )
    first, second = (c.proposal for c in commitments)
    now = timezone.now()
    PublicComment.objects.create(proposal=first, author_name="A", body="Uno", answered_at=now)
    PublicComment.objects.create(proposal=first, author_name="B", body="Dos")
    PublicComment.objects.create(proposal=first, author_name="C", body="Oculto", hidden_at=now)
    due = datetime.date(2017, 8, 25)
    institution = commitments[0].lead_institution
    ViabilityReview.objects.create(proposal=first, institution=institution, due_on=due)
    ViabilityReview.objects.create(
        proposal=second, institution=institution, due_on=due, outcome="viable"
    )


def test_the_figures_count_what_was_recorded(plan, people, commitments):
    _record_participation(plan, commitments)
    figures, reach = content.process_figures(plan)
    assert [(f["key"], f["value"]) for f in figures] == [
        ("call_registrations", 3),
        ("tables", 1),
        ("table_members", 2),
        ("table_leaders", 1),
        ("events:commission_meeting", 2),
        ("attendance:commission_meeting", 0),
        ("events:outreach", 1),
        ("attendance:outreach", 2),
        ("events:training", 1),
        ("attendance:training", 2),
        ("proposals", 2),
        ("public_comments", 2),
        ("answered_comments", 1),
        ("viability_reviews", 1),
        ("scoring_members", 0),
        ("ballots", 0),
        ("draft_comments", 0),
        ("answered_draft_comments", 0),
    ]
    # ana (twice, any case), beto, dario; ANTAI (twice, trimmed) and Fundación Libertad
    assert [(f["key"], f["value"]) for f in reach] == [
        ("people", 3),
        ("organisations", 2),
        ("outside_capital", 1),
        ("sector:—", 3),
    ]
    assert figures[6]["label"] == "Eventos realizados: Actividad de difusión"
    assert reach[3]["label"] == "Personas sin sector declarado"


def test_the_figures_cost_the_same_queries_with_more_rows(plan, people, commitments):
    _record_participation(plan, commitments)
    with CaptureQueriesContext(connection) as few:
        content.process_figures(plan)
    for _n in range(20):
        event = EventFactory(plan=plan, kind=Event.Kind.TABLE_SESSION, status=Event.Status.HELD)
        EventRegistrationFactory(event=event, attended=True)
        CallRegistrationFactory(plan=plan)
    with CaptureQueriesContext(connection) as many:
        figures, _reach = content.process_figures(plan)
    assert len(many) == len(few) == 14
    assert {f["key"]: f["value"] for f in figures}["events:table_session"] == 20


def test_the_annexes_show_the_reasoned_response_once_public_and_the_programme(plan, commitments):
    doc = content.document(plan, "es")
    response, programme = doc["annexes"]
    assert response["anchor"] == "annex:reasoned-response"
    # before the selection is published: no outcome, no reasons
    assert response["rows"] == [
        ["1. Transparencia", "1. Mesa 1", "Datos abiertos de salud", "", "", ""],
        ["1. Transparencia", "1. Mesa 1", "Compras públicas abiertas", "", "", ""],
    ]
    SelectionPublication.objects.create(plan=plan, published_at=timezone.now())
    response = content.document(plan, "es")["annexes"][0]
    assert response["rows"][0] == [
        "1. Transparencia",
        "1. Mesa 1",
        "Datos abiertos de salud",
        "",
        "Seleccionada",
        "Cumple los criterios.",
    ]
    assert programme["anchor"] == "annex:programme"
    assert programme["rows"] == [
        [
            "12. Desarrollo de compromisos",
            "ANTAI",
            "2017-09-01",
            "2017-09-30",
            "2017-09-11",
            "2017-09-29",
            "Cerrado",
        ],
        [
            "13. Elaboración del plan",
            "ANTAI",
            "2017-10-01",
            "2017-11-30",
            "2017-10-02",
            "",
            "Abierto",
        ],
    ]


def test_the_document_is_written_in_each_language(plan, commitments):
    built = content.build(plan)
    assert built["languages"] == ["es", "en"]
    english = built["documents"]["en"]
    assert [c["title"] for c in english["axes"][0]["commitments"]] == [
        "Open health data",
        "Open public procurement",
    ]
    assert [a["title"] for a in english["annexes"]] == [
        "Annex: the reasoned response",
        "Annex: the work programme",
    ]
    assert english["process"]["figures"][0]["label"] == "Registrations to the open call"
    milestones = english["axes"][0]["commitments"][0]["sections"][2]["table"]["rows"]
    assert [row[0] for row in milestones] == ["Data inventory", "Portal published"]


# --- issuing versions, editing sections --------------------------------------------------------


def test_versions_are_numbered_and_frozen(plan, people, commitments):
    secretary = people["secretary"]
    first = actions.issue_draft_version(plan, by=secretary, note="Primer borrador")
    Commitment.objects.filter(pk=commitments[0].pk).update(title_es="Salud abierta")
    second = actions.issue_draft_version(plan, by=secretary)
    assert [first.label, second.label] == ["0.1", "0.2"]
    first.refresh_from_db()
    titles = [c["title"] for c in first.document("es")["axes"][0]["commitments"]]
    assert titles == ["Datos abiertos de salud", "Compras públicas abiertas"]
    titles = [c["title"] for c in second.document("es")["axes"][0]["commitments"]]
    assert titles == ["Salud abierta", "Compras públicas abiertas"]
    assert sorted(first.files.values_list("language", "format", "status")) == [
        ("en", "docx", "pending"),
        ("en", "pdf", "pending"),
        ("es", "docx", "pending"),
        ("es", "pdf", "pending"),
    ]
    log = ActionLog.objects.filter(verb="publication.issue_draft_version").order_by("id")
    assert [(row.actor, row.data["version"]) for row in log] == [
        (secretary, "0.1"),
        (secretary, "0.2"),
    ]


def test_issuing_is_refused_without_the_capability(plan, people, commitments):
    _close_drafting(plan)
    with pytest.raises(PermissionDenied):
        actions.issue_draft_version(plan, by=people["secretary"])
    assert DraftVersion.objects.count() == 0


def test_a_section_changes_while_drafting_is_open(plan, people, commitments):
    section = actions.change_plan_section(
        plan, "introduction", by=people["secretary"], title_es="Introducción", body_es="Texto."
    )
    assert (section.title_es, section.body_es, section.updated_by) == (
        "Introducción",
        "Texto.",
        people["secretary"],
    )
    row = ActionLog.objects.get(verb="publication.change_plan_section")
    assert row.data == {"kind": "introduction", "fields": ["title_es", "body_es"]}
    with pytest.raises(PermissionDenied):
        actions.change_plan_section(plan, "introduction", by=people["leader"], body_es="Otro")


def test_a_section_is_refused_without_the_capability(plan, people, commitments):
    _close_drafting(plan)
    with pytest.raises(PermissionDenied):
        actions.change_plan_section(plan, "context", by=people["secretary"], body_es="Texto")
    assert PlanSection.objects.count() == 0


def test_a_section_is_refused_once_the_plan_is_published(plan, people, commitments):
    plan.published_on = datetime.date(2017, 12, 1)
    plan.save(update_fields=["published_on"])
    context.invalidate()
    with pytest.raises(PermissionDenied):
        actions.change_plan_section(plan, "context", by=people["secretary"], body_es="Texto")
    # the superuser's shortcut and the system skip the rule: the action refuses them all the same
    for by in (people["superuser"], SYSTEM):
        with pytest.raises(ValidationError, match="publicado"):
            actions.change_plan_section(plan, "context", by=by, body_es="Texto")
    assert PlanSection.objects.count() == 0


# --- producing the files -----------------------------------------------------------------------


def test_the_files_are_produced_once_with_their_digest(plan, people, commitments, renderers):
    version = actions.issue_draft_version(plan, by=people["secretary"])
    assert actions.produce_files() == 4
    files = list(version.files.order_by("language", "format"))
    assert [(f.language, f.format, f.status, f.attempts) for f in files] == [
        ("en", "docx", "ready", 1),
        ("en", "pdf", "ready", 1),
        ("es", "docx", "ready", 1),
        ("es", "pdf", "ready", 1),
    ]
    pdf = files[1]
    assert pdf.sha256 == hashlib.sha256(PDF).hexdigest()
    assert pdf.size == 14
    assert pdf.file.name == f"plans/{plan.pk}/versions/0.1/panama-test-0.1-en.pdf"
    assert files[0].size == len(DOCX) == 15
    assert actions.produce_files() == 0  # nothing is rebuilt


def test_a_file_that_fails_three_times_is_left_failed(
    plan, people, commitments, monkeypatch, media
):
    def broken(document):
        raise RuntimeError("typst exploded")

    monkeypatch.setattr(render, "render_pdf", broken)
    monkeypatch.setattr(render, "render_docx", lambda document: DOCX)
    version = actions.issue_draft_version(plan, by=people["secretary"])
    assert actions.produce_files() == 2
    for _attempt in range(2):
        actions.produce_files()
    pdfs = version.files.filter(format="pdf").order_by("language")
    assert [(f.status, f.attempts, f.error) for f in pdfs] == [
        ("failed", 3, "typst exploded"),
        ("failed", 3, "typst exploded"),
    ]
    actions.produce_files()
    assert [f.attempts for f in pdfs] == [3, 3]


def test_a_failing_file_stays_pending_before_its_third_attempt(
    plan, people, commitments, monkeypatch, media
):
    monkeypatch.setattr(render, "render_pdf", lambda document: 1 / 0)
    monkeypatch.setattr(render, "render_docx", lambda document: DOCX)
    version = actions.issue_draft_version(plan, by=people["secretary"])
    actions.produce_files()
    actions.produce_files()
    assert sorted(version.files.filter(format="pdf").values_list("status", "attempts")) == [
        ("pending", 2),
        ("pending", 2),
    ]


# --- the pages ---------------------------------------------------------------------------------

# Whoever holds a role in the plan reads the document's pages.
VIEWERS = {"secretary", "commissioner", "leader", "participant", "liaison", "head", "reviewer"}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_view_plan_document_by_persona(persona, plan, people):
    # the superuser holds no role: administration, not a seat in the plan's work
    allowed = persona in VIEWERS or persona == "superuser"
    assert people[persona].has_perm("publication.view_plan_document", plan) is allowed


@pytest.mark.parametrize(
    "persona,status", [("secretary", 200), ("commissioner", 200), ("citizen", 403)]
)
def test_the_home_answers_by_persona(persona, status, client, plan, people, commitments):
    client.force_login(people[persona])
    response = client.get(reverse("publication:document", args=[plan.slug]))
    assert response.status_code == status


def test_the_home_asks_an_anonymous_visitor_to_log_in(client, plan, commitments):
    response = client.get(reverse("publication:document", args=[plan.slug]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_home_shows_edit_links_and_the_issue_form_to_the_secretariat_only(
    client, plan, people, commitments
):
    url = reverse("publication:document", args=[plan.slug])
    client.force_login(people["secretary"])
    page = client.get(url).content.decode()
    assert reverse("publication:section_edit", args=[plan.slug, "introduction"]) in page
    assert 'name="confirm"' in page
    client.force_login(people["commissioner"])
    page = client.get(url).content.decode()
    assert reverse("publication:section_edit", args=[plan.slug, "introduction"]) not in page
    assert 'name="confirm"' not in page


def test_the_home_says_which_step_opens_the_drafting_while_it_is_closed(
    client, plan, people, commitments
):
    url = reverse("publication:document", args=[plan.slug])
    client.force_login(people["secretary"])
    assert 'id="drafting-closed"' not in client.get(url).content.decode()
    step = Step.objects.get(plan=plan, key="drafting-plan")
    Step.objects.filter(pk=step.pk).update(status=Step.Status.CLOSED)
    context.invalidate()
    page = client.get(url).content.decode()
    assert (
        "La secretaría técnica redacta las secciones y emite las versiones borrador mientras el "
        f"paso {step.number}, «Elaboración del plan», está abierto." in page
    )
    assert 'name="confirm"' not in page
    Step.objects.filter(pk=step.pk).update(capabilities=[])
    context.invalidate()
    page = client.get(url).content.decode()
    assert "Ningún paso del programa habilita todavía la redacción del plan." in page


def test_the_dashboard_links_the_document_for_those_who_may_view_it(
    client, plan, people, commitments
):
    link = reverse("publication:document", args=[plan.slug])
    client.force_login(people["leader"])
    assert link in client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()


def _many_versions(plan, secretary, count):
    actions.issue_draft_version(plan, by=secretary)
    model = DraftVersion.objects.get(plan=plan)
    for minor in range(2, count + 1):
        version = DraftVersion.objects.create(
            plan=plan, minor=minor, content=model.content, issued_by=secretary, note=f"N{minor}"
        )
        DraftFile.objects.bulk_create(
            DraftFile(version=version, language=lang, format=kind, status="ready")
            for lang in ("es", "en")
            for kind in ("pdf", "docx")
        )


def _queries(client, url) -> int:
    client.get(url)  # warm-up: the pages cache what they may
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_home_costs_the_same_queries_with_2_and_20_versions(client, plan, people, commitments):
    secretary = people["secretary"]
    client.force_login(secretary)
    url = reverse("publication:document", args=[plan.slug])
    compare_url = reverse("publication:compare", args=[plan.slug])
    _many_versions(plan, secretary, 2)
    few = _queries(client, url)
    few_compare = _queries(client, compare_url)
    last = DraftVersion.objects.filter(plan=plan).order_by("-minor").first()
    for minor in range(last.minor + 1, 21):
        version = DraftVersion.objects.create(plan=plan, minor=minor, content={}, note="n")
        DraftFile.objects.create(version=version, language="es", format="pdf")
    many = _queries(client, url)
    assert few == many
    assert _queries(client, compare_url) == few_compare
    page = client.get(url).content.decode()
    assert "Página 1 de 2" in page


def test_the_pages_work_in_english(client, plan, people, commitments):
    actions.issue_draft_version(plan, by=people["secretary"])
    client.force_login(people["secretary"])
    with translation.override("en"):
        home = client.get(reverse("publication:document", args=[plan.slug]))
        version = client.get(reverse("publication:version", args=[plan.slug, "0.1"]))
    assert home.status_code == version.status_code == 200
    assert "Issue the draft version" in home.content.decode()
    # the English page shows the English document unless another language is asked
    assert "Open health data" in version.content.decode()


def test_a_section_is_edited_per_language(client, plan, people, commitments):
    client.force_login(people["secretary"])
    url = reverse("publication:section_edit", args=[plan.slug, "context"])
    page = client.get(url).content.decode()
    assert 'name="title_es"' in page and 'name="body_en"' in page
    response = client.post(
        url, {"title_es": "Contexto", "body_es": "Texto del contexto.", "body_en": "Context."}
    )
    assert response.status_code == 302
    section = PlanSection.objects.get(plan=plan, kind="context")
    assert (section.title_es, section.body_es, section.body_en) == (
        "Contexto",
        "Texto del contexto.",
        "Context.",
    )


def test_a_too_long_title_is_refused_and_the_text_kept(client, plan, people, commitments):
    client.force_login(people["secretary"])
    url = reverse("publication:section_edit", args=[plan.slug, "context"])
    response = client.post(url, {"title_es": "x" * 251, "body_es": "Lo que escribí."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page
    assert "Lo que escribí." in page
    assert not PlanSection.objects.filter(plan=plan).exists()


def test_the_section_page_is_refused_to_other_roles(client, plan, people, commitments):
    client.force_login(people["commissioner"])
    url = reverse("publication:section_edit", args=[plan.slug, "context"])
    assert client.get(url).status_code == 403
    assert client.get(reverse("publication:section_edit", args=[plan.slug, "x"])).status_code in (
        403,
        404,
    )


def test_issuing_needs_the_confirmation(client, plan, people, commitments):
    client.force_login(people["secretary"])
    url = reverse("publication:issue_draft", args=[plan.slug])
    response = client.post(url, {"note": "Cambios del eje 1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Marque la confirmación para emitir la versión." in page
    assert "Cambios del eje 1" in page
    assert DraftVersion.objects.count() == 0
    response = client.post(url, {"note": "Cambios del eje 1", "confirm": "on"})
    assert response["Location"] == reverse("publication:version", args=[plan.slug, "0.1"])
    assert DraftVersion.objects.get().note == "Cambios del eje 1"


def test_the_version_page_polls_until_the_files_are_ready(
    client, plan, people, commitments, renderers
):
    version = actions.issue_draft_version(plan, by=people["secretary"], note="Primera")
    client.force_login(people["commissioner"])
    url = reverse("publication:version", args=[plan.slug, "0.1"])
    status_url = reverse("publication:version_status", args=[plan.slug, "0.1"])
    page = client.get(url).content.decode()
    assert f'hx-get="{status_url}"' in page
    assert 'hx-trigger="every 2s"' in page
    assert "0 de 4 listos" in page
    assert "Datos abiertos de salud" in page and "Primera" in page
    english = client.get(url + "?lang=en").content.decode()
    assert "Open health data" in english
    fragment = client.get(status_url).content.decode()
    assert "every 2s" in fragment
    actions.produce_files()
    fragment = client.get(status_url).content.decode()
    assert "hx-trigger" not in fragment
    download = reverse("publication:version_download", args=[plan.slug, "0.1", "es", "pdf"])
    assert download in fragment
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert version.files.filter(status="ready").count() == 4


def test_a_failed_file_is_shown_with_its_error(client, plan, people, commitments, media):
    version = actions.issue_draft_version(plan, by=people["secretary"])
    version.files.filter(language="es", format="pdf").update(
        status="failed", attempts=3, error="typst exploded"
    )
    version.files.exclude(language="es", format="pdf").update(status="ready")
    client.force_login(people["secretary"])
    fragment = client.get(
        reverse("publication:version_status", args=[plan.slug, "0.1"])
    ).content.decode()
    assert "no pudo producirse" in fragment and "typst exploded" in fragment
    assert "hx-trigger" not in fragment


def test_a_file_not_ready_is_not_served(client, plan, people, commitments, media):
    actions.issue_draft_version(plan, by=people["secretary"])
    client.force_login(people["secretary"])
    download = reverse("publication:version_download", args=[plan.slug, "0.1", "es", "pdf"])
    assert client.get(download).status_code == 404
    missing = reverse("publication:version", args=[plan.slug, "0.9"])
    assert client.get(missing).status_code == 404


def test_the_version_page_is_refused_without_a_role(client, plan, people, commitments):
    actions.issue_draft_version(plan, by=people["secretary"])
    client.force_login(people["citizen"])
    assert client.get(reverse("publication:version", args=[plan.slug, "0.1"])).status_code == 403


# --- the comparison ----------------------------------------------------------------------------


def _two_versions(plan, people, commitments, *, title="Datos de salud abiertos"):
    """0.1; then commitment 1's Spanish title changed and a third milestone added to
    commitment 2; 0.2."""
    secretary = people["secretary"]
    first = actions.issue_draft_version(plan, by=secretary)
    Commitment.objects.filter(pk=commitments[0].pk).update(title_es=title)
    CommitmentMilestone.objects.create(
        commitment=commitments[1],
        order=3,
        description_es="Informe final",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 6, 30),
    )
    second = actions.issue_draft_version(plan, by=secretary)
    return first, second


def test_the_comparison_shows_a_title_edit_and_an_added_milestone(plan, people, commitments):
    first, second = _two_versions(plan, people, commitments)
    parts = compare.compare(first.document("es"), second.document("es"))
    assert [(p["anchor"], p["status"]) for p in parts] == [
        ("section:introduction", "unchanged"),
        ("section:context", "unchanged"),
        ("process", "unchanged"),
        ("commitment:1", "changed"),
        ("commitment:2", "changed"),
        ("annex:reasoned-response", "unchanged"),
        ("annex:programme", "unchanged"),
    ]
    title = parts[3]["changes"][0]
    assert (title["label"], title["old"], title["new"]) == (
        "Título",
        "Datos abiertos de salud",
        "Datos de salud abiertos",
    )
    assert title["diff"] == [
        ("equal", "Datos"),
        ("delete", " abiertos"),
        ("equal", " de salud"),
        ("insert", " abiertos"),
    ]
    assert [c["label"] for c in parts[3]["changes"]] == [
        "Título",
        "Compromiso · Número y nombre del compromiso",
    ]
    (milestones,) = parts[4]["changes"]
    assert milestones["label"] == "Hitos"
    assert milestones["diff"] == [
        (
            "equal",
            "Inventario de datos · 2017-09-01 · 2017-12-31 ·  · \n"
            "Portal publicado · 2018-01-01 · 2019-06-30 ·  · \n",
        ),
        ("insert", "Informe final · 2019-01-01 · 2019-06-30 ·  · \n"),
    ]


def test_a_commitment_added_or_removed_is_said_so():
    old = {"axes": [{"commitments": [{"anchor": "commitment:1", "number": 1, "title": "A"}]}]}
    new = {"axes": [{"commitments": [{"anchor": "commitment:2", "number": 2, "title": "B"}]}]}
    parts = compare.compare(old, new)
    assert [(p["anchor"], p["status"]) for p in parts] == [
        ("commitment:1", "removed"),
        ("commitment:2", "added"),
    ]
    assert parts[1]["changes"][0]["diff"] == [("insert", "B")]


def test_the_comparison_page_defaults_to_the_last_two_versions_and_escapes(
    client, plan, people, commitments
):
    _two_versions(plan, people, commitments, title="Datos <script>alert(1)</script>")
    client.force_login(people["leader"])
    response = client.get(reverse("publication:compare", args=[plan.slug]))
    page = response.content.decode()
    assert response.context["old_label"] == "0.1" and response.context["new_label"] == "0.2"
    assert response.context["changed"] == 2
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert 'id="part-commitment1"' in page
    english = client.get(
        reverse("publication:compare", args=[plan.slug]) + "?from=0.1&to=0.2&lang=en"
    )
    # the English title did not change; the milestone (Spanish only) did
    assert english.context["changed"] == 1


def test_the_comparison_is_refused_without_a_role(client, plan, people, commitments):
    client.force_login(people["citizen"])
    assert client.get(reverse("publication:compare", args=[plan.slug])).status_code == 403


# --- told of each draft ------------------------------------------------------------------------


def test_a_draft_issued_tells_the_plans_people(plan, people, commitments):
    actions.issue_draft_version(plan, by=people["secretary"])
    told = Notification.objects.filter(kind="publication.plan_draft_issued")
    assert sorted(told.values_list("user__username", flat=True)) == [
        "commissioner",
        "leader",
        "liaison",
    ]
    assert {n.url for n in told} == {reverse("publication:version", args=[plan.slug, "0.1"])}
