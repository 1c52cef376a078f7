# ruff: noqa: F811  (the fixtures imported from test_commitments)
"""The commitments' pages: the workspace's list with the selected proposals to develop, the edit
page with its completeness panel, the history with diffs; the public list by axis and the public
page, marked as a draft, with the contact only when agreed. Query counts do not grow with rows."""

import datetime

import pytest
from django.urls import reverse

from cocrea.commitments import actions
from cocrea.commitments.models import Commitment, CommitmentMilestone
from cocrea.organisations.models import Organisation
from cocrea.proposals.models import Proposal

from .factories import JurisdictionFactory, OrganisationFactory
from .factories_commitments import selected_proposal
from .factories_participation import TableFactory
from .test_commitments import (  # noqa: F401  (fixtures)
    complete,
    development,
    finance,
    ministry,
    proposal,
    table,
)


@pytest.fixture
def commitment(proposal, secretary):
    return actions.create_commitment(proposal, by=secretary)


def edit_url(commitment):
    return reverse("commitments:edit", args=[commitment.plan.slug, commitment.number])


def form_data(commitment, **more):
    """The edit form as the page posts it, with two milestone rows (weights 40 + 60)."""
    ministry = commitment.lead_institution
    data = {
        "title_es": commitment.title_es,
        "title_en": commitment.title_en,
        "start_date": "2017-09-01",
        "end_date": "2019-06-30",
        "problem_es": commitment.problem_es,
        "commitment_es": commitment.commitment_es,
        "contribution_es": commitment.contribution_es,
        "relevance_es": commitment.relevance_es,
        "ogp_values": ["access_to_information"],
        "contact_name": "Ana Ruiz",
        "contact_email": "ana.ruiz@example.gob.pa",
        "lead_institution": str(ministry.pk),
        "budget_es": "USD 120 000",
        "sdgs": ["16"],
        "milestones-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "2",
        "milestones-0-description_es": "Inventario de datos",
        "milestones-0-start_date": "2017-09-01",
        "milestones-0-end_date": "2017-12-31",
        "milestones-0-weight": "40",
        "milestones-0-responsible": str(ministry.pk),
        "milestones-1-description_es": "Portal publicado",
        "milestones-1-start_date": "2018-01-01",
        "milestones-1-end_date": "2019-06-30",
        "milestones-1-weight": "60",
        "milestones-1-responsible": str(ministry.pk),
    }
    data.update(more)
    return data


# --- workspace ----------------------------------------------------------------------------------


def test_the_secretariat_creates_a_commitment_from_the_list(client, proposal, secretary):
    client.force_login(secretary)
    url = reverse("commitments:workspace", args=[proposal.plan.slug])
    page = client.get(url).content.decode()
    create = reverse("commitments:create", args=[proposal.plan.slug, proposal.pk])
    assert f'action="{create}"' in page
    response = client.post(create)
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(commitment)
    page = client.get(url).content.decode()
    assert f'action="{create}"' not in page
    assert "Cada propuesta seleccionada tiene su compromiso." in page


def test_a_leader_sees_the_list_without_the_create_buttons(client, commitment, people, proposal):
    client.force_login(people["leader"])
    page = client.get(reverse("commitments:workspace", args=[proposal.plan.slug])).content.decode()
    assert edit_url(commitment) in page
    assert "Selected proposals without a commitment" not in page
    client.force_login(people["citizen"])
    assert (
        client.get(reverse("commitments:workspace", args=[proposal.plan.slug])).status_code == 403
    )


def test_the_edit_page_saves_and_the_completeness_panel_follows(client, commitment, people):
    client.force_login(people["liaison"])
    page = client.get(edit_url(commitment)).content.decode()
    assert 'id="missing"' in page
    assert "Budget and source of funding (ES)" in page or "Presupuesto" in page
    response = client.post(edit_url(commitment), form_data(commitment))
    assert response.status_code == 302
    page = client.get(edit_url(commitment)).content.decode()
    assert 'id="complete"' in page
    assert list(CommitmentMilestone.objects.values_list("weight", flat=True)) == [40, 60]


