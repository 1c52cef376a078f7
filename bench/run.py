"""`make bench`: throughput of the public pages against a minimal Django view.

Sets up a throw-away demo (SQLite, bench/out/var), serves it with gunicorn (2 workers) on a free
port of 127.0.0.1, measures each page with wrk and writes docs/benchmarks.md. Stdlib only.

Exit status: 0 every page meets the target without errors; 1 a page is below the target or had
errors; 2 wrk is missing; 3 the setup failed (manage.py, gunicorn, a page not answering 200).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VAR_DIR = OUT / "var"
STATIC_ROOT = OUT / "static"
DOC = ROOT / "docs" / "benchmarks.md"
SETUP_LOG = OUT / "setup.log"
SERVER_LOG = OUT / "gunicorn.log"

HOST = "127.0.0.1"
WORKERS = 2
THREADS = 2
CONNECTIONS = 16
WARMUP_SECONDS = 2
TARGET = 0.40  # each page must serve at least this share of the minimal page's requests/s

MINIMAL = "/bench/minimal/"
PAGES = [
    (MINIMAL, "minimal Django view (reference)"),
    ("/", "home"),
    ("/plans/panama-2017-2019/programme/", "work programme (SVG Gantt)"),
    ("/plans/panama-2017-2019/events/", "calendar of events"),
    ("/plans/panama-2017-2019/documents/", "document repository"),
    ("/plans/panama-2017-2019/news/", "news"),
    ("/plans/panama-2017-2019/reach/", "reach statistics (SVG charts)"),
    ("/plans/panama-2017-2019/tables/", "working tables"),
    ("/plans/panama-2017-2019/tables/5/", "one working table (leaders, counts by sector)"),
    ("/plans/panama-2017-2019/proposals/", "submitted proposals"),
    # The demo's first proposal: institutions, review, counterproposal or comments, history.
    ("/plans/panama-2017-2019/proposals/1/", "one proposal with its review and comments"),
    ("/en/plans/panama-2017-2019/proposals/?outcome=not_viable", "proposals filtered (English)"),
    ("/plans/panama-2017-2019/reasoned-response/", "reasoned response (every proposal's outcome)"),
    ("/plans/panama-2017-2019/commitments/", "commitments by axis"),
    ("/plans/panama-2017-2019/plan/drafts/", "the draft versions of the plan"),
    ("/plans/panama-2017-2019/selection/methodology/", "the selection methodology"),
    ("/plans/panama-2017-2019/plan/", "the plan's permanent page (state, or the published plan)"),
    ("/plans/panama-2017-2019/plan/drafts/0.1/", "the demo's draft 0.1 with its comments"),
    ("/plans/panama-2017-2019/plan/reviews/1/", "the public report of OGP's review round 1"),
]

HISTORY_HEADING = "## History"
# The section of docs/benchmarks.md that `make bench-scale` (bench/scale.py) writes.
SCALE_START = "<!-- bench-scale:start -->"
SCALE_END = "<!-- bench-scale:end -->"
# The figures of bench/profile_signed_in.py, written by hand between these markers: kept.
SIGNED_IN_START = "<!-- signed-in:start -->"
SIGNED_IN_END = "<!-- signed-in:end -->"


class SetupError(Exception):
    """The benchmark could not be set up; nothing was measured."""


@dataclass
class Result:
    path: str
    label: str
    size: int
    requests: int
    rps: float
    avg_ms: float
    p99_ms: float
    socket_errors: int
    non_2xx: int
    ratio: float | None = None

    @property
    def errors(self) -> int:
        return self.socket_errors + self.non_2xx

    @property
    def target_met(self) -> bool | None:
        if self.ratio is None:
            return None
        return self.ratio >= TARGET and self.errors == 0


# --- setup -------------------------------------------------------------------------------------


def bench_seconds() -> int:
    raw = os.environ.get("BENCH_SECONDS", "10")
    try:
        seconds = int(raw)
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= 600:
        raise SetupError(f"BENCH_SECONDS must be a whole number of seconds, 1-600 (got {raw!r})")
    return seconds


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    # The figures are those of the SQLite demo with a per-process cache, whatever the shell says.
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.demo",
        COCREA_VAR_DIR=str(VAR_DIR),
        COCREA_BENCH_MINIMAL_VIEW="true",
        STATIC_ROOT=str(STATIC_ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], log, *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    print(f"  manage.py {' '.join(args)}", flush=True)
    log.write(f"$ {' '.join(command)}\n")
    log.flush()
    try:
        proc = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=600,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"manage.py {' '.join(args)} took more than 10 minutes") from exc
    if proc.returncode != 0:
        raise SetupError(
            f"manage.py {' '.join(args)} failed (exit {proc.returncode}); see {SETUP_LOG}"
        )


def prepare(env: dict[str, str]) -> None:
    shutil.rmtree(VAR_DIR, ignore_errors=True)
    VAR_DIR.mkdir(parents=True)
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    with open(SETUP_LOG, "w") as log:
        manage(env, log, "migrate", "--noinput")
        manage(env, log, "collectstatic", "--noinput")
        manage(env, log, "demo")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # like curl without -L: a redirect is reported, not followed


_opener = urllib.request.build_opener(_NoRedirect)


def get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "cocrea-bench"})
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def start_server(env: dict[str, str], port: int, log) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
    ]
    # A session of its own: Ctrl-C reaches this script, which then stops the server cleanly.
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_up(server: subprocess.Popen, base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SetupError(f"gunicorn exited with status {server.returncode}; see {SERVER_LOG}")
        try:
            status, _ = get(base + MINIMAL, timeout=2)
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.2)
    raise SetupError(
        f"gunicorn did not answer 200 on {MINIMAL} within {timeout:.0f} s; see {SERVER_LOG}"
    )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    try:
        server.terminate()  # gunicorn's graceful shutdown; the workers follow the arbiter
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the group this script created, nothing else
        server.wait(timeout=5)


# --- measuring ---------------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = r"([\d.]+)(us|ms|s|m|h)"


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def run_wrk(url: str, seconds: int, latency: bool) -> str:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    if latency:
        command.append("--latency")
    command.append(url)
    try:
        proc = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"wrk did not finish within {seconds + 30} s on {url}") from exc
    if proc.returncode != 0:
        raise SetupError(f"wrk failed on {url} (exit {proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def parse_wrk(output: str) -> dict[str, float]:
    def find(pattern: str) -> re.Match | None:
        return re.search(pattern, output, re.MULTILINE)

    rps = find(r"^Requests/sec:\s+([\d.]+)")
    avg = find(r"^\s+Latency\s+" + _DURATION)
    p99 = find(r"^\s+99%\s+" + _DURATION)
    total = find(r"^\s+(\d+) requests in")
    if not (rps and avg and p99 and total):
        raise SetupError(f"could not read wrk's output:\n{output}")
    socket_errors = find(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    non_2xx = find(r"Non-2xx or 3xx responses: (\d+)")
    return {
        "rps": float(rps.group(1)),
        "avg_ms": _ms(*avg.groups()),
        "p99_ms": _ms(*p99.groups()),
        "requests": int(total.group(1)),
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def check_pages(base: str) -> dict[str, int]:
    sizes = {}
    for path, _label in PAGES:
        status, body = get(base + path)
        if status != 200:
            raise SetupError(f"GET {path} returned {status}, expected 200; see {SERVER_LOG}")
        sizes[path] = len(body)
        print(f"  GET {path} -> 200, {len(body):,} bytes", flush=True)
    return sizes


def measure(base: str, seconds: int, sizes: dict[str, int]) -> list[Result]:
    results = []
    for path, label in PAGES:
        url = base + path
        print(f"  {path}: warm-up {WARMUP_SECONDS} s, then {seconds} s", flush=True)
        run_wrk(url, WARMUP_SECONDS, latency=False)
        figures = parse_wrk(run_wrk(url, seconds, latency=True))
        results.append(Result(path=path, label=label, size=sizes[path], **figures))
    reference = results[0].rps
    for result in results[1:]:
        result.ratio = result.rps / reference if reference else 0.0
    return results


# --- reporting ---------------------------------------------------------------------------------


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine() -> dict[str, str]:
    cpuinfo = _read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = re.search(r"^MemTotal:\s+(\d+) kB", _read("/proc/meminfo"), re.MULTILINE)
    try:
        cpus = len(os.sched_getaffinity(0))  # what nproc reports
    except AttributeError:
        cpus = os.cpu_count() or 0
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10, check=False)
    wrk_version = (wrk.stdout + wrk.stderr).splitlines()[0].split(" Copyright")[0]
    return {
        "cpus": str(cpus),
        "cpu": model.group(1).strip() if model else (platform.processor() or "unknown"),
        "memory": f"{int(meminfo.group(1)) / 1024 / 1024:.1f} GiB" if meminfo else "unknown",
        "os": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "python": platform.python_version(),
        "django": importlib.metadata.version("django"),
        "gunicorn": importlib.metadata.version("gunicorn"),
        "sqlite": sqlite3.sqlite_version,
        "wrk": wrk_version.strip(),
    }


def _yes_no(result: Result) -> str:
    met = result.target_met
    if met is None:
        return "reference"
    return "yes" if met else "**no**"


def markdown_table(results: list[Result]) -> str:
    lines = [
        "| Page | Size | Req/s | Avg latency | p99 latency | Ratio | Errors | Target met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        ratio = "100%" if r.ratio is None else f"{r.ratio:.0%}"
        lines.append(
            f"| `{r.path}` {r.label} | {r.size / 1024:.1f} KiB | {r.rps:,.0f} "
            f"| {r.avg_ms:.2f} ms | {r.p99_ms:.2f} ms | {ratio} | {r.errors} | {_yes_no(r)} |"
        )
    return "\n".join(lines)


def text_table(results: list[Result]) -> str:
    header = ("page", "KiB", "req/s", "avg ms", "p99 ms", "ratio", "errors", "target")
    rows = [header]
    for r in results:
        rows.append(
            (
                r.path,
                f"{r.size / 1024:.1f}",
                f"{r.rps:,.0f}",
                f"{r.avg_ms:.2f}",
                f"{r.p99_ms:.2f}",
                "100%" if r.ratio is None else f"{r.ratio:.0%}",
                str(r.errors),
                _yes_no(r).replace("*", ""),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def previous_history() -> str:
    """The dated entries of docs/benchmarks.md's History, as written by earlier runs."""
    try:
        text = DOC.read_text()
    except FileNotFoundError:
        return ""
    _, found, history = text.partition(f"\n{HISTORY_HEADING}\n")
    if not found:
        return ""
    start = history.find("### ")
    return history[start:].strip() if start >= 0 else ""


