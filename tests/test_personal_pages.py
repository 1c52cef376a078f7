"""A signed-in person's pages kept for them (`cocrea.core.cache.personal_page`): a visit again
costs the person, the revisions and the bell (three queries; four with sessions in the database);
any write that changes what the page shows, theirs or anyone's, shows at once; the forms carry the
request's own CSRF token; a message shows once; nobody gets another person's page."""

# ruff: noqa: F811  (`debated` is a fixture)
import pytest
from django.conf import settings
from django.test import Client

from cocrea.notifications import actions as notification_actions
from cocrea.notifications.models import Notification
from cocrea.proposals import actions as proposal_actions

from .factories import PlanFactory, StepFactory, UserFactory
from .test_signed_in_speed import debated  # noqa: F401  (a fixture)


def hit_queries() -> int:
    """A visit again: the person, the revisions of the plan and the site, the unread count; and
    the session where sessions are read from the database (no shared cache)."""
    return 3 + (settings.SESSION_ENGINE == "django.contrib.sessions.backends.db")


def _signed_in(person, *, csrf=False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(person)
    return client


def _token(text: str, action: str) -> str:
    form = text.split(f'action="{action}"')[1].split("</form>")[0]
    return form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]


def _bell(text: str) -> str:
    return text.split('id="bell">')[1].split("</a>")[0]


@pytest.fixture
def url(debated):
    return "/en" + debated.get_absolute_url()


def test_a_visit_again_costs_the_person_the_revisions_and_the_bell(
    url, people, django_assert_num_queries
):
    client = _signed_in(people["citizen"])
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(hit_queries()):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content.replace(
        _token(first.text, "/en/accounts/logout/").encode(),
        _token(again.text, "/en/accounts/logout/").encode(),
    )


@pytest.mark.parametrize(
    "path",
    ["/", "/workspace/{slug}/", "/workspace/{slug}/reviews/", "/plans/{slug}/proposals/"],
)
def test_the_main_pages_are_kept_for_the_secretariat(
    path,
    plan,
    people,
    debated,
    django_assert_num_queries,
):
    client = _signed_in(people["secretary"])
    page = "/en" + path.format(slug=plan.slug)
    assert client.get(page).status_code == 200
    with django_assert_num_queries(hit_queries()):
        assert client.get(page).status_code == 200


def test_a_form_in_a_kept_page_carries_the_requests_own_token(url, debated, people):
    citizen = people["citizen"]
    client = _signed_in(citizen, csrf=True)
    client.get(url)
    page = client.get(url).text  # from the cache
    action = f"/en/plans/{debated.plan.slug}/proposals/{debated.pk}/comments/"
    token = _token(page, action)
    assert len(token) == 64 and "kept-fragment" not in page
    response = client.post(
        action, {"body": "Desde la página guardada.", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    # Signing in again changes the CSRF secret: the kept page gets the new one.
    client.logout()
    client.force_login(citizen)
    client.get(url)
    page = client.get(url).text
    response = client.post(
        action, {"body": "Otra vez.", "csrfmiddlewaretoken": _token(page, action)}
    )
    assert response.status_code == 302
    assert debated.comments.count() == 2


def test_another_persons_write_shows_at_once(url, debated, people):
    client = _signed_in(people["secretary"])
    client.get(url)
    assert "Nuevo comentario." not in client.get(url).text
    proposal_actions.comment_proposal(debated, by=people["citizen"], body="Nuevo comentario.")
    assert "Nuevo comentario." in client.get(url).text


def test_the_bell_counts_a_new_notification_and_a_read_one(url, people):
    citizen = people["citizen"]
    client = _signed_in(citizen)
    assert "bell-count" not in _bell(client.get(url).text)
    note = Notification.objects.create(user=citizen, kind="comment-answered", title="Respuesta")
    assert '<span class="bell-count" aria-hidden="true">1</span>' in _bell(client.get(url).text)
    # Marked read without a signal (a bare update): the bell still follows.
    Notification.objects.filter(pk=note.pk).update(read_at=note.created_at)
    assert "bell-count" not in _bell(client.get(url).text)


def test_following_shows_on_the_followers_and_everyone_elses_kept_pages(
    url,
    debated,
    people,
):
    citizen, leader = people["citizen"], people["leader"]
    mine, theirs = _signed_in(citizen), _signed_in(leader)
    for client in (mine, theirs):
        client.get(url)
    notification_actions.follow(debated, by=citizen)
    assert "Stop following" in mine.get(url).text
    assert "1 person follows this proposal." in theirs.get(url).text
    notification_actions.unfollow(debated, by=citizen)
    assert "Stop following" not in mine.get(url).text


def test_a_message_shows_once_and_is_never_kept(url, debated, people):
    client = _signed_in(people["citizen"])
    client.get(url)
    action = f"/en/plans/{debated.plan.slug}/proposals/{debated.pk}/comments/"
    after = client.post(action, {"body": "Con mensaje."}, follow=True)
    assert "Your comment is published." in after.text
    again = client.get(url).text
    assert "Con mensaje." in again
    assert "Your comment is published." not in again


def test_kept_pages_are_each_persons_own(url, people):
    secretary, citizen = people["secretary"], people["citizen"]
    first = _signed_in(secretary)
    first.get(url)
    assert secretary.display_name in first.get(url).text
    text = _signed_in(citizen).get(url).text
    assert citizen.display_name in text
    assert f"Log out ({secretary.display_name})" not in text


def test_each_language_is_kept_apart(url, people):
    client = _signed_in(people["citizen"])
    spanish = url.removeprefix("/en")
    client.get(url), client.get(spanish)
    assert "Log out" in client.get(url).text
    assert "Cerrar sesión" in client.get(spanish).text


def test_a_write_in_another_plan_keeps_the_page(url, people, django_assert_num_queries):
    other = PlanFactory(slug="otro-plan")
    client = _signed_in(people["citizen"])
    client.get(url)
    StepFactory(plan=other, key="otro-paso", number=9)
    UserFactory()  # a new account shows nowhere until it takes part
    with django_assert_num_queries(hit_queries()):
        client.get(url)
