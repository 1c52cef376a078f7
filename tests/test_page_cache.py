"""Caching that survives writes: cached pages and fragments are keyed by the revision of the plan
they show and the site's, so a write in one plan keeps every other plan's cached pages; a cache
hit makes no query while the revisions are kept in the process (2 s), one query without."""

import pytest
from django.db.models import F
from django.urls import reverse

from cocrea.core import revisions, signals
from cocrea.core.actions import SYSTEM
from cocrea.core.models import Revision
from cocrea.news import actions as news_actions
from cocrea.plans import actions
from cocrea.plans.models import ActionPlan, Role, Step
from config.settings import base as base_settings

from .factories import OrganisationFactory, PlanFactory, StepFactory, UserFactory

pytestmark = pytest.mark.cache


@pytest.fixture(autouse=True)
def kept_revisions(settings):
    """As deployed: the revisions read are kept in the process for 2 s (the tests' settings
    read them on every request)."""
    settings.PAGE_CACHE_REVISION_SECONDS = base_settings.PAGE_CACHE_REVISION_SECONDS
    assert settings.PAGE_CACHE_REVISION_SECONDS == 2


@pytest.fixture
def other(plan, steps):
    """A second plan with its own steps and secretariat; `plan` stays the site's current one."""
    other = PlanFactory(slug="costa-rica-test", title_es="Plan de Costa Rica")
    for n in range(1, 4):
        StepFactory(plan=other, number=n, key=f"o{n}", title_es=f"Paso de Costa Rica {n}")
    officer = UserFactory(username="officer-cr")
    actions.grant_role(other, officer, Role.SECRETARIAT, by=SYSTEM)
    return other


def plan_pages(slug: str) -> list[str]:
    return [
        reverse("public:plan", args=[slug]),
        reverse("public:programme", args=[slug]),
        reverse("public:commission", args=[slug]),
        reverse("events:list", args=[slug]),
        reverse("news:list", args=[slug]),
        reverse("news:reach", args=[slug]),
        "/en" + reverse("public:programme", args=[slug]),
    ]


