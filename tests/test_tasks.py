"""The personal task inbox ("My tasks") and the queue of public comments, on the demo's live
cycle (drafting open today): what each person sees, that doing the task takes it off the list,
that the inbox costs the same number of queries with few tasks or many, and who may open the
queue of comments, in which order, with which filters."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocrea.core.actions import SYSTEM
from cocrea.demo import live_data
from cocrea.demo.events import load_events_demo
from cocrea.demo.live import load_live_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo
from cocrea.events import actions as event_actions
from cocrea.events.models import Event
from cocrea.organisations.models import Organisation
from cocrea.participation import actions as participation_actions
from cocrea.participation.models import Invitation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import ActionPlan, Role
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import (
    Proposal,
    PublicComment,
    ReviewDelegate,
    ViabilityReview,
    slot_names,
)
from cocrea.workspace.queries import plans_for_user
from cocrea.workspace.tasks import Task, tasks_for

from .factories import UserFactory
from .factories_events import EventFactory, in_days

# Everything the OGP 2022 template requires of a proposal, in Spanish (the plan's language).
COMPLETE = {
    "title_es": "Propuesta completa",
    "brief_description_es": "Descripción breve.",
    "start_date": datetime.date(2027, 1, 1),
    "end_date": datetime.date(2028, 12, 31),
    "problem_es": "El problema.",
    "causes_es": "Sus causas.",
    "solution_es": "La solución.",
    "results_es": "Los resultados.",
    "contact_name": "Oficina de Gobierno Abierto",
    "contact_email": "gobierno.abierto@example.org",
}
TABLE_1 = "1. Transparency table"
AXIS_1 = "1. Transparency and access to information"


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        historic, _created = load_demo()
        load_participation_demo(historic)
        load_events_demo(historic)
        load_proposals_demo(historic)
        # The live cycle as it stood while its tables drafted.
        live, _created = load_live_demo(until="drafting")
        yield live.pk
        transaction.set_rollback(True)


@pytest.fixture
def live(_loaded, db):
    return ActionPlan.objects.get(pk=_loaded)


def person(username):
    return get_user_model().objects.get(username=username)


def listed(user, plan) -> list[tuple]:
    """(kind, title, detail) of each task of `user` in `plan`, in English, in order."""
    user = person(user) if isinstance(user, str) else user
    user = get_user_model().objects.get(pk=user.pk)  # a fresh permission context
    with translation.override("en"):
        return [(task.kind, task.title, task.detail) for task in tasks_for(user, plan)]


def step_enabling(plan, capability):
    return next(step for step in plan.steps.order_by("number") if capability in step.capabilities)


def open_capability(plan, capability):
    plan_actions.open_step(step_enabling(plan, capability), by=person("secretaria"))


def submit_complete_set(plan, table_number, axis_number, by):
    """Fill every slot of the table's set for the axis, then submit it: its proposals."""
    table = plan.tables.get(number=table_number)
    axis = plan.axes.get(number=axis_number)
    for slot in slot_names(plan):
        proposal_actions.save_proposal(
            table, axis, slot, by=by, milestones=live_data.DRAFT_MILESTONES, **COMPLETE
        )
    return proposal_actions.submit_set(table, axis, by=by)


def comment_on(proposal, body, *, days_ago=0, author=None):
    """A public comment written `days_ago` days ago."""
    comment = PublicComment.objects.create(
        proposal=proposal, author=author, author_name="Vecina", body=body
    )
    created = timezone.now() - datetime.timedelta(days=days_ago)
    PublicComment.objects.filter(pk=comment.pk).update(created_at=created)
    comment.created_at = created
    return comment


