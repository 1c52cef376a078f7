import logging
import time

from django.db import close_old_connections

from .schedule import Job, jobs

logger = logging.getLogger("cocrea.jobs")


def run_job(job: Job) -> int | None:
    """Run one job, logging and swallowing its failure so the other jobs still run."""
    close_old_connections()
    try:
        handled = job.function()
    except Exception:
        logger.exception("job %s failed", job.name)
        return None
    logger.info("job %s handled %s", job.name, handled)
    return handled


def run_once() -> dict[str, int | None]:
    return {job.name: run_job(job) for job in jobs()}


def run_forever(*, tick: float = 2.0, stop_after: float | None = None) -> None:
    """Run each job whenever its interval has passed. `stop_after` bounds the loop (tests)."""
    started = time.monotonic()
    last_run: dict[str, float] = {}
    while stop_after is None or time.monotonic() - started < stop_after:
        now = time.monotonic()
        for job in jobs():
            if now - last_run.get(job.name, -job.every_seconds) >= job.every_seconds:
                run_job(job)
                last_run[job.name] = now
        time.sleep(tick)
