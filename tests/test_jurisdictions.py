"""Two plans in two jurisdictions (Panama, Costa Rica): each offers only its own regions and
institutions, shows its own versioned privacy notice, and speaks only its own languages, on its
pages and in its mails."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.events import actions as event_actions
from cocrea.events.forms import RegistrationForm as EventRegistrationForm
from cocrea.news import actions as news_actions
from cocrea.organisations import actions as territory
from cocrea.organisations.models import Organisation, Region
from cocrea.organisations.queries import institutions_of, organisations_of, regions_of
from cocrea.participation import actions
from cocrea.participation.forms import LiaisonRequestForm, RegistrationForm
from cocrea.participation.models import ConsentRecord, Registration, Sector
from cocrea.plans.actions import grant_role
from cocrea.plans.models import Role
from cocrea.proposals.forms import AssignForm

from .factories import (
    AxisFactory,
    JurisdictionFactory,
    OrganisationFactory,
    PlanFactory,
    RegionFactory,
    StepFactory,
    UserFactory,
)
from .factories_events import EventFactory
from .factories_participation import OpenCallFactory, PrivacyNoticeFactory

CR_PROVINCES = ["San José", "Alajuela", "Cartago", "Heredia", "Guanacaste", "Puntarenas", "Limón"]
CR_INSTITUTIONS = [
    ("MIDEPLAN", "Ministerio de Planificación Nacional y Política Económica"),
    ("MICITT", "Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones"),
    ("DHR", "Defensoría de los Habitantes"),
]
CR_LAW = "Ley 8968 de Protección de la Persona frente al tratamiento de sus datos personales."
# Spanish words of the UI an English page must never show.
SPANISH = ["Inscripción", "Inscripciones", "Provincia", "Eje", "Convocatoria", "Sus datos"]


@pytest.fixture
def costa_rica(db):
    jurisdiction = JurisdictionFactory(
        code="cr",
        name_es="Costa Rica",
        name_en="Costa Rica",
        country_code="CR",
        region_label_es="Provincias",
        region_label_en="Provinces",
    )
    regions = [
        RegionFactory(jurisdiction=jurisdiction, country_code="CR", code=f"CR-{n}", name=name)
        for n, name in enumerate(CR_PROVINCES, start=1)
    ]
    institutions = [
        OrganisationFactory(
            jurisdiction=jurisdiction,
            region=regions[0],
            acronym=acronym,
            name_es=name,
            name_en=name,
            kind=Organisation.Kind.PUBLIC_INSTITUTION,
        )
        for acronym, name in CR_INSTITUTIONS
    ]
    return jurisdiction, regions, institutions


@pytest.fixture
def panama(plan):
    chiriqui = RegionFactory(code="CH", name="Chiriquí", is_capital=False)
    ministry = OrganisationFactory(
        name_es="Ministerio de Salud", acronym="MINSA", kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    return chiriqui, ministry


@pytest.fixture
def cr_plan(costa_rica):
    jurisdiction, _regions, _institutions = costa_rica
    plan = PlanFactory(
        slug="costa-rica",
        jurisdiction=jurisdiction,
        country="Costa Rica",
        country_code="CR",
        is_current=False,
    )
    AxisFactory(plan=plan, number=1)
    OpenCallFactory(plan=plan, notice=False)
    PrivacyNoticeFactory(
        plan=plan,
        version=1,
        legal_basis_es=CR_LAW,
        legal_basis_en="Costa Rica's Law 8968 on the protection of personal data.",
    )
    return plan


@pytest.fixture
def cr_secretary(cr_plan):
    user = UserFactory(username="tica", full_name="Ana Tica")
    grant_role(cr_plan, user, Role.SECRETARIAT, by=SYSTEM)
    return user


@pytest.fixture
def english_plan(db):
    """A plan whose only language is English."""
    plan = PlanFactory(
        slug="english-only",
        languages="en",
        default_language="en",
        title_es="",
        title_en="English-only plan",
        is_current=False,
    )
    AxisFactory(plan=plan, number=1, name_es="", name_en="Open data")
    OpenCallFactory(plan=plan, title_es="", text_es="", channels_es="", notice=False)
    PrivacyNoticeFactory(
        plan=plan, version=1, legal_basis_es="", text_es="", legal_basis_en="A law on data."
    )
    return plan


def call_form(plan, region, **extra):
    data = {
        "full_name": "Lucía Pérez",
        "email": "lucia@example.net",
        "phone": "",
        "organisation_name": "",
        "sector": Sector.CITIZEN,
        "region": region.pk,
        "axes": [plan.axes.get().pk],
        "heard_from": "",
        "accessibility": "",
        "consent": "on",
        "website": "",
    }
    data.update(extra)
    return data


def en(name: str, args=()) -> str:
    """The English page's path, whatever language the last request left active."""
    with translation.override("en"):
        return reverse(name, args=args)


