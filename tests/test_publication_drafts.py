"""Draft versions of the plan in public and the public comment on them (capability
"plan-public-comment"): the actions, the public pages and files, the secretariat's queue, the
task and dashboard count, and the comments in the reasoned response."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.core.models import ActionLog
from cocrea.notifications.models import Notification
from cocrea.plans import context
from cocrea.plans.models import ActionPlan, Step
from cocrea.publication import actions
from cocrea.publication.models import DraftComment, DraftFile, DraftVersion
from cocrea.workspace.tasks import tasks_for

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories import UserFactory
from .factories_drafts import draft_plan, issued, public_comment_step


@pytest.fixture
def version(plan, people):
    """Draft 0.1 of the plan (one commitment), public comment open."""
    found = draft_plan(plan)
    public_comment_step(plan)
    return found


def _close(step_status=Step.Status.CLOSED):
    Step.objects.filter(key="draft").update(status=step_status)
    context.invalidate()


def _publish(plan):
    """The plan published (its own action is another part's): the date set, as it would be."""
    plan.published_on = datetime.date(2017, 12, 1)
    plan.save(update_fields=["published_on"])
    context.invalidate()


def _page(plan, label="0.1"):
    return reverse("publication:draft", args=[plan.slug, label])


# --- actions -------------------------------------------------------------------------------------


def test_a_comment_is_stored_logged_and_told_to_the_secretariat(version, people):
    citizen = people["citizen"]
    comment = actions.comment_draft(
        version, by=citizen, anchor="commitment:1", body="  Precisen la meta 2.  "
    )
    comment.refresh_from_db()
    assert (comment.plan_id, comment.version_id, comment.anchor) == (
        version.plan_id,
        version.pk,
        "commitment:1",
    )
    assert (comment.author, comment.body, comment.answer, comment.answered_at) == (
        citizen,
        "Precisen la meta 2.",
        "",
        None,
    )
    log = ActionLog.objects.get(verb="publication.comment_draft")
    assert (log.actor, log.plan_id, log.data) == (
        citizen,
        version.plan_id,
        {"comment": comment.pk, "version": "0.1", "anchor": "commitment:1"},
    )
    told = Notification.objects.filter(kind="publication.plan_draft_comment")
    assert [(n.user.username, n.url) for n in told] == [
        (
            "secretary",
            reverse("publication:draft_comments", args=[version.plan.slug])
            + f"#comment-{comment.pk}",
        )
    ]


def test_the_document_as_a_whole_takes_comments(version, people):
    comment = actions.comment_draft(version, by=people["leader"], anchor="document", body="Bien.")
    assert comment.anchor == "document"


@pytest.mark.parametrize("state", [Step.Status.CLOSED, Step.Status.PENDING])
def test_commenting_is_refused_while_no_step_enabling_it_is_open(version, people, state):
    _close(state)
    with pytest.raises(PermissionDenied):
        actions.comment_draft(version, by=people["citizen"], anchor="document", body="Hola")
    assert DraftComment.objects.count() == 0
    assert ActionLog.objects.filter(verb="publication.comment_draft").count() == 0


def test_an_anonymous_visitor_may_not_comment(version, people):
    with pytest.raises(PermissionDenied):
        actions.comment_draft(version, by=people["anonymous"], anchor="document", body="Hola")
    assert DraftComment.objects.count() == 0


@pytest.mark.parametrize("anchor", ["commitment:2", "section:budget", "", "annex:x"])
def test_a_comment_on_an_unknown_part_is_refused(version, people, anchor):
    with pytest.raises(ValidationError) as error:
        actions.comment_draft(version, by=people["citizen"], anchor=anchor, body="Hola")
    assert error.value.messages == ["Elija una parte de esta versión para comentarla."]
    assert DraftComment.objects.count() == 0


@pytest.mark.parametrize("body", ["", "   ", "x" * 3001])
def test_an_empty_or_overlong_comment_is_refused(version, people, body):
    with pytest.raises(ValidationError):
        actions.comment_draft(version, by=people["citizen"], anchor="document", body=body)
    assert DraftComment.objects.count() == 0


def test_a_comment_of_3000_characters_is_kept_whole(version, people):
    comment = actions.comment_draft(
        version, by=people["citizen"], anchor="document", body="x" * 3000
    )
    assert len(comment.body) == 3000


def test_comments_are_rate_limited_per_person(version, people, settings):
    settings.PROPOSAL_COMMENT_RATE_LIMIT = 2
    for n in range(2):
        actions.comment_draft(version, by=people["citizen"], anchor="document", body=f"C{n}")
    with pytest.raises(ValidationError):
        actions.comment_draft(version, by=people["citizen"], anchor="document", body="C3")
    # another person's limit is their own
    actions.comment_draft(version, by=people["leader"], anchor="document", body="Otro")
    assert DraftComment.objects.count() == 3


def test_nothing_is_commented_or_answered_once_the_plan_is_published(version, people):
    comment = actions.comment_draft(version, by=people["citizen"], anchor="document", body="Hola")
    _publish(version.plan)
    version.plan = comment.plan = ActionPlan.objects.get(pk=version.plan_id)
    with pytest.raises(PermissionDenied):
        actions.comment_draft(version, by=people["citizen"], anchor="document", body="Otra")
    with pytest.raises(ValidationError):
        actions.answer_draft_comment(comment, by=people["secretary"], answer="Gracias.")
    comment.refresh_from_db()
    assert (DraftComment.objects.count(), comment.answer) == (1, "")


def test_a_final_version_takes_no_comments(version, people):
    from django.db import transaction

    with transaction.atomic():
        final = actions.issue(version.plan, by=None, note="", final=True)
    with pytest.raises(ValidationError):
        actions.comment_draft(final, by=people["citizen"], anchor="document", body="Hola")


def test_the_answer_is_stored_logged_told_and_editable(version, people):
    citizen, secretary = people["citizen"], people["secretary"]
    comment = actions.comment_draft(version, by=citizen, anchor="process", body="¿Y las mesas?")
    Notification.objects.all().delete()
    actions.answer_draft_comment(comment, by=secretary, answer="Se añadieron.")
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by) == ("Se añadieron.", secretary)
    first = comment.answered_at
    assert first is not None
    told = Notification.objects.filter(kind="publication.plan_draft_comment_answered")
    assert [(n.user.username, n.url) for n in told] == [
        ("citizen", _page(version.plan) + f"#comment-{comment.pk}")
    ]
    actions.answer_draft_comment(comment, by=secretary, answer="Se añadieron en la 0.2.")
    comment.refresh_from_db()
    assert comment.answer == "Se añadieron en la 0.2."
    logs = ActionLog.objects.filter(verb="publication.answer_draft_comment").order_by("id")
    assert [(log.actor, log.data) for log in logs] == [
        (secretary, {"comment": comment.pk, "version": "0.1"}),
        (secretary, {"comment": comment.pk, "version": "0.1"}),
    ]


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_answer_draft_comment_matrix(persona, version, people):
    """Ungated: the secretariat (and the superuser's administration) answer, whatever step is
    open; nobody else."""
    comment = actions.comment_draft(version, by=people["citizen"], anchor="document", body="Hola")
    _close()
    user = people[persona]
    allowed = persona in SECRETARIAT_POWERS
    assert user.has_perm("publication.answer_draft_comment", comment) is allowed
    if allowed:
        actions.answer_draft_comment(comment, by=user, answer="Gracias.")
        assert ActionLog.objects.filter(verb="publication.answer_draft_comment").count() == 1
    else:
        with pytest.raises(PermissionDenied):
            actions.answer_draft_comment(comment, by=user, answer="Gracias.")
        assert ActionLog.objects.filter(verb="publication.answer_draft_comment").count() == 0


