"""What the signed-in pages keep or read less of stays right: the site menu and footer kept per
language and plan, a table's leaders without every member, the dashboard's steps by the plan's
revisions, a proposal's follow state in one query."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.notifications.actions import follow_state
from cocrea.notifications.models import Follow
from cocrea.plans import actions as plan_actions
from cocrea.plans.models import Step
from cocrea.proposals import actions as proposal_actions
from cocrea.proposals.models import Proposal
from cocrea.tables import actions as table_actions

from .factories import StepFactory, UserFactory
from .factories_participation import TableFactory
from .test_proposals import fill_set
from .test_proposals import seat as seat_in_table


def _seat(table, username, *, leader=False):
    user = UserFactory(username=username, full_name=username.title())
    table_actions.add_member(
        table,
        user,
        by=SYSTEM,
        side="civil_society",
        sector="civil_society",
        source="invitation",
        is_leader=leader,
    )
    return user


def test_the_kept_site_menu_follows_the_language_and_the_plan(client, plan, secretary):
    client.force_login(secretary)
    spanish = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    english = client.get("/en" + reverse("workspace:plan", args=[plan.slug])).content.decode()
    no_plan = client.get("/en" + reverse("workspace:home")).content.decode()
    assert f'<li><a href="/plans/{plan.slug}/programme/">Programa de trabajo</a></li>' in spanish
    assert f'<li><a href="/en/plans/{plan.slug}/programme/">Work programme</a></li>' in english
    assert f'<a href="/en/plans/{plan.slug}/take-part/">How to take part</a>' in english
    assert f'<a href="/plans/{plan.slug}/take-part/">' in spanish
    # The language switcher links the same page in the other language.
    assert f'href="/workspace/{plan.slug}/" lang="es"' in english
    assert f'href="/en/workspace/{plan.slug}/" lang="en"' in spanish
    # A page without a plan keeps its own menu, without the plan's links.
    menu = no_plan.split('<ul id="main-menu">')[1].split("</ul>")[0]
    assert "/programme/" not in menu
    assert '<li><a href="/en/about/">Contact</a></li>' in menu


def test_a_table_page_names_its_leaders_and_counts_every_member(client, plan, secretary):
    table = TableFactory(plan=plan, number=1)
    _seat(table, "zoe-leader", leader=True)
    _seat(table, "ana-leader", leader=True)
    for n in range(3):
        _seat(table, f"member-{n}")
    client.force_login(secretary)
    response = client.get("/en" + reverse("tables:workspace", args=[plan.slug, 1]))
    assert response.status_code == 200
    assert response.context["member_total"] == 5
    assert [m.user.username for m, _events in response.context["trainings"]] == [
        "ana-leader",
        "zoe-leader",
    ]
    text = response.content.decode()
    assert "<caption>Leaders and members (5)</caption>" in text
    assert "Ana-Leader: no training attended yet" in text


def test_the_dashboard_links_each_step_and_shows_a_new_step_at_once(client, plan, steps, secretary):
    client.force_login(secretary)
    url = reverse("workspace:plan", args=[plan.slug])
    text = client.get(url).content.decode()
    assert f'href="/workspace/{plan.slug}/steps/s3/edit/"' in text
    assert f'action="/workspace/{plan.slug}/steps/s3/open/"' in text
    assert 'id="step-s6"' not in text
    plan_actions.create_step(plan, by=secretary, key="s6", number=6, title_es="Sexto")
    text = client.get(url).content.decode()
    assert 'id="step-s6"' in text
    assert f'href="/workspace/{plan.slug}/steps/s6/edit/"' in text


def test_follow_state_is_the_persons_follow_and_the_count(plan, django_assert_num_queries):
    target, other = UserFactory(), UserFactory()
    follower, stranger = UserFactory(), UserFactory()
    kind = ContentType.objects.get_for_model(target)
    Follow.objects.create(user=follower, content_type=kind, object_id=target.pk)
    Follow.objects.create(user=stranger, content_type=kind, object_id=target.pk)
    Follow.objects.create(user=follower, content_type=kind, object_id=other.pk)
    with django_assert_num_queries(1):
        assert follow_state(follower, target) == (True, 2)
    assert follow_state(UserFactory(), target) == (False, 2)
    assert follow_state(stranger, other) == (False, 1)


def _members_page(client, plan):
    return client.get(f"/en/workspace/{plan.slug}/tables/1/")


def test_a_kept_table_page_shows_a_new_member_at_the_next_visit(client, plan, secretary):
    table = TableFactory(plan=plan, number=1)
    _seat(table, "ana-leader", leader=True)
    client.force_login(secretary)
    assert "<caption>Leaders and members (1)</caption>" in _members_page(client, plan).text
    assert "<caption>Leaders and members (1)</caption>" in _members_page(client, plan).text
    _seat(table, "bruno")
    text = _members_page(client, plan).text
    assert "<caption>Leaders and members (2)</caption>" in text
    assert '<th scope="row">Bruno' in text


def test_kept_rows_are_each_persons_own(client, plan, secretary):
    table = TableFactory(plan=plan, number=1)
    _seat(table, "ana-leader", leader=True)
    member = _seat(table, "bruno")
    client.force_login(secretary)
    assert _members_page(client, plan).text.count("/remove/") == 2
    client.force_login(member)
    text = _members_page(client, plan).text
    assert "<caption>Leaders and members (2)</caption>" in text
    assert text.count("/remove/") == 0


def test_a_form_in_kept_rows_carries_the_requests_csrf_token(plan, secretary):
    from django.test import Client

    table = TableFactory(plan=plan, number=1)
    _seat(table, "ana-leader", leader=True)
    _seat(table, "bruno")
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)
    _members_page(client, plan)
    text = _members_page(client, plan).text  # the rows from the cache
    bruno = table.members.get(user__username="bruno")
    action = f"/en/workspace/{plan.slug}/tables/1/members/{bruno.pk}/remove/"
    form = text.split(f'action="{action}">')[1].split("</form>")[0]
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert len(token) == 64
    response = client.post(action, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert list(table.members.values_list("user__username", flat=True)) == ["ana-leader"]


@pytest.fixture
def debated(plan, people):
    """A submitted proposal (as tests/test_proposals_pages.py makes them)."""
    StepFactory(plan=plan, key="training-and-tables", number=7, status=Step.Status.OPEN)
    table = TableFactory(plan=plan, number=1)
    seat_in_table(table, people["leader"], leader=True)
    fill_set(table)
    proposal_actions.submit_set(table, table.axes.get(), by=SYSTEM)
    return Proposal.objects.filter(working_table=table).order_by("id").first()


def test_kept_comments_with_forms_show_a_new_comment_and_are_the_moderators_own(
    client, debated, people
):
    proposal = debated
    proposal_actions.comment_proposal(proposal, by=people["citizen"], body="Primero.")
    url = proposal.get_absolute_url()
    client.force_login(people["secretary"])
    client.get(url)
    page = client.get(url).text  # the comments from the cache
    assert "Primero." in page
    assert page.count('name="reason"') == 1  # the moderator's form to hide it
    proposal_actions.comment_proposal(proposal, by=people["citizen"], body="Segundo.")
    page = client.get(url).text
    assert "Segundo." in page
    assert page.count('name="reason"') == 2
    client.force_login(people["citizen"])
    page = client.get(url).text
    assert "Segundo." in page
    assert 'name="reason"' not in page
