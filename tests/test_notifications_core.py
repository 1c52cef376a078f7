# ruff: noqa: F811  (the fixtures imported from test_proposals_review)
"""The notification engine: a happening reaches the kind's audience (not the actor) in the app
and by e-mail; preferences are honoured; the outbox survives a refusing mail server and is
retried with back-off; unsubscribe needs no login."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cocrea.core.happenings import happened
from cocrea.notifications import actions as notify_actions
from cocrea.notifications.delivery import backoff, send_due
from cocrea.notifications.dispatch import UnknownKind
from cocrea.notifications.models import Delivery, Notification, Preference
from cocrea.notifications.tokens import preferences_token
from cocrea.proposals import actions

from .test_proposals_review import (  # noqa: F401
    ministry,
    programme,
    proposal,
    review,
    submitted,
    table,
)

KIND = "proposals.review_given"


def give(review, people, *, execute_on_commit):
    # only this review's notices: not those of the fixtures (the assignment of the review, ...)
    Notification.objects.all().delete()
    Delivery.objects.all().delete()
    with execute_on_commit(execute=True):
        actions.review_proposal(review, by=people["head"], outcome="viable")


def test_review_given_tells_the_table_and_the_secretariat_but_not_the_reviewer(
    review, people, django_capture_on_commit_callbacks
):
    give(review, people, execute_on_commit=django_capture_on_commit_callbacks)
    told = sorted(Notification.objects.values_list("user__username", flat=True))
    assert told == ["leader", "participant", "secretary"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        people[name].email for name in ("leader", "participant", "secretary")
    )
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    message = mail.outbox[0]
    assert message.subject.endswith(": " + review.proposal.title)
    assert message.alternatives[0][1] == "text/html"
    assert "List-Unsubscribe" in message.extra_headers


def test_preferences_off_and_daily_are_honoured(review, people, django_capture_on_commit_callbacks):
    notify_actions.set_preferences(
        by=people["leader"], user=people["leader"], choices={KIND: "off"}
    )
    notify_actions.set_preferences(
        by=people["participant"], user=people["participant"], choices={KIND: "daily"}
    )
    give(review, people, execute_on_commit=django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == [people["secretary"].email]
    assert list(Delivery.objects.filter(state="held").values_list("email", flat=True)) == [
        people["participant"].email
    ]
    # in-app is not an e-mail channel: everyone concerned still sees it in the bell
    assert Notification.objects.count() == 3


def test_a_refused_connection_keeps_the_action_and_retries_with_backoff(
    review, people, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    give(review, people, execute_on_commit=django_capture_on_commit_callbacks)
    review.refresh_from_db()
    assert review.outcome == "viable"
    rows = list(Delivery.objects.all())
    assert [(d.state, d.attempts) for d in rows] == [("pending", 1)] * 3
    assert all(d.next_attempt_at > timezone.now() for d in rows)
    assert send_due() == 0  # not due yet
    Delivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_due() == 3
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    assert len(mail.outbox) == 3


def test_backoff_doubles_up_to_four_hours():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 9, 20)] == [1, 2, 4, 240, 240]


def test_an_undeclared_kind_is_refused(db):
    with pytest.raises(UnknownKind):
        happened("proposals.no_such_thing")


def test_unsubscribe_without_login_turns_the_kind_off(client, people):
    leader = people["leader"]
    url = reverse("notifications:unsubscribe", args=[preferences_token(leader.email), KIND])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    assert Preference.objects.get(user=leader, kind=KIND).frequency == "off"
    forged = reverse("notifications:unsubscribe", args=["forged", KIND])
    assert client.post(forged).status_code == 404


def test_preferences_keep_every_cached_page_and_following_moves_its_plans(review, people):
    """Notification preferences show on no kept page: they flush nothing. Following shows (the
    follower count on signed-in people's pages): it moves its plan's revision, not the site's."""
    from cocrea.core import revisions

    plan = review.proposal.plan
    before = revisions.for_plan(plan.pk)
    notify_actions.set_preferences(
        by=people["leader"], user=people["leader"], choices={KIND: "off"}
    )
    assert revisions.for_plan(plan.pk) == before
    notify_actions.follow(review.proposal, by=people["citizen"])
    followed = revisions.for_plan(plan.pk)
    assert followed.revision > before.revision and followed.site == before.site
    notify_actions.unfollow(review.proposal, by=people["citizen"])
    assert revisions.for_plan(plan.pk).revision > followed.revision


def test_the_preferences_token_is_stable_and_cannot_be_forged():
    from cocrea.notifications.tokens import email_of_token

    token = preferences_token("Ana@Example.org")
    assert token == preferences_token("ana@example.org")
    assert email_of_token(token) == "ana@example.org"
    assert email_of_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert email_of_token("forged") is None