def option_labels(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)<', select)]


# --- each plan offers only its own regions and institutions --------------------------------------


def test_the_queries_answer_each_plan_with_its_own_jurisdiction(plan, panama, cr_plan, costa_rica):
    chiriqui, ministry = panama
    _jurisdiction, regions, institutions = costa_rica
    assert list(regions_of(cr_plan)) == sorted(regions, key=lambda r: r.name)
    assert set(regions_of(plan)) == {chiriqui, ministry.region}
    assert set(institutions_of(cr_plan)) == set(institutions)
    assert set(institutions_of(plan)) == {ministry}
    assert ministry not in organisations_of(cr_plan)


def test_each_call_offers_only_its_plans_regions(client, plan, panama, cr_plan):
    OpenCallFactory(plan=plan)
    AxisFactory(plan=plan, number=1)
    costa = client.get(en("participation:call", args=[cr_plan.slug])).content.decode()
    assert option_labels(costa, "region") == sorted(CR_PROVINCES)
    assert '<label for="id_region">Provinces:</label>' in costa
    panama_page = client.get(en("participation:call", args=[plan.slug]))
    assert option_labels(panama_page.content.decode(), "region") == ["Chiriquí", "Panamá"]


# Refusals by the actions are read in the site's default language (Spanish).


def test_a_region_of_another_jurisdiction_posted_to_the_call_is_refused(client, panama, cr_plan):
    chiriqui, _ministry = panama
    url = en("participation:call", args=[cr_plan.slug])
    response = client.post(url, call_form(cr_plan, chiriqui))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Registration.objects.count() == 0
    # The action refuses it too, whoever calls it.
    translation.activate("es")  # the English page left English active
    with pytest.raises(ValidationError) as refused:
        actions.register(
            cr_plan,
            by=SYSTEM,
            full_name="Ana",
            email="ana@example.net",
            sector=Sector.CITIZEN,
            region_id=chiriqui.pk,
        )
    assert refused.value.messages == ["Esta región pertenece a otra jurisdicción."]


def test_the_registrations_filter_and_the_liaison_form_offer_only_the_plans_lists(
    panama, cr_plan, costa_rica
):
    _jurisdiction, regions, institutions = costa_rica
    liaison = LiaisonRequestForm(plan=cr_plan)
    assert set(liaison.fields["institution"].queryset) == set(institutions)
    assert liaison.fields["language"].choices == [("es", "Español"), ("en", "English")]
    form = RegistrationForm(plan=cr_plan)
    assert set(form.fields["region"].queryset) == set(regions)
    assign = AssignForm(plan=cr_plan)
    assert set(assign.fields["lead"].queryset) == set(institutions)
    events = EventRegistrationForm(plan=cr_plan)
    assert set(events.fields["region"].queryset) == set(regions)


