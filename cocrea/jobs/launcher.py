"""`make run`: the web server (gunicorn) and the worker side by side, as one command. Ctrl-C (or
SIGTERM) stops both; if either stops on its own, the other is stopped too, so the demo never runs
without its worker (mail, digests and reminders)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

MANAGE = Path(__file__).resolve().parent.parent.parent / "manage.py"


def commands(*, bind: str, workers: int, python: str = sys.executable) -> list[list[str]]:
    """The two commands `make run` starts: gunicorn serving `bind`, and the worker."""
    return [
        [
            python,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        [python, str(MANAGE), "worker"],
    ]


def stop(processes: list[subprocess.Popen], *, grace: float = 10.0) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(argvs: list[list[str]], *, poll: float = 0.2) -> int:
    """Start every command; return when one ends or on Ctrl-C/SIGTERM, having stopped the
    others. Returns the exit code of the first that ended (0 when asked to stop)."""
    processes = [subprocess.Popen(argv) for argv in argvs]
    stopping = []

    def asked_to_stop(signum, frame):
        stopping.append(signum)

    previous = {sig: signal.signal(sig, asked_to_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    code = 0
    try:
        while not stopping:
            ended = [p for p in processes if p.poll() is not None]
            if ended:
                code = ended[0].returncode
                break
            time.sleep(poll)
    finally:
        stop(processes)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return code
