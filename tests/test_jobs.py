"""The worker runs the explicit job list, isolates failures and stops when told."""

import pytest
from django.core.management import call_command

from cocrea.jobs import runner
from cocrea.jobs.schedule import Job


@pytest.fixture
def fake_jobs(monkeypatch):
    calls = []

    def ok():
        calls.append("ok")
        return 3

    def broken():
        calls.append("broken")
        raise RuntimeError("boom")

    listed = [Job("test.broken", broken, 60), Job("test.ok", ok, 60)]
    monkeypatch.setattr(runner, "jobs", lambda: listed)
    return calls


def test_run_once_runs_every_job_even_after_a_failure(fake_jobs, db):
    assert runner.run_once() == {"test.broken": None, "test.ok": 3}
    assert fake_jobs == ["broken", "ok"]


def test_run_forever_respects_intervals_and_stops(fake_jobs, db):
    runner.run_forever(tick=0.01, stop_after=0.1)
    assert fake_jobs == ["broken", "ok"]  # each due once within 60 s


def test_worker_once_reports_each_job(fake_jobs, capsys, db):
    call_command("worker", "--once")
    out = capsys.readouterr().out
    assert "test.broken: failed (see the log)" in out
    assert "test.ok: handled 3" in out


def test_smtp_fixture_receives_real_mail(smtp_server):
    from django.core.mail import send_mail

    send_mail("Asunto", "Cuerpo", "from@example.org", ["to@example.org"])
    assert len(smtp_server) == 1
    assert smtp_server[0]["Subject"] == "Asunto"
    assert smtp_server[0]["X-Envelope-To"] == "to@example.org"
    assert smtp_server[0].get_content().strip() == "Cuerpo"