def queries_of(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


# --- what each person of the live cycle sees ------------------------------------------------------


def _set(table, axis, missing):
    return ("set", f"Submit the proposals of {table} for the axis {axis}", f"{missing}")


EXPECTED = {
    # The secretariat sits at no table; nothing else waits in the live cycle yet.
    "secretaria": [],
    "comision": [],
    # A member drafts, the leaders submit.
    "participante": [],
    # Table 1's half-written first draft lacks six required fields (start and end dates, causes,
    # solution, results, contact e-mail); its two other slots are not drafted.
    "lider": [_set(TABLE_1, AXIS_1, "8 things missing")],
    "cga-rcch": [_set("2. Participation table", "2. Civic participation", "3 things missing")],
    "cga-up": [_set("3. Integrity table", "3. Public integrity", "3 things missing")],
    # Table 4 covers two axes: one set each.
    "cga-aig": [
        _set(
            "4. Data and environment table",
            "4. Digital government and open data",
            "3 things missing",
        ),
        _set("4. Data and environment table", "5. Environment and water", "3 things missing"),
    ],
}


@pytest.mark.parametrize("username", list(EXPECTED))
def test_each_person_of_the_live_cycle_sees_their_tasks(live, username):
    assert listed(username, live) == EXPECTED[username]


def test_the_sets_are_due_when_the_drafting_step_ends(live):
    [task] = tasks_for(person("lider"), live)
    assert task.due == step_enabling(live, "drafting").planned_end
    assert task.url == reverse("proposals:workspace", args=[live.slug, 1]) + "#axis-1"
    assert task.count == 8


def test_a_complete_set_is_ready_and_leaves_the_list_once_submitted(live):
    lider = person("lider")
    table, axis = live.tables.get(number=1), live.axes.get(number=1)
    for slot in slot_names(live):
        proposal_actions.save_proposal(
            table, axis, slot, by=lider, milestones=live_data.DRAFT_MILESTONES, **COMPLETE
        )
    assert listed(lider, live) == [
        (
            "set",
            f"Submit the proposals of {TABLE_1} for the axis {AXIS_1}",
            "Complete: ready to submit",
        )
    ]
    proposal_actions.submit_set(table, axis, by=lider)
    assert listed(lider, live) == []


def test_the_leader_sees_the_set_on_the_dashboard_with_its_deadline(client, live):
    client.force_login(person("lider"))
    # The leader works in two plans (2017 and the live one): the home lists both, and the tasks.
    home = client.get(reverse("workspace:home"))
    assert home.status_code == 200
    assert [task.kind for task in home.context["tasks"]] == ["set"]
    page = client.get(reverse("workspace:plan", args=[live.slug]))
    html = page.content.decode()
    drafting_end = step_enabling(live, "drafting").planned_end
    days = (drafting_end - timezone.localdate()).days
    assert 'id="my-tasks"' in html
    assert "Mis tareas" in html
    assert reverse("proposals:workspace", args=[live.slug, 1]) + "#axis-1" in html
    assert f'<time datetime="{drafting_end:%Y-%m-%d}">' in html
    assert f"vence en {days} días" in html
    assert "faltan 8 cosas" in html


def test_nothing_waiting_is_said_so(client, live):
    client.force_login(person("participante"))
    html = client.get(reverse("workspace:plan", args=[live.slug])).content.decode()
    assert 'id="no-tasks"' in html
    assert "No tiene tareas pendientes." in html


# --- deadlines ------------------------------------------------------------------------------------


def test_the_deadline_reads_overdue_today_or_in_so_many_days(live):
    today = datetime.date(2027, 1, 10)

    def when(due):
        return Task("review", "t", "/", live, due=due, today=today).when

    with translation.override("en"):
        assert [
            when(datetime.date(2027, 1, 9)),
            when(today),
            when(datetime.date(2027, 1, 11)),
            when(datetime.date(2027, 1, 13)),
            when(None),
        ] == ["overdue", "due today", "due in 1 day", "due in 3 days", ""]
    with translation.override("es"):
        assert when(datetime.date(2027, 1, 11)) == "vence en 1 día"


# --- reviews: a delegate without a role --------------------------------------------------------


@pytest.fixture
def idaan(live):
    """Table 1's set submitted; IDAAN leads the first two proposals, due 2 days ago and in 3 days;
    the viability review is open; titular-idaan heads IDAAN and named `delegada` (no role)."""
    officer = person("secretaria")
    first, second, _alternate = submit_complete_set(live, 1, 1, person("lider"))
    institution = Organisation.objects.get(acronym="IDAAN", jurisdiction=live.jurisdiction)
    open_capability(live, "assignment")
    today = timezone.localdate()
    for proposal, days in ((first, -2), (second, 3)):
        proposal_actions.assign_institutions(
            proposal,
            by=officer,
            lead=institution,
            objectives_es="Objetivos.",
            due_on=today + datetime.timedelta(days=days),
        )
    open_capability(live, "viability-review")
    head = person("titular-idaan")
    plan_actions.grant_role(
        live, head, Role.HEAD_OF_INSTITUTION, by=officer, organisation=institution
    )
    delegate = UserFactory(username="delegada", full_name="Delegada de IDAAN")
    proposal_actions.name_delegate(live, institution, by=head, user=delegate)
    return {"first": first, "second": second, "head": head, "delegate": delegate}


def test_a_delegate_without_a_role_has_the_plan_in_their_workspace(client, live, idaan):
    delegate = idaan["delegate"]
    assert [plan.slug for plan in plans_for_user(delegate)] == [live.slug]
    client.force_login(delegate)
    home = client.get(reverse("workspace:home"))
    assert home["Location"] == reverse("workspace:plan", args=[live.slug])
    page = client.get(home["Location"])
    assert page.status_code == 200
    reviews = [task for task in page.context["tasks"] if task.kind == "review"]
    assert [task.url for task in reviews] == [
        reverse("proposals:review", args=[live.slug, idaan["first"].review.pk]),
        reverse("proposals:review", args=[live.slug, idaan["second"].review.pk]),
    ]


def test_reviews_come_by_deadline_the_overdue_one_first_and_highlighted(client, live, idaan):
    # The first proposal is the demo's draft, titled in English too; the second only in Spanish.
    first = "Review the viability of “Online information requests with visible deadlines”"
    second = "Review the viability of “Propuesta completa”"
    for who in (idaan["head"], idaan["delegate"]):
        assert listed(who, live) == [("review", first, "IDAAN"), ("review", second, "IDAAN")]
    with translation.override("en"):
        deadlines = [(task.overdue, task.when) for task in tasks_for(idaan["delegate"], live)]
    assert deadlines == [
        (True, "overdue"),
        (False, "due in 3 days"),
    ]
    client.force_login(idaan["delegate"])
    html = client.get(reverse("workspace:plan", args=[live.slug])).content.decode()
    assert html.count("task-overdue") == 1
    assert html.index("task-overdue") < html.index(str(idaan["second"].review.pk) + "/")


def test_a_given_review_leaves_the_list_of_the_head_and_the_delegate(live, idaan):
    review = ViabilityReview.objects.get(proposal=idaan["first"])
    proposal_actions.review_proposal(review, by=idaan["delegate"], outcome="viable")
    for who in (idaan["head"], idaan["delegate"]):
        assert [task.url for task in tasks_for(who, live)] == [
            reverse("proposals:review", args=[live.slug, idaan["second"].review.pk])
        ]


def test_a_table_member_without_a_role_still_has_the_plan(live):
    participante = person("participante")
    live.roles.filter(user=participante).delete()
    assert live.slug in [plan.slug for plan in plans_for_user(participante)]
    assert get_user_model().objects.get(pk=participante.pk).has_perm("plans.view_workspace", live)


# --- comments awaiting an official answer --------------------------------------------------------


@pytest.fixture
def commented(live):
    """Table 1's set submitted, the public comment open, one comment by a citizen."""
    proposals = submit_complete_set(live, 1, 1, person("lider"))
    open_capability(live, "public-comment")
    citizen = UserFactory(username="vecina", full_name="Vecina")
    comment = proposal_actions.comment_proposal(
        proposals[0], by=citizen, body="¿Cuándo estará el portal?"
    )
    return {"proposals": proposals, "comment": comment, "citizen": citizen}


def test_the_secretariat_and_the_tables_leader_are_asked_to_answer(live, commented):
    waiting = ("comments", "Answer 1 public comment", "the oldest is 0 days old")
    assert listed("secretaria", live) == [waiting]
    assert listed("lider", live) == [waiting]
    # The leader of another table, a member, the commission: not theirs to answer.
    for other in ("cga-rcch", "participante", "comision", commented["citizen"]):
        assert listed(other, live) == EXPECTED.get(other, [])


def test_an_answered_comment_leaves_the_lists(live, commented):
    proposal_actions.answer_comment(commented["comment"], by=person("lider"), answer="En 2027.")
    assert listed("secretaria", live) == []
    assert listed("lider", live) == []


def test_a_hidden_comment_is_not_waiting_for_an_answer(live, commented):
    proposal_actions.hide_comment(commented["comment"], by=person("secretaria"), reason="Spam")
    assert listed("secretaria", live) == []


# --- minutes ------------------------------------------------------------------------------------


def test_events_that_took_place_without_minutes_wait_for_who_records_them(live):
    meeting = EventFactory(
        plan=live, kind=Event.Kind.COMMISSION_MEETING, title_en="Forum", starts_at=in_days(-3)
    )
    session = EventFactory(
        plan=live,
        kind=Event.Kind.TABLE_SESSION,
        working_table=live.tables.get(number=1),
        title_en="Session",
        starts_at=in_days(-1),
    )
    EventFactory(plan=live, title_en="Tomorrow", starts_at=in_days(1))
    EventFactory(plan=live, title_en="Called off", starts_at=in_days(-2), status="cancelled")
    assert listed("secretaria", live) == [
        ("minutes", "Record the minutes of “Forum”", "Commission meeting"),
        ("minutes", "Record the minutes of “Session”", "Working-table session"),
    ]
    assert listed("lider", live)[1:] == [
        ("minutes", "Record the minutes of “Session”", "Working-table session")
    ]
    # Commission members see the meeting's page, but the secretariat records its minutes.
    assert listed("comision", live) == []
    event_actions.record_minutes(meeting, by=person("secretaria"), minutes_es="Acta.")
    event_actions.record_minutes(session, by=person("lider"), minutes_es="Acta de la mesa.")
    assert listed("secretaria", live) == []
    assert listed("lider", live) == EXPECTED["lider"]


def test_a_long_list_of_one_kind_ends_with_a_link_to_its_page(live):
    for n in range(12):
        EventFactory(plan=live, title_en=f"Past {n:02}", starts_at=in_days(-30 + n))
    found = listed("secretaria", live)
    assert found[:10] == [
        ("minutes", f"Record the minutes of “Past {n:02}”", "Outreach activity") for n in range(10)
    ]
    assert found[10:] == [("minutes", "2 more events without minutes", "")]
    assert tasks_for(person("secretaria"), live)[10].url == reverse(
        "events:manage_list", args=[live.slug]
    )


# --- a constant number of queries ---------------------------------------------------------------


def _dashboard_queries(client, user, plan) -> int:
    client.force_login(user)
    url = reverse("workspace:plan", args=[plan.slug])
    assert client.get(url).status_code == 200
    return queries_of(lambda: client.get(url))


def test_each_person_is_asked_to_answer_the_comments_on_the_proposals_they_answer_for(live, idaan):
    """Six comments on table 1's three proposals; IDAAN leads the first two (three comments, the
    oldest 6 days old), the alternate has three more (the oldest 9 days old). The inbox counts
    them per proposal: the secretariat and the table's leader answer all six, IDAAN's head and
    delegate the three on IDAAN's proposals."""
    open_capability(live, "public-comment")
    alternate = Proposal.objects.get(
        working_table__plan=live, working_table__number=1, slot="alternate_1"
    )
    for proposal, days in (
        (idaan["first"], 4),
        (idaan["first"], 1),
        (idaan["second"], 6),
        (alternate, 9),
        (alternate, 2),
        (alternate, 0),
    ):
        comment_on(proposal, f"Hace {days} días", days_ago=days)

    def comments_task(user):
        return [
            (task.title, task.count, task.detail)
            for task in tasks_for(user, live)
            if task.kind == "comments"
        ]

    everything = [("Responder 6 comentarios públicos", 6, "el más antiguo tiene 9 días")]
    idaan_only = [("Responder 3 comentarios públicos", 3, "el más antiguo tiene 6 días")]
    assert comments_task(person("secretaria")) == everything
    assert comments_task(person("lider")) == everything
    assert comments_task(idaan["head"]) == idaan_only
    assert comments_task(idaan["delegate"]) == idaan_only
    assert comments_task(person("comision")) == []


def test_the_inbox_costs_the_same_with_one_task_or_many(client, live, idaan):
    """The dashboard of the secretariat, a leader, a delegate and a head: one comment and one
    event, two reviews; then 100 comments, 15 events and three reviews."""
    open_capability(live, "public-comment")
    first = idaan["first"]
    comment_on(first, "Primera", days_ago=5)
    table = live.tables.get(number=1)
    EventFactory(plan=live, kind="table_session", working_table=table, starts_at=in_days(-2))
    people = (person("secretaria"), person("lider"), idaan["delegate"], idaan["head"])
    few = [_dashboard_queries(client, user, live) for user in people]
    few_tasks = [len(tasks_for(user, live)) for user in people]
    for n in range(99):
        comment_on(idaan["second"], f"Otra {n}", days_ago=n % 7)
    for n in range(14):
        EventFactory(
            plan=live, kind="table_session", working_table=table, starts_at=in_days(-n - 3)
        )
    proposal_actions.assign_institutions(
        Proposal.objects.get(working_table=table, slot="alternate_1"),
        by=person("secretaria"),
        lead=first.review.institution,
        objectives_es="Más.",
    )
    many_tasks = [len(tasks_for(user, live)) for user in people]
    # The comments are one task; ten events, then one task for the five others.
    # Heads and delegates of the lead institution answer its comments too: one task more each.
    assert (few_tasks, many_tasks) == ([2, 2, 3, 3], [12, 12, 4, 4])
    assert [_dashboard_queries(client, user, live) for user in people] == few


# --- the queue of public comments ---------------------------------------------------------------


@pytest.fixture
def queue(live):
    """Sets submitted by tables 1 and 2; 52 comments on table 1's first proposal, a day apart
    (the oldest 60 days ago), the first answered and the second hidden; one on table 2's,
    written between the 31st and the 32nd."""
    one = submit_complete_set(live, 1, 1, person("lider"))
    two = submit_complete_set(live, 2, 2, person("cga-rcch"))
    comments = [comment_on(one[0], f"Comentario {n}", days_ago=60 - n) for n in range(52)]
    other = comment_on(two[0], "Sobre la participación", days_ago=29.5)
    officer = person("secretaria")
    proposal_actions.answer_comment(comments[0], by=officer, answer="Gracias.")
    proposal_actions.hide_comment(comments[1], by=officer, reason="Fuera de tema")
    return {"one": one, "two": two, "comments": comments, "other": other}


def _queue(client, plan, username, **query):
    client.force_login(person(username))
    return client.get(reverse("workspace:comments", args=[plan.slug]), query)


@pytest.mark.parametrize("username", ["participante", "comision", "vecino"])
def test_who_answers_no_comment_may_not_open_the_queue(client, live, username):
    if username == "vecino":
        UserFactory(username="vecino")
    assert _queue(client, live, username).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, live):
    response = client.get(reverse("workspace:comments", args=[live.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_queue_lists_the_oldest_first_fifty_to_a_page(client, live, queue):
    page = _queue(client, live, "secretaria")
    assert page.status_code == 200
    rows = page.context["rows"]
    comments = queue["comments"]
    # Unanswered and visible: table 1's last 50 and table 2's one (written 29.5 days ago).
    assert page.context["page"].paginator.count == 51
    expected = [*comments[2:31], queue["other"], *comments[31:52]]
    assert [comment.pk for comment, *_rest in rows] == [c.pk for c in expected[:50]]
    assert rows[0][3] == 58  # days old
    second = _queue(client, live, "secretaria", page=2)
    assert [comment.pk for comment, *_rest in second.context["rows"]] == [comments[51].pk]
    assert page.context["counts"]["unanswered"] == 51


def test_each_comment_links_to_its_answer_form_on_its_page_of_the_proposal(client, live, queue):
    comments = queue["comments"]
    detail = queue["one"][0].get_absolute_url()
    first = _queue(client, live, "secretaria").context["rows"][0]
    assert (first[0].pk, first[1], first[2]) == (
        comments[2].pk,
        f"{detail}#comment-{comments[2].pk}",
        True,
    )
    [later] = _queue(client, live, "secretaria", page=2).context["rows"]
    # The proposal's 52nd comment is on the second page of its public page (50 to a page).
    assert later[1] == f"{detail}?comments=2#comment-{comments[51].pk}"
    public = client.get(later[1].split("#")[0])
    assert f'id="answer-{comments[51].pk}"' in public.content.decode()


def test_a_leader_sees_the_comments_on_their_tables_proposals_only(client, live, queue):
    lider = _queue(client, live, "lider")
    assert lider.context["page"].paginator.count == 50
    assert lider.context["counts"] is None
    rcch = _queue(client, live, "cga-rcch")
    assert [(c.pk, may) for c, _url, may, _age in rcch.context["rows"]] == [
        (queue["other"].pk, True)
    ]


def test_the_queue_filters_by_state_table_and_axis(client, live, queue):
    comments = queue["comments"]

    def pks(**query):
        rows = _queue(client, live, "secretaria", **query).context["rows"]
        return [comment.pk for comment, *_rest in rows]

    assert pks(state="answered") == [comments[0].pk]
    assert pks(state="hidden") == [comments[1].pk]
    assert len(pks(state="all", page=2)) == 3  # 53 in all
    assert pks(table=2) == [queue["other"].pk]
    assert pks(axis=2, state="all") == [queue["other"].pk]
    assert pks(table=3) == []
    # Unknown values fall back to the defaults.
    assert len(pks(state="nonsense", table="x")) == 50


def test_the_dashboard_counts_the_unanswered_comments_and_the_oldest(client, live, queue):
    client.force_login(person("secretaria"))
    html = client.get(reverse("workspace:plan", args=[live.slug])).content.decode()
    # The page shows the local date (America/Panama), which is not UTC's in its first hours.
    oldest = date_format(timezone.localtime(queue["comments"][2].created_at), "SHORT_DATE_FORMAT")
    assert reverse("workspace:comments", args=[live.slug]) in html
    assert "51 esperan respuesta" in html
    assert f"el más antiguo, del {oldest}" in html


def test_the_dashboard_read_from_the_cache_follows_each_answer_and_each_new_role(
    client, live, queue
):
    """The dashboard keeps the person's tasks and the count of comments in the cache, keyed by
    the plan's revisions: an answer, a comment or a role given shows on the next visit."""
    officer = person("secretaria")
    url = reverse("workspace:plan", args=[live.slug])
    client.force_login(officer)
    assert "51 esperan respuesta" in client.get(url).content.decode()
    assert "51 esperan respuesta" in client.get(url).content.decode()
    proposal_actions.answer_comment(queue["comments"][2], by=officer, answer="En 2027.")
    html = client.get(url).content.decode()
    assert "50 esperan respuesta" in html
    assert "Responder 50 comentarios públicos" in html
    comment_on(queue["one"][0], "¿Y el plazo?")
    assert "51 esperan respuesta" in client.get(url).content.decode()
    # A new secretary's first visit lists the comments for them too.
    newcomer = UserFactory(username="nueva")
    client.force_login(newcomer)
    assert client.get(url).status_code == 403
    plan_actions.grant_role(live, newcomer, Role.SECRETARIAT, by=officer)
    assert "Responder 51 comentarios públicos" in client.get(url).content.decode()


def test_answering_through_the_page_empties_the_leaders_queue(client, live, commented):
    comment = commented["comment"]
    client.force_login(person("lider"))
    url = reverse("proposals:answer", args=[live.slug, comment.proposal_id, comment.pk])
    assert client.post(url, {"answer": "En 2027."}).status_code == 302
    page = client.get(reverse("workspace:comments", args=[live.slug]))
    assert page.context["rows"] == []
    assert listed("lider", live) == []


def test_a_head_without_a_delegate_is_asked_to_name_one_until_they_do(live, idaan):
    head, delegate = idaan["head"], idaan["delegate"]
    delegation = ReviewDelegate.objects.get(plan=live, user=delegate)
    proposal_actions.remove_delegate(delegation, by=head)
    found = listed(head, live)
    assert found[1] == (
        "delegate",
        "Name someone to review for IDAAN?",
        "2 reviews pending, nobody named to help",
    )
    [task] = [task for task in tasks_for(head, live) if task.kind == "delegate"]
    assert task.due == timezone.localdate() - datetime.timedelta(days=2)
    assert task.url == reverse("proposals:reviews", args=[live.slug]) + "#delegates"
    proposal_actions.name_delegate(live, delegation.institution, by=head, user=delegate)
    assert [kind for kind, _title, _detail in listed(head, live)] == ["review", "review"]


# --- invitations and liaisons: what the secretariat follows up ------------------------------------


def test_accepted_and_expired_invitations_wait_for_the_secretariat(live):
    officer = person("secretaria")
    invite = {"by": officer, "side": "civil_society", "purpose": "take_part"}
    accepted = participation_actions.send_invitation(
        live, full_name="Ana", email="ana@example.org", **invite
    )
    expired = participation_actions.send_invitation(
        live, full_name="Beto", email="beto@example.org", **invite
    )
    participation_actions.send_invitation(
        live, full_name="Ceci", email="ceci@example.org", **invite
    )
    participation_actions.respond_invitation(accepted.link_token, by=SYSTEM, accept=True)
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    # No deadline: the oldest first (the expired one waits since it was sent, before Ana
    # accepted hers).
    assert listed(officer, live) == [
        ("invitations", "1 invitation expired unanswered: send it again or revoke it", ""),
        ("invitations", "Confirm 1 accepted invitation", ""),
    ]
    assert listed("lider", live) == EXPECTED["lider"]
    participation_actions.confirm_invitation(Invitation.objects.get(pk=accepted.pk), by=officer)
    participation_actions.revoke_invitation(Invitation.objects.get(pk=expired.pk), by=officer)
    assert listed(officer, live) == []


def test_liaisons_not_named_wait_while_the_liaisons_step_is_open(live):
    officer = person("secretaria")
    due = timezone.localdate() + datetime.timedelta(days=4)
    request = participation_actions.request_liaison(
        live,
        by=officer,
        axis=live.axes.get(number=1),
        institution=Organisation.objects.get(acronym="IDAAN", jurisdiction=live.jurisdiction),
        head_name="Nelson Urriola",
        head_email="titular@idaan.example",
        due_on=due,
    )
    # The liaisons step of the live cycle is over: nothing about them is due now.
    assert listed(officer, live) == []
    open_capability(live, "liaisons")
    assert listed(officer, live) == [
        ("liaisons", "1 institution has not named its liaison yet", "")
    ]
    [task] = tasks_for(officer, live)
    assert (task.due, task.url) == (due, reverse("participation:liaisons", args=[live.slug]))
    participation_actions.respond_liaison_request(
        request.link_token,
        by=SYSTEM,
        designate=True,
        full_name="Enlace de IDAAN",
        email="enlace@idaan.example",
    )
    assert listed(officer, live) == []
