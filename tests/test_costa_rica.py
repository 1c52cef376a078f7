"""Costa Rica 2023-2027, set up end to end through the workspace's pages (the forms as a browser
posts them): a platform administrator creates the plan in a new jurisdiction and names its
secretariat; the secretariat sets Spanish only, at most 15 commitments, 3 commitments and no
alternate per table and axis, the OGP 2022 template; adds the 7 provinces, 3 institutions and
the privacy notice under Costa Rica's Ley 8968; 6 axes over 4 tables; the programme from OGP's
generic template, version 1; drafting, submission of a set of 3, the responsible institution and
the viability review. A Panama plan lives on the same site: neither shows the other's data.

The journey runs once for the module (`journey`); each test reads what it recorded, or acts on
the state it left (in a savepoint rolled back after the test)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Jurisdiction, Organisation
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import ActionPlan, PlanRole, Role, Step
from cocrea.proposals.models import Proposal, ViabilityReview
from cocrea.tables.models import TableMember, WorkingTable

from .factories import AxisFactory, OrganisationFactory, PlanFactory, RegionFactory, UserFactory
from .factories_participation import OpenCallFactory

SLUG = "costa-rica-2023"
TITLE = "Costa Rica 2023-2027"
CR_PROVINCES = ["San José", "Alajuela", "Cartago", "Heredia", "Guanacaste", "Puntarenas", "Limón"]
CR_INSTITUTIONS = [
    ("MIDEPLAN", "Ministerio de Planificación Nacional y Política Económica"),
    ("MICITT", "Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones"),
    ("DHR", "Defensoría de los Habitantes"),
]
CR_LAW = (
    "Ley 8968 de Protección de la Persona frente al tratamiento de sus datos personales "
    "(Costa Rica)."
)
AXES = [
    (1, "Transparencia fiscal"),
    (2, "Participación ciudadana"),
    (3, "Integridad pública"),
    (4, "Datos abiertos"),
    (5, "Justicia abierta"),
    (6, "Ambiente y territorio"),
]
# Table 4 covers axes 4, 5 and 6; it is formed only after drafting was refused without it.
TABLES = [(1, [1]), (2, [2]), (3, [3]), (4, [4, 5, 6])]
# What each plan's pages must never show of the other's.
PANAMA_DATA = ["Coclé", "ANTAI", "Autoridad Nacional de Transparencia", "Ley 81 de 2019"]
COSTA_RICA_DATA = ["San José", "Guanacaste", "Limón", "MIDEPLAN", "Defensoría", "Ley 8968"]
LEADER_EMAIL = "andrea.solis@example.cr"
HEAD_EMAIL = "direccion@mideplan.example.cr"


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def form_data(form, **typed) -> dict:
    """What the page's form posts as shown (its current values), with `typed` over it."""
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue  # a browser does not post a disabled input
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[form.add_prefix(name)] = "on"
            continue
        data[form.add_prefix(name)] = "" if value is None else value
    data.update(typed)
    return data


def option_labels(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        label.strip() for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)<', select)
    ]


def shown(html: str, words) -> list[str]:
    return [word for word in words if word in html]


def proposal_form(number: int, **typed) -> dict:
    """A complete proposal in the 2022 template, Spanish only, with one milestone row."""
    data = {
        "title_es": f"Compromiso {number}: presupuestos abiertos de los municipios",
        "brief_description_es": "Los municipios publican su presupuesto en datos abiertos.",
        "start_date": "2024-01-15",
        "end_date": "2027-06-30",
        "novelty": "new",
        "problem_es": "La ciudadanía no conoce cómo se gasta el presupuesto municipal.",
        "causes_es": "Los presupuestos se publican en documentos escaneados.",
        "done_so_far_es": "",
        "solution_es": "Un portal común de presupuestos municipales.",
        "results_es": "Los 84 cantones publican su presupuesto cada año.",
        "transparency_es": "Publica el gasto de cada cantón.",
        "accountability_es": "",
        "participation_es": "",
        "contact_name": "Laura Jiménez",
        "contact_title": "Directora de Gobierno Abierto",
        "contact_institution": "MIDEPLAN",
        "contact_email": "laura.jimenez@mideplan.example.cr",
        "contact_phone": "",
        "contact_public": "on",
        "other_actors_government_es": "Contraloría General de la República",
        "other_actors_others_es": "",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "30",
        "milestones-0-description_es": f"Hito {number}: primer cantón publica su presupuesto",
        "milestones-0-outputs_es": "Presupuesto en el portal",
        "milestones-0-end_date": "2024-12-15",
        "milestones-0-stakeholders_es": "Municipalidad de Cartago",
    }
    data.update(typed)
    return data


