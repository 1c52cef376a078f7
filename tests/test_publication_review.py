"""OGP's review rounds: opening one, the reviewers' comments (and commented DOCX), their
resolution, closing, the report and its publication; the pages, who sees what, and their query
counts."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.notifications.models import Notification
from cocrea.publication import actions
from cocrea.publication.models import ReviewRound, RoundComment

from .conftest import ALL_PERSONAS, SECRETARIAT_POWERS
from .factories_review import DUE, TODAY, docx_bytes, issued, open_round, review_step

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def english():
    """The actions' messages are asserted in English (the pages choose their own language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def step(plan, people):
    return review_step(plan)


@pytest.fixture
def version(plan, step):
    return issued(plan)


@pytest.fixture
def round_(plan, version):
    return open_round(plan, version)


def upload(data: bytes, name: str = "borrador-comentado.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=DOCX)


def stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- opening a round -----------------------------------------------------------------------------


def test_opening_a_round_numbers_it_logs_it_privately_and_tells_the_reviewers(
    plan, people, version
):
    found = actions.open_review_round(
        version, by=people["secretary"], due_on=DUE, message=" Revisen el borrador. ", today=TODAY
    )
    assert (found.number, found.status, found.due_on, found.message) == (
        1,
        "open",
        datetime.date(2017, 10, 6),
        "Revisen el borrador.",
    )
    assert found.opened_by == people["secretary"]
    log = ActionLog.objects.get(verb="publication.open_review_round")
    assert (log.actor, log.public, log.data) == (
        people["secretary"],
        False,
        {"round": 1, "version": "0.1", "due_on": "2017-10-06"},
    )
    told = Notification.objects.filter(kind="publication.review_round_opened")
    assert [n.user.username for n in told] == ["reviewer"]
    assert told.get().url == "/workspace/panama-test/plan/reviews/1/"


@pytest.mark.usefixtures("english")
def test_a_second_round_waits_until_the_first_is_closed(plan, people, round_):
    later = issued(plan)
    with pytest.raises(ValidationError) as refused:
        actions.open_review_round(later, by=people["secretary"], due_on=DUE, today=TODAY)
    assert refused.value.messages == [
        "A review round is already open: close it before opening another."
    ]
    actions.close_review_round(round_, by=people["secretary"])
    second = actions.open_review_round(later, by=people["secretary"], due_on=DUE, today=TODAY)
    assert (second.number, second.version.label) == (2, "0.2")


@pytest.mark.usefixtures("english")
def test_the_due_date_must_come_after_today_and_within_the_plans_dates(plan, people, version):
    with pytest.raises(ValidationError) as refused:
        actions.open_review_round(version, by=people["secretary"], due_on=TODAY, today=TODAY)
    assert refused.value.messages == ["The due date must be after today."]
    # the plan's dates: its period (2017-2019) and today's year, five years either side
    last = datetime.date(max(2019, datetime.date.today().year) + 5, 12, 31)
    with pytest.raises(ValidationError) as refused:
        actions.open_review_round(
            version, by=people["secretary"], due_on=last + datetime.timedelta(days=1), today=TODAY
        )
    assert refused.value.messages == [
        f"The due date must be between 2012-01-01 and {last.isoformat()}."
    ]
    assert not ReviewRound.objects.exists()


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_opens_a_round_while_the_review_is_open(
    plan, people, version, persona
):
    user = people[persona]
    if persona in SECRETARIAT_POWERS:
        actions.open_review_round(version, by=user, due_on=DUE, today=TODAY)
        assert ReviewRound.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            actions.open_review_round(version, by=user, due_on=DUE, today=TODAY)
        assert not ReviewRound.objects.exists()


# --- comments ------------------------------------------------------------------------------------


def test_a_reviewer_comments_on_a_commitment_and_the_secretariat_is_told(plan, people, round_):
    comment = actions.comment_review_round(
        round_, by=people["reviewer"], anchor="commitment:1", body="Precisar el hito 2."
    )
    assert (comment.anchor, comment.body, comment.status, comment.author) == (
        "commitment:1",
        "Precisar el hito 2.",
        "open",
        people["reviewer"],
    )
    log = ActionLog.objects.get(verb="publication.comment_review_round")
    assert (log.public, log.data) == (False, {"round": 1, "anchor": "commitment:1", "file": ""})
    told = Notification.objects.filter(kind="publication.review_comment_added")
    assert [n.user.username for n in told] == ["secretary"]


@pytest.mark.usefixtures("english")
def test_a_comment_needs_a_known_part_and_some_text(plan, people, round_):
    with pytest.raises(ValidationError) as refused:
        actions.comment_review_round(round_, by=people["reviewer"], anchor="commitment:9", body="X")
    assert refused.value.messages == ["Choose a part of the document."]
    with pytest.raises(ValidationError) as refused:
        actions.comment_review_round(round_, by=people["reviewer"], anchor="document", body="  ")
    assert refused.value.messages == ["Write a comment or attach the commented document."]
    assert not RoundComment.objects.exists()


def test_nobody_comments_once_the_round_is_closed(plan, people, round_):
    actions.close_review_round(round_, by=people["secretary"])
    with pytest.raises(PermissionDenied):
        actions.comment_review_round(round_, by=people["reviewer"], body="Tarde.")
    # the superuser's administration shortcut does not reopen it either
    with pytest.raises(ValidationError):
        actions.comment_review_round(round_, by=people["superuser"], body="Tarde.")
    assert not RoundComment.objects.exists()


def test_a_real_docx_is_stored_under_its_sanitised_name(plan, people, round_, settings):
    data = docx_bytes()
    comment = actions.comment_review_round(
        round_, by=people["reviewer"], attachment=upload(data, "../../Plan borrador (OGP).docx")
    )
    assert comment.attachment_name == "Plan_borrador_OGP.docx"
    assert comment.attachment.name == f"plans/{plan.pk}/reviews/1/Plan_borrador_OGP.docx"
    with comment.attachment.open("rb") as stored:
        assert stored.read() == data
    assert stored_files(settings) == ["Plan_borrador_OGP.docx"]


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


NOT_DOCX = "The file must be a Word document (.docx) with your comments."
NOT_DOCX_ES = "El archivo debe ser un documento de Word (.docx) con sus comentarios."


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Estos son mis comentarios, en texto plano.\n", NOT_DOCX),
        (_zip({"notes.txt": "no es un documento"}), NOT_DOCX),
        # a zip claiming the part without the package python-docx needs
        (_zip({"word/document.xml": "<w:document/>"}), NOT_DOCX),
        (
            b"PK\x03\x04" + b"\0" * (actions.REVIEW_ATTACHMENT_MAX_BYTES),
            "The file is too large: at most 10 MB.",
        ),
    ],
    ids=["renamed-text", "zip-without-document", "broken-package", "oversized"],
)
def test_anything_but_a_real_docx_is_refused_and_nothing_stored(
    plan, people, round_, settings, data, message
):
    with pytest.raises(ValidationError) as refused:
        actions.comment_review_round(round_, by=people["reviewer"], attachment=upload(data))
    assert refused.value.messages == [message]
    assert not RoundComment.objects.exists()
    assert stored_files(settings) == []


