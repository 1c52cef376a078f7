"""A plan whose only language is English: its public pages, its call, its workspace pages and the
mails it sends (registration confirmation, role invitation) contain no Spanish, even when the
browser asks for Spanish and the address is the site's Spanish one (no prefix: Spanish is the
default language; English pages live under /en/).

The Spanish words checked are frequent strings of the catalogue these pages show; a bilingual
plan's pages, read the same way, show every one of them (the check can fail)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cocrea.core.actions import SYSTEM
from cocrea.organisations.models import Organisation
from cocrea.participation.models import Registration, Sector
from cocrea.plans import actions
from cocrea.plans.models import Role
from cocrea.plans.versions import localized
from cocrea.tables import actions as table_actions

from .factories import OrganisationFactory, PlanFactory, RegionFactory, UserFactory
from .factories_events import EventFactory, in_days
from .factories_participation import OpenCallFactory, PrivacyNoticeFactory
from .sitemaps import whole_sitemap
from .test_proposals import seat
from .test_setup import _new_plan_data, _settings_data

# msgstr of the catalogue the plan's pages show (menu, footer, headings, buttons, labels).
SPANISH = [
    "Saltar al contenido",
    "Programa de trabajo",
    "Convocatoria abierta",
    "Mesas de trabajo",
    "Propuestas",
    "Espacio de trabajo",
    "Cómo participar",
    "Punto de contacto",
    "Mapa del sitio",
    "Aviso de privacidad",
    "Guardar",
    "Correo electrónico",
    "Nombre completo",
    "Ejes temáticos",
]
# And in the mails.
SPANISH_MAIL = ["Confirme su inscripción", "Tu rol en", "Hola", "inscripción", "contraseña"]


def _plan(slug: str, languages: str, default: str, title_en: str, title_es: str = ""):
    plan = PlanFactory(
        slug=slug,
        languages=languages,
        default_language=default,
        title_es=title_es,
        title_en=title_en,
        is_current=False,
    )
    secretary = UserFactory(username=f"{slug}-secretary", preferred_language="es")
    actions.grant_role(plan, secretary, Role.SECRETARIAT, by=SYSTEM)
    actions.start_programme(plan, by=secretary, template="ogp-2021")
    actions.publish_version(plan, by=secretary)
    axis = actions.set_axis(plan, by=secretary, number=1, name_en="Open data", name_es=title_es)
    table_actions.create_table(
        plan, by=secretary, number=1, axes=[axis], name_en="Data table", name_es=title_es
    )
    actions.set_commission(plan, by=secretary, name_en="Open Government Forum", name_es=title_es)
    OpenCallFactory(
        plan=plan,
        title_es=title_es,
        text_es=title_es,
        channels_es=title_es,
        notice=False,
        step_status=False,
    )
    PrivacyNoticeFactory(
        plan=plan,
        version=1,
        legal_basis_es=title_es,
        text_es=title_es,
        legal_basis_en="A law on personal data.",
    )
    for capability in ("open-call", "drafting"):
        step = next(s for s in plan.steps.all() if capability in s.capabilities)
        actions.open_step(step, by=secretary)
    return plan, secretary


@pytest.fixture
def english(db):
    return _plan("english-only", "en", "en", "English-only Action Plan")


@pytest.fixture
def bilingual(db):
    return _plan("bilingual", "es,en", "es", "Bilingual plan", title_es="Plan bilingüe")


def public_paths(slug: str, language: str = "es") -> list[str]:
    """The plan's public pages, at the site's Spanish addresses unless `language` says."""
    with translation.override(language):
        return _public_paths(slug)


def _public_paths(slug: str) -> list[str]:
    return [
        reverse("public:plan", args=[slug]),
        reverse("public:programme", args=[slug]),
        reverse("public:versions", args=[slug]),
        reverse("public:commission", args=[slug]),
        reverse("public:tables", args=[slug]),
        reverse("proposals:list", args=[slug]),
        reverse("participation:call", args=[slug]),
        reverse("participation:privacy", args=[slug]),
        reverse("news:take_part", args=[slug]),
    ]


def workspace_paths(slug: str) -> list[str]:
    with translation.override("es"):
        return _workspace_paths(slug)


def _workspace_paths(slug: str) -> list[str]:
    return [
        reverse("workspace:plan", args=[slug]),
        reverse("workspace:plan_settings", args=[slug]),
        reverse("workspace:structure", args=[slug]),
        reverse("workspace:axis_create", args=[slug]),
        reverse("workspace:table_create", args=[slug]),
        reverse("workspace:commission", args=[slug]),
        reverse("workspace:people", args=[slug]),
        reverse("workspace:regions", args=[slug]),
        reverse("workspace:organisations", args=[slug]),
        reverse("participation:manage", args=[slug]),
        reverse("participation:invitations", args=[slug]),
        reverse("participation:notices", args=[slug]),
        reverse("proposals:workspace", args=[slug, 1]),
    ]


def read(client, paths) -> dict[str, str]:
    """Each page as a Spanish browser reads it; every one answers 200."""
    pages = {}
    for path in paths:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def spanish_in(pages: dict[str, str]) -> dict[str, list[str]]:
    return {path: [w for w in SPANISH if w in page] for path, page in pages.items()}


def html_lang(page: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\">", page).group(1)


def test_the_words_checked_are_what_a_spanish_page_of_the_same_kind_shows(bilingual):
    plan, secretary = bilingual
    anonymous, officer = Client(), Client()
    officer.force_login(secretary)
    pages = {
        **read(anonymous, public_paths(plan.slug)),
        **read(officer, workspace_paths(plan.slug)),
    }
    assert {html_lang(page) for page in pages.values()} == {"es"}
    everywhere = "\n".join(pages.values())
    assert [word for word in SPANISH if word not in everywhere] == []


def test_the_public_pages_and_the_call_show_no_spanish_to_a_spanish_browser(english):
    plan, _secretary = english
    pages = read(Client(), public_paths(plan.slug))
    assert {path: html_lang(page) for path, page in pages.items()} == {path: "en" for path in pages}
    assert spanish_in(pages) == {path: [] for path in pages}
    # The switcher offers no Spanish version of the plan's pages.
    assert [path for path, page in pages.items() if 'hreflang="es"' in page] == []
    assert "English-only Action Plan" in pages[public_paths(plan.slug)[0]]


def test_the_english_address_answers_in_english_too(english):
    plan, _secretary = english
    paths = public_paths(plan.slug, "en")
    assert all(path.startswith("/en/") for path in paths)
    pages = read(Client(), paths)
    assert {html_lang(page) for page in pages.values()} == {"en"}
    assert spanish_in(pages) == {path: [] for path in pages}


def test_the_workspace_pages_show_no_spanish_to_a_spanish_speaking_officer(english):
    plan, secretary = english
    assert secretary.preferred_language == "es"
    client = Client()
    client.force_login(secretary)
    pages = read(client, workspace_paths(plan.slug))
    assert {path: html_lang(page) for path, page in pages.items()} == {path: "en" for path in pages}
    assert spanish_in(pages) == {path: [] for path in pages}
    # The forms offer English inputs only.
    _dashboard, settings_page, _structure, axis_page, *_others = pages.values()
    assert 'name="title_en"' in settings_page
    assert 'name="name_en"' in axis_page
    assert 'name="name_es"' not in axis_page


def test_a_spanish_speaking_leader_drafts_in_english(english):
    plan, _secretary = english
    leader = UserFactory(username="leader", preferred_language="es")
    seat(plan.tables.get(number=1), leader, leader=True)
    client = Client()
    client.force_login(leader)
    with translation.override("es"):
        edit = reverse("proposals:edit", args=[plan.slug, 1, "commitment_1"])
    page = read(client, [edit])[edit]
    assert html_lang(page) == "en"
    assert [
        word for word in SPANISH + ["Hitos", "nombre del compromiso", "Guardar"] if word in page
    ] == []
    assert 'name="title_en"' in page
    assert 'name="title_es"' not in page


def test_the_registration_confirmation_is_mailed_in_english(
    english, django_capture_on_commit_callbacks
):
    plan, _secretary = english
    region = RegionFactory(jurisdiction=plan.jurisdiction, code="CH", name="Chiriquí")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("participation:call", args=[plan.slug]),
            {
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
            },
            HTTP_ACCEPT_LANGUAGE="es",
        )
    assert response.status_code == 302
    assert Registration.objects.get(email="lucia@example.net").language == "en"
    [message] = mail.outbox
    assert message.subject == "Confirm your registration"
    text = f"{message.subject}\n{message.body}"
    assert [word for word in SPANISH + SPANISH_MAIL if word in text] == []
    thanks = Client().get(response["Location"], HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert html_lang(thanks) == "en"
    assert [word for word in SPANISH if word in thanks] == []


@pytest.mark.parametrize("has_account", [True, False])
def test_a_role_invitation_is_mailed_in_english_to_a_spanish_speaker(
    english, has_account, django_capture_on_commit_callbacks
):
    plan, secretary = english
    if has_account:
        UserFactory(username="mario", email="mario@example.net", preferred_language="es")
    institution = OrganisationFactory(
        jurisdiction=plan.jurisdiction, region=None, kind=Organisation.Kind.PUBLIC_INSTITUTION
    )
    client = Client()
    client.force_login(secretary)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:people", args=[plan.slug]),
            {
                "email": "mario@example.net",
                "full_name": "Mario Ruiz",
                "role": Role.HEAD_OF_INSTITUTION,
                "organisation": institution.pk,
            },
            HTTP_ACCEPT_LANGUAGE="es",
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["mario@example.net"]
    assert message.subject == "Your role in English-only Action Plan"
    text = f"{message.subject}\n{message.body}"
    assert [word for word in SPANISH + SPANISH_MAIL if word in text] == []
    # The links lead to the English pages (a new account's password page included).
    assert "/en/workspace/english-only/" in message.body
    links = re.findall(r"https?://\S+", message.body.split("\n-- \n")[0])
    assert [link for link in links if "/en/" not in link] == []
    assert len(links) == (1 if has_account else 2)


# --- writing the plan's content in English only, through the workspace -------------------------


def _post(client, path: str, data: dict):
    return client.post(path, data, HTTP_ACCEPT_LANGUAGE="es")


def test_an_english_only_plan_is_written_in_english_through_the_workspace(
    english, django_capture_on_commit_callbacks
):
    plan, secretary = english
    client = Client()
    client.force_login(secretary)
    with translation.override("es"):
        step_new = reverse("workspace:step_create", args=[plan.slug])
        axis_new = reverse("workspace:axis_create", args=[plan.slug])
        table_new = reverse("workspace:table_create", args=[plan.slug])
        participation = reverse("participation:manage", args=[plan.slug])
        news_new = reverse("news:create", args=[plan.slug])
        publish = reverse("workspace:publish", args=[plan.slug])
        dashboard = reverse("workspace:plan", args=[plan.slug])
    # The forms have English inputs only.
    pages = read(client, [step_new, participation, news_new])
    assert [path for path, page in pages.items() if re.search(r'name="[\w-]+_es"', page)] == []
    assert 'name="title_en"' in pages[step_new]
    assert 'name="req-text_en"' in pages[participation]

    steps_before = plan.steps.count()
    response = _post(client, step_new, {"title_en": "Validate the plan", "description_en": "Two"})
    assert response.status_code == 302
    step = plan.steps.get(number=steps_before + 1)
    assert (step.title_en, step.title_es or "") == ("Validate the plan", "")
    # The programme has changed: the dashboard offers its publication, in English.
    page = read(client, [dashboard])[dashboard]
    assert 'name="change_summary_en"' in page
    assert 'name="change_summary_es"' not in page

    response = _post(client, axis_new, {"number": 2, "name_en": "Open contracting"})
    assert response.status_code == 302
    axis = plan.axes.get(number=2)
    assert (axis.name_en, axis.name_es or "") == ("Open contracting", "")

    response = _post(
        client, table_new, {"number": 2, "name_en": "Contracting table", "axes": [axis.pk]}
    )
    assert response.status_code == 302
    table = plan.tables.get(number=2)
    assert (table.name_en, table.name_es or "") == ("Contracting table", "")
    assert list(table.axes.all()) == [axis]

    response = _post(
        client, participation, {"req-text_en": "Attend two sessions", "req-applies_to": "both"}
    )
    assert response.status_code == 302
    requirement = plan.requirements.get()
    assert (requirement.text_en, requirement.text_es or "") == ("Attend two sessions", "")

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, news_new, {"title_en": "Tables open", "body_en": "Join us."})
    assert response.status_code == 302
    item = plan.news.get()
    assert (item.title_en, item.title_es or "", item.body_es or "") == ("Tables open", "", "")

    versions_before = plan.versions.count()
    response = _post(client, publish, {"change_summary_en": "A validation step."})
    assert response.status_code == 302
    version = plan.versions.order_by("-number").first()
    assert version.number == versions_before + 1
    assert (version.change_summary_en, version.change_summary_es or "") == (
        "A validation step.",
        "",
    )
    assert version.snapshot[-1]["title_en"] == "Validate the plan"
    # The published version reads in English, with no Spanish.
    page = read(Client(), [response["Location"]])[response["Location"]]
    assert "A validation step." in page and "Validate the plan" in page
    assert [word for word in SPANISH if word in page] == []


def test_a_bilingual_plan_still_requires_its_default_language_and_not_english(bilingual):
    plan, secretary = bilingual
    client = Client()
    client.force_login(secretary)
    with translation.override("es"):
        step_new = reverse("workspace:step_create", args=[plan.slug])
        participation = reverse("participation:manage", args=[plan.slug])
    steps_before = plan.steps.count()
    page = read(client, [step_new])[step_new]
    assert 'name="title_es"' in page and 'name="title_en"' in page

    refused = _post(client, step_new, {"title_en": "Validate the plan"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["title_es"] == ["Este campo es obligatorio."]
    assert plan.steps.count() == steps_before
    refused = _post(client, participation, {"req-text_en": "Attend", "req-applies_to": "both"})
    assert refused.status_code == 200
    assert "text_es" in refused.context["requirement_form"].errors
    assert not plan.requirements.exists()

    assert _post(client, step_new, {"title_es": "Validar el plan"}).status_code == 302
    step = plan.steps.get(number=steps_before + 1)
    assert (step.title_es, step.title_en or "") == ("Validar el plan", "")
    assert (
        _post(client, participation, {"req-text_es": "Asistir", "req-applies_to": "both"})[
            "Location"
        ]
        == participation
    )
    assert [(r.text_es, r.text_en or "") for r in plan.requirements.all()] == [("Asistir", "")]


# --- site-wide pages ---------------------------------------------------------------------------


def test_the_home_page_shows_the_current_english_only_plan_in_english(english, bilingual):
    plan, _secretary = english
    actions.set_current_plan(plan, by=SYSTEM)
    pages = read(Client(), ["/", reverse("public:about")])
    assert {path: html_lang(page) for path, page in pages.items()} == {path: "en" for path in pages}
    assert spanish_in(pages) == {path: [] for path in pages}
    assert [path for path, page in pages.items() if 'hreflang="es"' in page] == []
    assert "English-only Action Plan" in pages["/"]
    # The bilingual plan, current, shows Spanish at the same address (the check can fail).
    actions.set_current_plan(bilingual[0], by=SYSTEM)
    home = read(Client(), ["/"])["/"]
    assert html_lang(home) == "es"
    assert "Plan bilingüe" in home


def _sitemap_urls(client) -> list[tuple[str, list[str]]]:
    """(location, the languages of its alternates) of every URL of the sitemap."""
    text = whole_sitemap(client)
    return [
        (re.search(r"<loc>([^<]*)</loc>", block).group(1), re.findall(r'hreflang="([^"]+)"', block))
        for block in re.findall(r"<url>(.*?)</url>", text, re.S)
    ]


def test_the_sitemap_lists_an_english_only_plan_in_english_only(client, english, bilingual):
    plan, _secretary = english
    actions.set_current_plan(plan, by=SYSTEM)
    urls = _sitemap_urls(client)
    english_urls = [(loc, langs) for loc, langs in urls if f"/{plan.slug}/" in loc]
    bilingual_urls = [(loc, langs) for loc, langs in urls if "/bilingual/" in loc]
    # One URL per page for the English plan, two (Spanish, English) for the bilingual one.
    assert 2 * len(english_urls) == len(bilingual_urls) > 40
    assert {tuple(langs) for _loc, langs in english_urls} == {("en",)}
    assert [loc for loc, _langs in english_urls if "/en/" not in loc] == []
    assert {tuple(langs) for _loc, langs in bilingual_urls} == {("es", "en", "x-default")}
    # The home and about pages show the current plan: English only too.
    site_pages = [langs for loc, langs in urls if re.search(r"//[^/]+/(en/)?(about/)?$", loc)]
    assert site_pages == [["en"], ["en"]]


def test_an_english_only_plan_adds_spanish_before_making_it_the_default(english):
    plan, secretary = english
    client = Client()
    client.force_login(secretary)
    with translation.override("es"):
        url = reverse("workspace:plan_settings", args=[plan.slug])
    data = {k: v for k, v in _settings_data(plan).items() if not k.endswith("_es")}
    # Spanish as the default at once: its title has no input yet, a clear refusal.
    refused = _post(client, url, {**data, "languages": ["es", "en"], "default_language": "es"})
    assert refused.status_code == 400
    assert refused.context["form"].errors["default_language"] == [
        "Save the new language and give the plan's title in it first."
    ]
    plan.refresh_from_db()
    assert (plan.languages, plan.default_language) == ("en", "en")
    # Spanish added: the page now asks the Spanish title, which may then become the default.
    assert _post(client, url, {**data, "languages": ["es", "en"]}).status_code == 302
    page = read(client, [url])[url]
    assert 'name="title_es"' in page
    data = {**_settings_data(plan.__class__.objects.get(pk=plan.pk)), "title_es": "Plan"}
    assert _post(client, url, {**data, "default_language": "es"}).status_code == 302
    plan.refresh_from_db()
    assert (plan.languages, plan.default_language, plan.title_es) == ("es,en", "es", "Plan")


def test_an_english_only_plan_records_minutes_and_cancels_in_english(english):
    plan, secretary = english
    held = EventFactory(plan=plan, title_es="", title_en="Forum", starts_at=in_days(-1))
    coming = EventFactory(plan=plan, title_es="", title_en="Workshop")
    client = Client()
    client.force_login(secretary)
    with translation.override("es"):
        page_url = reverse("events:manage_event", args=[plan.slug, held.pk])
        minutes = reverse("events:manage_minutes", args=[plan.slug, held.pk])
        cancel = reverse("events:manage_cancel", args=[plan.slug, coming.pk])
    page = read(client, [page_url])[page_url]
    assert 'name="minutes_en"' in page and 'name="reason_en"' in page
    assert re.findall(r'name="\w+_es"', page) == []

    data = {"minutes_en": "We met.", "decisions_en": "Publish the data\nMeet again"}
    assert _post(client, minutes, data).status_code == 302
    held.refresh_from_db()
    assert held.minutes_en == "We met."
    assert [(d.text_en, d.text_es or "") for d in held.decisions.order_by("number")] == [
        ("Publish the data", ""),
        ("Meet again", ""),
    ]
    assert _post(client, cancel, {"reason_en": "The venue is closed."}).status_code == 302
    coming.refresh_from_db()
    assert (coming.status, coming.cancel_reason_en) == ("cancelled", "The venue is closed.")


def test_a_version_of_an_english_only_programme_reads_in_english_from_any_language():
    row = {"title_es": "", "title_en": "Validate the plan"}
    assert [localized(row, "title", lang) for lang in ("es", "en")] == ["Validate the plan"] * 2
    bilingual_row = {"title_es": "Validar el plan", "title_en": "Validate the plan"}
    assert [localized(bilingual_row, "title", lang) for lang in ("es", "en")] == [
        "Validar el plan",
        "Validate the plan",
    ]


def test_a_platform_administrator_creates_an_english_only_plan_without_spanish(english):
    plan, _secretary = english
    admin = UserFactory(username="platform-admin")
    actions.grant_platform_admin(admin, by=SYSTEM)
    client = Client()
    client.force_login(admin)
    with translation.override("es"):
        url = reverse("workspace:plan_new")
    data = {**_new_plan_data(), "title_es": "", "default_language": "en"}
    assert _post(client, url, data).status_code == 302
    created = plan.__class__.objects.get(slug="david-2026")
    assert (created.languages, created.default_language) == ("en", "en")
    assert (created.title_en, created.title_es or "") == ("David Local Action Plan", "")
    # Spanish as the default needs the Spanish title.
    data = {**_new_plan_data(slug="david-2027"), "title_es": "", "default_language": "es"}
    refused = _post(client, url, data)
    assert refused.status_code == 400
    assert refused.context["form"].errors["title_es"] == [
        "Indique el título en el idioma predeterminado."
    ]
    assert not plan.__class__.objects.filter(slug="david-2027").exists()
