"""The versions of OGP's commitment template as data (cocrea/plans/commitment_templates.py): they
drive the proposal form, the completeness check, the revisions and the public page; sets of N
commitments and M alternates; texts required in the plan's default language; the contact's
details public only with their consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.plans import commitment_templates as ct
from cocrea.plans.models import Step
from cocrea.proposals import actions
from cocrea.proposals.forms import ProposalForm
from cocrea.proposals.models import Counterproposal, Milestone, Proposal, ViabilityReview
from cocrea.proposals.revisions import diff

from .factories import OrganisationFactory, StepFactory
from .factories_participation import TableFactory
from .test_proposals import COMPLETE, seat

D = datetime.date

COMPLETE_2022 = {
    "title_es": "Compras abiertas en salud",
    "title_en": "Open contracting in health",
    "brief_description_es": "Publicar cada compra de salud.",
    "brief_description_en": "Publish every health purchase.",
    "start_date": D(2023, 1, 1),
    "end_date": D(2024, 12, 31),
    "problem_es": "Las compras de salud no se pueden seguir.",
    "problem_en": "Health purchases cannot be followed.",
    "causes_es": "Cada hospital compra con su propio sistema.",
    "causes_en": "Each hospital buys through its own system.",
    "solution_es": "Un tablero único de compras en datos abiertos.",
    "solution_en": "A single procurement dashboard as open data.",
    "results_es": "El 100 % de las compras publicadas.",
    "results_en": "100% of purchases published.",
    "contact_name": "Ana Solís",
    "contact_email": "ana.solis@example.org",
}
MILESTONES_2022 = [
    {
        "description_es": "Tablero publicado",
        "description_en": "Dashboard published",
        "outputs_es": "Tablero en línea",
        "outputs_en": "Dashboard online",
        "end_date": D(2023, 6, 30),
        "stakeholders_es": "Ministerio de Salud",
        "stakeholders_en": "Ministry of Health",
    },
    {
        "description_es": "Informe anual",
        "description_en": "Annual report",
        "outputs_es": "Informe",
        "outputs_en": "Report",
        "end_date": D(2024, 12, 31),
        "stakeholders_es": "",
        "stakeholders_en": "",
    },
]


@pytest.fixture
def drafting(plan):
    return StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)


@pytest.fixture
def costa_rica(plan):
    """The plan on OGP 2022 with 3 commitments and no alternate per table and axis."""
    plan.template_version = "2022"
    plan.commitments_per_table_axis = 3
    plan.alternates_per_table_axis = 0
    plan.period_start, plan.period_end = D(2023, 1, 1), D(2024, 12, 31)
    plan.save()
    return plan


@pytest.fixture
def table(plan, people, drafting):
    table = TableFactory(plan=plan, number=1)
    seat(table, people["leader"], leader=True)
    seat(table, people["participant"])
    return table


def _rows_post(rows: list[dict], prefix: str = "milestones") -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value.isoformat() if hasattr(value, "year") else value
    return data


def _post(fields: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "year") else v for k, v in fields.items()}


# --- the declaration ---------------------------------------------------------------------------


def test_each_version_declares_its_fields_and_which_a_complete_proposal_requires():
    assert [f.name for f in ct.required("2017")] == [
        "title",
        "start_date",
        "end_date",
        "problem",
        "commitment",
        "contribution",
        "relevance",
        "ogp_values",
    ]
    assert [f.name for f in ct.required("2022")] == [
        "title",
        "brief_description",
        "start_date",
        "end_date",
        "problem",
        "causes",
        "solution",
        "results",
        "milestones",
        "contact_name",
        "contact_email",
    ]
    assert [c.name for c in ct.field_of("2017", "milestones").columns] == [
        "description",
        "start_date",
        "end_date",
    ]
    assert [c.name for c in ct.field_of("2022", "milestones").columns] == [
        "description",
        "outputs",
        "end_date",
        "stakeholders",
    ]
    personal = {f.name for f in ct.fields("2022") if f.personal}
    assert personal == {"contact_name", "contact_title", "contact_email", "contact_phone"}
    assert ct.is_known("2022") and not ct.is_known("2019")


def test_a_plan_cannot_choose_an_unknown_version(plan):
    plan.template_version = "2019"
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "template_version" in refused.value.message_dict


# --- the form follows the declaration -----------------------------------------------------------


def test_the_2022_form_shows_milestones_with_expected_outputs_and_stakeholders(
    client, costa_rica, table, people
):
    client.force_login(people["participant"])
    url = "/en" + reverse("proposals:edit", args=[costa_rica.slug, 1, "commitment_3"])
    html = client.get(url).content.decode()
    for label in (
        "Expected outputs (EN)",
        "Stakeholders (ES)",
        "Expected completion date",
        "What are the causes of the problem? (ES)",
        "How will the commitment help foster accountability? (EN)",
        "Other actors involved: government (ES)",
        "Add a row",
    ):
        assert label in html, label
    assert "Activity with a verifiable deliverable" not in html
    assert "OGP values" not in html
    assert 'name="milestones-0-outputs_es"' in html


def test_the_2017_form_shows_activity_start_and_end(client, plan, table, people):
    client.force_login(people["participant"])
    url = "/en" + reverse("proposals:edit", args=[plan.slug, 1, "alternate_1"])
    html = client.get(url).content.decode()
    assert "Activity with a verifiable deliverable (ES)" in html
    assert 'name="milestones-0-start_date"' in html
    assert 'name="milestones-0-end_date"' in html
    assert "Expected outputs" not in html
    assert "OGP values" in html
    assert "What are the causes of the problem?" not in html


def test_add_a_row_shows_one_more_milestone_row_and_saves_nothing(client, plan, table, people):
    client.force_login(people["participant"])
    url = "/en" + reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"])
    data = {"title_es": "Uno", **_rows_post([{"description_es": "Hito"}]), "add_row": "1"}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="milestones-1-description_es"' in html
    assert 'value="Uno"' in html
    assert not Proposal.objects.exists()


# --- a 2022 draft -------------------------------------------------------------------------------


def test_a_2022_draft_saves_from_the_form_and_round_trips_in_both_languages(
    client, costa_rica, table, people
):
    client.force_login(people["participant"])
    url = reverse("proposals:edit", args=[costa_rica.slug, 1, "commitment_1"])
    response = client.post(url, {**_post(COMPLETE_2022), **_rows_post(MILESTONES_2022)})
    assert response.status_code == 302
    proposal = Proposal.objects.get(slot="commitment_1")
    assert proposal.template_version == "2022"
    assert (proposal.causes_es, proposal.causes_en) == (
        "Cada hospital compra con su propio sistema.",
        "Each hospital buys through its own system.",
    )
    assert [
        (m.order, m.description_es, m.outputs_en, m.end_date, m.stakeholders_en)
        for m in proposal.milestones.all()
    ] == [
        (1, "Tablero publicado", "Dashboard online", D(2023, 6, 30), "Ministry of Health"),
        (2, "Informe anual", "Report", D(2024, 12, 31), ""),
    ]
    snapshot = proposal.revisions.get().snapshot
    assert snapshot["milestones"][0] == {
        "description_es": "Tablero publicado",
        "description_en": "Dashboard published",
        "outputs_es": "Tablero en línea",
        "outputs_en": "Dashboard online",
        "end_date": "2023-06-30",
        "stakeholders_es": "Ministerio de Salud",
        "stakeholders_en": "Ministry of Health",
    }
    # The form shows what was saved, in both languages, milestones included.
    html = client.get("/en" + url).content.decode()
    assert "Each hospital buys through its own system." in html
    assert 'value="2023-06-30"' in html
    assert "Dashboard online" in html
    with translation.override("en"):
        assert proposal.causes == "Each hospital buys through its own system."
    with translation.override("es"):
        assert proposal.causes == "Cada hospital compra con su propio sistema."
    assert actions.missing_template_fields(proposal, language="es") == []
    assert actions.missing_template_fields(proposal, language="en") == []


def test_a_milestone_change_is_a_revision_and_the_diff_names_its_cell(costa_rica, table, people):
    actions.save_proposal(
        table,
        table.axes.get(),
        "commitment_1",
        by=SYSTEM,
        milestones=MILESTONES_2022,
        **COMPLETE_2022,
    )
    changed = [dict(MILESTONES_2022[0], outputs_en="Dashboard and open data"), MILESTONES_2022[1]]
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, milestones=changed)
    actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, milestones=changed)
    proposal = Proposal.objects.get(slot="commitment_1")
    old, new = proposal.revisions.order_by("number")
    assert proposal.milestones.get(order=1).outputs_en == "Dashboard and open data"
    with translation.override("en"):
        changes = diff(old.snapshot, new.snapshot, "2022")
        assert [(c.label, c.old, c.new) for c in changes] == [
            ("Milestones 1: Expected outputs (EN)", "Dashboard online", "Dashboard and open data")
        ]


def test_a_draft_refuses_fields_its_version_does_not_have(costa_rica, table):
    with pytest.raises(ValueError):
        actions.save_proposal(table, table.axes.get(), "commitment_1", by=SYSTEM, ogp_values=["x"])


# --- slots: N commitments + M alternates --------------------------------------------------------


def test_three_plus_zero_a_third_proposal_with_only_a_title_keeps_the_set_back(
    client, costa_rica, table, people
):
    for slot in ("commitment_1", "commitment_2"):
        actions.save_proposal(
            table, table.axes.get(), slot, by=SYSTEM, milestones=MILESTONES_2022, **COMPLETE_2022
        )
    actions.save_proposal(
        table, table.axes.get(), "commitment_3", by=SYSTEM, title_es="Solo un título"
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == [
            "Commitment 3: “Brief description” is missing in Spanish.",
            "Commitment 3: “Start of the commitment” is missing.",
            "Commitment 3: “End of the commitment” is missing.",
            "Commitment 3: “What problem does the commitment aim to address?” is missing in "
            "Spanish.",
            "Commitment 3: “What are the causes of the problem?” is missing in Spanish.",
            "Commitment 3: “What solution do you propose?” is missing in Spanish.",
            "Commitment 3: “What results do you want to achieve by the end of the action plan?” "
            "is missing in Spanish.",
            "Commitment 3: “Milestones” is missing.",
            "Commitment 3: “Responsible person” is missing.",
            "Commitment 3: “E-mail” is missing.",
        ]
    assert set(Proposal.objects.values_list("status", flat=True)) == {"draft"}
    # The workspace shows exactly the three slots, and what is missing.
    client.force_login(people["leader"])
    response = client.get("/en" + reverse("proposals:workspace", args=[costa_rica.slug, 1]))
    (only_set,) = response.context["sets"]
    assert [slot for slot, _label, _p in only_set["slots"]] == [
        "commitment_1",
        "commitment_2",
        "commitment_3",
    ]
    html = response.content.decode()
    assert "Alternate" not in html
    assert "Commitment 3: “Milestones” is missing." in html


def test_a_milestone_row_lacking_a_required_cell_is_listed(costa_rica, table, people):
    rows = [MILESTONES_2022[0], {"description_es": "Sin fecha"}]
    for slot in ("commitment_1", "commitment_2", "commitment_3"):
        actions.save_proposal(
            table, table.axes.get(), slot, by=SYSTEM, milestones=rows, **COMPLETE_2022
        )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == [
            f"Commitment {n}: “{cell}” is missing{where}."
            for n in (1, 2, 3)
            for cell, where in (
                ("Milestones 2: Expected outputs", " in Spanish"),
                ("Milestones 2: Expected completion date", ""),
            )
        ]


def test_three_plus_zero_complete_set_submits_and_no_alternate_can_be_created(
    costa_rica, table, people
):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.save_proposal(
            table, table.axes.get(), "alternate_1", by=SYSTEM, title_es="Suplente"
        )
    with translation.override("en"):
        assert refused.value.messages == [
            "This plan's sets have 3 slots; “Alternate 1” is not one of them."
        ]
    with pytest.raises(ValidationError):
        actions.save_proposal(table, table.axes.get(), "commitment_4", by=SYSTEM, title_es="Cuarto")
    for slot in ("commitment_1", "commitment_2", "commitment_3"):
        actions.save_proposal(
            table, table.axes.get(), slot, by=SYSTEM, milestones=MILESTONES_2022, **COMPLETE_2022
        )
    submitted = actions.submit_set(table, table.axes.get(), by=people["leader"])
    assert sorted(p.slot for p in submitted) == ["commitment_1", "commitment_2", "commitment_3"]


def test_the_edit_page_of_a_slot_beyond_n_plus_m_is_not_found(client, costa_rica, table, people):
    client.force_login(people["leader"])
    for slot in ("alternate_1", "commitment_4", "nonsense"):
        url = reverse("proposals:edit", args=[costa_rica.slug, 1, slot])
        assert client.get(url).status_code == 404


def test_two_plus_one_for_panama_on_the_2017_template(plan, table, people):
    assert actions.expected_slots(plan) == ["commitment_1", "commitment_2", "alternate_1"]
    for slot in ("commitment_1", "commitment_2"):
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **COMPLETE)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages == ["Alternate 1: not drafted yet."]
    actions.save_proposal(table, table.axes.get(), "alternate_1", by=SYSTEM, **COMPLETE)
    assert len(actions.submit_set(table, table.axes.get(), by=people["leader"])) == 3


def test_a_set_of_ten_commitments_and_five_alternates_has_fifteen_slots(plan, table):
    plan.commitments_per_table_axis, plan.alternates_per_table_axis = 10, 5
    plan.save()
    slots = actions.expected_slots(plan)
    assert (len(slots), slots[9], slots[10], slots[-1]) == (
        15,
        "commitment_10",
        "alternate_1",
        "alternate_5",
    )
    actions.save_proposal(table, table.axes.get(), "alternate_5", by=SYSTEM, title_es="Quinta")
    with translation.override("en"):
        assert Proposal.objects.get().get_slot_display() == "Alternate 5"


# --- the contact's details are public only with consent -----------------------------------------


def test_contact_email_and_phone_never_on_the_public_page_unless_agreed(
    client, costa_rica, table, people
):
    contact = {
        "contact_title": "Directora de Compras",
        "contact_institution": "Ministerio de Salud",
        "contact_phone": "+506 2222-0000",
    }
    for slot, agreed in (("commitment_1", False), ("commitment_2", True), ("commitment_3", False)):
        fields = {**COMPLETE_2022, **contact, "contact_public": agreed}
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, milestones=MILESTONES_2022)
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **fields)
    first, second, _third = actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        hidden_url, shown_url = first.get_absolute_url(), second.get_absolute_url()
    hidden = client.get(hidden_url).content.decode()
    for private in ("ana.solis@example.org", "+506 2222-0000", "Ana Solís", "Directora de"):
        assert private not in hidden, private
    assert "Ministerio de Salud" in hidden  # the institution is not personal data
    assert "Dashboard online" in hidden  # the milestones are public
    shown = client.get(shown_url).content.decode()
    for public in ("ana.solis@example.org", "+506 2222-0000", "Ana Solís"):
        assert public in shown, public


# --- counterproposals and languages -------------------------------------------------------------


def _review_of(proposal) -> ViabilityReview:
    ministry = OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION)
    actions.assign_institutions(
        proposal, by=SYSTEM, lead=ministry, objectives_es="Publicar.", objectives_en="Publish."
    )
    return ViabilityReview.objects.get(proposal=proposal)


def test_a_counterproposal_is_written_in_the_plans_version_with_its_milestones(
    client, costa_rica, table, people
):
    for slot in ("commitment_1", "commitment_2", "commitment_3"):
        actions.save_proposal(
            table, table.axes.get(), slot, by=SYSTEM, milestones=MILESTONES_2022, **COMPLETE_2022
        )
    proposal = actions.submit_set(table, table.axes.get(), by=people["leader"])[0]
    proposal.plan = costa_rica
    StepFactory(plan=costa_rica, key="viability-review", number=10, planned_end=D(2023, 3, 1))
    review = _review_of(proposal)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.review_proposal(
            review,
            by=SYSTEM,
            outcome="not_viable",
            reasons_es="Sin presupuesto.",
            counterproposal={"title_es": "Otra", "milestones": [{"outputs_es": "Algo"}]},
        )
    with translation.override("en"):
        assert refused.value.messages == [
            "The counterproposal lacks: Brief description (ES), Start of the commitment, "
            "End of the commitment, What problem does the commitment aim to address? (ES), "
            "What are the causes of the problem? (ES), What solution do you propose? (ES), "
            "What results do you want to achieve by the end of the action plan? (ES), "
            "Milestones 1: Milestone (ES), Milestones 1: Expected completion date, "
            "Responsible person, E-mail."
        ]
    counter_fields = {
        **COMPLETE_2022,
        "title_es": "Tablero nacional",
        "title_en": "National dashboard",
        "milestones": MILESTONES_2022,
    }
    actions.review_proposal(
        review,
        by=SYSTEM,
        outcome="not_viable",
        reasons_es="Sin presupuesto.",
        counterproposal=counter_fields,
    )
    counter = Counterproposal.objects.get()
    assert counter.template_version == "2022"
    # The staff who handle the review see the contact; the public page, without consent, not.
    client.force_login(people["secretary"])
    with translation.override("en"):
        staff = client.get(reverse("proposals:review", args=[costa_rica.slug, review.pk]))
        public = client.get(proposal.get_absolute_url())
    assert staff.status_code == 200 and public.status_code == 200
    assert "ana.solis@example.org" in staff.content.decode()
    assert "ana.solis@example.org" not in public.content.decode()
    assert "Counterproposal: National dashboard" in public.content.decode()
    assert counter.causes_es == "Cada hospital compra con su propio sistema."
    assert [m.outputs_es for m in counter.milestones.all()] == ["Tablero en línea", "Informe"]
    assert Milestone.objects.filter(counterproposal__isnull=False).count() == 2


def test_an_english_only_plan_requires_english_and_shows_english_columns_only(
    client, plan, table, people
):
    plan.languages, plan.default_language = "en", "en"
    plan.save()
    with translation.override("en"):
        form = ProposalForm(plan=plan)
        assert "title_en" in form.fields and "title_es" not in form.fields
        assert form.fields["title_en"].label == "Number and title of the commitment"
    for slot in actions.expected_slots(plan):
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **COMPLETE)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.submit_set(table, table.axes.get(), by=people["leader"])
    with translation.override("en"):
        assert refused.value.messages[:2] == [
            "Commitment 1: “Number and title of the commitment” is missing in English.",
            "Commitment 1: “What is the public problem the commitment will address?” is missing "
            "in English.",
        ]
        assert len(refused.value.messages) == 3 * 5
    english = {k.replace("_es", "_en"): v for k, v in COMPLETE.items()}
    for slot in actions.expected_slots(plan):
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **english)
    assert len(actions.submit_set(table, table.axes.get(), by=people["leader"])) == 3
    client.force_login(people["leader"])
    html = client.get("/en" + reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"]))
    assert html.status_code == 302  # submitted: back to the workspace


def test_objectives_are_required_in_the_plans_default_language(plan, table, people):
    plan.languages, plan.default_language = "es,en", "en"
    plan.save()
    for slot in actions.expected_slots(plan):
        english = {k.replace("_es", "_en"): v for k, v in COMPLETE.items()}
        actions.save_proposal(table, table.axes.get(), slot, by=SYSTEM, **english)
    proposal = actions.submit_set(table, table.axes.get(), by=people["leader"])[0]
    StepFactory(plan=plan, key="viability-review", number=10, planned_end=D(2017, 9, 1))
    ministry = OrganisationFactory(kind=Organisation.Kind.PUBLIC_INSTITUTION)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        actions.assign_institutions(proposal, by=SYSTEM, lead=ministry, objectives_es="Solo es")
    with translation.override("en"):
        assert refused.value.messages == ["State the objectives in English."]
    actions.assign_institutions(proposal, by=SYSTEM, lead=ministry, objectives_en="Only en")
    assert ViabilityReview.objects.get().institution == ministry