def title_only(number: int) -> dict:
    return {
        "title_es": f"Compromiso {number}: justicia abierta",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "30",
    }


# --- the journey, once for the module ----------------------------------------------------------


def _panama():
    """Panama's plan (the site's current one) with its province, institution, call and notice."""
    plan = PlanFactory(slug="panama-2017", title_es="Plan de Acción de Panamá 2017-2019")
    cocle = RegionFactory(code="CC", name="Coclé", is_capital=False)
    OrganisationFactory(
        acronym="ANTAI",
        name_es="Autoridad Nacional de Transparencia y Acceso a la Información",
        name_en="National Authority for Transparency and Access to Information",
        kind=Organisation.Kind.PUBLIC_INSTITUTION,
        region=cocle,
    )
    AxisFactory(plan=plan, number=1, name_es="Salud", name_en="Health")
    OpenCallFactory(plan=plan)  # its notice (Ley 81 de 2019) and an open step of the call
    secretary = UserFactory(username="panama-secretary")
    plan_actions.grant_role(plan, secretary, Role.SECRETARIAT, by=SYSTEM)
    return plan, secretary


def _post(client, record, name, path, data, *, expect=302):
    response = client.post(path, data)
    assert response.status_code == expect, (name, response.status_code)
    record[name] = messages_of(response)
    client.cookies.pop("messages", None)  # read: the next request starts without them
    return response


