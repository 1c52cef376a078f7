# ruff: noqa: F811  (the fixtures imported from test_proposals_review)
"""The channels of notifications: the bell on every page, the notifications page, the
preferences (signed in, or by a tokened link without login), the mail's layout and links, the
daily digest, the worker's jobs and `make run`'s launcher."""

import datetime
import os
import signal
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cocrea.core.links import absolute_url
from cocrea.jobs import launcher
from cocrea.jobs.schedule import jobs
from cocrea.notifications.delivery import send_due
from cocrea.notifications.digest import send_digests
from cocrea.notifications.models import Delivery, Notification, Preference
from cocrea.notifications.tokens import preferences_token, unsubscribe_path
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
PANAMA = zoneinfo.ZoneInfo("America/Panama")


def notify(user, plan, count, *, read=False, title="Aviso {n}"):
    rows = Notification.objects.bulk_create(
        Notification(
            user=user,
            kind=KIND,
            plan=plan,
            title=title.format(n=n),
            url=f"/somewhere/{n}/",
        )
        for n in range(1, count + 1)
    )
    if read:
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
            read_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        )
    return rows


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# --- the bell ------------------------------------------------------------------------------


def test_the_bell_shows_the_unread_count_with_a_label_for_screen_readers(client, people, plan):
    leader = people["leader"]
    notify(leader, plan, 3)
    notify(leader, plan, 2, read=True)
    notify(people["participant"], plan, 4)
    client.force_login(leader)
    url = reverse("workspace:plan", args=[plan.slug])
    html = client.get(url).content.decode()
    assert '<span class="bell-count" aria-hidden="true">3</span>' in html
    assert "3 notificaciones sin leer" in html
    html = client.get("/en" + url).content.decode()
    assert "3 unread notifications" in html


def test_the_bell_shows_no_count_when_everything_is_read(client, people, plan):
    notify(people["leader"], plan, 2, read=True)
    client.force_login(people["leader"])
    html = client.get(reverse("workspace:plan", args=[plan.slug])).content.decode()
    assert 'id="bell"' in html
    assert "bell-count" not in html
    assert "sin leer" not in html


def test_anonymous_visitors_have_no_bell(client, plan):
    html = client.get(reverse("public:about")).content.decode()
    assert 'id="bell"' not in html


def test_the_bell_costs_the_same_queries_with_1_and_100_notifications(client, people, plan):
    leader = people["leader"]
    client.force_login(leader)
    url = reverse("workspace:plan", args=[plan.slug])
    client.get(url)  # the dashboard's tasks are cached from the first visit on
    # A new unread count renders the page again (it is kept per person with the count); a visit
    # again reuses it: with 1 or 100 notifications, the same queries each time.
    notify(leader, plan, 1)
    one = queries_of(client, url), queries_of(client, url)
    notify(leader, plan, 99)
    hundred = queries_of(client, url), queries_of(client, url)
    assert hundred == one
    assert one[1] < one[0]


def test_a_page_without_the_header_pays_no_query_for_the_bell(rf, people):
    from cocrea.notifications.context_processors import bell

    request = rf.get("/")
    request.user = people["leader"]
    with CaptureQueriesContext(connection) as captured:
        bell(request)
    assert len(captured) == 0


# --- the notifications page -----------------------------------------------------------------


def test_the_notifications_page_needs_a_login(client, db):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_notifications_page_lists_newest_first_paginated_with_the_plan(client, people, plan):
    leader = people["leader"]
    notify(leader, plan, 30)
    client.force_login(leader)
    response = client.get(reverse("notifications:inbox"))
    titles = [n.title for n in response.context["page"]]
    assert titles == [f"Aviso {n}" for n in range(30, 5, -1)]  # 25 a page, newest first
    html = response.content.decode()
    assert str(plan.title) in html
    assert "Página 1 de 2" in html
    second = client.get(reverse("notifications:inbox") + "?page=2")
    assert [n.title for n in second.context["page"]] == [f"Aviso {n}" for n in range(5, 0, -1)]


def test_the_unread_filter_keeps_the_unread_ones(client, people, plan):
    leader = people["leader"]
    notify(leader, plan, 2, title="Nuevo {n}")
    notify(leader, plan, 3, read=True, title="Visto {n}")
    client.force_login(leader)
    everything = client.get(reverse("notifications:inbox"))
    assert len(everything.context["page"].object_list) == 5
    unread = client.get(reverse("notifications:inbox") + "?show=unread")
    assert [n.title for n in unread.context["page"]] == ["Nuevo 2", "Nuevo 1"]