def visit(client, urls) -> dict[str, tuple[bytes, bool]]:
    """{url: (content, whether a template was rendered for it)} of anonymous visits."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = (response.content, bool(response.templates))
    return found


def served_from_cache(before, after) -> dict[str, bool]:
    return {url: after[url] == (before[url][0], False) for url in before}


def test_a_write_in_one_plan_keeps_the_other_plans_cached_pages(
    client, plan, steps, other, secretary
):
    ours, theirs = plan_pages(plan.slug), plan_pages(other.slug)
    before = visit(client, ours + theirs)
    assert all(rendered for _content, rendered in before.values())

    actions.update_step(steps[0], by=secretary, title_es="Paso renombrado en Panamá")
    news_actions.publish_news(
        plan, by=secretary, title_es="Noticia de Panamá", summary_es="Resumen.", body_es="Texto."
    )

    after = visit(client, ours + theirs)
    assert served_from_cache({u: before[u] for u in theirs}, after) == dict.fromkeys(theirs, True)
    assert served_from_cache({u: before[u] for u in ours}, after) == dict.fromkeys(ours, False)
    programme, news = ours[1], ours[4]
    assert "Paso renombrado en Panamá" in after[programme][0].decode()
    assert "Noticia de Panamá" in after[news][0].decode()


def test_the_home_page_depends_on_the_site_and_the_current_plan_only(client, plan, steps, other):
    home, about = "/", reverse("public:about")
    before = visit(client, [home, about])
    # A write in a plan that is not the current one keeps them.
    actions.update_step(other.steps.get(number=1), by=SYSTEM, title_es="Otro título")
    assert served_from_cache(before, visit(client, [home, about])) == {home: True, about: True}
    # A write in the current plan (the home page lists its open steps) refreshes them.
    actions.update_step(steps[0], by=SYSTEM, title_es="Paso del plan vigente")
    after = visit(client, [home, about])
    assert served_from_cache(before, after) == {home: False, about: False}


def test_a_site_level_write_refreshes_the_home_page_and_every_plans_pages(
    client, plan, steps, other
):
    urls = ["/", reverse("public:programme", args=[other.slug])]
    before = visit(client, urls)
    # A new account shows nowhere yet: nothing is refreshed.
    UserFactory(username="newcomer")
    assert served_from_cache(before, visit(client, urls)) == dict.fromkeys(urls, True)
    # An organisation (its name shows on any plan's pages) has no plan: every page is refreshed.
    organisation = OrganisationFactory()
    organisation.name_es = "Organización renombrada"
    organisation.save()
    assert served_from_cache(before, visit(client, urls)) == dict.fromkeys(urls, False)


def test_renaming_a_plan_refreshes_the_home_page_and_the_sitemap(client, plan, steps, other):
    urls = ["/", "/sitemap.xml", reverse("sitemap-section", args=["plans"])]
    before = visit(client, urls)
    other.title_es = "Plan de Costa Rica, renombrado"
    other.save()
    assert served_from_cache(before, visit(client, urls)) == dict.fromkeys(urls, False)


def test_a_write_in_any_plan_refreshes_the_sitemap(client, plan, steps, other):
    url = reverse("sitemap-section", args=["steps"])
    before = visit(client, [url])
    StepFactory(plan=other, number=9, key="o9")
    after = visit(client, [url])
    assert served_from_cache(before, after) == {url: False}
    assert "/plans/costa-rica-test/programme/steps/o9/" in after[url][0].decode()


def test_a_cache_hit_makes_no_query(client, plan, steps, django_assert_num_queries):
    url = reverse("public:programme", args=[plan.slug])
    first = client.get(url).content
    home = client.get("/").content
    with django_assert_num_queries(0):
        assert client.get(url).content == first
        assert client.get("/").content == home


def test_a_cache_hit_makes_one_query_when_revisions_are_not_kept(
    client, plan, steps, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_REVISION_SECONDS = 0
    for url in (reverse("public:programme", args=[plan.slug]), "/", "/sitemap.xml"):
        first = client.get(url).content
        # The revisions, read once by the plan's language and the page cache together.
        with django_assert_num_queries(1):
            assert client.get(url).content == first


def test_a_write_through_another_server_shows_here_within_two_seconds(
    client, plan, steps, monkeypatch
):
    now = [1000.0]
    monkeypatch.setattr(revisions, "clock", lambda: now[0])
    url = reverse("public:programme", args=[plan.slug])
    before = visit(client, [url])
    # Another app server writes: the database changes, this process is not told.
    Step.objects.filter(pk=steps[0].pk).update(title_es="Escrito por el otro servidor")
    Revision.objects.filter(scope=plan.pk).update(revision=F("revision") + 1)
    now[0] += 1.9
    assert served_from_cache(before, visit(client, [url])) == {url: True}
    now[0] += 0.1
    after = visit(client, [url])
    assert served_from_cache(before, after) == {url: False}
    assert "Escrito por el otro servidor" in after[url][0].decode()


def test_a_write_through_this_server_shows_at_once(client, plan, steps, monkeypatch):
    monkeypatch.setattr(revisions, "clock", lambda: 1000.0)  # the kept revisions never expire
    url = reverse("public:programme", args=[plan.slug])
    visit(client, [url])
    actions.update_step(steps[0], by=SYSTEM, title_es="Escrito aquí")
    assert "Escrito aquí" in client.get(url).content.decode()


def fragments(client, url, template: str) -> tuple[bool, str]:
    """(whether the fragment's template was rendered, the page) of a signed-in visit."""
    response = client.get(url)
    assert response.status_code == 200
    return template in [t.name for t in response.templates], response.content.decode()


@pytest.mark.parametrize(
    ("name", "template", "marker"),
    [
        ("public:programme", "public/_gantt.html", 'id="gantt-title"'),
        ("news:reach", "events/_bars.html", 'id="reach-sector-title"'),
        ("public:plan", "public/_step_status.html", 'class="cards"'),
    ],
)
def test_signed_in_pages_reuse_the_charts_until_their_plan_changes(
    client, plan, steps, other, secretary, name, template, marker
):
    client.force_login(secretary)
    url = reverse(name, args=[plan.slug])
    rendered, page = fragments(client, url, template)
    assert (rendered, marker in page, "Cerrar sesión" in page) == (True, True, True)
    # Again: the fragment comes from the cache, the rest of the page is the person's.
    rendered, page = fragments(client, url, template)
    assert (rendered, marker in page, "Cerrar sesión" in page) == (False, True, True)
    # Another language is another fragment.
    assert fragments(client, "/en" + url, template)[0] is True
    # A write in another plan keeps it; a write in this plan renders it again.
    actions.update_step(other.steps.get(number=1), by=SYSTEM, title_es="En Costa Rica")
    assert fragments(client, url, template)[0] is False
    actions.update_step(steps[0], by=secretary, title_es="Paso 1 renombrado")
    assert fragments(client, url, template)[0] is True


def test_the_programme_table_is_part_of_the_reused_fragment(client, plan, steps, secretary):
    client.force_login(secretary)
    url = reverse("public:programme", args=[plan.slug])
    client.get(url)
    actions.update_step(steps[0], by=SYSTEM, title_es="Paso renombrado")
    page = client.get(url).content.decode()
    assert page.count("Paso renombrado") >= 2  # the chart's bar titles and the table's row


def test_the_plan_of_a_written_object_is_found_through_its_foreign_keys():
    from django.apps import apps

    def path(label):
        found = signals.plan_path(apps.get_model(label))
        return found if found is signals.SITE_WIDE else ".".join(found)

    assert {
        label: path(label)
        for label in (
            "plans.ActionPlan",
            "plans.Step",
            "tables.TableMember",
            "events.Registration",
            "proposals.PublicComment",
            "proposals.Counterproposal",
            "accounts.User",
            "organisations.Organisation",
        )
    } == {
        "plans.ActionPlan": "pk",
        "plans.Step": "plan_id",
        "tables.TableMember": "table.plan_id",
        "events.Registration": "event.plan_id",
        "proposals.PublicComment": "proposal.plan_id",
        "proposals.Counterproposal": "review.proposal.plan_id",
        "accounts.User": signals.SITE_WIDE,
        "organisations.Organisation": signals.SITE_WIDE,
    }


def test_the_revisions_kept_in_the_process_stay_bounded(db):
    for n in range(revisions.MEMO_SIZE + 50):
        revisions.for_slug(f"no-such-plan-{n}")
    assert 0 < len(revisions._memo) <= revisions.MEMO_SIZE


def test_a_deleted_plan_never_brings_back_a_page_cached_before(client, plan, steps, other):
    url = reverse("public:programme", args=[other.slug])
    visit(client, [url])
    ActionPlan.objects.filter(pk=other.pk).delete()
    assert client.get(url).status_code == 404
    again = PlanFactory(slug=other.slug, title_es="Un plan nuevo con la misma dirección")
    StepFactory(plan=again, number=1, key="n1")
    assert "Un plan nuevo con la misma dirección" in client.get(url).content.decode()