def _run(record) -> None:
    admin_client, secretary_client = Client(), Client()
    panama, panama_secretary = _panama()
    record["panama"] = panama
    record["panama_secretary"] = panama_secretary
    admin = UserFactory(username="plataforma", email="plataforma@example.org")
    plan_actions.grant_platform_admin(admin, by=SYSTEM)
    admin_client.force_login(admin)

    # The platform administrator creates the plan in a new jurisdiction and names its secretariat.
    with TestCase.captureOnCommitCallbacks(execute=True):
        _post(
            admin_client,
            record,
            "created",
            url("workspace:plan_new"),
            {
                "title_es": TITLE,
                "title_en": "",
                "slug": SLUG,
                "country": "Costa Rica",
                "country_code": "cr",
                "period_start": "2023-09-01",
                "period_end": "2027-08-31",
                "jurisdiction": "",
                "new_jurisdiction_name": "Costa Rica",
                "new_jurisdiction_kind": "national",
                "secretariat": "sofia.mora@mideplan.example.cr",
            },
        )
    record["secretariat_mail"] = [(m.to, m.subject) for m in mail.outbox]
    plan = ActionPlan.objects.get(slug=SLUG)
    record["plan"] = plan
    secretary = PlanRole.objects.get(plan=plan, role=Role.SECRETARIAT).user
    record["secretary"] = secretary
    secretary_client.force_login(secretary)
    client = secretary_client

    # The settings: wrong ones first, each refused on the form; then Costa Rica's.
    settings_url = url("workspace:plan_settings", SLUG)
    form = client.get(settings_url).context["form"]
    good = {
        "languages": ["es"],
        "default_language": "es",
        "max_commitments": "15",
        "commitments_per_table_axis": "3",
        "alternates_per_table_axis": "0",
        "template_version": "2022",
    }
    refusals = {
        "max_commitments": {"max_commitments": "51"},
        "commitments_per_table_axis": {"commitments_per_table_axis": "0"},
        "alternates_per_table_axis": {"alternates_per_table_axis": "6"},
        "template_version": {"template_version": "2030"},
        "languages": {"languages": "xx,zz"},
    }
    record["refused_settings"] = {}
    for field, wrong in refusals.items():
        response = client.post(settings_url, form_data(form, **{**good, **wrong}))
        record["refused_settings"][field] = (
            response.status_code,
            response.context["form"].errors.get(field),
            response.content.decode(),
        )
    _post(client, record, "settings", settings_url, form_data(form, **good))

    # The territory: 7 provinces, 3 institutions.
    for number, name in enumerate(CR_PROVINCES, start=1):
        _post(
            client,
            record,
            "region",
            url("workspace:region_create", SLUG),
            {"code": f"CR-{number}", "name": name, "is_capital": "on" if number == 1 else ""},
        )
    san_jose = plan.jurisdiction.regions.get(name="San José")
    for acronym, name in CR_INSTITUTIONS:
        _post(
            client,
            record,
            "organisation",
            url("workspace:organisation_create", SLUG),
            {
                "name_es": name,
                "acronym": acronym,
                "kind": Organisation.Kind.PUBLIC_INSTITUTION,
                "region": san_jose.pk,
                "website": "",
            },
        )

    # The privacy notice, under Ley 8968.
    _post(
        client,
        record,
        "notice",
        url("participation:notices", SLUG),
        {
            "legal_basis_es": CR_LAW,
            "text_es": "Usamos sus datos solo para organizar la cocreación del plan.",
            "requires_new_consent": "",
        },
    )

    # Six axes; tables 1-3 (table 4 comes after drafting is refused).
    for number, name in AXES:
        _post(
            client,
            record,
            "axis",
            url("workspace:axis_create", SLUG),
            {"number": number, "name_es": name, "description_es": ""},
        )
    for number, axis_numbers in TABLES[:3]:
        _form_table(client, record, plan, number, axis_numbers)

    # The programme from the generic template, published as version 1.
    _post(
        client,
        record,
        "programme",
        url("workspace:programme_start", SLUG),
        {"source": "template:ogp-2021", "starts_on": ""},
    )
    _post(client, record, "version_1", url("workspace:publish", SLUG), {})
    record["steps"] = plan.steps.count()

    def open_step(capability: str, name: str):
        step = next(s for s in plan.steps.order_by("number") if capability in s.capabilities)
        return _post(client, record, name, url("workspace:step_open", SLUG, step.key), {})

    open_step("drafting", "drafting_refused")
    record["drafting_status_after_refusal"] = [
        step.status for step in plan.steps.all() if "drafting" in step.capabilities
    ]
    _form_table(client, record, plan, *TABLES[3])
    open_step("drafting", "drafting_opened")
    open_step("open-call", "call_opened")
    with TestCase.captureOnCommitCallbacks(execute=True):
        _post(
            client,
            record,
            "call",
            url("participation:manage", SLUG),
            {
                "call-title_es": "Convocatoria a las mesas de cocreación",
                "call-text_es": "Inscríbase en una mesa de trabajo.",
                "call-channels_es": "Sitio web",
                "call-opens_at": "2023-06-01T08:00",
                "call-closes_at": "2027-08-01T17:00",
            },
        )

    # A table leader, invited to table 1, accepts and is confirmed by the secretariat.
    table_1 = WorkingTable.objects.get(plan=plan, number=1)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        _post(
            client,
            record,
            "invited",
            url("participation:invitations", SLUG),
            {
                "full_name": "Andrea Solís",
                "email": LEADER_EMAIL,
                "organisation": "",
                "side": "civil_society",
                "purpose": "lead",
                "table": table_1.pk,
                "language": "es",
            },
        )
    [invitation_mail] = mail.outbox
    link = re.search(r"/invitations/[^/\s]+/", invitation_mail.body).group(0)
    anonymous = Client()
    answered = anonymous.post(link, {"answer": "accept", "reason": ""})
    assert answered.status_code == 200
    invitation = plan.invitations.get()
    with TestCase.captureOnCommitCallbacks(execute=True):
        _post(
            client,
            record,
            "leader_confirmed",
            url("participation:invitation_confirm", SLUG, invitation.pk),
            {},
        )
    leader = TableMember.objects.get(table=table_1, is_leader=True).user
    record["leader"] = leader
    leader_client = Client()
    leader_client.force_login(leader)

    # The leader drafts the set of axis 1 in the 2022 template; the third has only a title.
    edit = lambda slot: url("proposals:edit", SLUG, 1, slot)  # noqa: E731
    record["edit_page"] = leader_client.get(edit("commitment_1")).content.decode()
    _post(leader_client, record, "draft_1", edit("commitment_1"), proposal_form(1))
    _post(leader_client, record, "draft_2", edit("commitment_2"), proposal_form(2))
    _post(leader_client, record, "draft_3", edit("commitment_3"), title_only(3))
    submit = url("proposals:submit", SLUG, 1)
    record["workspace_incomplete"] = leader_client.get(url("proposals:workspace", SLUG, 1))
    _post(leader_client, record, "submit_refused", submit, {"final": "on", "axis": "1"})
    record["draft_statuses"] = list(
        Proposal.objects.filter(plan=plan).order_by("slot").values_list("status", flat=True)
    )
    _post(leader_client, record, "draft_3_completed", edit("commitment_3"), proposal_form(3))
    _post(leader_client, record, "submitted", submit, {"final": "on", "axis": "1"})
    record["workspace_submitted"] = leader_client.get(url("proposals:workspace", SLUG, 1))

    # Assignment: the secretariat opens the step and names MIDEPLAN lead, MICITT co-responsible.
    open_step("assignment", "assignment_opened")
    open_step("viability-review", "review_opened")
    proposal = Proposal.objects.get(plan=plan, slot="commitment_1")
    record["assign_page"] = client.get(url("proposals:assign", SLUG, proposal.pk)).content.decode()
    mideplan = Organisation.objects.get(jurisdiction=plan.jurisdiction, acronym="MIDEPLAN")
    micitt = Organisation.objects.get(jurisdiction=plan.jurisdiction, acronym="MICITT")
    _post(
        client,
        record,
        "assigned",
        url("proposals:assign", SLUG, proposal.pk),
        {
            "lead": mideplan.pk,
            "others": [micitt.pk],
            "due_on": "",
            "objectives_es": "Presupuestos municipales abiertos en 2025.",
        },
    )

    # MIDEPLAN's head, named from the people page, reviews the proposal's viability.
    with TestCase.captureOnCommitCallbacks(execute=True):
        _post(
            client,
            record,
            "head_named",
            url("workspace:people", SLUG),
            {
                "email": HEAD_EMAIL,
                "full_name": "Directora de MIDEPLAN",
                "role": Role.HEAD_OF_INSTITUTION,
                "organisation": mideplan.pk,
            },
        )
    head = PlanRole.objects.get(plan=plan, role=Role.HEAD_OF_INSTITUTION).user
    head_client = Client()
    head_client.force_login(head)
    review = ViabilityReview.objects.get(proposal=proposal)
    record["reviews_page"] = head_client.get(url("proposals:reviews", SLUG)).content.decode()
    _post(
        head_client,
        record,
        "reviewed",
        url("proposals:review", SLUG, review.pk),
        {"outcome": "viable"},
    )


