"""The pages of steps 9 and 10 and of the public debate: the table's discussion of its drafts,
assigning responsible institutions, the reviews list and form, public comments with official
answers and moderation, and the public list with review outcomes."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans.actions import close_step
from cocrea.plans.models import Role, Step
from cocrea.proposals import actions
from cocrea.proposals.models import (
    Counterproposal,
    DraftComment,
    Proposal,
    PublicComment,
    ResponsibleInstitution,
    ReviewDelegate,
    ViabilityReview,
)

from .factories import DEMO_CAPABILITIES, OrganisationFactory, StepFactory, UserFactory
from .factories_participation import TableFactory
from .test_proposals import COMPLETE, SLOTS, fill_set, seat

DUE = datetime.date(2017, 8, 4)


@pytest.fixture
def ministry(db):
    return OrganisationFactory(
        name_es="Ministerio de Salud",
        name_en="Ministry of Health",
        acronym="MINSA",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
    )


@pytest.fixture
def table(plan, people):
    StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


def _open(plan, key, number):
    step, _created = Step.objects.get_or_create(
        plan=plan,
        key=key,
        defaults={
            "number": number,
            "title_es": key,
            "planned_end": DUE,
            "capabilities": DEMO_CAPABILITIES[key],
        },
    )
    Step.objects.filter(plan=plan).exclude(pk=step.pk).update(status=Step.Status.CLOSED)
    Step.objects.filter(pk=step.pk).update(status=Step.Status.OPEN)
    return step


@pytest.fixture
def submitted(plan, table):
    fill_set(table)
    actions.submit_set(table, table.axes.get(), by=SYSTEM)
    return list(Proposal.objects.filter(working_table=table).order_by("id"))


@pytest.fixture
def assigning(plan, submitted):
    _open(plan, "viability-review", 10)  # exists (closed) for its planned end
    return _open(plan, "responsibles-and-objectives", 9)


@pytest.fixture
def reviewing(plan, submitted, ministry, people):
    _open(plan, "responsibles-and-objectives", 9)
    for proposal in submitted:
        actions.assign_institutions(
            proposal, by=SYSTEM, lead=ministry, objectives_es="Publicar datos.", due_on=DUE
        )
    plan.roles.filter(user=people["head"], role=Role.HEAD_OF_INSTITUTION).update(
        organisation=ministry
    )
    return _open(plan, "viability-review", 10)


# --- the table's discussion -------------------------------------------------------------------


def test_members_discuss_a_draft_on_its_history_page(client, plan, table, people):
    actions.save_proposal(
        table, table.axes.get(), "commitment_1", by=people["leader"], title_es="Uno"
    )
    url = reverse("proposals:history", args=[plan.slug, 1, "commitment_1"])
    client.force_login(people["participant"])
    response = client.post(url, {"body": "Falta el problema."})
    assert response.status_code == 302
    assert response["Location"] == url + "?axis=1#discussion"
    page = client.get(url).content.decode()
    assert "Falta el problema." in page
    assert [c.body for c in DraftComment.objects.all()] == ["Falta el problema."]


def test_blank_draft_comment_is_refused_on_the_page(client, plan, table, people):
    actions.save_proposal(
        table, table.axes.get(), "commitment_1", by=people["leader"], title_es="Uno"
    )
    client.force_login(people["participant"])
    url = reverse("proposals:history", args=[plan.slug, 1, "commitment_1"])
    assert client.post(url, {"body": "   "}).status_code == 400
    assert DraftComment.objects.count() == 0


def test_draft_discussion_is_not_shown_outside_the_table(client, plan, table, people):
    actions.save_proposal(
        table, table.axes.get(), "commitment_1", by=people["leader"], title_es="Uno"
    )
    proposal = Proposal.objects.get()
    actions.comment_draft(proposal, by=people["participant"], body="Solo para la mesa.")
    client.force_login(people["citizen"])
    url = reverse("proposals:history", args=[plan.slug, 1, "commitment_1"])
    assert client.get(url).status_code == 403


# --- responsible institutions -----------------------------------------------------------------


def test_secretariat_assigns_institutions_and_objectives(
    client, plan, assigning, submitted, ministry, people
):
    ngo = OrganisationFactory(name_es="Fundación Libertad Ciudadana")
    proposal = submitted[0]
    client.force_login(people["secretary"])
    url = reverse("proposals:assign", args=[plan.slug, proposal.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "lead": ministry.pk,
            "others": [ngo.pk],
            "objectives_es": "Publicar los datos de salud.",
            "objectives_en": "Publish health data.",
            "due_on": "",
        },
    )
    assert response.status_code == 302
    rows = list(
        ResponsibleInstitution.objects.filter(proposal=proposal).values_list(
            "organisation__acronym", "organisation__name", "is_lead"
        )
    )
    assert rows == [("MINSA", "Ministerio de Salud", True), ("", ngo.name, False)]
    review = ViabilityReview.objects.get(proposal=proposal)
    assert (review.institution, review.due_on, review.outcome) == (ministry, DUE, "pending")
    client.logout()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Publicar los datos de salud." in page
    assert "Ministerio de Salud" in page and ngo.name in page


def test_assign_form_keeps_input_and_explains_a_refused_lead(
    client, plan, assigning, submitted, people
):
    ngo = OrganisationFactory(kind=Organisation.Kind.CIVIL_SOCIETY)
    client.force_login(people["leader"])
    url = reverse("proposals:assign", args=[plan.slug, submitted[0].pk])
    response = client.post(url, {"lead": ngo.pk, "objectives_es": "Objetivo escrito."})
    assert response.status_code == 400
    assert "Objetivo escrito." in response.content.decode()
    assert not ResponsibleInstitution.objects.exists()


def test_assignments_page_lists_what_each_person_may_assign(
    client, plan, assigning, submitted, people
):
    other = TableFactory(plan=plan, number=2)
    fill_set(other)
    actions.submit_set(other, other.axes.get(), by=SYSTEM)
    url = reverse("proposals:assignments", args=[plan.slug])
    client.force_login(people["secretary"])
    assert len(client.get(url).context["rows"]) == 6
    client.force_login(people["leader"])
    rows = client.get(url).context["rows"]
    assert [(p.working_table.number, allowed) for p, allowed in rows] == [(1, True)] * 3
    client.force_login(people["citizen"])
    assert client.get(url).status_code == 403


def test_assignments_page_links_the_reviews_only_for_who_may_open_them(
    client, plan, assigning, submitted, people
):
    url = reverse("proposals:assignments", args=[plan.slug])
    reviews = reverse("proposals:reviews", args=[plan.slug])
    for persona, shown in (("secretary", True), ("leader", False)):
        client.force_login(people[persona])
        assert (f'href="{reviews}"' in client.get(url).content.decode()) is shown, persona
        assert (client.get(reviews).status_code == 200) is shown, persona


# --- reviews ----------------------------------------------------------------------------------


def _counter_post(**overrides):
    data = {f"counter-{key}": value for key, value in COMPLETE.items() if key != "ogp_values"}
    data["counter-title_es"] = "Contrapropuesta: tablero de datos de salud"
    data["counter-ogp_values"] = ["access_to_information"]
    data.update(overrides)
    return data


def test_head_marks_not_viable_with_reasons_and_counterproposal(
    client, plan, reviewing, submitted, people
):
    review = submitted[0].review
    client.force_login(people["head"])
    url = reverse("proposals:review", args=[plan.slug, review.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"outcome": "not_viable", "reasons_es": "No hay presupuesto.", **_counter_post()},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.outcome, review.reasons_es) == ("not_viable", "No hay presupuesto.")
    counter = Counterproposal.objects.get(review=review)
    assert counter.title_es == "Contrapropuesta: tablero de datos de salud"
    page = client.get(submitted[0].get_absolute_url()).content.decode()
    assert "No hay presupuesto." in page
    assert "Contrapropuesta: tablero de datos de salud" in page


def test_review_form_refuses_not_viable_without_counterproposal(
    client, plan, reviewing, submitted, people
):
    review = submitted[0].review
    client.force_login(people["head"])
    url = reverse("proposals:review", args=[plan.slug, review.pk])
    response = client.post(url, {"outcome": "not_viable", "reasons_es": "Sin fondos."})
    assert response.status_code == 400
    assert "requiere una contrapropuesta" in response.content.decode()
    assert "Sin fondos." in response.content.decode()  # nothing typed is lost
    review.refresh_from_db()
    assert review.outcome == "pending"
    assert not Counterproposal.objects.exists()


def test_review_form_refuses_a_counterproposal_without_reasons(
    client, plan, reviewing, submitted, people
):
    review = submitted[0].review
    client.force_login(people["head"])
    url = reverse("proposals:review", args=[plan.slug, review.pk])
    response = client.post(url, {"outcome": "not_viable", **_counter_post()})
    assert response.status_code == 400
    assert "requiere las razones" in response.content.decode()
    assert not Counterproposal.objects.exists()


def test_head_of_another_institution_cannot_review(client, plan, reviewing, submitted):
    stranger = UserFactory()
    other = OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION)
    plan.roles.create(user=stranger, role=Role.HEAD_OF_INSTITUTION, organisation=other)
    client.force_login(stranger)
    review = submitted[0].review
    url = reverse("proposals:review", args=[plan.slug, review.pk])
    assert client.post(url, {"outcome": "viable"}).status_code == 403
    reviews = client.get(reverse("proposals:reviews", args=[plan.slug])).context["page"]
    assert list(reviews) == []


def test_reviews_page_shows_secretariat_the_overdue_and_sends_a_reminder(
    client, plan, reviewing, submitted, people, mailoutbox, django_capture_on_commit_callbacks
):
    people["head"].email = "jefe@minsa.gob.pa"
    people["head"].save()
    actions.review_proposal(submitted[1].review, by=people["head"], outcome="viable")
    client.force_login(people["secretary"])
    url = reverse("proposals:reviews", args=[plan.slug])
    response = client.get(url + "?state=overdue")
    assert [r.proposal for r in response.context["page"]] == [submitted[0], submitted[2]]
    counts = response.context["counts"]
    assert (counts["pending"], counts["overdue"], counts["viable"]) == (2, 2, 1)
    review = submitted[0].review
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("proposals:remind", args=[plan.slug, review.pk]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["jefe@minsa.gob.pa"]]
    assert review.proposal.title in mailoutbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("proposals:remind", args=[plan.slug, review.pk]))
    assert len(mailoutbox) == 1


def test_reviews_are_not_overdue_once_the_review_step_is_closed(client, plan, reviewing, people):
    client.force_login(people["secretary"])
    url = reverse("proposals:reviews", args=[plan.slug])
    html = client.get("/en" + url).content.decode()
    assert html.count(">Overdue</span>") == 3
    # Through the action, as the workspace closes it: the write moves the plan's revisions, which
    # key the page's kept rows.
    close_step(reviewing, by=people["secretary"])
    response = client.get("/en" + url + "?state=overdue")
    assert list(response.context["page"]) == []
    assert response.context["counts"]["overdue"] == 0
    html = client.get("/en" + url).content.decode()
    assert ">Overdue</span>" not in html and "Send a reminder" not in html


def test_head_names_a_delegate_who_then_reviews(
    client,
    plan,
    reviewing,
    submitted,
    ministry,
    people,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    delegate = UserFactory(email="delegada@minsa.gob.pa", full_name="Delegada")
    client.force_login(people["head"])
    url = reverse("proposals:reviews", args=[plan.slug])
    response = client.post(url, {"institution": ministry.pk, "email": "nadie@example.org"})
    assert response.status_code == 400
    assert "Ninguna cuenta activa tiene este correo" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"institution": ministry.pk, "email": "DELEGADA@minsa.gob.pa"})
    assert response.status_code == 302
    assert ReviewDelegate.objects.get().user == delegate
    assert [m.to for m in mailoutbox] == [["delegada@minsa.gob.pa"]]
    client.force_login(delegate)
    assert len(client.get(url).context["page"]) == 3
    review_url = reverse("proposals:review", args=[plan.slug, submitted[2].review.pk])
    response = client.post(
        review_url, {"outcome": "viable_with_changes", "changes_es": "Ajustar plazos."}
    )
    assert response.status_code == 302
    submitted[2].review.refresh_from_db()
    assert submitted[2].review.reviewed_by == delegate


# --- public comments ----------------------------------------------------------------------------


def test_anonymous_visitor_is_invited_to_log_in_and_gets_no_form(client, submitted):
    page = client.get(submitted[0].get_absolute_url()).content.decode()
    assert "Inicie sesión para comentar" in page
    assert 'id="comment-form"' not in page


def test_registered_person_comments_and_table_leader_answers(client, submitted, people):
    proposal = submitted[0]
    client.force_login(people["citizen"])
    url = reverse("proposals:comment", args=[proposal.plan.slug, proposal.pk])
    assert client.post(url, {"body": "¿Incluye datos por provincia?"}).status_code == 302
    comment = PublicComment.objects.get()
    assert (comment.author_name, comment.body) == ("Citizen", "¿Incluye datos por provincia?")
    client.force_login(people["leader"])
    answer_url = reverse("proposals:answer", args=[proposal.plan.slug, proposal.pk, comment.pk])
    assert client.post(answer_url, {"answer": "Sí, por provincia."}).status_code == 302
    client.logout()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "¿Incluye datos por provincia?" in page
    assert "Sí, por provincia." in page
    assert PublicComment.objects.get().answered_by_name == "Leader (1. Mesa 1)"
    assert "Leader (1. Mesa 1)" in page


def test_citizen_cannot_answer_or_hide(client, submitted, people):
    proposal = submitted[0]
    comment = actions.comment_proposal(proposal, by=people["citizen"], body="Comentario.")
    client.force_login(people["citizen"])
    slug = proposal.plan.slug
    answer = reverse("proposals:answer", args=[slug, proposal.pk, comment.pk])
    hide = reverse("proposals:hide", args=[slug, proposal.pk, comment.pk])
    assert client.post(answer, {"answer": "Yo respondo."}).status_code == 403
    assert client.post(hide, {"reason": "No me gusta."}).status_code == 403
    comment.refresh_from_db()
    assert (comment.answer, comment.hidden_at) == ("", None)


def test_moderator_hides_a_comment_with_a_public_reason(client, submitted, people):
    proposal = submitted[0]
    comment = actions.comment_proposal(proposal, by=people["citizen"], body="Llamen al 6000-0000")
    client.force_login(people["secretary"])
    hide = reverse("proposals:hide", args=[proposal.plan.slug, proposal.pk, comment.pk])
    assert client.post(hide, {"reason": ""}).status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is None  # a reason is required
    client.post(hide, {"reason": "Contenía datos personales."})
    client.logout()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "6000-0000" not in page
    assert "Comentario ocultado por la moderación: Contenía datos personales." in page


def test_comment_on_a_draft_is_not_found(client, plan, table, people):
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, **COMPLETE)
    proposal = Proposal.objects.get()
    client.force_login(people["citizen"])
    url = reverse("proposals:comment", args=[plan.slug, proposal.pk])
    assert client.post(url, {"body": "Hola"}).status_code == 404


# --- public list ---------------------------------------------------------------------------------


def test_public_list_filters_by_review_outcome_and_title(
    client, plan, reviewing, submitted, people
):
    actions.review_proposal(submitted[1].review, by=people["head"], outcome="viable")
    url = reverse("proposals:list", args=[plan.slug])
    found = client.get(url + "?outcome=viable").context["page"]
    assert [p.pk for p in found] == [submitted[1].pk]
    found = client.get(url + "?outcome=pending").context["page"]
    assert [p.pk for p in found] == [submitted[0].pk, submitted[2].pk]
    assert list(client.get(url + "?q=nada-parecido").context["page"]) == []
    assert len(client.get(url + "?q=datos abiertos").context["page"]) == 3


def _many(plan, ministry, start, stop, tables):
    for i in range(start, stop):
        table = tables[i // 3]
        proposal = Proposal.objects.create(
            plan=plan,
            working_table=table,
            axis=table.axes.get(),
            slot=SLOTS[i % 3],
            status=Proposal.Status.SUBMITTED,
            title_es=f"Propuesta {i}",
        )
        ResponsibleInstitution.objects.create(
            proposal=proposal, organisation=ministry, is_lead=True
        )
        ViabilityReview.objects.create(proposal=proposal, institution=ministry, due_on=DUE)


@pytest.mark.parametrize("name", ["proposals:list", "proposals:assignments", "proposals:reviews"])
def test_proposal_lists_keep_their_queries_with_10_and_300_proposals(
    client, plan, people, ministry, name, django_assert_max_num_queries
):
    tables = [TableFactory(plan=plan, number=n) for n in range(1, 101)]
    client.force_login(people["secretary"])
    url = reverse(name, args=[plan.slug])
    _many(plan, ministry, 0, 10, tables)
    client.get(url)  # warm per-process caches
    cache.clear()
    with CaptureQueriesContext(connection) as with_10:
        assert len(client.get(url).context["page"]) == 10
    _many(plan, ministry, 10, 300, tables)
    cache.clear()
    with django_assert_max_num_queries(len(with_10)):
        response = client.get(url + "?page=2")
    assert len(response.context["page"]) == (20 if name == "proposals:list" else 50)


# --- the public list, signed in ------------------------------------------------------------------


def test_the_signed_in_list_reuses_its_fragment_until_the_plan_changes(
    client, plan, submitted, ministry, people
):
    """The list is the same for everyone: a signed-in visit renders it once per plan revision,
    language and query string, and shows a write in the plan at once."""
    client.force_login(people["citizen"])
    url = reverse("proposals:list", args=[plan.slug])

    def visit(query=""):
        response = client.get(url + query)
        assert response.status_code == 200
        rendered = "proposals/_outcome.html" in [t.name for t in response.templates]
        page = response.content.decode()
        start = page.index('id="proposals"')
        return rendered, page[start : page.index("</ul>", start)]

    rendered, first = visit()
    assert (rendered, submitted[0].title in first) == (True, True)
    rendered, again = visit()
    assert (rendered, again == first) == (False, True)
    assert visit("?table=1")[0] is True
    assert visit("?table=1&page=1")[0] is True  # its links keep the query string as it came
    _open(plan, "responsibles-and-objectives", 9)
    actions.assign_institutions(
        submitted[0], by=SYSTEM, lead=ministry, objectives_es="Publicar datos.", due_on=DUE
    )
    rendered, after = visit()
    assert (rendered, f"Institución líder: {ministry}" in after) == (True, True)


def test_the_signed_in_proposal_page_reuses_its_fields_and_history(
    client, plan, submitted, ministry, people
):
    """The proposal's fields and its history are the same for everyone: a signed-in visit
    renders them once per plan revision (the history once per comparison asked for); the
    comments and their forms are the person's, rendered every time."""
    client.force_login(people["citizen"])
    proposal = submitted[0]
    url = reverse("proposals:detail", args=[plan.slug, proposal.pk])

    def rendered(query=""):
        response = client.get(url + query)
        assert response.status_code == 200
        names = [t.name for t in response.templates]
        return (
            "proposals/_fields.html" in names,
            "proposals/_history.html" in names,
            'id="institutions"' in response.content.decode(),
            'name="body"' in response.content.decode(),  # the person's comment form
        )

    assert rendered() == (True, True, True, True)
    assert rendered() == (False, False, True, True)
    assert rendered("?from=1&to=1") == (False, True, True, True)
    _open(plan, "responsibles-and-objectives", 9)
    actions.assign_institutions(
        proposal, by=SYSTEM, lead=ministry, objectives_es="Publicar datos.", due_on=DUE
    )
    assert rendered() == (True, True, True, True)
    assert "Publicar datos." in client.get(url).content.decode()