# --- public pages ------------------------------------------------------------------------------


def _ready(version, language="es", fmt="pdf", data=b"%PDF-1.7 borrador"):
    file = DraftFile.objects.get(version=version, language=language, format=fmt)
    file.file.save(f"v-{language}.{fmt}", ContentFile(data), save=False)
    file.status = DraftFile.Status.READY
    file.save()
    return file


def test_the_list_shows_each_version_with_its_ready_files_and_comments(
    client, version, people, plan
):
    actions.comment_draft(version, by=people["citizen"], anchor="document", body="Hola")
    second = issued(plan, note="Con las respuestas.")
    _ready(version, "es", "pdf")
    _ready(version, "en", "docx")
    html = client.get(reverse("publication:drafts", args=[plan.slug])).content.decode()
    assert html.index('id="version-0.2"') < html.index('id="version-0.1"')
    assert "Primer borrador." in html and "Con las respuestas." in html
    assert "1 comentario" in html and "0 comentarios" in html
    assert (
        html.count(
            'href="' + reverse("publication:draft_file", args=[plan.slug, "0.1", "es", "pdf"])
        )
        == 1
    )
    assert (
        html.count(
            'href="' + reverse("publication:draft_file", args=[plan.slug, "0.1", "en", "docx"])
        )
        == 1
    )
    # the pending files are not linked
    assert reverse("publication:draft_file", args=[plan.slug, "0.1", "en", "pdf"]) not in html
    assert "/plan/drafts/0.2/es." not in html
    assert second.label == "0.2"