# --- resolving, closing, publishing --------------------------------------------------------------


@pytest.fixture
def comment(people, round_):
    return actions.comment_review_round(
        round_, by=people["reviewer"], anchor="commitment:1", body="Precisar el hito 2."
    )


def test_addressing_names_the_change_and_the_later_version_that_holds_it(plan, people, comment):
    later = issued(plan)
    actions.resolve_review_comment(
        comment,
        by=people["secretary"],
        status="addressed",
        resolution="El hito 2 indica fecha y producto.",
        addressed_in=later,
    )
    comment.refresh_from_db()
    assert (comment.status, comment.resolution, comment.addressed_in, comment.resolved_by) == (
        "addressed",
        "El hito 2 indica fecha y producto.",
        later,
        people["secretary"],
    )
    log = ActionLog.objects.get(verb="publication.resolve_review_comment")
    assert (log.public, log.data) == (
        False,
        {"round": 1, "status": "addressed", "addressed_in": "0.2"},
    )


@pytest.mark.usefixtures("english")
def test_a_resolution_needs_its_change_or_reason_and_a_later_version(plan, people, comment):
    secretary = people["secretary"]
    with pytest.raises(ValidationError) as refused:
        actions.resolve_review_comment(comment, by=secretary, status="addressed")
    assert refused.value.messages == ["Describe the change that addresses the comment."]
    with pytest.raises(ValidationError) as refused:
        actions.resolve_review_comment(comment, by=secretary, status="declined", resolution=" ")
    assert refused.value.messages == ["Give the reason for declining the comment."]
    with pytest.raises(ValidationError) as refused:
        actions.resolve_review_comment(
            comment,
            by=secretary,
            status="addressed",
            resolution="Hecho.",
            addressed_in=comment.round.version,
        )
    assert refused.value.messages == ["Choose a version issued after the one under review."]
    comment.refresh_from_db()
    assert (comment.status, comment.resolution) == ("open", "")