def _form_table(client, record, plan, number, axis_numbers):
    axes = plan.axes.filter(number__in=axis_numbers)
    _post(
        client,
        record,
        "table",
        url("workspace:table_create", SLUG),
        {
            "number": number,
            "name_es": f"Mesa {number}",
            "description_es": "",
            "axes": [axis.pk for axis in axes],
        },
    )


@pytest.fixture(scope="module")
def _journey(django_db_setup, django_db_blocker):
    """Runs the journey in a transaction rolled back after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        record: dict = {}
        _run(record)
        yield record
        transaction.set_rollback(True)


@pytest.fixture
def journey(_journey, db):
    plan = ActionPlan.objects.get(slug=SLUG)
    return {**_journey, "plan": plan}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- set-up ----------------------------------------------------------------------------------


def test_a_platform_administrator_creates_the_plan_in_a_new_jurisdiction_and_names_its_secretariat(
    journey,
):
    plan = journey["plan"]
    assert journey["created"] == [
        "Se creó el plan Costa Rica 2023-2027; se avisó por correo a su secretaría técnica."
    ]
    jurisdiction = plan.jurisdiction
    assert (jurisdiction.name, jurisdiction.kind, jurisdiction.country_code) == (
        "Costa Rica",
        Jurisdiction.Kind.NATIONAL,
        "CR",
    )
    assert jurisdiction != journey["panama"].jurisdiction
    assert (plan.title, plan.country_code, plan.is_current) == (TITLE, "CR", False)
    assert journey["secretariat_mail"] == [
        (["sofia.mora@mideplan.example.cr"], "Tu rol en Costa Rica 2023-2027")
    ]
    assert journey["secretary"].email == "sofia.mora@mideplan.example.cr"


def test_the_secretariat_sets_spanish_15_commitments_3_slots_without_alternates_and_ogp_2022(
    journey,
):
    plan = journey["plan"]
    assert journey["settings"] == ["Se guardaron los ajustes del plan."]
    assert (
        plan.languages,
        plan.default_language,
        plan.max_commitments,
        plan.commitments_per_table_axis,
        plan.alternates_per_table_axis,
        plan.proposals_per_table_axis,
        plan.template_version,
    ) == ("es", "es", 15, 3, 0, 3, "2022")


@pytest.mark.parametrize(
    "field, message",
    [
        ("max_commitments", "Asegúrese de que este valor es menor o igual a 50."),
        ("commitments_per_table_axis", "Asegúrese de que este valor es mayor o igual a 1."),
        ("alternates_per_table_axis", "Asegúrese de que este valor es menor o igual a 5."),
        (
            "template_version",
            "Escoja una opción válida. 2030 no es una de las opciones disponibles.",
        ),
        ("languages", "Escoja una opción válida. xx,zz no es una de las opciones disponibles."),
    ],
)
def test_wrong_settings_are_refused_on_the_page_with_a_clear_message(journey, field, message):
    status, errors, page = journey["refused_settings"][field]
    assert (status, errors) == (400, [message])
    assert message in page.replace("&quot;", '"')


def test_the_jurisdiction_has_costa_ricas_seven_provinces_and_three_institutions(journey):
    plan = journey["plan"]
    regions = plan.jurisdiction.regions.order_by("code")
    assert [r.name for r in regions] == CR_PROVINCES
    assert [r.name for r in regions if r.is_capital] == ["San José"]
    institutions = plan.jurisdiction.organisations.order_by("name")
    assert [(o.acronym, o.name, o.kind) for o in institutions] == [
        (acronym, name, Organisation.Kind.PUBLIC_INSTITUTION)
        for acronym, name in sorted(CR_INSTITUTIONS, key=lambda row: row[1])
    ]
    client = client_of(journey["secretary"])
    for name in ("workspace:regions", "workspace:organisations"):
        page = client.get(url(name, SLUG)).content.decode()
        assert shown(page, PANAMA_DATA) == [], name
    page = client.get(url("workspace:regions", SLUG)).content.decode()
    assert shown(page, CR_PROVINCES) == CR_PROVINCES


def test_the_privacy_notice_rests_on_ley_8968(journey):
    plan = journey["plan"]
    assert journey["notice"] == ["La versión 1 del aviso de privacidad está publicada."]
    notice = plan.privacy_notices.get()
    assert (notice.version, notice.legal_basis_es) == (1, CR_LAW)
    page = Client().get(url("participation:privacy", SLUG)).content.decode()
    assert CR_LAW in page
    assert shown(page, PANAMA_DATA) == []


def test_six_axes_are_covered_by_four_tables_the_fourth_covering_axes_4_5_and_6(journey):
    plan = journey["plan"]
    assert [(a.number, a.name) for a in plan.axes.order_by("number")] == AXES
    covered = [
        (table.number, sorted(table.axes.values_list("number", flat=True)))
        for table in plan.tables.order_by("number")
    ]
    assert covered == TABLES


def test_the_programme_starts_from_the_generic_template_and_version_1_is_published(journey):
    plan = journey["plan"]
    assert journey["programme"] == [
        "El programa tiene 16 pasos. Edítelos y luego publíquelos como versión 1."
    ]
    assert journey["version_1"] == ["La versión 1 está publicada."]
    version = plan.versions.get()
    assert (version.number, len(version.snapshot), journey["steps"]) == (1, 16, 16)


def test_drafting_does_not_open_while_axes_have_no_table_and_the_refusal_lists_them(journey):
    assert journey["drafting_refused"] == [
        "Ejes sin mesa de trabajo: 4. Datos abiertos, 5. Justicia abierta, "
        "6. Ambiente y territorio."
    ]
    assert journey["drafting_status_after_refusal"] == [Step.Status.PENDING]
    assert journey["drafting_opened"] == [
        "El paso 7. Mesas de trabajo: elaboración de propuestas está abierto."
    ]
    drafting = [s for s in journey["plan"].steps.all() if "drafting" in s.capabilities]
    assert [s.status for s in drafting] == [Step.Status.OPEN]


# --- drafting and submission -----------------------------------------------------------------


def test_the_invited_leader_is_confirmed_and_seated_at_table_1(journey):
    plan, leader = journey["plan"], journey["leader"]
    assert journey["invited"] == ["Invitación enviada."]
    assert journey["leader_confirmed"] == ["Se confirmó a Andrea Solís."]
    assert leader.email == LEADER_EMAIL
    assert list(plan.roles.filter(user=leader).values_list("role", flat=True)) == [
        Role.TABLE_LEADER
    ]
    member = TableMember.objects.get(user=leader)
    assert (member.table.number, member.is_leader) == (1, True)


def test_the_leader_drafts_in_the_2022_template_with_milestones(journey):
    page = journey["edit_page"]
    # The 2022 template's questions and milestone columns, in the plan's only language.
    for label in ("Breve descripción", "¿Cuáles son las causas del problema?", "Hitos"):
        assert label in page, label
    assert 'name="milestones-0-outputs_es"' in page
    assert 'name="title_en"' not in page
    assert "Número y nombre del compromiso" not in page  # the 2017 template's label
    assert [journey[f"draft_{n}"] for n in (1, 2, 3)] == [["Propuesta guardada."]] * 3
    first = Proposal.objects.get(plan=journey["plan"], slot="commitment_1")
    assert first.template_version == "2022"
    assert first.title_es == "Compromiso 1: presupuestos abiertos de los municipios"
    assert [
        (m.description_es, m.outputs_es, m.end_date.isoformat(), m.stakeholders_es)
        for m in first.milestones.all()
    ] == [
        (
            "Hito 1: primer cantón publica su presupuesto",
            "Presupuesto en el portal",
            "2024-12-15",
            "Municipalidad de Cartago",
        )
    ]


def test_a_proposal_with_only_a_title_blocks_the_submission_listing_what_is_missing(journey):
    missing = [
        "Compromiso 3: falta «Breve descripción» en español.",
        "Compromiso 3: falta «Inicio del compromiso».",
        "Compromiso 3: falta «Fin del compromiso».",
        "Compromiso 3: falta «¿Qué problema busca resolver el compromiso?» en español.",
        "Compromiso 3: falta «¿Cuáles son las causas del problema?» en español.",
        "Compromiso 3: falta «¿Qué solución propone?» en español.",
        "Compromiso 3: falta «¿Qué resultados se quieren lograr al final del plan de acción?» "
        "en español.",
        "Compromiso 3: falta «Hitos».",
        "Compromiso 3: falta «Persona responsable».",
        "Compromiso 3: falta «Correo electrónico».",
    ]
    assert journey["submit_refused"] == missing
    assert journey["draft_statuses"] == ["draft"] * 3
    workspace = journey["workspace_incomplete"]
    assert workspace.status_code == 200
    assert [str(text) for text in workspace.context["sets"][0]["missing"]] == missing


def test_the_completed_set_of_three_is_submitted_with_no_alternate_slot(journey):
    assert journey["draft_3_completed"] == ["Propuesta guardada."]
    assert journey["submitted"] == ["Las propuestas se enviaron."]
    submitted = Proposal.objects.filter(plan=journey["plan"]).order_by("slot")
    assert [(p.slot, p.status) for p in submitted] == [
        ("commitment_1", Proposal.Status.SUBMITTED),
        ("commitment_2", Proposal.Status.SUBMITTED),
        ("commitment_3", Proposal.Status.SUBMITTED),
    ]
    workspace = journey["workspace_submitted"]
    [axis_set] = workspace.context["sets"]
    assert [slot for slot, _label, _proposal in axis_set["slots"]] == [
        "commitment_1",
        "commitment_2",
        "commitment_3",
    ]
    for page in (workspace.content.decode(), journey["edit_page"]):
        assert shown(page, ["Alternativa", "alternate_", "Alternate"]) == []


# --- assignment and review -------------------------------------------------------------------


def test_a_costa_rican_institution_is_named_lead_and_its_head_reviews_the_viability(journey):
    plan = journey["plan"]
    assert journey["assignment_opened"] == [
        "El paso 8. Instituciones responsables y objetivos está abierto."
    ]
    assert journey["review_opened"] == ["El paso 9. Revisión de viabilidad está abierto."]
    # The lead can only be one of Costa Rica's institutions.
    assert option_labels(journey["assign_page"], "lead") == ["DHR", "MICITT", "MIDEPLAN"]
    assert option_labels(journey["assign_page"], "others") == ["DHR", "MICITT", "MIDEPLAN"]
    assert journey["assigned"] == ["Instituciones responsables y objetivos guardados."]
    proposal = Proposal.objects.get(plan=plan, slot="commitment_1")
    assert sorted((i.organisation.acronym, i.is_lead) for i in proposal.institutions.all()) == [
        ("MICITT", False),
        ("MIDEPLAN", True),
    ]
    assert journey["head_named"] == ["Directora de MIDEPLAN tiene ahora el rol Máxima autoridad."]
    assert "Compromiso 1: presupuestos abiertos" in journey["reviews_page"]
    assert journey["reviewed"] == ["Revisión guardada. Ya es pública."]
    review = ViabilityReview.objects.get(proposal=proposal)
    assert (review.outcome, review.institution.acronym, review.reviewed_by.email) == (
        ViabilityReview.Outcome.VIABLE,
        "MIDEPLAN",
        HEAD_EMAIL,
    )
    # The review step's planned end is the default deadline.
    review_step = next(s for s in plan.steps.all() if "viability-review" in s.capabilities)
    assert review.due_on == review_step.planned_end


# --- each plan shows only its own data -------------------------------------------------------


def test_costa_ricas_pages_show_nothing_of_panama(journey):
    secretary = client_of(journey["secretary"])
    anonymous = Client()
    call = anonymous.get(url("participation:call", SLUG)).content.decode()
    assert option_labels(call, "region") == sorted(CR_PROVINCES)
    pages = {
        "call": call,
        "plan": anonymous.get(url("public:plan", SLUG)).content.decode(),
        "notice": anonymous.get(url("participation:privacy", SLUG)).content.decode(),
        "assign": journey["assign_page"],
        "people": secretary.get(url("workspace:people", SLUG)).content.decode(),
        "invitations": secretary.get(url("participation:invitations", SLUG)).content.decode(),
        "settings": secretary.get(url("workspace:plan_settings", SLUG)).content.decode(),
    }
    assert option_labels(pages["people"], "organisation") == ["DHR", "MICITT", "MIDEPLAN"]
    assert {name: shown(page, PANAMA_DATA) for name, page in pages.items()} == {
        name: [] for name in pages
    }


def test_panamas_pages_show_nothing_of_costa_rica(journey):
    panama = journey["panama"].slug
    secretary = client_of(journey["panama_secretary"])
    anonymous = Client()
    call = anonymous.get(url("participation:call", panama)).content.decode()
    assert option_labels(call, "region") == ["Coclé"]
    pages = {
        "call": call,
        "plan": anonymous.get(url("public:plan", panama)).content.decode(),
        "notice": anonymous.get(url("participation:privacy", panama)).content.decode(),
        "people": secretary.get(url("workspace:people", panama)).content.decode(),
        "organisations": secretary.get(url("workspace:organisations", panama)).content.decode(),
        "regions": secretary.get(url("workspace:regions", panama)).content.decode(),
    }
    assert "Ley 81 de 2019" in pages["notice"]
    assert {name: shown(page, COSTA_RICA_DATA) for name, page in pages.items()} == {
        name: [] for name in pages
    }


# --- numbers fixed once a set is submitted ---------------------------------------------------


def test_the_numbers_cannot_change_after_a_set_is_submitted(journey):
    client = client_of(journey["secretary"])
    settings_url = url("workspace:plan_settings", SLUG)
    page = client.get(settings_url)
    form = page.context["form"]
    assert [name for name in form.fields if form.fields[name].disabled] == [
        "max_commitments",
        "commitments_per_table_axis",
        "alternates_per_table_axis",
        "template_version",
    ]
    assert "Fijo: una mesa de trabajo ya envió sus propuestas." in page.content.decode()
    # A page loaded before the submission posts its numbers: refused, each with the reason.
    response = client.post(
        settings_url,
        form_data(form, commitments_per_table_axis="4", alternates_per_table_axis="1"),
    )
    assert response.status_code == 400
    reason = (
        "Esto ya no puede cambiar: una mesa de trabajo ya envió sus propuestas con los "
        "números y la plantilla de compromiso del plan."
    )
    errors = response.context["form"].errors
    assert errors == {
        "commitments_per_table_axis": [reason],
        "alternates_per_table_axis": [reason],
    }
    assert reason in response.content.decode()
    plan = ActionPlan.objects.get(slug=SLUG)
    assert (plan.commitments_per_table_axis, plan.alternates_per_table_axis) == (3, 0)


def test_a_programme_left_without_a_drafting_step_is_flagged_and_a_made_up_capability_refused(
    journey,
):
    client = client_of(journey["secretary"])
    plan = journey["plan"]
    drafting = next(s for s in plan.steps.all() if "drafting" in s.capabilities)
    edit = url("workspace:step_edit", SLUG, drafting.key)
    form = client.get(edit).context["form"]
    refused = client.post(edit, form_data(form, capabilities=["drafting", "teleport"]))
    assert refused.status_code == 200
    assert refused.context["form"].errors["capabilities"] == [
        "Escoja una opción válida. teleport no es una de las opciones disponibles."
    ]
    # The step that drafting is due in enables nothing: saved, and the dashboard says what the
    # cycle now lacks.
    saved = client.post(edit, form_data(form, capabilities=[]))
    assert saved.status_code == 302
    dashboard = client.get(url("workspace:plan", SLUG)).content.decode()
    warning = re.search(r'<p[^>]*id="missing-capabilities"[^>]*>(.*?)</p>', dashboard, re.S)
    assert warning.group(1).strip() == (
        "Ningún paso del programa habilita: Redacción de propuestas. "
        "Elija un paso que habilite cada una, o el ciclo no podrá hacerlo."
    )