def kept_section(start: str = SCALE_START, end: str = SCALE_END) -> str:
    """A section between `start` and `end` (by default the one `make bench-scale` writes,
    bench/scale.py), kept as it is, with a blank line."""
    try:
        text = DOC.read_text()
    except FileNotFoundError:
        return ""
    if start not in text or end not in text:
        return ""
    return start + text.partition(start)[2].partition(end)[0] + end + "\n\n"


def scale_section() -> str:
    """The section `make bench-scale` writes, then the signed-in figures written by hand."""
    return kept_section() + kept_section(SIGNED_IN_START, SIGNED_IN_END)


def write_doc(
    results: list[Result],
    info: dict[str, str],
    when: dt.datetime,
    seconds: int,
    rendering: dict | None = None,
):
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    wrk_args = f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s --latency"
    summary = (
        f"{info['cpus']} CPUs ({info['cpu']}), {info['memory']}; Python {info['python']}, "
        f"Django {info['django']}, gunicorn {info['gunicorn']} ({WORKERS} workers), "
        f"SQLite {info['sqlite']} demo; `{wrk_args}`."
    )
    entry = f"### {stamp}\n\n{summary}\n\n{markdown_table(results)}"
    history = "\n\n".join(part for part in (entry, previous_history()) if part)
    DOC.write_text(
        f"""# Benchmarks

`make bench` (or `.venv/bin/python bench/run.py`) measures how many requests per second the
public pages serve, compared with a minimal Django view that returns `ok` through the whole
middleware stack: that view is the floor set by Django and gunicorn on the machine, so the ratio
says what a page's own work (queries, templates, the SVG Gantt chart) costs.

How: a throw-away demo database (SQLite, `bench/out/var`, Panama's 2017-2019 plan loaded by
`manage.py demo`) with `config.settings.demo` (no debug, compiled templates, whitenoise), served
by gunicorn with {WORKERS} sync workers on 127.0.0.1. Each page is first checked to answer 200,
warmed up for {WARMUP_SECONDS} s, then measured with `{wrk_args}` (`BENCH_SECONDS` changes the
duration). Requests are anonymous, in Spanish (the default language); wrk runs on the same
machine as the server and shares its CPUs, so compare ratios rather than raw figures across
machines.

What the figures mean: anonymous visitors get public pages from the page cache
(`cocrea/core/cache.py`), keyed by the path and the revisions of the plan the page shows and of
the site (`cocrea/core/revisions.py`), which the writes concerning them bump; so this measures
the path almost every public request takes. A hit makes no database query while the server
keeps the revisions it read (2 s, `PAGE_CACHE_REVISION_SECONDS`; a change through another server
shows within that bound), and so no connection health check either: one cache read. With
`PAGE_CACHE_REVISION_SECONDS=0` a hit makes one raw SQL query for the revisions. The first
request after a change renders the page in full. Logged-in people get a fresh page, reusing the
cached chart fragments (the Gantt, the reach charts).

Target: each page serves at least {TARGET:.0%} of the minimal view's requests per second, with no
errors (socket errors, or responses wrk counts as non-2xx/3xx). `make bench` exits non-zero
otherwise. The figures of every run, including the failing ones, are kept under History.

## Latest run

Date: {stamp}

Machine:

- CPUs (`nproc`): {info["cpus"]}, {info["cpu"]}
- Memory: {info["memory"]}
- OS: {info["os"]}
- Python {info["python"]}, Django {info["django"]}, gunicorn {info["gunicorn"]} ({WORKERS} workers)
- Database: SQLite {info["sqlite"]} (the demo), per-process memory cache
- Load: {info["wrk"]}, `{wrk_args}`

{markdown_table(results)}

Ratio = the page's requests/s ÷ the minimal view's requests/s.

{documents_section(rendering)}{scale_section()}{HISTORY_HEADING}

Every run of `make bench` adds its figures here, newest first.

{history}
"""
    )


