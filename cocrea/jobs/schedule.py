"""The periodic jobs the worker runs: one explicit list, in code.

Each job is a function that takes no argument, does a bounded amount of work and returns how many
things it handled. Jobs must be idempotent (record what they sent, e.g. `reminder_sent_at`), so
two workers, a restart or a manual `worker --once` never send the same mail twice."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    function: Callable[[], int]
    every_seconds: int


def jobs() -> list[Job]:
    # Imported here so that `cocrea.jobs` stays importable before the domain apps are loaded.
    from cocrea.events.actions import purge_unconfirmed_registrations, send_event_reminders
    from cocrea.notifications.delivery import send_due
    from cocrea.notifications.digest import send_digests
    from cocrea.participation.actions import send_liaison_reminders
    from cocrea.proposals.actions import send_review_reminders
    from cocrea.publication.actions import produce_files, send_review_round_reminders

    return [
        Job("outbox", send_due, every_seconds=5),
        Job("plan-documents", produce_files, every_seconds=5),
        Job("digests", send_digests, every_seconds=900),
        Job("event-reminders", send_event_reminders, every_seconds=900),
        Job("unconfirmed-registrations", purge_unconfirmed_registrations, every_seconds=3600),
        Job("liaison-reminders", send_liaison_reminders, every_seconds=3600),
        Job("review-reminders", send_review_reminders, every_seconds=3600),
        Job("review-round-reminders", send_review_round_reminders, every_seconds=3600),
    ]