def test_an_institution_of_another_jurisdiction_is_refused_for_a_liaison(
    client, panama, cr_plan, cr_secretary
):
    _chiriqui, ministry = panama
    client.force_login(cr_secretary)
    url = en("participation:liaisons", args=[cr_plan.slug])
    response = client.post(
        url,
        {
            "axis": cr_plan.axes.get().pk,
            "institution": ministry.pk,
            "head_name": "Eduardo",
            "head_email": "eduardo@example.org",
            "due_on": "2017-06-01",
            "language": "es",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    translation.activate("es")  # the English page left English active
    with pytest.raises(ValidationError) as refused:
        actions.request_liaison(
            cr_plan,
            by=cr_secretary,
            axis=cr_plan.axes.get(),
            institution=ministry,
            head_name="Eduardo",
            head_email="eduardo@example.org",
            due_on=datetime.date(2017, 6, 1),
        )
    assert refused.value.messages == ["Esta institución pertenece a otra jurisdicción."]


def test_an_event_refuses_a_region_of_another_jurisdiction(panama, cr_plan):
    chiriqui, _ministry = panama
    event = EventFactory(plan=cr_plan, registration_open=True)
    with pytest.raises(ValidationError) as refused:
        event_actions.register(
            event, by=SYSTEM, name="Ana", email="ana@example.net", region=chiriqui
        )
    assert refused.value.messages == ["Esta región pertenece a otra jurisdicción."]


# --- the secretariat keeps its jurisdiction's lists ----------------------------------------------


def test_the_secretariat_adds_and_edits_its_jurisdictions_regions(
    client, cr_plan, cr_secretary, panama
):
    chiriqui, _ministry = panama
    client.force_login(cr_secretary)
    new = en("workspace:region_create", args=[cr_plan.slug])
    response = client.post(new, {"code": "CR-8", "name": "Isla del Coco", "is_capital": ""})
    assert response.status_code == 302
    coco = Region.objects.get(code="CR-8")
    assert (coco.jurisdiction.code, coco.country_code) == ("cr", "CR")
    edit = en("workspace:region_edit", args=[cr_plan.slug, coco.pk])
    client.post(edit, {"code": "CR-8", "name": "Isla del Coco (Puntarenas)", "is_capital": ""})
    coco.refresh_from_db()
    assert coco.name == "Isla del Coco (Puntarenas)"
    logged = ActionLog.objects.filter(plan=cr_plan, verb__startswith="organisations.")
    assert list(logged.order_by("id").values_list("verb", flat=True)) == [
        "organisations.add_region",
        "organisations.change_region",
    ]
    # A code already used in the jurisdiction is a form error; another's region is not found.
    again = client.post(new, {"code": "cr-1", "name": "Otra", "is_capital": ""})
    assert "Another region of this jurisdiction has this code." in again.content.decode()
    foreign = en("workspace:region_edit", args=[cr_plan.slug, chiriqui.pk])
    assert client.get(foreign).status_code == 404
    listing = client.get(en("workspace:regions", args=[cr_plan.slug]) + "?q=coco")
    assert "Isla del Coco (Puntarenas)" in listing.content.decode()
    assert "San José" not in listing.content.decode()


def test_the_secretariat_adds_an_organisation_to_its_jurisdiction(client, cr_plan, cr_secretary):
    client.force_login(cr_secretary)
    url = en("workspace:organisation_create", args=[cr_plan.slug])
    response = client.post(
        url,
        {
            "name_es": "Instituto Costarricense de Electricidad",
            "name_en": "Costa Rican Electricity Institute",
            "acronym": "ICE",
            "kind": Organisation.Kind.PUBLIC_INSTITUTION,
            "region": "",
            "website": "",
        },
    )
    assert response.status_code == 302
    ice = Organisation.objects.get(acronym="ICE")
    assert (ice.jurisdiction.code, ice.sector) == ("cr", Organisation.Sector.GOVERNMENT)
    assert ice in institutions_of(cr_plan)


def test_only_the_plans_secretariat_manages_its_jurisdiction(client, plan, people, cr_plan):
    url = en("workspace:regions", args=[cr_plan.slug])
    client.force_login(people["secretary"])  # Panama's secretariat
    assert client.get(url).status_code == 403
    with pytest.raises(Exception) as refused:
        territory.add_region(cr_plan, by=people["secretary"], code="X", name="X")
    assert refused.type.__name__ == "PermissionDenied"


# --- the privacy notice is the plan's, versioned --------------------------------------------------


def test_the_notice_shows_the_plans_legal_basis_and_version(client, plan, cr_plan, cr_secretary):
    actions.publish_notice(
        cr_plan,
        by=cr_secretary,
        legal_basis_es=CR_LAW,
        text_es="El MIDEPLAN conserva sus datos para la cocreación del plan.",
        text_en="MIDEPLAN keeps your data for the co-creation of the plan.",
        legal_basis_en="Costa Rica's Law 8968 on the protection of personal data.",
    )
    text = client.get(reverse("participation:call", args=[cr_plan.slug])).content.decode()
    assert CR_LAW in text
    assert "El MIDEPLAN conserva sus datos para la cocreación del plan." in text
    assert "Versión 2 del aviso" in text
    assert "81" not in re.search(r'<aside[^>]*id="privacy".*?</aside>', text, re.S).group(0)
    english = client.get(en("participation:privacy", args=[cr_plan.slug]))
    assert "Costa Rica&#x27;s Law 8968" in english.content.decode()
    assert "Notice version 2, published" in english.content.decode()


def test_a_published_notice_version_is_never_edited_a_new_one_is_added(cr_plan, cr_secretary):
    first = cr_plan.privacy_notices.get()
    second = actions.publish_notice(
        cr_plan, by=cr_secretary, legal_basis_es="Ley 8968.", text_es="Texto nuevo."
    )
    first.refresh_from_db()
    assert (first.version, first.legal_basis_es) == (1, CR_LAW)
    assert (second.version, second.text_es) == (2, "Texto nuevo.")


def test_a_notice_needs_its_text_in_the_plans_default_language(english_plan, db):
    secretary = UserFactory(username="eng")
    grant_role(english_plan, secretary, Role.SECRETARIAT, by=SYSTEM)
    with pytest.raises(ValidationError) as refused:
        actions.publish_notice(
            english_plan, by=secretary, legal_basis_es="Ley.", text_es="Texto en español."
        )
    assert refused.value.messages == [
        "La base legal y el aviso son obligatorios en el idioma principal del plan."
    ]


def test_the_call_takes_no_registration_before_a_notice_is_published(panama, db):
    chiriqui, _ministry = panama
    bare = PlanFactory(slug="bare", is_current=False)
    OpenCallFactory(plan=bare, notice=False)
    with pytest.raises(ValidationError) as refused:
        actions.register(
            bare,
            by=SYSTEM,
            full_name="Ana",
            email="ana@example.net",
            sector=Sector.CITIZEN,
            region_id=chiriqui.pk,
        )
    assert refused.value.messages == [
        "El aviso de privacidad del plan aún no está publicado: las inscripciones se abren con él."
    ]


def register_in(plan, region, email="ana@example.net", language="es"):
    registration, _created = actions.register(
        plan,
        by=SYSTEM,
        language=language,
        full_name="Ana Mora",
        email=email,
        sector=Sector.CITIZEN,
        region_id=region.pk,
    )
    return registration


def test_a_consent_keeps_the_plan_the_notice_version_and_the_time(cr_plan, costa_rica):
    _jurisdiction, regions, _institutions = costa_rica
    before = timezone.now()
    registration = register_in(cr_plan, regions[0])
    consent = ConsentRecord.objects.get(registration=registration)
    assert (consent.plan, consent.notice, consent.notice_version) == (
        cr_plan,
        cr_plan.privacy_notices.get(version=1),
        "1",
    )
    assert before <= consent.given_at <= timezone.now()


def test_a_new_version_that_requires_consent_asks_registrants_again(
    client, cr_plan, cr_secretary, costa_rica
):
    _jurisdiction, regions, _institutions = costa_rica
    registration = register_in(cr_plan, regions[0])
    registration, token = actions.confirm_registration(registration.link_token, by=SYSTEM)
    page = en("participation:my_data", args=[token])
    assert "The privacy notice has changed" not in client.get(page).content.decode()
    # A new version that does not ask changes nothing for the registrant.
    actions.publish_notice(cr_plan, by=cr_secretary, legal_basis_es=CR_LAW, text_es="v2")
    assert "The privacy notice has changed" not in client.get(page).content.decode()
    actions.publish_notice(
        cr_plan, by=cr_secretary, legal_basis_es=CR_LAW, text_es="v3", requires_new_consent=True
    )
    text = client.get(page).content.decode()
    assert "The privacy notice has changed" in text
    assert "Notice version 3, published" in text
    response = client.post(en("participation:my_data_consent", args=[token]))
    assert response.status_code == 302
    assert list(
        registration.consents.order_by("given_at", "id").values_list("notice__version", "plan")
    ) == [(1, cr_plan.pk), (3, cr_plan.pk)]
    assert "The privacy notice has changed" not in client.get(page).content.decode()


def test_the_notices_page_publishes_a_new_version(client, cr_plan, cr_secretary):
    client.force_login(cr_secretary)
    url = en("participation:notices", args=[cr_plan.slug])
    page = client.get(url).content.decode()
    assert CR_LAW in page  # the new version starts from the current text
    response = client.post(
        url,
        {
            "legal_basis_es": CR_LAW,
            "legal_basis_en": "",
            "text_es": "Nuevo texto.",
            "text_en": "",
            "requires_new_consent": "on",
        },
    )
    assert response.status_code == 302
    latest = cr_plan.privacy_notices.order_by("-version").first()
    assert (latest.version, latest.text_es, latest.requires_new_consent) == (
        2,
        "Nuevo texto.",
        True,
    )


def test_sign_up_records_the_current_plans_notice_version(client, plan, panama):
    OpenCallFactory(plan=plan)  # publishes the plan's notice, version 1
    notice = plan.privacy_notices.get()
    client.post(
        en("accounts:signup"),
        {
            "full_name": "Lucía Pérez",
            "email": "lucia@example.net",
            "password1": "a-long-enough-pass-42",
            "password2": "a-long-enough-pass-42",
            "accept_privacy": "on",
        },
    )
    entry = ActionLog.objects.get(verb="accounts.sign_up")
    assert entry.data["privacy_notice"] == {
        "plan": plan.slug,
        "version": 1,
        "id": notice.pk,
    }


# --- mails in the recipient's language, else the plan's default ----------------------------------


def test_mails_go_out_in_the_recipients_language_or_the_plans_default(
    cr_plan, costa_rica, english_plan, django_capture_on_commit_callbacks
):
    _jurisdiction, regions, _institutions = costa_rica
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register_in(cr_plan, regions[0], email="en@example.net", language="en")
        register_in(cr_plan, regions[0], email="es@example.net", language="es")
        # A language the plan does not offer falls back to its default (Spanish here).
        register_in(cr_plan, regions[0], email="fr@example.net", language="fr")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "en@example.net": "Confirm your registration",
        "es@example.net": "Confirme su inscripción",
        "fr@example.net": "Confirme su inscripción",
    }
    assert Registration.objects.get(email="fr@example.net").language == "fr"


def test_the_head_of_institution_is_mailed_in_the_language_chosen(
    cr_plan, cr_secretary, costa_rica, django_capture_on_commit_callbacks
):
    _jurisdiction, _regions, institutions = costa_rica
    StepFactory(plan=cr_plan, number=90, status="open", capabilities=["liaisons"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = actions.request_liaison(
            cr_plan,
            by=cr_secretary,
            axis=cr_plan.axes.get(),
            institution=institutions[0],
            head_name="Laura",
            head_email="laura@mideplan.example",
            due_on=datetime.date(2017, 6, 1),
            language="en",
        )
    assert request.language == "en"
    [message] = mail.outbox
    assert message.subject.startswith("Designation of an institutional liaison")


# --- an English-only plan shows no Spanish --------------------------------------------------------


def test_an_english_only_plans_pages_show_no_spanish_even_to_a_spanish_browser(
    client, english_plan
):
    for url in [
        reverse("participation:call", args=[english_plan.slug]),
        reverse("participation:privacy", args=[english_plan.slug]),
        reverse("public:programme", args=[english_plan.slug]),
        reverse("news:take_part", args=[english_plan.slug]),
    ]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
        text = response.content.decode()
        assert response.status_code == 200, url
        assert '<html lang="en">' in text, url
        assert [word for word in SPANISH if word in text] == [], url
        # The switcher offers only the plan's language.
        assert 'hreflang="es"' not in text, url


def test_an_english_only_plans_call_mail_is_in_english(
    client, english_plan, panama, django_capture_on_commit_callbacks
):
    chiriqui, _ministry = panama
    english_plan.jurisdiction.regions.get(pk=chiriqui.pk)  # Panama's, like the plan
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participation:call", args=[english_plan.slug]),
            call_form(english_plan, chiriqui),
            HTTP_ACCEPT_LANGUAGE="es",
        )
    assert response.status_code == 302
    assert Registration.objects.get().language == "en"
    [message] = mail.outbox
    assert message.subject == "Confirm your registration"
    assert [word for word in SPANISH + ["Confirme"] if word in message.body] == []


def test_news_of_an_english_only_plan_needs_no_spanish(english_plan):
    secretary = UserFactory(username="eng")
    grant_role(english_plan, secretary, Role.SECRETARIAT, by=SYSTEM)
    item = news_actions.publish_news(
        english_plan, by=secretary, title_en="Call open", body_en="Register now."
    )
    assert item.title_en == "Call open"
    with pytest.raises(ValidationError) as refused:
        news_actions.publish_news(english_plan, by=secretary, title_es="Hola", body_es="Texto")
    assert refused.value.messages == [
        "Una noticia necesita un título y un texto en el idioma principal del plan."
    ]


def test_forms_of_an_english_only_plan_ask_english_texts_not_spanish(plan, english_plan):
    from cocrea.events.forms import CancelEventForm, MinutesForm
    from cocrea.news.forms import NewsForm

    news = NewsForm(plan=english_plan)
    assert [name for name in news.fields if name.endswith("_es")] == []
    assert (news.fields["title_en"].required, news.fields["body_en"].required) == (True, True)
    english = {"reason_es": "", "reason_en": "A storm."}
    assert CancelEventForm(english, plan=english_plan).is_valid()
    assert not CancelEventForm(english, plan=plan).is_valid()  # Spanish is Panama's default
    minutes = MinutesForm(
        {"minutes_es": "", "minutes_en": "We met.", "decisions_es": "", "decisions_en": "A\nB"},
        plan=english_plan,
    )
    assert minutes.is_valid()
    assert minutes.decisions() == [("", "A"), ("", "B")]


def test_consents_older_than_the_versioned_notice_keep_their_label_and_point_at_version_1(plan):
    from importlib import import_module

    from django.apps import apps

    from .factories_participation import RegistrationFactory

    migration = import_module("cocrea.participation.migrations.0004_privacy_notices")
    registration = RegistrationFactory(plan=plan)
    given = timezone.make_aware(datetime.datetime(2017, 4, 20, 9, 30))
    old = ConsentRecord.objects.create(
        registration=registration, notice_version="2026-1", purposes=["contact"], given_at=given
    )
    migration.forwards(apps, None)
    old.refresh_from_db()
    notice = plan.privacy_notices.get()
    assert (old.plan, old.notice, old.notice_version, old.given_at) == (
        plan,
        notice,
        "2026-1",
        given,
    )
    assert (notice.version, notice.published_at) == (1, given)
    assert notice.legal_basis_en == "Panama's Law 81 of 2019 on personal data."


def test_the_territory_and_notice_pages_work_in_both_languages(client, cr_plan, cr_secretary):
    client.force_login(cr_secretary)
    for name in ("workspace:regions", "workspace:organisations", "participation:notices"):
        with translation.override("es"):
            spanish = client.get(reverse(name, args=[cr_plan.slug]))
        assert spanish.status_code == 200, name
        assert '<html lang="es">' in spanish.content.decode()
        english = client.get(en(name, args=[cr_plan.slug]))
        assert english.status_code == 200, name
        if name.startswith("workspace:"):  # the jurisdiction's own word for its regions
            assert ">Provincias</a>" in spanish.content.decode()
            assert ">Provinces</a>" in english.content.decode()
    dashboard = client.get(en("workspace:plan", args=[cr_plan.slug])).content.decode()
    assert 'id="territory-links"' in dashboard