def test_a_ready_file_downloads_and_a_pending_one_is_404(client, version, plan):
    _ready(version, "es", "pdf")
    response = client.get(reverse("publication:draft_file", args=[plan.slug, "0.1", "es", "pdf"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 borrador"
    assert 'filename="panama-test-0.1-es.pdf"' in response["Content-Disposition"]
    for args in [
        ("0.1", "en", "pdf"),
        ("0.1", "es", "docx"),
        ("0.1", "es", "txt"),
        ("0.2", "es", "pdf"),
    ]:
        url = reverse("publication:draft_file", args=[plan.slug, *args])
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("label", ["0.2", "1.0", "abc", "0.1.1", "99999.1"])
def test_an_unknown_version_is_404(client, version, plan, label):
    assert client.get(_page(plan, label)).status_code == 404


def test_the_version_shows_each_part_with_its_comments_and_answers(client, version, people, plan):
    on_commitment = actions.comment_draft(
        version, by=people["citizen"], anchor="commitment:1", body="Precisen la meta."
    )
    actions.answer_draft_comment(on_commitment, by=people["secretary"], answer="Hecho en 0.2.")
    actions.comment_draft(version, by=people["leader"], anchor="document", body="Buen plan.")
    html = client.get(_page(plan)).content.decode()
    commitment_part = html[html.index('id="commitment:1"') : html.index('id="comments-document"')]
    assert "Precisen la meta." in commitment_part and "Hecho en 0.2." in commitment_part
    assert "<strong>Citizen</strong>" in commitment_part
    whole = html[html.index('id="comments-document"') :]
    assert "Buen plan." in whole and "<strong>Leader</strong>" in whole
    assert "citizen@example.org" not in html and "leader@example.org" not in html
    # anonymous, while comment is open: sign in to comment, no form
    assert 'id="sign-in"' in html and "/accounts/login/?next=" in html
    assert 'name="body"' not in html


def test_the_page_is_in_the_page_language_with_links_to_the_others(client, version, plan):
    spanish = client.get(_page(plan)).content.decode()
    assert 'class="plan-document" lang="es"' in spanish
    assert f'href="/en{_page(plan)}"' in spanish
    english = client.get("/en" + _page(plan)).content.decode()
    assert 'class="plan-document" lang="en"' in english
    assert "Open health data" in english


def test_a_language_the_version_lacks_falls_back_to_its_first(client, version, plan):
    frozen = dict(version.content)
    frozen["languages"] = ["es"]
    frozen["documents"] = {"es": frozen["documents"]["es"]}
    DraftVersion.objects.filter(pk=version.pk).update(content=frozen)
    english = client.get("/en" + _page(plan)).content.decode()
    assert 'class="plan-document" lang="es"' in english
    assert "Datos abiertos de salud" in english


def test_commenting_closed_says_why(client, version, people, plan):
    _close()
    client.force_login(people["citizen"])
    html = client.get(_page(plan)).content.decode()
    assert 'id="comment-closed"' in html and 'name="body"' not in html
    assert "no está abierta" in html
    _publish(plan)
    html = client.get(_page(plan)).content.decode()
    assert "El plan está publicado" in html


def test_a_registered_person_comments_through_the_page(client, version, people, plan):
    client.force_login(people["citizen"])
    html = client.get(_page(plan)).content.decode()
    # introduction, context, process, the commitment, the two annexes, the whole document
    assert html.count('name="body"') == 7
    assert 'id="queue-link"' not in html
    url = reverse("publication:draft_comment", args=[plan.slug, "0.1"])
    response = client.post(url, {"anchor": "section:context", "body": "Falta el contexto."})
    comment = DraftComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _page(plan) + f"#comment-{comment.pk}"
    assert (comment.anchor, comment.author) == ("section:context", people["citizen"])


def test_a_refused_comment_keeps_the_text_and_says_what_is_wrong(client, version, people, plan):
    client.force_login(people["citizen"])
    url = reverse("publication:draft_comment", args=[plan.slug, "0.1"])
    response = client.post(url, {"anchor": "commitment:1", "body": "x" * 3001})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and 'href="#body-commitment-1"' in html
    assert "x" * 3001 in html
    response = client.post(url, {"anchor": "commitment:9", "body": "Hola"})
    assert response.status_code == 400
    assert "Elija una parte de esta versión" in response.content.decode()
    assert DraftComment.objects.count() == 0


def test_an_anonymous_post_is_forbidden(client, version, plan):
    url = reverse("publication:draft_comment", args=[plan.slug, "0.1"])
    assert client.post(url, {"anchor": "document", "body": "Hola"}).status_code == 403
    assert DraftComment.objects.count() == 0


def _comments(version, count):
    authors = [UserFactory(username=f"vecino{n}", full_name=f"Vecino {n}") for n in range(count)]
    anchors = ["document", "commitment:1", "process", "section:introduction"]
    DraftComment.objects.bulk_create(
        DraftComment(
            plan_id=version.plan_id,
            version=version,
            anchor=anchors[n % 4],
            author=author,
            body=f"Comentario {n}",
            answer="Gracias." if n % 2 else "",
            answered_at=timezone.now() if n % 2 else None,
        )
        for n, author in enumerate(authors)
    )


def _steady(client, url) -> int:
    client.get(url)  # warm-up: the caches the pages keep
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["anonymous", "citizen", "secretary"])
def test_the_queries_do_not_grow_with_comments(client, plan, people, who):
    counts = {}
    for count in (2, 30):
        DraftComment.objects.all().delete()
        DraftVersion.objects.all().delete()
        version = issued(plan) if count == 30 else draft_plan(plan)
        if count == 2:
            public_comment_step(plan)
        _comments(version, count)
        if who != "anonymous":
            client.force_login(people[who])
        urls = [_page(plan, version.label), reverse("publication:drafts", args=[plan.slug])]
        if who == "secretary":
            urls.append(reverse("publication:draft_comments", args=[plan.slug]) + "?state=all")
        urls.append(reverse("public:reasoned_response", args=[plan.slug]))
        counts[count] = [_steady(client, url) for url in urls]
    assert counts[2] == counts[30]
    assert max(counts[30]) <= 16


# --- the secretariat's queue ---------------------------------------------------------------------


def _queue(plan, query=""):
    return reverse("publication:draft_comments", args=[plan.slug]) + query


def test_the_queue_lists_unanswered_first_then_the_oldest(client, version, people, plan):
    first = actions.comment_draft(version, by=people["citizen"], anchor="document", body="Uno")
    second = actions.comment_draft(version, by=people["leader"], anchor="process", body="Dos")
    third = actions.comment_draft(version, by=people["citizen"], anchor="commitment:1", body="Tres")
    actions.answer_draft_comment(first, by=people["secretary"], answer="Respondido.")
    later = issued(plan)
    fourth = actions.comment_draft(later, by=people["head"], anchor="document", body="Cuatro")
    client.force_login(people["secretary"])

    def order(query):
        html = client.get(_queue(plan, query)).content.decode()
        found = [
            (html.find(f'id="comment-{c.pk}"'), c.body) for c in (first, second, third, fourth)
        ]
        return [body for position, body in sorted(found) if position >= 0]

    assert order("") == ["Dos", "Tres", "Cuatro"]
    assert order("?state=all") == ["Dos", "Tres", "Cuatro", "Uno"]
    assert order("?state=answered") == ["Uno"]
    assert order("?state=all&version=0.2") == ["Cuatro"]
    assert order("?state=unanswered&version=0.1") == ["Dos", "Tres"]
    html = client.get(_page(plan)).content.decode()
    assert f'href="{_queue(plan, "?version=0.1")}"' in html  # from the version to its queue
    html = client.get(_queue(plan)).content.decode()
    assert "1. Datos abiertos de salud" in html  # the part's title
    assert "<li><strong>3</strong>" in html


@pytest.mark.parametrize("persona", ["citizen", "leader", "commissioner", "reviewer"])
def test_the_queue_is_the_secretariats(client, version, people, plan, persona):
    client.force_login(people[persona])
    assert client.get(_queue(plan)).status_code == 403
    client.logout()
    assert client.get(_queue(plan)).status_code == 302


def test_answering_from_the_queue_keeps_the_filters(client, version, people, plan):
    comment = actions.comment_draft(version, by=people["citizen"], anchor="document", body="Uno")
    client.force_login(people["secretary"])
    url = reverse("publication:draft_comment_answer", args=[plan.slug, comment.pk])
    response = client.post(
        url, {"answer": "Gracias.", "state": "all", "version": "0.1", "page": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == _queue(
        plan, f"?state=all&version=0.1&page=1#comment-{comment.pk}"
    )
    comment.refresh_from_db()
    assert comment.answer == "Gracias."
    response = client.post(url, {"answer": "", "state": "bogus"})
    assert response["Location"] == _queue(plan, f"?state=unanswered#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.answer == "Gracias."
    client.force_login(people["citizen"])
    assert client.post(url, {"answer": "Yo respondo."}).status_code == 403


def test_the_dashboard_and_the_inbox_count_what_awaits_an_answer(client, version, people, plan):
    actions.comment_draft(version, by=people["citizen"], anchor="document", body="Uno")
    answered = actions.comment_draft(version, by=people["leader"], anchor="document", body="Dos")
    actions.answer_draft_comment(answered, by=people["secretary"], answer="Gracias.")
    actions.comment_draft(version, by=people["head"], anchor="process", body="Tres")
    tasks = [t for t in tasks_for(people["secretary"], plan) if t.kind == "draft_comments"]
    assert [(t.count, t.url) for t in tasks] == [(2, _queue(plan))]
    assert [t for t in tasks_for(people["leader"], plan) if t.kind == "draft_comments"] == []
    client.force_login(people["secretary"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert 'id="draft-comment-counts"' in html and "2 esperan respuesta" in html
    client.force_login(people["leader"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert 'id="draft-comments-link"' not in html


# --- the reasoned response -----------------------------------------------------------------------


def _reasoned(version, people):
    first = actions.comment_draft(
        version, by=people["citizen"], anchor="commitment:1", body="Precisen la meta."
    )
    actions.answer_draft_comment(first, by=people["secretary"], answer="Hecho.")
    second = actions.comment_draft(version, by=people["leader"], anchor="document", body="=1+1")
    return first, second


def test_the_reasoned_response_lists_the_comments_on_the_draft(client, version, people, plan):
    first, second = _reasoned(version, people)
    html = client.get(reverse("public:reasoned_response", args=[plan.slug])).content.decode()
    section = html[html.index('id="draft-comments"') :]
    one = section[section.index(f'id="draft-comment-{first.pk}"') :]
    assert "Versión 0.1" in one and "1. Datos abiertos de salud" in one and "Hecho." in one
    two = section[section.index(f'id="draft-comment-{second.pk}"') :]
    assert "El documento en su conjunto" in two and "En espera de respuesta" in two
    assert "Citizen" not in section and "Leader" not in section  # no personal data


def test_the_draft_comments_csv(client, version, people, plan):
    first, second = _reasoned(version, people)
    url = reverse("public:reasoned_response_draft_comments_csv", args=[plan.slug])
    response = client.get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    today = timezone.localdate().isoformat()
    link = f"http://127.0.0.1:8000{_page(plan)}#comment-"
    assert rows == [
        [
            "Versión",
            "Parte",
            "Escrito",
            "Comentario",
            "Respuesta oficial",
            "Fecha de respuesta",
            "Enlace",
        ],
        [
            "0.1",
            "1. Datos abiertos de salud",
            today,
            "Precisen la meta.",
            "Hecho.",
            today,
            f"{link}{first.pk}",
        ],
        [
            "0.1",
            "El documento en su conjunto",
            today,
            "'=1+1",
            "En espera de respuesta",
            "",
            f"{link}{second.pk}",
        ],
    ]


def test_the_queue_and_the_version_speak_each_language(client, version, people, plan):
    actions.comment_draft(version, by=people["citizen"], anchor="document", body="Hola")
    queue, draft = _queue(plan), _page(plan)  # (an English request leaves English active)
    client.force_login(people["secretary"])
    spanish = client.get(queue).content.decode()
    assert ">Esperan respuesta</option>" in spanish and "Comentarios sobre el borrador" in spanish
    english = client.get("/en" + queue).content.decode()
    assert ">Awaiting an answer</option>" in english and "Comments on the draft plan" in english
    page = client.get("/en" + draft).content.decode()
    assert "Draft 0.1" in page and "Awaiting an answer" in page


def test_the_comments_of_a_version_come_in_pages_of_100(client, version, plan, settings):
    _comments(version, 103)
    first = client.get(_page(plan)).content.decode()
    assert first.count('<li id="comment-') == 100
    assert "Comentario 0<" in first and "Comentario 102<" not in first
    assert 'id="comment-pages"' in first and "?comments=2" in first
    second = client.get(_page(plan) + "?comments=2").content.decode()
    assert second.count('<li id="comment-') == 3
    assert "Comentario 102<" in second and "Comentario 0<" not in second
