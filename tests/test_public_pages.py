"""Every public page answers, shows what it must, and costs the same number of queries with 5 and
with 50 steps."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cocrea.core import revisions
from cocrea.core.actions import SYSTEM
from cocrea.core.models import ActionLog
from cocrea.plans import actions
from cocrea.plans.models import Commission, Role

from .factories import AxisFactory, OrganisationFactory, PlanFactory, StepFactory, UserFactory
from .sitemaps import whole_sitemap

D = datetime.date


def build_world(plan, n_steps: int):
    """A plan with n steps, two published versions, an open and a closed step, members, axes."""
    officer = UserFactory(username=f"officer-{plan.slug}")
    actions.grant_role(plan, officer, Role.SECRETARIAT, by=SYSTEM)
    for i in range(1, 4):
        AxisFactory(plan=plan, number=i)
    Commission.objects.create(plan=plan, name_es="Comisión", name_en="Commission")
    for i in range(3):
        member = UserFactory(username=f"m{i}-{plan.slug}")
        actions.grant_role(
            plan, member, Role.COMMISSION_MEMBER, by=SYSTEM, organisation=OrganisationFactory()
        )
    add_steps(plan, 1, n_steps)
    actions.publish_version(plan, by=officer, published_on=D(2017, 3, 27))
    first = plan.steps.get(number=1)
    actions.update_step(first, by=officer, planned_end=D(2017, 4, 15))
    actions.publish_version(plan, by=officer, change_summary_es="Reprogramación")
    actions.open_step(first, by=officer, on=D(2017, 3, 1))
    actions.close_step(first, by=officer, on=D(2017, 4, 10))
    actions.open_step(plan.steps.get(number=2), by=officer, on=D(2017, 4, 3))
    return officer


def add_steps(plan, first: int, last: int):
    for n in range(first, last + 1):
        StepFactory(
            plan=plan,
            number=n,
            key=f"k{n}",
            planned_start=D(2017, 1, 1) + datetime.timedelta(days=7 * n),
            planned_end=D(2017, 1, 1) + datetime.timedelta(days=7 * n + 20),
        )


def pages(slug):
    return {
        "home": reverse("public:home"),
        "plan": reverse("public:plan", args=[slug]),
        "programme": reverse("public:programme", args=[slug]),
        "step": reverse("public:step", args=[slug, "k1"]),
        "versions": reverse("public:versions", args=[slug]),
        "version": reverse("public:version", args=[slug, 2]),
        "compare": reverse("public:compare", args=[slug]) + "?from=1&to=2",
        "commission": reverse("public:commission", args=[slug]),
        "activity": reverse("public:activity", args=[slug]),
        "ical": reverse("public:programme_ical", args=[slug]),
        "about": reverse("public:about"),
        "sitemap": reverse("sitemap"),
        "sitemap-steps": reverse("sitemap-section", args=["steps"]),
    }


# Upper bounds, the same for 5 and for 50 steps (the second half of each test checks equality);
# cached pages add one query: the site revision.
# A plan's page also reads the plan's languages (cocrea/core/languages.py; cached by the site
# revision, which the page cache reads anyway: a cached page still costs one query).
MAX_QUERIES = {
    "home": 7,
    "plan": 6,
    "programme": 5,
    "step": 5,
    "versions": 4,
    "version": 5,
    "compare": 5,
    "commission": 9,  # + last and next meeting, decisions (events) counted and paged
    "activity": 5,
    "ical": 4,
    "about": 3,
    # the index: per section, its size (and, for dated rows, its latest change), and the current
    # plan's languages (the home page's alternates)
    # with the methodology, reasoned response, commitments, draft versions, review reports and
    # published plans sections
    "sitemap": 31,
    "sitemap-steps": 3,  # + the steps of the page, with their plan
}


@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_page_queries_do_not_grow_with_steps(name, client, db, django_assert_max_num_queries):
    plan = PlanFactory(slug="qc")
    build_world(plan, 5)
    url = pages(plan.slug)[name]
    client.get(url)  # warm per-process caches (content types, translations)
    cache.clear()  # measure rendering, not the page cache
    with CaptureQueriesContext(connection) as with_5:
        assert client.get(url).status_code == 200
    add_steps(plan, 6, 50)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES[name]):
        response = client.get(url)
    assert response.status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as with_50:
        client.get(url)
    assert len(with_50) == len(with_5)


@pytest.fixture
def world(db):
    plan = PlanFactory(slug="pa")
    build_world(plan, 5)
    return plan


def test_home_shows_the_plan_axes_and_open_steps(client, world):
    html = client.get("/").content.decode()
    assert world.title_es in html
    assert "Eje" in html
    assert 'href="/plans/pa/programme/steps/k2/"' in html  # the open step is listed


def test_programme_has_an_accessible_gantt_and_the_dates(client, world):
    html = client.get(reverse("public:programme", args=["pa"])).content.decode()
    assert 'role="img"' in html and 'aria-labelledby="gantt-title gantt-desc"' in html
    assert html.count('class="planned"') == 5
    assert html.count('class="actual') == 2  # one closed, one open step
    assert html.count('<tr id="step-') == 5


def test_english_programme_shows_translated_steps(client, world):
    html = client.get("/en" + reverse("public:programme", args=["pa"])).content.decode()
    step = world.steps.get(number=3)
    assert step.title_en in html
    assert step.title_es not in html
    assert '<html lang="en">' in html


def test_spanish_is_the_default_language(client, world):
    html = client.get(reverse("public:programme", args=["pa"])).content.decode()
    assert '<html lang="es">' in html
    assert world.steps.get(number=3).title_es in html


def test_compare_shows_the_redated_step(client, world):
    html = client.get(reverse("public:compare", args=["pa"]) + "?from=1&to=2").content.decode()
    assert 'data-step="k1"' in html
    assert '<del><time datetime="2017-01-28">28 ene 2017</time></del>' in html
    assert '<ins><time datetime="2017-04-15">15 abr 2017</time></ins>' in html
    assert 'data-step="k2"' not in html


def test_compare_with_an_unknown_version_says_so(client, world):
    response = client.get(reverse("public:compare", args=["pa"]) + "?from=1&to=9")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_version_page_shows_the_snapshot_not_the_current_steps(client, world):
    step = world.steps.get(number=4)
    actions.update_step(
        step, by=world.roles.get(role=Role.SECRETARIAT).user, title_es="Título posterior"
    )
    html = client.get(reverse("public:version", args=["pa", 1])).content.decode()
    assert "Título posterior" not in html
    assert "Paso" in html


def test_step_page_shows_its_public_history(client, world):
    html = client.get(reverse("public:step", args=["pa", "k1"])).content.decode()
    assert "cerró el paso" in html
    assert html.count("<li><time") == 3  # edited, opened, closed


def test_step_history_names_the_changed_fields_in_the_page_language(client, world):
    step = world.steps.get(number=4)
    actions.update_step(
        step,
        by=world.roles.get(role=Role.SECRETARIAT).user,
        planned_end=step.planned_end + datetime.timedelta(days=3),
        title_en="A later title",
    )
    url = reverse("public:step", args=["pa", step.key])
    spanish = client.get(url).content.decode()
    english = client.get("/en" + url).content.decode()
    assert "(fin previsto, título (EN))" in spanish
    assert "(planned end, title (EN))" in english
    assert "planned_end" not in spanish + english


def test_ical_feed_has_one_event_per_dated_step(client, world):
    response = client.get(reverse("public:programme_ical", args=["pa"]))
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 5
    # the closed step 1 uses its actual dates; DTEND is exclusive
    assert "DTSTART;VALUE=DATE:20170301\r\nDTEND;VALUE=DATE:20170411" in body


def test_sitemap_lists_every_public_page_in_both_languages(client, world):
    xml = whole_sitemap(client)
    for name, url in pages("pa").items():
        if name in {"sitemap", "sitemap-steps", "ical", "compare"}:
            continue
        if name == "version":
            url = reverse("public:version", args=["pa", 1])
        assert f"http://testserver{url}</loc>" in xml, name
        assert f'hreflang="en" href="http://testserver/en{url}"' in xml, name
    assert "http://testserver/plans/pa/programme/compare/</loc>" in xml


def test_about_names_the_point_of_contact(client, world):
    html = client.get(reverse("public:about")).content.decode()
    assert "Oficina de Gobierno Abierto" in html
    assert 'href="mailto:contacto@example.org"' in html


def test_activity_is_paginated(client, world):
    officer = world.roles.get(role=Role.SECRETARIAT).user
    for n in range(60):
        actions.update_step(world.steps.get(number=5), by=officer, title_en=f"T{n}")
    first = client.get(reverse("public:activity", args=["pa"])).content.decode()
    assert first.count("<li><time") == 50
    assert 'rel="next"' in first
    second = client.get(reverse("public:activity", args=["pa"]) + "?page=2").content.decode()
    assert 'rel="prev"' in second


def test_private_log_rows_are_not_public(client, world):
    member = UserFactory(
        username="reyes-pa", full_name="Ximena Reyes Quiroz", email="ximena.reyes@example.org"
    )
    actions.grant_role(world, member, Role.COMMISSION_MEMBER, by=SYSTEM)
    row = ActionLog.objects.get(verb="plans.grant_role", data__user=member.pk)
    assert row.public is False
    assert "Ximena Reyes Quiroz" in row.target_repr  # what the page would leak
    url = reverse("public:activity", args=["pa"])
    html = client.get(url).content.decode()
    assert "Ximena Reyes Quiroz" not in html
    assert "ximena.reyes@example.org" not in html
    assert "plans.grant_role" not in html
    # The same row made public shows: the assertions above can fail.
    ActionLog.objects.filter(pk=row.pk).update(public=True)
    revisions.bump_plan(world.pk)
    assert "Ximena Reyes Quiroz" in client.get(url).content.decode()


def test_home_without_any_plan_explains_it(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "plan" in response.content.decode().lower()


def test_unknown_plan_is_404(client, db):
    assert client.get(reverse("public:programme", args=["nope"])).status_code == 404


def test_minimal_bench_page_is_off_by_default(client, db):
    assert client.get("/bench/minimal/").status_code == 404


def test_pages_have_landmarks_and_a_skip_link(client, world):
    html = client.get(reverse("public:programme", args=["pa"])).content.decode()
    for needle in ["<header", "<nav aria-label=", '<main id="main"', "<footer", 'href="#main"']:
        assert needle in html


def test_stylesheet_and_htmx_are_served_from_our_own_server(client, world):
    html = client.get("/").content.decode()
    for path in ["/static/cocrea/css/cocrea.css", "/static/cocrea/js/htmx.min.js"]:
        assert f'"{path}"' in html
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content)
    assert "https://" not in html.split("<body>")[0]  # no CDN in the head


@pytest.mark.cache
def test_anonymous_pages_are_served_from_cache_until_something_changes(client, world):
    url = reverse("public:programme", args=["pa"])
    first = client.get(url).content
    with CaptureQueriesContext(connection) as cached:
        assert client.get(url).content == first
    assert len(cached) == 1  # the revisions, nothing else
    officer = world.roles.get(role=Role.SECRETARIAT).user
    actions.update_step(world.steps.get(number=3), by=officer, title_es="Paso renombrado")
    assert "Paso renombrado" in client.get(url).content.decode()


@pytest.mark.cache
def test_a_change_outside_the_actions_also_refreshes_the_page(client, world):
    url = reverse("public:commission", args=["pa"])
    client.get(url)
    commission = world.commission
    commission.participation_rules_es = "Reglas nuevas de participación"
    commission.save()
    assert "Reglas nuevas de participación" in client.get(url).content.decode()


@pytest.mark.cache
def test_logged_in_people_never_get_a_cached_page(client, world):
    url = reverse("public:programme", args=["pa"])
    client.get(url)
    client.force_login(world.roles.get(role=Role.SECRETARIAT).user)
    html = client.get(url).content.decode()
    assert "Cerrar sesión" in html
    assert 'href="/workspace/"' in html


@pytest.mark.cache
def test_each_language_is_cached_apart(client, world):
    url = reverse("public:programme", args=["pa"])
    assert '<html lang="es">' in client.get(url).content.decode()
    assert '<html lang="en">' in client.get("/en" + url).content.decode()
    assert '<html lang="es">' in client.get(url).content.decode()


def test_not_found_page_is_translated_and_keeps_the_site_frame(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Página no encontrada" in html and '<main id="main"' in html
    assert "Page not found" in client.get("/en/no-such-page/").content.decode()


def test_forbidden_page_explains_roles(client, plan, steps, people):
    client.force_login(people["citizen"])
    response = client.get(reverse("workspace:plan", args=[plan.slug]))
    assert response.status_code == 403
    assert "La secretaría técnica asigna los roles" in response.content.decode()


def test_compare_form_works_without_script_and_enhances_with_htmx(client, world):
    html = client.get(reverse("public:compare", args=["pa"])).content.decode()
    assert 'method="get"' in html and 'hx-get="/plans/pa/programme/compare/"' in html
    assert 'hx-select="#comparison"' in html and '<div id="comparison"' in html


@pytest.mark.cache
def test_a_page_with_a_form_is_never_cached(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from cocrea.core.cache import cache_public_page

    renders = []

    @cache_public_page
    def with_form(request):
        renders.append(1)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    for _ in range(2):
        request = rf.get("/form/")
        request.user = AnonymousUser()
        with_form(request)
    assert len(renders) == 2