# --- the plan's document ------------------------------------------------------------------------


def measure_documents(env: dict[str, str]) -> dict | None:
    """bench/documents.py on the demo database: the plan's document rendered as PDF + DOCX
    (median of 5), or None when it could not run (its error is printed)."""
    import json

    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "documents.py"), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        print(f"bench: bench/documents.py failed:\n{proc.stderr.strip()}", file=sys.stderr)
        return None


def documents_section(result: dict | None) -> str:
    import documents  # bench/documents.py, next to this file

    if result is None:
        return ""
    return (
        "## The plan's document (PDF + DOCX)\n\n"
        "`bench/documents.py`, after the pages, on the same demo: the plan with the most "
        "commitments, its document built from the data and rendered by `render_pdf` (typst) and "
        f"`render_docx` (python-docx). Target: PDF + DOCX under {documents.TARGET_SECONDS:.0f} s "
        "together, in each language.\n\n" + documents.markdown(result) + "\n\n"
    )


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    if "--scale" in sys.argv[1:] or os.environ.get("BENCH_SCALE") in ("1", "true", "yes"):
        import scale  # bench/scale.py, next to this file

        return scale.main()
    if len(sys.argv) > 1:
        print("usage: bench/run.py [--scale [--redis]]", file=sys.stderr)
        return 2
    if shutil.which("wrk") is None:
        print(
            "bench: wrk is not installed. Install it with: apt-get install -y wrk",
            file=sys.stderr,
        )
        return 2
    try:
        importlib.metadata.version("gunicorn")
    except importlib.metadata.PackageNotFoundError:
        print(
            f"bench: gunicorn is not installed for {sys.executable}; run `make bench`.",
            file=sys.stderr,
        )
        return 3
    # `kill` (SIGTERM) stops the benchmark like Ctrl-C does: the server is stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    try:
        seconds = bench_seconds()
        env = bench_env()
        OUT.mkdir(parents=True, exist_ok=True)
        print(f"Setting up the demo in {VAR_DIR.relative_to(ROOT)}", flush=True)
        prepare(env)
        port = free_port()
        base = f"http://{HOST}:{port}"
        with open(SERVER_LOG, "w") as server_log:
            print(f"Starting gunicorn ({WORKERS} workers) on {base}", flush=True)
            server = start_server(env, port, server_log)
            try:
                wait_until_up(server, base)
                sizes = check_pages(base)
                print("Measuring", flush=True)
                results = measure(base, seconds, sizes)
            finally:
                stop_server(server)
        print("Rendering the plan's document (PDF + DOCX)", flush=True)
        rendering = measure_documents(env)
    except SetupError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nbench: interrupted; the server is stopped.", file=sys.stderr)
        return 130

    when = dt.datetime.now(dt.UTC)
    info = machine()
    print()
    print(text_table(results))
    if rendering is not None:
        print()
        print(documents_section(rendering))
    write_doc(results, info, when, seconds, rendering)
    print(f"\nWrote {DOC.relative_to(ROOT)}")

    failures = [r for r in results if r.errors or r.target_met is False]
    for r in failures:
        why = []
        if r.errors:
            why.append(f"{r.socket_errors} socket errors, {r.non_2xx} non-2xx responses")
        if r.ratio is not None and r.ratio < TARGET:
            why.append(f"{r.ratio:.0%} of the minimal view, target {TARGET:.0%}")
        print(f"FAIL {r.path}: {'; '.join(why)}", file=sys.stderr)
    if rendering is not None and not rendering["met"]:
        print(
            f"FAIL the plan's document: PDF + DOCX took {rendering['worst_s']:.2f} s, "
            f"target {rendering['target_s']:.0f} s",
            file=sys.stderr,
        )
        return 1
    if failures:
        return 1
    print(f"OK: every page serves at least {TARGET:.0%} of the minimal view, without errors.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