def test_a_declined_comment_reopened_loses_its_reason(plan, people, comment):
    secretary = people["secretary"]
    actions.resolve_review_comment(
        comment, by=secretary, status="declined", resolution="Fuera del alcance del plan."
    )
    actions.resolve_review_comment(comment, by=secretary, status="open")
    comment.refresh_from_db()
    assert (comment.status, comment.resolution, comment.resolved_at) == ("open", "", None)


def test_closing_and_publishing_the_report_are_logged_once(plan, people, round_):
    secretary = people["secretary"]
    actions.close_review_round(round_, by=secretary)
    with pytest.raises(PermissionDenied):  # closed: the rule asks an open round
        actions.close_review_round(round_, by=secretary)
    actions.publish_round_report(round_, by=secretary)
    with pytest.raises(ValidationError):
        actions.publish_round_report(round_, by=secretary)
    round_.refresh_from_db()
    assert round_.status == "closed" and round_.closed_at and round_.report_published_at
    assert list(
        ActionLog.objects.filter(plan=plan, verb__startswith="publication.")
        .values_list("verb", "public")
        .order_by("id")
    ) == [
        ("publication.open_review_round", False),
        ("publication.close_review_round", False),
        ("publication.publish_round_report", True),
    ]


# The ungated permissions of the round, for every persona: (permission, who holds it).
UNGATED = {
    "publication.view_review_round": {"secretary", "superuser", "reviewer"},
    "publication.resolve_review_comment": SECRETARIAT_POWERS,
    "publication.close_review_round": SECRETARIAT_POWERS,
    "publication.publish_round_report": SECRETARIAT_POWERS,
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_round_permissions_by_role(plan, people, comment, persona):
    from cocrea.publication import rules

    user = people[persona]
    found = {
        "publication.view_review_round": rules.can_view_review_round(user, comment.round),
        "publication.resolve_review_comment": rules.can_resolve_review_comment(user, comment),
        "publication.close_review_round": rules.can_close_review_round(user, comment.round),
        "publication.publish_round_report": rules.can_publish_round_report(user, comment.round),
    }
    assert found == {perm: persona in who for perm, who in UNGATED.items()}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_the_round_actions_by_role(plan, people, comment, persona):
    user = people[persona]
    allowed = persona in SECRETARIAT_POWERS
    acts = [
        lambda: actions.resolve_review_comment(
            comment, by=user, status="declined", resolution="No."
        ),
        lambda: actions.close_review_round(comment.round, by=user),
        lambda: actions.publish_round_report(comment.round, by=user),
    ]
    logged = ActionLog.objects.count()
    for act in acts:
        if allowed:
            act()
        else:
            with pytest.raises(PermissionDenied):
                act()
    assert ActionLog.objects.count() == logged + (3 if allowed else 0)


# --- the due-soon reminder -------------------------------------------------------------------


def test_the_reviewers_are_reminded_once_when_a_round_is_due_soon(plan, people, round_):
    assert actions.send_review_round_reminders(today=DUE - datetime.timedelta(days=4)) == 0
    assert actions.send_review_round_reminders(today=DUE - datetime.timedelta(days=3)) == 1
    assert actions.send_review_round_reminders(today=DUE - datetime.timedelta(days=2)) == 0
    told = Notification.objects.filter(kind="publication.review_round_due_soon")
    assert [n.user.username for n in told] == ["reviewer"]
    actions.close_review_round(round_, by=SYSTEM)
    assert actions.send_review_round_reminders(today=DUE - datetime.timedelta(days=1)) == 0


# --- pages ---------------------------------------------------------------------------------------


def _url(name, plan, *args):
    return reverse(f"publication:{name}", args=[plan.slug, *args])


def test_the_secretariat_confirms_before_a_round_opens(client, plan, people, version, settings):
    # the form bounds dates within the plan's dates (today's year +5): a due date after today
    due = datetime.date.today() + datetime.timedelta(days=14)
    client.force_login(people["secretary"])
    data = {"version": version.pk, "due_on": due.isoformat(), "message": "Revisen, por favor."}
    response = client.post(_url("reviews", plan), data)
    assert response.status_code == 200
    assert b'id="confirm-round"' in response.content
    assert not ReviewRound.objects.exists()
    response = client.post(_url("reviews", plan), {**data, "confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == _url("review_round", plan, 1)
    assert ReviewRound.objects.get().message == "Revisen, por favor."


def test_a_bad_due_date_is_shown_and_the_message_kept(client, plan, people, version):
    client.force_login(people["secretary"])
    data = {
        "version": version.pk,
        "due_on": "2017-01-01",
        "message": "Mi mensaje largo.",
        "confirm": "1",
    }
    response = client.post(_url("reviews", plan), data)
    assert response.status_code == 200
    assert "La fecha límite debe ser posterior a hoy." in response.content.decode()
    assert "Mi mensaje largo." in response.content.decode()
    assert not ReviewRound.objects.exists()


def test_the_reviewer_comments_on_a_part_through_the_page(client, plan, people, round_):
    client.force_login(people["reviewer"])
    page = client.get(_url("review_round", plan, 1))
    assert page.status_code == 200
    assert page.content.decode().count('name="anchor" value="commitment:1"') == 1
    response = client.post(
        _url("review_comment", plan, 1), {"anchor": "commitment:1", "body": "Precisar el hito 2."}
    )
    assert response.status_code == 302
    assert response["Location"] == _url("review_round", plan, 1) + "#commitment:1"
    assert RoundComment.objects.get().body == "Precisar el hito 2."


def test_a_refused_upload_shows_the_reason_and_keeps_the_comment(client, plan, people, round_):
    client.force_login(people["reviewer"])
    response = client.post(
        _url("review_comment", plan, 1),
        {
            "anchor": "document",
            "body": "Ver adjunto.",
            "attachment": upload(b"texto", "notas.docx"),
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert NOT_DOCX_ES in text and "Ver adjunto." in text
    assert not RoundComment.objects.exists()


def test_the_uploaded_file_downloads_for_the_round_only(client, plan, people, round_):
    # Made once: a DOCX holds the time it was written (two files made a second apart differ).
    data = docx_bytes()
    comment = actions.comment_review_round(
        round_, by=people["reviewer"], attachment=upload(data, "comentarios.docx")
    )
    url = _url("review_file", plan, 1, comment.pk)
    for persona, status in [
        ("secretary", 200),
        ("reviewer", 200),
        ("citizen", 403),
        ("leader", 403),
    ]:
        client.force_login(people[persona])
        response = client.get(url)
        assert response.status_code == status, persona
        if status == 200:
            assert response["Content-Disposition"] == 'attachment; filename="comentarios.docx"'
            assert b"".join(response.streaming_content) == data
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_secretariat_addresses_a_comment_through_the_page(client, plan, people, comment):
    later = issued(plan)
    client.force_login(people["secretary"])
    prefix = f"c{comment.pk}-"
    response = client.post(
        _url("review_resolve", plan, 1, comment.pk),
        {
            prefix + "status": "addressed",
            prefix + "resolution": "",
            prefix + "addressed_in": later.pk,
        },
    )
    assert response.status_code == 400
    assert "Describa el cambio que atiende el comentario." in response.content.decode()
    response = client.post(
        _url("review_resolve", plan, 1, comment.pk),
        {
            prefix + "status": "addressed",
            prefix + "resolution": "Hito 2 con fecha.",
            prefix + "addressed_in": later.pk,
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.addressed_in) == ("addressed", later)
    report = client.get("/en" + _url("review_report", plan, 1)).content.decode()
    assert "Open: 0 · Addressed: 1 · Declined: 0" in report
    assert "Hito 2 con fecha." in report


def test_the_report_downloads_as_csv(client, plan, people, comment):
    actions.resolve_review_comment(
        comment, by=people["secretary"], status="declined", resolution="Fuera del alcance."
    )
    client.force_login(people["secretary"])
    response = client.get("/en" + _url("review_report", plan, 1) + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    title = comment.round.version.document("en")["axes"][0]["commitments"][0]["title"]
    day = comment.created_at.date().isoformat()
    assert lines == [
        "Number,Part,Comment,File,Status,Resolution,Addressed in version,Date",
        f"1,1. {title},Precisar el hito 2.,,Declined,Fuera del alcance.,,{day}",
    ]


def test_nothing_of_a_round_is_public_before_its_report(client, plan, people, comment, settings):
    actions.comment_review_round(
        comment.round, by=people["reviewer"], attachment=upload(docx_bytes(), "comentarios.docx")
    )
    public = _url("public_review_report", plan, 1)
    assert client.get(public).status_code == 404
    for name, args in [("reviews", ()), ("review_round", (1,)), ("review_report", (1,))]:
        client.force_login(people["citizen"])
        assert client.get(_url(name, plan, *args)).status_code == 403, name
        client.logout()
        assert client.get(_url(name, plan, *args)).status_code == 302, name
    actions.publish_round_report(comment.round, by=people["secretary"])
    response = client.get("/en" + public)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Precisar el hito 2." in text
    assert "Open: 2 · Addressed: 0 · Declined: 0" in text
    # no files, no reviewers' names or addresses
    assert "comentarios.docx" not in text and "/file/" not in text
    assert people["reviewer"].email not in text
    assert people["reviewer"].display_name not in text


def _comments(round_, reviewer, count):
    RoundComment.objects.bulk_create(
        RoundComment(plan=round_.plan, round=round_, anchor=anchor, author=reviewer, body=f"C{n}")
        for n in range(count)
        for anchor in [("commitment:1", "document", "process")[n % 3]]
    )


@pytest.mark.parametrize(
    ("persona", "name"),
    [("secretary", "review_round"), ("reviewer", "review_round"), ("secretary", "review_report")],
)
def test_the_round_pages_cost_the_same_with_2_and_30_comments(
    client, plan, people, round_, persona, name, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people[persona])
    url = _url(name, plan, 1)
    counts = []
    for count in (2, 28):
        _comments(round_, people["reviewer"], count)
        client.get(url)  # warm-up: the pages' caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[0]):
        client.get(url)


def test_the_rounds_list_costs_the_same_with_2_and_30_rounds(client, plan, people, round_):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ReviewRound.objects.filter(pk=round_.pk).update(status="closed")
    client.force_login(people["secretary"])
    url = _url("reviews", plan)
    counts = []
    for first, last in ((2, 3), (3, 31)):
        ReviewRound.objects.bulk_create(
            ReviewRound(plan=plan, version=round_.version, number=n, due_on=DUE, status="closed")
            for n in range(first, last)
        )
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert response.content.decode().count('<th scope="row"><a href=') == 20  # a page of 20
    assert counts[0] == counts[1]


def test_the_public_report_costs_the_same_with_2_and_30_comments(client, plan, people, round_):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    actions.publish_round_report(round_, by=SYSTEM)
    url = _url("public_review_report", plan, 1)
    counts = []
    for count in (2, 28):
        _comments(round_, people["reviewer"], count)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- the task inbox and the dashboard ------------------------------------------------------------


def test_the_inbox_asks_reviewers_for_comments_and_the_secretariat_to_resolve_them(
    plan, people, round_
):
    from cocrea.workspace.tasks import tasks_for

    def titles(persona):
        with translation.override("es"):
            tasks = tasks_for(people[persona], plan)
        return [t.title for t in tasks if t.kind.startswith("review")]

    ReviewRound.objects.filter(pk=round_.pk).update(due_on=datetime.date.today())
    assert titles("reviewer") == ["Comentarios pendientes en la ronda de revisión 1 (versión 0.1)"]
    assert titles("secretary") == []
    _comments(round_, people["reviewer"], 2)
    assert titles("secretary") == ["2 comentarios de revisión abiertos por resolver en la ronda 1"]
    assert titles("citizen") == titles("leader") == []
    # past its due date, or closed, the round asks nothing more of the reviewers
    ReviewRound.objects.filter(pk=round_.pk).update(
        due_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert titles("reviewer") == []


def test_the_dashboard_links_the_rounds_for_the_secretariat_and_reviewers(
    client, plan, people, step
):
    for persona, shown in [("secretary", True), ("reviewer", True), ("leader", False)]:
        client.force_login(people[persona])
        response = client.get(reverse("workspace:plan", args=[plan.slug]))
        assert (b'id="reviews-link"' in response.content) is shown, persona


def test_a_published_report_is_in_the_sitemap_and_an_unpublished_one_is_not(client, plan, round_):
    url = _url("public_review_report", plan, 1)
    assert url not in client.get("/sitemap-reviews.xml").content.decode()
    actions.publish_round_report(round_, by=SYSTEM)
    assert f"http://testserver{url}" in client.get("/sitemap-reviews.xml").content.decode()


# --- reviewer accounts ---------------------------------------------------------------------------


def test_an_invited_ogp_reviewer_sees_the_plan_and_its_round(client, plan, people, round_):
    from cocrea.plans import actions as plan_actions
    from cocrea.plans.models import Role

    client.force_login(people["secretary"])
    form = client.get(reverse("workspace:people", args=[plan.slug])).content.decode()
    assert 'value="ogp_reviewer"' in form
    role = plan_actions.invite_to_role(
        plan, by=people["secretary"], email="laura.bennett@example.org", role=Role.OGP_REVIEWER
    )
    client.force_login(role.user)
    # their only plan: the workspace's home opens it, with the link to the rounds
    home = client.get(reverse("workspace:home"))
    assert home["Location"] == reverse("workspace:plan", args=[plan.slug])
    assert b'id="reviews-link"' in client.get(home["Location"]).content
    assert client.get(_url("reviews", plan)).status_code == 200
    page = client.get(_url("review_round", plan, 1))
    assert page.status_code == 200
    assert b'id="upload-form"' in page.content
