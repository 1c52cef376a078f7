"""Commitment proposals of the working tables: drafts with revisions, submitting a complete set,
the role x step matrix, and the public pages (submitted proposals only)."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.plans.models import Step
from cocrea.proposals import actions
from cocrea.proposals.models import Proposal, ProposalRevision
from cocrea.proposals.revisions import diff
from cocrea.tables.models import TableMember

from .conftest import ALL_PERSONAS
from .factories import StepFactory, UserFactory
from .factories_participation import TableFactory
from .sitemaps import whole_sitemap

COMPLETE = {
    "title_es": "Datos abiertos de salud",
    "problem_es": "No se publican los datos de salud.",
    "commitment_es": "Publicar los datos de salud en formato abierto.",
    "contribution_es": "La ciudadanía podrá vigilar el gasto.",
    "relevance_es": "Acceso a la información.",
    "start_date": datetime.date(2017, 9, 1),
    "end_date": datetime.date(2019, 6, 30),
    "ogp_values": ["access_to_information"],
}
SLOTS = ["commitment_1", "commitment_2", "alternate_1"]


def seat(table, user, *, leader=False):
    return TableMember.objects.create(
        table=table,
        user=user,
        is_leader=leader,
        side="civil_society",
        sector="civil_society",
        source="invitation",
    )


@pytest.fixture
def drafting(plan):
    return StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)


@pytest.fixture
def table(plan, people, drafting):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


def fill_set(table, **overrides):
    for slot in SLOTS:
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **{**COMPLETE, **overrides})


# --- saving drafts and revisions ---------------------------------------------------------------


def test_every_save_of_a_draft_writes_a_revision_and_a_private_log_row(table, people):
    leader = people["leader"]
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=leader, title_es="Primera")
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_1",
        by=leader,
        title_es="Primera versión",
        problem_es="P",
    )
    actions.save_proposal(
        table, table.axes.get(), "commitment_1", by=leader, title_es="Primera versión"
    )
    proposal = Proposal.objects.get(working_table=table, slot="commitment_1")
    assert proposal.status == "draft"
    assert proposal.template_version == "2017"
    revisions = list(proposal.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]  # the unchanged third save writes nothing
    assert [r.author for r in revisions] == [leader, leader]
    assert revisions[0].snapshot["title_es"] == "Primera"
    assert revisions[1].snapshot["title_es"] == "Primera versión"
    assert revisions[1].snapshot["problem_es"] == "P"
    assert revisions[1].snapshot["ogp_values"] == []
    logs = ActionLog.objects.filter(verb__startswith="proposals.").order_by("id")
    assert [(log.verb, log.public) for log in logs] == [
        ("proposals.create_proposal", False),
        ("proposals.update_proposal", False),
    ]


def test_diff_between_two_revisions_marks_the_changed_words(table, people):
    leader = people["leader"]
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_1",
        by=leader,
        title_es="Datos abiertos de salud",
        start_date=datetime.date(2017, 9, 1),
        ogp_values=["access_to_information"],
    )
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_1",
        by=leader,
        title_es="Datos abiertos de salud pública",
        ogp_values=["access_to_information", "civic_participation"],
    )
    old, new = ProposalRevision.objects.order_by("number")
    with translation.override("en"):
        changes = diff(old.snapshot, new.snapshot, "2017")
        assert [(c.field, c.label, c.old, c.new) for c in changes] == [
            (
                "title_es",
                "Number and title of the commitment (ES)",
                "Datos abiertos de salud",
                "Datos abiertos de salud pública",
            ),
            (
                "ogp_values",
                "OGP values",
                "Access to information",
                "Access to information, Civic participation",
            ),
        ]
    assert changes[0].words == (
        [(False, "Datos abiertos de salud")],
        [(False, "Datos abiertos de salud"), (True, " pública")],
    )
    assert diff(new.snapshot, new.snapshot, "2017") == []


def test_history_page_shows_the_diff_between_the_chosen_revisions(client, plan, table, people):
    leader = people["leader"]
    for title in ["Uno", "Uno dos", "Uno dos tres"]:
        actions.save_proposal(table, table.axes.get(), "alternate_1", by=leader, title_es=title)
    client.force_login(leader)
    url = "/en" + reverse("proposals:history", args=[plan.slug, 1, "alternate_1"])
    response = client.get(url + "?from=1&to=3")
    assert response.status_code == 200
    assert (response.context["old"].number, response.context["new"].number) == (1, 3)
    html = response.content.decode()
    assert "Changes from revision 1 to revision 3" in html
    assert "<ins> dos tres</ins>" in html
    default = client.get(url)
    assert (default.context["old"].number, default.context["new"].number) == (2, 3)


# --- submitting the set ------------------------------------------------------------------------


def test_complete_set_is_submitted_and_locked(table, people):
    fill_set(table)
    submitted = actions.submit_set(table, table.axes.get(), by=people["leader"])
    assert sorted(p.slot for p in submitted) == sorted(SLOTS)
    assert set(Proposal.objects.values_list("status", flat=True)) == {"submitted"}
    log = ActionLog.objects.order_by("-id").first()
    assert (log.verb, log.public, log.actor) == ("proposals.submit_set", True, people["leader"])
    assert log.data["axis"] == table.axes.get().number
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.save_proposal(
            table, table.axes.get(), "commitment_1", by=people["leader"], title_es="X"
        )
    with translation.override("en"):
        assert refused.value.messages == [
            "This proposal has been submitted and can no longer change."
        ]
    assert Proposal.objects.get(slot="commitment_1").title_es == COMPLETE["title_es"]
    assert ProposalRevision.objects.count() == 3
    with pytest.raises(ValidationError):
        actions.submit_set(table, table.axes.get(), by=people["leader"])


def test_submission_lists_everything_missing_in_one_error(table, people):
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, **COMPLETE)
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_2",
        by=SYSTEM,
        title_es="Segundo",
        problem_en="Only English",
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == [
            "Commitment 2: “Start date” is missing.",
            "Commitment 2: “End date” is missing.",
            "Commitment 2: “What is the public problem the commitment will address?” is missing "
            "in Spanish.",
            "Commitment 2: “What is the commitment?” is missing in Spanish.",
            "Commitment 2: “How will it contribute to solve the problem?” is missing in Spanish.",
            "Commitment 2: “Why is it relevant to OGP values?” is missing in Spanish.",
            "Commitment 2: “OGP values” is missing.",
            "Alternate 1: not drafted yet.",
        ]
    assert set(Proposal.objects.values_list("status", flat=True)) == {"draft"}
    assert not ActionLog.objects.filter(verb="proposals.submit_set").exists()


def test_submission_refuses_a_proposal_in_a_slot_the_plan_no_longer_has(plan, table, people):
    fill_set(table)
    plan.commitments_per_table_axis = 1
    plan.alternates_per_table_axis = 1
    plan.save()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == [
            "Commitment 2: the plan's sets now have 2 slots; this one is not among them."
        ]


def test_technology_and_innovation_alone_is_not_an_ogp_value(table, people):
    fill_set(table)
    actions.save_proposal(
        table, table.axes.get(), "alternate_1", by=SYSTEM, ogp_values=["technology_innovation"]
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == [
            "Alternate 1: “another OGP value besides technology and innovation” is missing."
        ]


def test_workspace_submit_button_submits_the_set(client, plan, table, people):
    fill_set(table)
    client.force_login(people["leader"])
    url = "/en" + reverse("proposals:workspace", args=[plan.slug, 1])
    assert "Submit the set" in client.get(url).content.decode()
    response = client.post(reverse("proposals:submit", args=[plan.slug, 1]), {"final": "on"})
    assert response.status_code == 302
    assert set(Proposal.objects.values_list("status", flat=True)) == {"submitted"}
    html = client.get(url).content.decode()
    assert "Submit the set" not in html
    assert "can no longer change" in html


def test_submitting_the_set_asks_to_confirm_that_it_is_final(client, plan, table, people):
    fill_set(table)
    client.force_login(people["leader"])
    url = reverse("proposals:workspace", args=[plan.slug, 1])
    assert 'name="final" id="id_final" required' in client.get(url).content.decode()
    response = client.post(reverse("proposals:submit", args=[plan.slug, 1]), follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert set(Proposal.objects.values_list("status", flat=True)) == {"draft"}
    assert [str(m) for m in response.context["messages"]] == [
        "Marque la casilla para confirmar que el envío es definitivo."
    ]


def test_edit_form_saves_a_bilingual_draft(client, plan, table, people):
    client.force_login(people["participant"])
    url = reverse("proposals:edit", args=[plan.slug, 1, "commitment_2"])
    assert client.get("/en" + url).status_code == 200
    response = client.post(
        url,
        {
            "title_es": "Compras abiertas",
            "title_en": "Open contracting",
            "start_date": "2017-09-01",
            "ogp_values": ["public_accountability", "technology_innovation"],
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get(slot="commitment_2")
    assert (proposal.title_es, proposal.title_en) == ("Compras abiertas", "Open contracting")
    assert proposal.start_date == datetime.date(2017, 9, 1)
    assert proposal.ogp_values == ["public_accountability", "technology_innovation"]
    assert proposal.revisions.get().author == people["participant"]


# --- permissions: persona x step ---------------------------------------------------------------

MAY_CHANGE = {"secretary", "leader", "participant"}
MAY_SUBMIT = {"secretary", "leader"}


@pytest.mark.parametrize("step_open", [True, False], ids=["open", "closed"])
@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_change_proposal_matrix(persona, step_open, drafting, table, people):
    if not step_open:
        Step.objects.filter(pk=drafting.pk).update(status=Step.Status.CLOSED)
    user = people[persona]
    allowed = step_open and persona in MAY_CHANGE
    assert user.has_perm("proposals.change_proposal", table) is allowed
    if allowed:
        actions.save_proposal(table, table.axes.get(), "commitment_1", by=user, title_es="Hecho")
        assert Proposal.objects.get().revisions.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            actions.save_proposal(table, table.axes.get(), "commitment_1", by=user, title_es="No")
        assert not Proposal.objects.exists()


@pytest.mark.parametrize("step_open", [True, False], ids=["open", "closed"])
@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_submit_proposals_matrix(persona, step_open, drafting, table, people):
    fill_set(table)
    if not step_open:
        Step.objects.filter(pk=drafting.pk).update(status=Step.Status.CLOSED)
    user = people[persona]
    allowed = step_open and persona in MAY_SUBMIT
    assert user.has_perm("proposals.submit_proposals", table) is allowed
    if allowed:
        actions.submit_set(table, table.axes.get(), by=user)
        assert set(Proposal.objects.values_list("status", flat=True)) == {"submitted"}
    else:
        with pytest.raises(PermissionDenied):
            actions.submit_set(table, table.axes.get(), by=user)
        assert set(Proposal.objects.values_list("status", flat=True)) == {"draft"}


def test_people_of_another_table_may_not_draft_or_submit(plan, table, drafting):
    other = TableFactory(plan=plan, number=2)
    outsider = UserFactory(username="other-leader")
    seat(other, outsider, leader=True)
    assert outsider.has_perm("proposals.change_proposal", other)
    assert not outsider.has_perm("proposals.change_proposal", table)
    assert not outsider.has_perm("proposals.submit_proposals", table)


def test_nobody_drafts_before_the_step_exists(plan, people):
    table = TableFactory(plan=plan, number=3)
    seat(table, people["leader"], leader=True)
    assert not people["leader"].has_perm("proposals.change_proposal", table)
    assert not people["secretary"].has_perm("proposals.change_proposal", table)


@pytest.mark.parametrize("persona", ["citizen", "commissioner"])
def test_workspace_pages_are_forbidden_outside_the_table(persona, client, plan, table, people):
    client.force_login(people[persona])
    assert client.get(reverse("proposals:workspace", args=[plan.slug, 1])).status_code == 403
    assert client.get(
        reverse("proposals:edit", args=[plan.slug, 1, "alternate_1"])
    ).status_code == (403)
    assert client.post(reverse("proposals:submit", args=[plan.slug, 1])).status_code == 403


# --- public pages ------------------------------------------------------------------------------


def test_drafts_are_never_public(client, plan, table, people):
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, **COMPLETE)
    draft = Proposal.objects.get()
    assert client.get(reverse("proposals:detail", args=[plan.slug, draft.pk])).status_code == 404
    listing = client.get("/en" + reverse("proposals:list", args=[plan.slug]))
    assert list(listing.context["page"]) == []
    assert "No proposals have been submitted yet." in listing.content.decode()
    assert f"/proposals/{draft.pk}/" not in whole_sitemap(client)


def test_submitted_proposals_are_public_with_their_history(client, plan, table, people):
    fill_set(table)
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_1",
        by=people["leader"],
        title_es="Datos de salud abiertos",
    )
    actions.submit_set(table, table.axes.get(), by=people["leader"])
    proposal = Proposal.objects.get(slot="commitment_1")
    list_url = reverse("proposals:list", args=[plan.slug])
    response = client.get("/en" + reverse("proposals:detail", args=[plan.slug, proposal.pk]))
    assert response.status_code == 200
    assert [r.number for r in response.context["revisions"]] == [1, 2]
    html = response.content.decode()
    assert "Datos de salud abiertos" in html
    assert "Changes from revision 1 to revision 2" in html
    assert "Leader" not in html  # authors of drafts are not named publicly
    listing = client.get("/en" + list_url)
    assert [p.slot for p in listing.context["page"]] == SLOTS
    other_axis = client.get(list_url + "?axis=99")
    assert list(other_axis.context["page"]) == []
    sitemap = whole_sitemap(client)
    assert f"/plans/{plan.slug}/proposals/{proposal.pk}/</loc>" in sitemap
    assert f"/plans/{plan.slug}/proposals/</loc>" in sitemap


def _submitted(plan, tables, start, stop):
    for i in range(start, stop):
        table = tables[i // 3]
        Proposal.objects.create(
            plan=plan,
            working_table=table,
            axis=table.axes.get(),
            slot=SLOTS[i % 3],
            status=Proposal.Status.SUBMITTED,
            title_es=f"Propuesta {i}",
        )


def test_public_list_queries_do_not_grow(client, plan, django_assert_max_num_queries):
    tables = [TableFactory(plan=plan, number=n) for n in range(1, 21)]
    url = reverse("proposals:list", args=[plan.slug])
    _submitted(plan, tables, 0, 10)
    client.get(url)  # warm per-process caches (content types, translations)
    cache.clear()
    with CaptureQueriesContext(connection) as with_10:
        assert len(client.get(url).context["page"]) == 10
    _submitted(plan, tables, 10, 60)
    cache.clear()
    with django_assert_max_num_queries(len(with_10)):
        response = client.get(url + "?page=2")
    assert len(response.context["page"]) == 20
    cache.clear()
    with django_assert_max_num_queries(len(with_10)):
        assert client.get(url + "?table=3").status_code == 200


def test_workspace_offers_no_edit_or_submit_once_the_step_is_closed(
    client, plan, drafting, table, people
):
    fill_set(table)
    Step.objects.filter(pk=drafting.pk).update(status=Step.Status.CLOSED)
    client.force_login(people["leader"])
    response = client.get("/en" + reverse("proposals:workspace", args=[plan.slug, 1]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/edit/" not in html
    assert "Submit the set" not in html
    assert html.count("/history/") == 3