def test_the_notifications_page_costs_the_same_queries_with_1_and_100(client, people, plan):
    leader = people["leader"]
    client.force_login(leader)
    url = reverse("notifications:inbox")
    notify(leader, plan, 1)
    client.get(url)  # the dashboard's tasks are cached from the first visit on
    one = queries_of(client, url)
    notify(leader, plan, 99)
    assert queries_of(client, url) == one


def test_following_a_notification_marks_it_read_and_goes_to_its_object(client, people, plan):
    leader = people["leader"]
    first, second = notify(leader, plan, 2)
    client.force_login(leader)
    response = client.get(reverse("notifications:open", args=[first.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/somewhere/1/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None


def test_another_persons_notification_cannot_be_opened(client, people, plan):
    (theirs,) = notify(people["participant"], plan, 1)
    client.force_login(people["leader"])
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_link_to_another_site_is_not_followed(client, people, plan):
    (row,) = notify(people["leader"], plan, 1)
    Notification.objects.filter(pk=row.pk).update(url="https://elsewhere.example/")
    client.force_login(people["leader"])
    response = client.get(reverse("notifications:open", args=[row.pk]))
    assert response["Location"] == reverse("notifications:inbox")


def test_mark_all_as_read_is_a_post_and_only_touches_ones_own(client, people, plan):
    notify(people["leader"], plan, 3)
    notify(people["participant"], plan, 2)
    client.force_login(people["leader"])
    url = reverse("notifications:mark_all_read")
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert Notification.objects.filter(user=people["leader"], read_at=None).count() == 0
    assert Notification.objects.filter(user=people["participant"], read_at=None).count() == 2
    assert "Todas sus notificaciones están marcadas como leídas." in response.content.decode()


# --- preferences ----------------------------------------------------------------------------


def test_preferences_round_trip_for_a_signed_in_person_in_spanish(client, people):
    leader = people["leader"]
    client.force_login(leader)
    url = reverse("notifications:preferences")
    html = client.get(url).content.decode()
    assert "Preferencias de notificación" in html
    assert f'name="{KIND}" value="immediately"' in html
    assert "Propuestas" in html  # grouped by app
    response = client.post(url, {KIND: "daily"}, follow=True)
    assert Preference.objects.get(user=leader, kind=KIND).frequency == "daily"
    assert "Se guardaron sus preferencias de notificación." in response.content.decode()
    html = client.get(url).content.decode()
    assert f'value="daily" id="id_{KIND}_1" aria-describedby="id_{KIND}-label" checked' in html


def test_preferences_round_trip_in_english(client, people):
    leader = people["leader"]
    client.force_login(leader)
    url = "/en" + reverse("notifications:preferences")
    html = client.get(url).content.decode()
    assert "Notification preferences" in html
    assert "In a daily digest" in html
    assert "always sent" in html
    response = client.post(url, {KIND: "off"}, follow=True)
    assert "Your notification preferences were saved." in response.content.decode()
    assert Preference.objects.get(user=leader, kind=KIND).frequency == "off"


def test_an_address_without_account_sets_its_preferences_by_the_tokened_link(client, db):
    url = reverse("notifications:preferences_token", args=[preferences_token("Ana@Example.org")])
    assert "ana@example.org" in client.get(url).content.decode()
    client.post(url, {KIND: "daily"})
    row = Preference.objects.get(email="ana@example.org", kind=KIND)
    assert (row.user, row.frequency) == (None, "daily")


def test_unsubscribe_by_get_only_shows_the_button(client, people):
    url = unsubscribe_path(people["leader"].email, KIND)
    html = client.get(url).content.decode()
    assert '<button type="submit">Dejar de recibir estos correos</button>' in html
    assert Preference.objects.count() == 0


def test_unsubscribe_by_one_click_post_without_login_or_csrf(people):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = unsubscribe_path(people["leader"].email, KIND)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.get(user=people["leader"], kind=KIND).frequency == "off"


# --- the mail -------------------------------------------------------------------------------


def test_each_mail_ends_with_the_preferences_and_unsubscribe_links(
    review, people, django_capture_on_commit_callbacks
):
    people["leader"].preferred_language = "en"
    people["leader"].save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        actions.review_proposal(review, by=people["head"], outcome="viable")
    (message,) = [m for m in mail.outbox if m.to == [people["leader"].email]]
    plan = review.proposal.plan
    preferences = absolute_url(
        reverse("notifications:preferences_token", args=[preferences_token(people["leader"].email)])
    )
    unsubscribe = absolute_url(unsubscribe_path(people["leader"].email, KIND))
    assert message.body.endswith(
        f"-- \nChoose which e-mails you receive: {preferences}\n"
        f"Stop e-mails of this kind: {unsubscribe}\n"
    )
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html
    assert str(plan.title_en) in html
    assert f'href="{preferences}"' in html
    assert f'href="{unsubscribe}"' in html
    assert f'href="{absolute_url(review.proposal.get_absolute_url())}"' in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"


# --- the daily digest -----------------------------------------------------------------------


def held(user, plan, subject, when):
    row = Delivery.objects.create(
        email=user.email,
        user=user,
        kind=KIND,
        plan=plan,
        language="es",
        subject=subject,
        body=subject,
        url=f"http://testserver/{subject}/",
        state=Delivery.State.HELD,
        next_attempt_at=when,
    )
    Delivery.objects.filter(pk=row.pk).update(created_at=when)
    return row


def local(day, hour):
    return datetime.datetime(2026, 11, day, hour, tzinfo=PANAMA)


@pytest.fixture
def day_of_items(people, plan, settings):
    settings.NOTIFICATIONS_DIGEST_HOUR = 7
    participant = people["participant"]
    participant.preferred_language = "en"
    participant.save(update_fields=["preferred_language"])
    for hour, subject in [(9, "first"), (13, "second"), (22, "third")]:
        held(participant, plan, subject, local(10, hour))
    held(people["leader"], plan, "leaders-own", local(10, 15))
    return people


def test_the_digest_waits_for_the_digest_hour(day_of_items):
    assert send_digests(now=local(11, 6)) == 0
    assert mail.outbox == []
    assert Delivery.objects.filter(state="held").count() == 4


def test_the_digest_sends_a_days_items_in_one_mail_per_person_once(day_of_items, plan):
    assert send_digests(now=local(11, 8)) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["leader@example.org", "participant@example.org"]
    theirs = by_address["participant@example.org"]
    assert theirs.subject == "Your daily summary: 3 notifications"
    listed = [line for line in theirs.body.splitlines() if line.startswith("- ")]
    assert listed == ["- first", "- second", "- third"]
    assert "http://testserver/third/" in theirs.body
    assert str(plan.title_en) in theirs.body
    assert "Choose which e-mails you receive:" in theirs.body
    assert "Stop e-mails of this kind" not in theirs.body
    assert "List-Unsubscribe" not in theirs.extra_headers
    html = theirs.alternatives[0][0]
    assert 'href="http://testserver/second/"' in html
    leaders = by_address["leader@example.org"]
    assert leaders.subject == "Su resumen diario: 1 notificación"
    assert "- leaders-own" in leaders.body
    assert Delivery.objects.filter(state="digested").count() == 4
    assert list(
        Delivery.objects.filter(kind="notifications.digest").values_list("state", flat=True)
    ) == ["sent", "sent"]
    # a second run, the same day or the next, sends nothing again
    assert send_digests(now=local(11, 8)) == 0
    assert send_digests(now=local(12, 9)) == 0
    assert send_due() == 0
    assert len(mail.outbox) == 2


def test_items_held_after_the_digest_hour_wait_for_the_next_day(people, plan, settings):
    settings.NOTIFICATIONS_DIGEST_HOUR = 7
    held(people["leader"], plan, "late", local(11, 7) + datetime.timedelta(minutes=5))
    assert send_digests(now=local(11, 10)) == 0
    assert send_digests(now=local(12, 7)) == 1
    assert len(mail.outbox) == 1


# --- the worker and `make run` --------------------------------------------------------------


def test_the_worker_runs_the_outbox_and_the_digests():
    listed = {job.name: job for job in jobs()}
    assert listed["outbox"].function is send_due
    assert listed["digests"].function is send_digests


def test_make_run_starts_gunicorn_and_the_worker():
    web, worker = launcher.commands(bind="127.0.0.1:8123", workers=3, python="/venv/python")
    assert web[:4] == ["/venv/python", "-m", "gunicorn", "config.wsgi:application"]
    assert web[web.index("--bind") + 1] == "127.0.0.1:8123"
    assert web[web.index("--workers") + 1] == "3"
    assert worker[0] == "/venv/python"
    assert worker[1].endswith("manage.py")
    assert worker[2:] == ["worker"]
    root = Path(__file__).resolve().parent.parent
    planned = subprocess.run(
        ["make", "-n", "run"],
        cwd=root,
        env={**os.environ, "PORT": "8123", "WORKERS": "3"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in planned.replace("\\\n", " ").splitlines()]
    [line] = [line for line in lines if "manage.py serve" in line]
    assert line.endswith("manage.py serve --bind 127.0.0.1:8123 --workers 3")


def test_the_launcher_stops_the_other_process_when_one_ends():
    started = time.monotonic()
    code = launcher.run(
        [
            [sys.executable, "-c", "import time; time.sleep(60)"],
            [sys.executable, "-c", "raise SystemExit(3)"],
        ],
        poll=0.05,
    )
    assert code == 3
    assert time.monotonic() - started < 15


def test_the_launcher_stops_both_on_ctrl_c(tmp_path):
    script = tmp_path / "launch.py"
    script.write_text(
        "import sys\n"
        "from cocrea.jobs import launcher\n"
        "sleep = [sys.executable, '-c', 'import time; time.sleep(60)']\n"
        "sys.exit(launcher.run([sleep, sleep], poll=0.05))\n"
    )
    process = subprocess.Popen(
        [sys.executable, str(script)], env={**os.environ, "PYTHONPATH": os.getcwd()}
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0


# --- the admin ------------------------------------------------------------------------------


def test_the_admin_shows_the_outbox_read_only_and_retries_a_given_up_mail(client, people, plan):
    given_up = Delivery.objects.create(
        email="ana@example.org",
        kind=KIND,
        subject="Revisión dada",
        body="...",
        state=Delivery.State.FAILED,
        attempts=8,
        last_error="Connection refused",
        next_attempt_at=local(10, 9),
    )
    sent = Delivery.objects.create(
        email="ana@example.org",
        kind=KIND,
        subject="Otra",
        body="...",
        state=Delivery.State.SENT,
        attempts=1,
        next_attempt_at=local(10, 9),
    )
    notify(people["leader"], plan, 1)
    client.force_login(people["superuser"])
    changelist = reverse("admin:notifications_delivery_changelist")
    html = client.get(changelist + "?state__exact=failed").content.decode()
    assert "Connection refused" in html
    assert "Otra" not in html
    assert client.get(reverse("admin:notifications_delivery_add")).status_code == 403
    for name in ("notification", "preference"):
        assert client.get(reverse(f"admin:notifications_{name}_changelist")).status_code == 200
    client.post(
        changelist,
        {"action": "retry_now", "_selected_action": [given_up.pk, sent.pk]},
    )
    given_up.refresh_from_db()
    sent.refresh_from_db()
    assert (given_up.state, given_up.attempts, given_up.last_error) == ("pending", 0, "")
    assert sent.state == "sent"
    assert send_due() == 1
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]


def test_a_review_chosen_daily_arrives_in_the_next_digest_not_at_once(
    review, people, settings, django_capture_on_commit_callbacks
):
    from cocrea.notifications import actions as notify_actions

    participant = people["participant"]
    notify_actions.set_preferences(by=participant, user=participant, choices={KIND: "daily"})
    with django_capture_on_commit_callbacks(execute=True):
        actions.review_proposal(review, by=people["head"], outcome="viable")
    assert participant.email not in [m.to[0] for m in mail.outbox]
    mail.outbox.clear()
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    settings.NOTIFICATIONS_DIGEST_HOUR = timezone.localtime(tomorrow).hour
    assert send_digests(now=tomorrow) == 1
    (digest,) = mail.outbox
    assert digest.to == [participant.email]
    assert digest.subject == "Su resumen diario: 1 notificación"
    assert f"- Revisión de viabilidad dada: {review.proposal.title}" in digest.body
    assert absolute_url(review.proposal.get_absolute_url()) in digest.body


def test_a_refused_connection_keeps_the_digest_in_the_outbox_for_a_retry(day_of_items, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert send_digests(now=local(11, 8)) == 2
    digests = Delivery.objects.filter(kind="notifications.digest")
    assert sorted(digests.values_list("state", "attempts")) == [("pending", 1)] * 2
    assert Delivery.objects.filter(state="held").count() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    digests.update(next_attempt_at=timezone.now())
    assert send_due() == 2
    assert len(mail.outbox) == 2
