"""A cycle set up from the workspace: a platform administrator creates a plan and names its
secretariat, chooses the current plan; the secretariat edits the settings (numbers frozen once a
proposal set is submitted), the commission and the people who hold the plan's roles."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.organisations.models import Jurisdiction
from cocrea.plans import actions
from cocrea.plans.models import ActionPlan, Commission, PlanRole, PlatformAdministrator, Role
from cocrea.proposals.models import Proposal

from .conftest import ALL_PERSONAS, PLATFORM_POWERS, SECRETARIAT_POWERS
from .factories import OrganisationFactory, PlanFactory, UserFactory
from .factories_participation import TableFactory

User = get_user_model()


def _new_plan_data(**extra):
    return {
        "title_es": "Plan de Acción Local de David",
        "title_en": "David Local Action Plan",
        "slug": "david-2026",
        "country": "Panamá",
        "country_code": "pa",
        "period_start": "2026-07-01",
        "period_end": "2028-06-30",
        "new_jurisdiction_name": "Distrito de David",
        "new_jurisdiction_kind": "local",
        "secretariat": "ana.rios@example.org\nSECRETARY@example.org",
        **extra,
    }


def _settings_data(plan, **extra):
    """The settings form as the page shows it for `plan`, with `extra` typed over it."""
    data = {
        "title_es": plan.title_es,
        "title_en": plan.title_en or "",
        "summary_es": plan.summary_es or "",
        "summary_en": plan.summary_en or "",
        "period_start": plan.period_start.isoformat(),
        "period_end": plan.period_end.isoformat(),
        "jurisdiction": plan.jurisdiction_id,
        "languages": plan.language_list,
        "default_language": plan.default_language,
        "max_commitments": plan.max_commitments,
        "commitments_per_table_axis": plan.commitments_per_table_axis,
        "alternates_per_table_axis": plan.alternates_per_table_axis,
        "template_version": plan.template_version,
        "lead_agency": "",
        "contact_name": plan.contact_name,
        "contact_title_es": "",
        "contact_title_en": "",
        "contact_email": plan.contact_email,
        "contact_phone": "",
        "contact_address_es": "",
        "contact_address_en": "",
    }
    data.update(extra)
    return data


def _submit_a_set(plan):
    table = TableFactory(plan=plan, number=1)
    return Proposal.objects.create(
        plan=plan,
        working_table=table,
        axis=table.axes.get(),
        slot="commitment_1",
        status=Proposal.Status.SUBMITTED,
        title_es="Propuesta",
    )


# --- the platform administrator -----------------------------------------------------------------


def test_the_command_makes_the_first_platform_administrator(db):
    UserFactory(username="root", email="root@example.org")
    call_command("grant_platform_admin", "root@example.org")
    admin = PlatformAdministrator.objects.get()
    assert admin.user.username == "root"
    assert admin.granted_by is None
    assert ActionLog.objects.get(verb="plans.grant_platform_admin").public is False


def test_a_platform_administrator_creates_a_plan_and_names_its_secretariat(
    client, plan, people, django_capture_on_commit_callbacks
):
    people["secretary"].preferred_language = "en"
    people["secretary"].save(update_fields=["preferred_language"])
    client.force_login(people["platform_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workspace:plan_new"), _new_plan_data())
    assert response.status_code == 302
    created = ActionPlan.objects.get(slug="david-2026")
    assert created.title_es == "Plan de Acción Local de David"
    assert created.country_code == "PA"
    assert created.is_current is False
    assert plan.__class__.objects.get(pk=plan.pk).is_current is True
    assert created.jurisdiction.name == "Distrito de David"
    assert created.jurisdiction.kind == Jurisdiction.Kind.LOCAL
    assert created.jurisdiction.country_code == "PA"
    officers = PlanRole.objects.filter(plan=created, role=Role.SECRETARIAT).order_by("user__email")
    assert [r.user.email for r in officers] == ["ana.rios@example.org", "secretary@example.org"]
    # The existing account (address in another case) is found, not duplicated.
    assert officers[1].user == people["secretary"]
    new = officers[0].user
    assert new.has_usable_password() is False
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"ana.rios@example.org", "secretary@example.org"}
    # The new account, with no language of its own, is written to in the plan's default (es).
    assert by_address["ana.rios@example.org"].subject == ("Tu rol en Plan de Acción Local de David")
    assert "/accounts/password/reset/" in by_address["ana.rios@example.org"].body
    # The secretary reads English: the mail, the plan's title and the links are in English.
    assert by_address["secretary@example.org"].subject == "Your role in David Local Action Plan"
    assert "/en/workspace/david-2026/" in by_address["secretary@example.org"].body
    assert "password" not in by_address["secretary@example.org"].body
    # The new officer may now configure the plan, and nobody else's plan.
    assert new.has_perm("plans.configure_plan", created) is True
    assert new.has_perm("plans.configure_plan", plan) is False


def test_a_plan_chooses_an_existing_jurisdiction(client, plan, people):
    client.force_login(people["platform_admin"])
    data = _new_plan_data(jurisdiction=plan.jurisdiction_id, new_jurisdiction_name="")
    assert client.post(reverse("workspace:plan_new"), data).status_code == 302
    assert ActionPlan.objects.get(slug="david-2026").jurisdiction == plan.jurisdiction
    assert Jurisdiction.objects.count() == 1


@pytest.mark.parametrize(
    "extra, field, message",
    [
        ({"slug": "panama-test"}, "slug", "Otro plan ya tiene este nombre corto."),
        ({"secretariat": ""}, "secretariat", "Este campo es obligatorio."),
        ({"secretariat": "ana, no-address"}, "secretariat", "«ana» no es un correo electrónico."),
        (
            {"jurisdiction": "", "new_jurisdiction_name": ""},
            "jurisdiction",
            "Elija la jurisdicción del plan o cree una.",
        ),
        (
            {"period_end": "2026-01-01"},
            "period_end",
            "El período debe terminar después de su inicio.",
        ),
    ],
)
def test_a_new_plan_is_refused_with_a_clear_message(client, plan, people, extra, field, message):
    client.force_login(people["platform_admin"])
    response = client.post(reverse("workspace:plan_new"), _new_plan_data(**extra))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert not ActionPlan.objects.filter(slug="david-2026").exists()


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_platform_creates_plans(persona, client, plan, people):
    if persona != "anonymous":
        client.force_login(people[persona])
    response = client.post(reverse("workspace:plan_new"), _new_plan_data())
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif persona in PLATFORM_POWERS:
        assert response.status_code == 302
        assert ActionPlan.objects.filter(slug="david-2026").exists()
    else:
        assert response.status_code == 403
        assert not ActionPlan.objects.filter(slug="david-2026").exists()


def test_exactly_one_plan_is_current(client, plan, people):
    other = PlanFactory(slug="costa-rica")
    assert other.is_current is False
    client.force_login(people["platform_admin"])
    response = client.post(reverse("workspace:plan_current", args=[other.slug]))
    assert response.status_code == 302
    assert list(ActionPlan.objects.filter(is_current=True).values_list("slug", flat=True)) == [
        "costa-rica"
    ]
    entry = ActionLog.objects.get(verb="plans.set_current_plan")
    assert entry.data == {"previous": [plan.pk]}
    # Choosing it again changes nothing and logs nothing.
    client.post(reverse("workspace:plan_current", args=[other.slug]))
    assert ActionLog.objects.filter(verb="plans.set_current_plan").count() == 1


@pytest.mark.parametrize("persona", ["secretary", "citizen", "commissioner"])
def test_only_the_platform_chooses_the_current_plan(persona, client, plan, people):
    other = PlanFactory(slug="costa-rica")
    client.force_login(people[persona])
    assert client.post(reverse("workspace:plan_current", args=[other.slug])).status_code == 403
    assert ActionPlan.objects.get(is_current=True) == plan


def test_the_platform_home_lists_every_plan_and_the_current_one(client, plan, people):
    PlanFactory(slug="costa-rica", title_es="Plan de Costa Rica")
    client.force_login(people["platform_admin"])
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 200
    assert [p.slug for p in response.context["all_plans"]] == ["panama-test", "costa-rica"]
    html = response.content.decode()
    assert reverse("workspace:plan_new") in html
    assert reverse("workspace:plan_current", args=["costa-rica"]) in html
    assert reverse("workspace:plan_current", args=["panama-test"]) not in html


def test_a_person_with_one_plan_goes_straight_to_it(client, plan, people):
    client.force_login(people["secretary"])
    response = client.get(reverse("workspace:home"))
    assert response["Location"] == reverse("workspace:plan", args=[plan.slug])


def test_platform_administrators_name_others_and_keep_the_last(client, plan, people):
    client.force_login(people["platform_admin"])
    url = reverse("workspace:platform_admins")
    response = client.post(url, {"email": "nobody@example.org"})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "Ninguna cuenta tiene este correo electrónico."
    ]
    assert client.post(url, {"email": "CITIZEN@example.org"}).status_code == 302
    assert people["citizen"].has_perm("plans.add_actionplan") is True
    mine = PlatformAdministrator.objects.get(user=people["platform_admin"])
    theirs = PlatformAdministrator.objects.get(user=people["citizen"])
    assert theirs.granted_by == people["platform_admin"]
    client.post(reverse("workspace:platform_admin_revoke", args=[theirs.pk]))
    assert list(PlatformAdministrator.objects.all()) == [mine]
    with pytest.raises(ValidationError) as refused:
        actions.revoke_platform_admin(mine, by=people["platform_admin"])
    assert refused.value.messages == [
        "No se puede retirar a la última persona administradora de la plataforma."
    ]
    client.force_login(people["secretary"])
    assert client.get(url).status_code == 403


def test_a_platform_administrator_names_another_officer(
    client, plan, people, django_capture_on_commit_callbacks
):
    client.force_login(people["platform_admin"])
    url = reverse("workspace:plan_secretariat", args=[plan.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "luis@example.org", "full_name": "Luis Vega"})
    assert response.status_code == 302
    officer = PlanRole.objects.get(plan=plan, user__email="luis@example.org")
    assert (officer.role, officer.user.full_name) == (Role.SECRETARIAT, "Luis Vega")
    assert [m.to for m in mail.outbox] == [["luis@example.org"]]
    response = client.post(url, {"email": "secretary@example.org"})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "Secretary ya tiene el rol Oficial de la secretaría técnica en este plan."
    ]
    client.force_login(people["secretary"])
    assert client.get(url).status_code == 403


# --- the plan's settings ------------------------------------------------------------------------


def test_the_secretariat_edits_the_settings(client, plan, people):
    client.force_login(people["secretary"])
    url = reverse("workspace:plan_settings", args=[plan.slug])
    assert client.get(url).status_code == 200
    data = _settings_data(
        plan,
        title_en="Fourth National Action Plan",
        languages=["es", "en"],
        default_language="en",
        max_commitments="12",
        commitments_per_table_axis="3",
        alternates_per_table_axis="0",
        template_version="2022",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (
        plan.title_en,
        plan.default_language,
        plan.max_commitments,
        plan.commitments_per_table_axis,
        plan.alternates_per_table_axis,
        plan.proposals_per_table_axis,
        plan.template_version,
    ) == ("Fourth National Action Plan", "en", 12, 3, 0, 3, "2022")
    entry = ActionLog.objects.filter(verb="plans.update_plan").get()
    assert sorted(entry.data["fields"]) == [
        "alternates_per_table_axis",
        "commitments_per_table_axis",
        "default_language",
        "max_commitments",
        "template_version",
        "title_en",
    ]


@pytest.mark.parametrize(
    "extra, field, message",
    [
        (
            {"max_commitments": "0"},
            "max_commitments",
            "Asegúrese de que este valor es mayor o igual a 1.",
        ),
        (
            {"commitments_per_table_axis": "11"},
            "commitments_per_table_axis",
            "Asegúrese de que este valor es menor o igual a 10.",
        ),
        (
            {"alternates_per_table_axis": "-1"},
            "alternates_per_table_axis",
            "Asegúrese de que este valor es mayor o igual a 0.",
        ),
        (
            {"languages": ["xx", "zz"]},
            "languages",
            "Escoja una opción válida. xx no es una de las opciones disponibles.",
        ),
        (
            {"template_version": "1999"},
            "template_version",
            "Escoja una opción válida. 1999 no es una de las opciones disponibles.",
        ),
        (
            {"languages": ["en"], "default_language": "es"},
            "default_language",
            "El idioma predeterminado debe ser uno de los del plan.",
        ),
        (
            {"default_language": "en", "title_en": ""},
            "title_en",
            "Indique el título en el idioma predeterminado.",
        ),
    ],
)
def test_wrong_settings_are_form_errors(client, plan, people, extra, field, message):
    client.force_login(people["secretary"])
    url = reverse("workspace:plan_settings", args=[plan.slug])
    response = client.post(url, _settings_data(plan, **extra))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert ActionLog.objects.filter(verb="plans.update_plan").count() == 0


def test_numbers_are_frozen_once_a_set_is_submitted(client, plan, people):
    _submit_a_set(plan)
    client.force_login(people["secretary"])
    url = reverse("workspace:plan_settings", args=[plan.slug])
    page = client.get(url)
    assert page.context["form"].fields["max_commitments"].disabled is True
    assert "Una mesa de trabajo ya envió sus propuestas" in page.content.decode()
    # A post that changes them (a page loaded before the submission) is refused, field by field.
    response = client.post(
        url, _settings_data(plan, max_commitments="20", title_en="Renamed", template_version="2022")
    )
    assert response.status_code == 400
    frozen = (
        "Esto ya no puede cambiar: una mesa de trabajo ya envió sus propuestas con los "
        "números y la plantilla de compromiso del plan."
    )
    errors = response.context["form"].errors
    assert (errors["max_commitments"], errors["template_version"]) == ([frozen], [frozen])
    assert "commitments_per_table_axis" not in errors  # posted unchanged
    title_en = plan.title_en
    plan.refresh_from_db()
    assert (plan.max_commitments, plan.template_version, plan.title_en) == (10, "2017", title_en)
    # The page's own post (no disabled input) saves the other settings.
    data = _settings_data(plan, title_en="Renamed")
    for name in ("max_commitments", "commitments_per_table_axis", "alternates_per_table_axis"):
        del data[name]
    del data["template_version"]
    assert client.post(url, data).status_code == 302
    plan.refresh_from_db()
    assert (plan.max_commitments, plan.template_version, plan.title_en) == (10, "2017", "Renamed")
    # The action refuses them whoever calls it.
    with pytest.raises(ValidationError) as refused:
        actions.update_plan(plan, by=people["secretary"], commitments_per_table_axis=3)
    assert refused.value.message_dict == {
        "commitments_per_table_axis": [
            "Esto ya no puede cambiar: una mesa de trabajo ya envió sus propuestas con los "
            "números y la plantilla de compromiso del plan."
        ]
    }


def test_a_draft_set_does_not_freeze_the_numbers(plan, people):
    proposal = _submit_a_set(plan)
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.DRAFT)
    assert actions.update_plan(plan, by=people["secretary"], max_commitments=7) == [
        "max_commitments"
    ]


def test_the_admin_refuses_wrong_settings_on_its_form(client, plan):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:plans_actionplan_change", args=[plan.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        languages="xx,zz",
        commitments_per_table_axis="0",
        period_start="2017-01-01",
        period_end="2019-12-31",
        jurisdiction=plan.jurisdiction_id,
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["languages"] == ["El sitio no admite estos idiomas: xx, zz. Elija entre: es, en."]
    assert errors["commitments_per_table_axis"] == [
        "Asegúrese de que este valor es mayor o igual a 1."
    ]
    assert "is_current" not in form.fields


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_only_the_secretariat_opens_the_setup_pages(persona, client, plan, people):
    if persona != "anonymous":
        client.force_login(people[persona])
    for name in ("plan_settings", "commission", "people"):
        response = client.get(reverse(f"workspace:{name}", args=[plan.slug]))
        if persona == "anonymous":
            assert response.status_code == 302
        elif persona in SECRETARIAT_POWERS:
            assert response.status_code == 200
        else:
            assert response.status_code == 403, name


# --- the commission -----------------------------------------------------------------------------


def test_the_secretariat_sets_up_the_commission_and_its_members(
    client, plan, people, django_capture_on_commit_callbacks
):
    client.force_login(people["secretary"])
    url = reverse("workspace:commission", args=[plan.slug])
    response = client.post(
        url,
        {
            "name_es": "Comisión Nacional de Gobierno Abierto",
            "name_en": "National Open Government Commission",
            "acronym": "CNGA",
            "mandate_es": "Dar seguimiento al plan.",
        },
    )
    assert response.status_code == 302
    commission = Commission.objects.get(plan=plan)
    assert (commission.name_es, commission.acronym) == (
        "Comisión Nacional de Gobierno Abierto",
        "CNGA",
    )
    ngo = OrganisationFactory(name_es="Fundación Libertad Ciudadana")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "add_member": "1",
                "email": "marta@example.org",
                "full_name": "Marta Solís",
                "organisation": ngo.pk,
            },
        )
    assert response.status_code == 302
    member = PlanRole.objects.get(plan=plan, user__email="marta@example.org")
    assert (member.role, member.organisation) == (Role.COMMISSION_MEMBER, ngo)
    assert [m.to for m in mail.outbox] == [["marta@example.org"]]
    page = client.get(url)
    assert sorted(m.user.full_name for m in page.context["members"]) == [
        "Commissioner",
        "Marta Solís",
    ]
    response = client.post(
        reverse("workspace:role_revoke", args=[plan.slug, member.pk]), {"back": "commission"}
    )
    assert response["Location"] == url
    assert not PlanRole.objects.filter(pk=member.pk).exists()


def test_a_commission_without_a_name_is_refused(client, plan, people):
    client.force_login(people["secretary"])
    response = client.post(reverse("workspace:commission", args=[plan.slug]), {"acronym": "X"})
    assert response.status_code == 400
    assert response.context["form"].errors["name_es"] == ["Este campo es obligatorio."]
    assert not Commission.objects.filter(plan=plan).exists()


# --- people and roles ---------------------------------------------------------------------------


def test_people_invited_by_e_mail_get_a_mail_in_their_language(
    client, plan, people, django_capture_on_commit_callbacks
):
    UserFactory(username="jane", email="jane@example.org", preferred_language="en")
    client.force_login(people["secretary"])
    url = reverse("workspace:people", args=[plan.slug])
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("JANE@example.org", "pedro@example.org"):
            response = client.post(url, {"email": email, "role": Role.PARTICIPANT})
            assert response.status_code == 302
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "jane@example.org": f"Your role in {plan.title_en}",
        "pedro@example.org": f"Tu rol en {plan.title_es}",
    }
    pedro = User.objects.get(email="pedro@example.org")
    assert PlanRole.objects.get(plan=plan, user=pedro).role == Role.PARTICIPANT
    assert User.objects.filter(email__iexact="jane@example.org").count() == 1


def test_the_people_page_filters_by_role_and_refuses_a_second_grant(client, plan, people):
    client.force_login(people["secretary"])
    url = reverse("workspace:people", args=[plan.slug])
    page = client.get(url, {"role": Role.COMMISSION_MEMBER})
    assert [r.user.username for r in page.context["roles"]] == ["commissioner"]
    everyone = client.get(url, {"role": "not-a-role"})
    assert everyone.context["roles"].paginator.count == 7
    response = client.post(url, {"email": "leader@example.org", "role": Role.TABLE_LEADER})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "Leader ya tiene el rol Responsable de mesa en este plan."
    ]
    response = client.post(url, {"email": "x@example.org", "role": "king"})
    assert response.context["form"].errors["role"] == [
        "Escoja una opción válida. king no es una de las opciones disponibles."
    ]


def test_revoking_a_role_asks_first_and_logs(client, plan, people):
    client.force_login(people["secretary"])
    participant = PlanRole.objects.get(plan=plan, user__username="participant")
    page = client.get(reverse("workspace:people", args=[plan.slug]))
    assert "data-confirm=" in page.content.decode()
    response = client.post(reverse("workspace:role_revoke", args=[plan.slug, participant.pk]))
    assert response.status_code == 302
    assert not PlanRole.objects.filter(pk=participant.pk).exists()
    assert ActionLog.objects.filter(verb="plans.revoke_role").count() == 1


@pytest.mark.parametrize("persona", ["commissioner", "participant", "citizen", "platform_admin"])
def test_wrong_personas_cannot_give_or_withdraw_roles(persona, client, plan, people):
    client.force_login(people[persona])
    participant = PlanRole.objects.get(plan=plan, user__username="participant")
    url = reverse("workspace:people", args=[plan.slug])
    assert client.post(url, {"email": "x@example.org", "role": "secretariat"}).status_code == 403
    revoke = reverse("workspace:role_revoke", args=[plan.slug, participant.pk])
    assert client.post(revoke).status_code == 403
    assert PlanRole.objects.filter(pk=participant.pk).exists()
    assert not User.objects.filter(email="x@example.org").exists()


def test_the_dashboard_links_the_setup_pages_for_the_secretariat_only(client, plan, people):
    client.force_login(people["secretary"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    for name in ("plan_settings", "commission", "people"):
        assert reverse(f"workspace:{name}", args=[plan.slug]) in html
    client.force_login(people["leader"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert reverse("workspace:plan_settings", args=[plan.slug]) not in html


def test_create_plan_refuses_whoever_is_not_the_platform(plan, people):
    with pytest.raises(PermissionDenied):
        actions.create_plan(
            by=people["secretary"],
            slug="x",
            title="X",
            country="P",
            country_code="PA",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2027, 1, 1),
        )
    plan_made = actions.create_plan(
        by=SYSTEM,
        slug="x",
        title="X",
        country="P",
        country_code="PA",
        jurisdiction=plan.jurisdiction,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2027, 1, 1),
    )
    assert plan_made.is_current is False


def test_the_last_secretariat_officer_stays(client, plan, people):
    client.force_login(people["secretary"])
    mine = PlanRole.objects.get(plan=plan, user=people["secretary"], role=Role.SECRETARIAT)
    response = client.post(reverse("workspace:role_revoke", args=[plan.slug, mine.pk]), follow=True)
    assert PlanRole.objects.filter(pk=mine.pk).exists()
    assert [str(m) for m in response.context["messages"]] == [
        "No se puede retirar al último oficial de la secretaría técnica del plan."
    ]


def test_the_mailed_link_lets_a_new_officer_choose_a_password_and_log_in(
    client, plan, people, django_capture_on_commit_callbacks
):
    client.force_login(people["platform_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workspace:plan_secretariat", args=[plan.slug]), {"email": "luis@example.org"}
        )
    client.logout()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    form_page = client.get(link.replace("http://testserver", ""), follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    password = "una-clave-larga-2026"
    response = client.post(set_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    assert client.login(username="luis@example.org", password=password) is True
    assert client.get(reverse("workspace:home"))["Location"] == reverse(
        "workspace:plan", args=[plan.slug]
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_setup_pages_answer_in_both_languages(language, client, plan, people):
    from django.utils import translation

    client.force_login(people["secretary"])
    with translation.override(language):
        urls = [
            reverse(f"workspace:{n}", args=[plan.slug])
            for n in ("plan_settings", "commission", "people")
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
    client.force_login(people["platform_admin"])
    with translation.override(language):
        for url in (reverse("workspace:plan_new"), reverse("workspace:platform_admins")):
            assert client.get(url).status_code == 200


@pytest.mark.browser
def test_the_setup_pages_fit_a_phone_screen(browser, live_server, transactional_db, plan, people):
    context = browser.new_context(locale="es-PA", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    pages = {
        "secretary": [
            reverse(f"workspace:{name}", args=[plan.slug])
            for name in ("plan", "plan_settings", "commission", "people")
        ],
        "platform_admin": [
            reverse("workspace:home"),
            reverse("workspace:plan_new"),
            reverse("workspace:platform_admins"),
            reverse("workspace:plan_secretariat", args=[plan.slug]),
        ],
    }
    overflowing = {}
    try:
        for persona, paths in pages.items():
            context.clear_cookies()
            phone.goto(f"{live_server.url}{reverse('accounts:login')}")
            phone.fill("#id_username", persona)
            phone.fill("#id_password", "secret-pass-123")
            phone.locator("main button[type=submit]").click()
            phone.wait_for_load_state()
            for path in paths:
                phone.goto(live_server.url + path, wait_until="load")
                assert phone.locator("h1").count() == 1, path
                extra = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if extra > 0:
                    overflowing[path] = extra
    finally:
        context.close()
    assert overflowing == {}


def test_the_number_inputs_carry_the_plan_ranges(client, plan, people):
    client.force_login(people["secretary"])
    html = client.get(reverse("workspace:plan_settings", args=[plan.slug])).content.decode()
    assert 'name="commitments_per_table_axis" value="2" min="1" max="10"' in html
    assert 'name="alternates_per_table_axis" value="1" min="0" max="5"' in html
    assert "De 0 a 5; 0: las mesas no proponen alternos." in html