def test_the_edit_page_refuses_weights_not_summing_to_100_and_keeps_the_input(
    client, commitment, people
):
    client.force_login(people["leader"])
    response = client.post(
        edit_url(commitment),
        form_data(commitment, **{"milestones-1-weight": "20"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "60; deben sumar 100" in page or "sum to 60; they must sum to 100" in page
    assert 'value="20"' in page
    assert commitment.revisions.count() == 1


def test_a_forged_institution_id_is_refused(client, commitment, people):
    abroad = JurisdictionFactory(code="cr", name_es="Costa Rica", country_code="CR")
    foreign = OrganisationFactory(
        region=None, jurisdiction=abroad, kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    client.force_login(people["secretary"])
    data = form_data(commitment, lead_institution=str(foreign.pk))
    response = client.post(edit_url(commitment), data)
    assert response.status_code == 400
    commitment.refresh_from_db()
    assert commitment.lead_institution_id != foreign.pk


def test_add_a_row_keeps_what_was_typed(client, commitment, people):
    client.force_login(people["liaison"])
    data = form_data(commitment, budget_es="Presupuesto escrito", add_row="1")
    response = client.post(edit_url(commitment), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "milestones-2-description_es" in page
    assert "Presupuesto escrito" in page
    assert commitment.revisions.count() == 1


def test_the_history_compares_two_revisions(client, commitment, people, ministry, finance):
    complete(commitment, people["secretary"], ministry, finance)
    client.force_login(people["commissioner"])
    url = reverse("commitments:history", args=[commitment.plan.slug, commitment.number])
    page = client.get(url + "?from=1&to=2").content.decode()
    assert 'id="diff"' in page
    assert "<td><ins>USD 120 000 del presupuesto de ANTAI</ins></td>" in page
    assert "<td><ins>MINSA</ins></td>" in page
    assert f'href="{edit_url(commitment)}"' not in page  # the commissioner does not edit


# --- public -----------------------------------------------------------------------------------


def test_the_public_page_shows_the_commitment_as_a_draft(client, commitment, ministry, finance):
    actions.update_commitment(
        commitment,
        by=commitment.created_by,
        fields={"budget_es": "USD 120 000", "sdgs": ["16"]},
    )
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert 'id="draft-banner"' in page
    assert "Borrador: aún no forma parte de un plan publicado" in page
    assert "USD 120 000" in page
    assert "MINSA" in page
    assert "Ministerio de Economía y Finanzas" in page
    assert "16. Paz, justicia e instituciones sólidas" in page
    origin = reverse("proposals:detail", args=[commitment.plan.slug, commitment.proposal_id])
    assert f'href="{origin}"' in page
    assert "ana.ruiz@example.gob.pa" not in page  # the contact did not agree


def test_the_contact_is_public_when_agreed(client, commitment, secretary):
    actions.update_commitment(commitment, by=secretary, fields={"contact_public": True})
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "ana.ruiz@example.gob.pa" in page


def test_the_public_list_groups_by_axis(client, commitment, plan):
    page = client.get(reverse("commitments:list", args=[plan.slug])).content.decode()
    assert commitment.get_absolute_url() in page
    assert f"<h2>{commitment.axis}</h2>" in page
    assert client.get(reverse("commitments:list", args=[plan.slug]) + "?axis=99").status_code == 200
    assert client.get(reverse("commitments:detail", args=[plan.slug, 99])).status_code == 404


def many(plan, table, lead, count, secretary):
    for number in range(count):
        proposal = selected_proposal(
            plan, table, lead=lead, slot=f"commitment_{number + 10}", title_es=f"P{number}"
        )
        actions.create_commitment(proposal, by=secretary)


@pytest.mark.parametrize("count", [2, 12])
def test_list_queries_do_not_grow_with_rows(
    count,
    client,
    plan,
    table,
    ministry,
    development,
    secretary,
    people,
    django_assert_max_num_queries,
):
    many(plan, table, ministry, count, secretary)
    assert Proposal.objects.count() == count
    for person in (secretary, people["liaison"]):
        client.force_login(person)
        with django_assert_max_num_queries(24):
            page = client.get(reverse("commitments:workspace", args=[plan.slug]))
        assert page.content.decode().count("/history/") == count
    client.logout()
    with django_assert_max_num_queries(14):
        assert client.get(reverse("commitments:list", args=[plan.slug])).status_code == 200


@pytest.mark.parametrize("rows", [1, 10])
def test_the_public_page_queries_do_not_grow_with_milestones(
    rows, client, commitment, ministry, django_assert_max_num_queries
):
    CommitmentMilestone.objects.filter(commitment=commitment).delete()
    CommitmentMilestone.objects.bulk_create(
        CommitmentMilestone(
            commitment=commitment,
            order=n,
            description_es=f"Hito {n}",
            end_date=datetime.date(2018, 1, 1),
            weight=10,
            responsible=ministry,
        )
        for n in range(rows)
    )
    with django_assert_max_num_queries(14):
        assert client.get(commitment.get_absolute_url()).status_code == 200


def test_mine_lists_only_the_commitments_a_person_edits(
    client, commitment, plan, people, finance, secretary
):
    other_table = TableFactory(plan=plan, number=2)
    other = selected_proposal(plan, other_table, lead=finance, title_es="Presupuesto abierto")
    second = actions.create_commitment(other, by=secretary)
    url = reverse("commitments:workspace", args=[plan.slug])
    for name, expected in [("liaison", [1]), ("leader", [1]), ("secretary", [1, 2])]:
        client.force_login(people[name])
        page = client.get(url + "?mine=1")
        numbers = [row["commitment"].number for row in page.context["rows"]]
        assert numbers == expected, name
    client.force_login(people["liaison"])
    page = client.get(url + "?table=2")
    assert [(row["commitment"], row["can_change"]) for row in page.context["rows"]] == [
        (second, False)
    ]
