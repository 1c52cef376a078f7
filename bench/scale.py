"""`make bench-scale` (`bench/run.py --scale`): the benchmark at 100x on PostgreSQL.

Builds, or reuses, a PostgreSQL database with the demo and `manage.py scale_data` (reused when
the data's marker says it was built with the same factor and seed), renders every page once in
one process (bench/probe.py: first render, queries, size; the personas' sessions), then serves it
with gunicorn (2 sync workers) and measures with wrk: the minimal view, every public page as an
anonymous visitor gets it (from the page cache), and the main pages signed in as five personas.
Writes its section of docs/benchmarks.md. Stdlib only, like run.py.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_scale; its
name must begin with "bench": the database is dropped and rebuilt when its data differs),
BENCH_FACTOR (100), BENCH_SEED (1), BENCH_SECONDS (10), BENCH_REDIS_URL (the cache, shared by
the workers; default: each worker's memory), BENCH_NOTE (a sentence on the machine's load, put
in the report). `--redis` starts a private redis-server for the run.

Exit status as run.py's: 0 targets met; 1 a target missed or errors; 2 wrk missing; 3 setup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import run
from run import HOST, OUT, ROOT, SetupError

DOC = run.DOC
VAR_DIR = OUT / "scale-var"
STATIC_ROOT = OUT / "static"
SETUP_LOG = OUT / "scale-setup.log"
SERVER_LOG = OUT / "scale-gunicorn.log"
LUA = ROOT / "bench" / "latency.lua"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_scale"

# Targets (issue 15): checked here, never by timed tests.
CACHED_TARGET = 0.60  # anonymous cached pages, share of the minimal view's requests/s
SIGNED_IN_TARGET = 0.12  # signed-in main pages
FIRST_RENDER_MS = 150.0  # every page's first render, in one process
CACHED_P95_MS = 150.0  # cached pages under CONNECTIONS concurrent connections
WORKER_RSS_MB = 150.0  # each gunicorn worker after the run
GROUP = 6  # pages measured between two measurements of the minimal view

START, END = run.SCALE_START, run.SCALE_END
HISTORY = "### History at scale"


@dataclass
class Load:
    """One page under wrk."""

    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    errors: int = 0
    ratio: float | None = None


@dataclass
class Page:
    path: str
    label: str
    status: int
    first_ms: float
    queries: int
    size: int
    persona: str = ""  # empty: anonymous
    cookie: str = ""
    load: Load | None = None
    missed: list[str] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        return self.status == 200


def settings_from_env() -> dict:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    name = urllib.parse.urlparse(url).path.lstrip("/")
    if not url.startswith(("postgres://", "postgresql://")) or not name.startswith("bench"):
        raise SetupError(
            f"BENCH_DATABASE_URL must be a PostgreSQL database whose name begins with 'bench' "
            f"(it is dropped and rebuilt when its data differs); got {url!r}"
        )
    try:
        factor = float(os.environ.get("BENCH_FACTOR", "100"))
        seed = int(os.environ.get("BENCH_SEED", "1"))
    except ValueError as exc:
        raise SetupError(
            f"BENCH_FACTOR must be a number and BENCH_SEED a whole one: {exc}"
        ) from exc
    if factor == int(factor):
        factor = int(factor)
    return {
        "url": url,
        "name": name,
        "factor": factor,
        "seed": seed,
        "seconds": run.bench_seconds(),
        "redis": os.environ.get("BENCH_REDIS_URL", ""),
        "note": os.environ.get("BENCH_NOTE", "").strip(),
    }


def bench_env(conf: dict) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    if conf["redis"]:
        env["REDIS_URL"] = conf["redis"]
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.demo",
        DATABASE_URL=conf["url"],
        COCREA_VAR_DIR=str(VAR_DIR),
        COCREA_BENCH_MINIMAL_VIEW="true",
        STATIC_ROOT=str(STATIC_ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def probe(env: dict[str, str], log, command: str) -> dict:
    print(f"  probe.py {command}", flush=True)
    log.write(f"$ probe.py {command}\n")
    log.flush()
    try:
        proc = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "probe.py"), command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            timeout=900,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"probe.py {command} took more than 15 minutes") from exc
    if proc.returncode != 0:
        raise SetupError(f"probe.py {command} failed (exit {proc.returncode}); see {SETUP_LOG}")
    return json.loads(proc.stdout)


def manage(env: dict[str, str], log, *args: str) -> None:
    started = time.monotonic()
    run.manage(env, log, *args)
    log.write(f"  ({time.monotonic() - started:.0f} s)\n")


def prepare(conf: dict, env: dict[str, str]) -> dict:
    """The database with the data of this factor and seed: reused, or dropped and rebuilt."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    wanted = {"factor": conf["factor"], "seed": conf["seed"]}
    with open(SETUP_LOG, "w") as log:
        probe(env, log, "createdb")
        found = probe(env, log, "state")["built_with"]
        reused = found == wanted
        started = time.monotonic()
        if reused:
            print(f"  reusing {conf['name']}: built with factor {found['factor']}, "
                  f"seed {found['seed']}", flush=True)  # fmt: skip
            manage(env, log, "migrate", "--noinput")
        else:
            print(f"  building {conf['name']} (it holds {found or 'no scale data'})", flush=True)
            probe(env, log, "dropdb")
            probe(env, log, "createdb")
            manage(env, log, "migrate", "--noinput")
            manage(env, log, "demo")
            manage(
                env, log, "scale_data", "--factor", str(conf["factor"]), "--seed", str(conf["seed"])
            )
        build_seconds = time.monotonic() - started
        manage(env, log, "collectstatic", "--noinput")
        print("  rendering each page once in one process", flush=True)
        pages = probe(env, log, "pages")
    return {"reused": reused, "build_seconds": build_seconds, **pages}


def parse_load(output: str) -> Load:
    figures = run.parse_wrk(output)
    found = re.search(r"cocrea-latency p50=(\d+) p95=(\d+) p99=(\d+)", output)
    if not found:
        raise SetupError(f"could not read the latency percentiles in wrk's output:\n{output}")
    p50, p95, p99 = (int(n) / 1000 for n in found.groups())
    return Load(
        rps=figures["rps"],
        p50_ms=p50,
        p95_ms=p95,
        p99_ms=p99,
        requests=figures["requests"],
        errors=figures["socket_errors"] + figures["non_2xx"],
    )


def wrk(url: str, seconds: int, cookie: str = "", script: bool = True) -> str:
    # A slow page's requests count in its percentiles rather than as errors: wrk's timeout is
    # 2 s by default.
    command = [
        "wrk",
        f"-t{run.THREADS}",
        f"-c{run.CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["--latency", "-s", str(LUA)]
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


def measure_one(base: str, path: str, seconds: int, cookie: str = "") -> Load:
    wrk(base + path, run.WARMUP_SECONDS, cookie, script=False)
    return parse_load(wrk(base + path, seconds, cookie))


def measure_pages(base: str, pages: list[Page], seconds: int) -> list[Load]:
    """Each page under wrk, the minimal view before and after every group of GROUP pages: a
    page's ratio is to the mean of the two measurements around it, so that a shared machine's
    load, which changes over the run, weighs on both sides of the ratio alike."""
    minimal = [measure_one(base, run.MINIMAL, seconds)]
    print(f"  minimal view: {minimal[-1].rps:,.0f} req/s", flush=True)
    measured = [page for page in pages if page.measured]
    for start in range(0, len(measured), GROUP):
        group = measured[start : start + GROUP]
        for page in group:
            print(f"  {page.persona or 'anonymous'}: {page.path}", flush=True)
            page.load = measure_one(base, page.path, seconds, page.cookie)
        minimal.append(measure_one(base, run.MINIMAL, seconds))
        print(f"  minimal view: {minimal[-1].rps:,.0f} req/s", flush=True)
        reference = (minimal[-2].rps + minimal[-1].rps) / 2
        for page in group:
            page.load.ratio = page.load.rps / reference if reference else 0.0
    return minimal


def check_status(base: str, page: Page) -> None:
    """The server answers as the probe did (200, or the persona's 403)."""
    import urllib.request

    headers = {"User-Agent": "cocrea-bench"}
    if page.cookie:
        headers["Cookie"] = page.cookie
    request = urllib.request.Request(base + page.path, headers=headers)
    try:
        with run._opener.open(request, timeout=30) as response:
            status = response.status
    except run.urllib.error.HTTPError as exc:
        status = exc.code
    if status != page.status:
        who = page.persona or "anonymous"
        raise SetupError(
            f"GET {page.path} ({who}) returned {status} from gunicorn but {page.status} in "
            f"one process; see {SERVER_LOG}"
        )


def worker_rss_mb(master: int) -> list[float]:
    """The resident memory of each child of the gunicorn master, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid != master:
                continue
            status = (entry / "status").read_text()
        except (OSError, ValueError, IndexError):
            continue
        rss = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if rss:
            found.append(int(rss.group(1)) / 1024)
    return sorted(found)


def loadavg() -> str:
    return " ".join(run._read("/proc/loadavg").split()[:3]) or "unknown"


def check_targets(pages: list[Page], rss: list[float]) -> list[str]:
    failures = []
    for page in pages:
        who = page.persona or "anonymous"
        if page.measured and page.first_ms >= FIRST_RENDER_MS:
            page.missed.append(f"first render {page.first_ms:.0f} ms >= {FIRST_RENDER_MS:.0f}")
        load = page.load
        if load is not None:
            if load.errors:
                page.missed.append(f"{load.errors} errors")
            if not page.persona:
                if load.ratio < CACHED_TARGET:
                    page.missed.append(f"{load.ratio:.0%} of minimal < {CACHED_TARGET:.0%}")
                if load.p95_ms >= CACHED_P95_MS:
                    page.missed.append(f"p95 {load.p95_ms:.0f} ms >= {CACHED_P95_MS:.0f}")
            elif load.ratio < SIGNED_IN_TARGET:
                page.missed.append(f"{load.ratio:.0%} of minimal < {SIGNED_IN_TARGET:.0%}")
        for why in page.missed:
            failures.append(f"{page.path} ({who}): {why}")
    for n, mb in enumerate(rss, 1):
        if mb >= WORKER_RSS_MB:
            failures.append(f"worker {n}: {mb:.0f} MB resident >= {WORKER_RSS_MB:.0f} MB")
    return failures


# --- reporting ---------------------------------------------------------------------------------


def _met(page: Page) -> str:
    if not page.measured:
        return "not theirs"
    return "yes" if not page.missed else "**no**"


def _kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def public_table(pages: list[Page]) -> str:
    lines = [
        "| Page | Size | Queries | First render | Cached req/s | Ratio | p50 | p95 | Errors "
        "| Targets met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in pages:
        load = p.load
        lines.append(
            f"| `{p.path}` {p.label} | {_kib(p.size)} | {p.queries} | {p.first_ms:.1f} ms "
            f"| {load.rps:,.0f} | {load.ratio:.0%} | {load.p50_ms:.1f} ms | {load.p95_ms:.1f} ms "
            f"| {load.errors} | {_met(p)} |"
        )
    return "\n".join(lines)


def signed_in_table(pages: list[Page]) -> str:
    lines = [
        "| Persona | Page | Status | Size | Queries | Render | Req/s | Ratio | p50 | p95 "
        "| Errors | Targets met |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in pages:
        load = p.load
        figures = (
            f"{load.rps:,.0f} | {load.ratio:.0%} | {load.p50_ms:.1f} ms | {load.p95_ms:.1f} ms "
            f"| {load.errors}"
            if load
            else "– | – | – | – | –"
        )
        lines.append(
            f"| {p.persona} | `{p.path}` {p.label} | {p.status} | {_kib(p.size)} | {p.queries} "
            f"| {p.first_ms:.1f} ms | {figures} | {_met(p)} |"
        )
    return "\n".join(lines)


def text_report(minimal: list[Load], pages: list[Page], rss: list[float]) -> str:
    lines = [
        "minimal view: " + ", ".join(f"{m.rps:,.0f} req/s (p95 {m.p95_ms:.1f} ms)" for m in minimal)
    ]
    for p in pages:
        who = p.persona or "anonymous"
        if p.load:
            lines.append(
                f"{who:<20} {p.path:<58} {p.load.rps:>6,.0f} req/s {p.load.ratio:>4.0%} "
                f"p95 {p.load.p95_ms:>6.1f} ms  first {p.first_ms:>6.1f} ms  {p.queries:>2} q  "
                f"{_kib(p.size):>9}  {'ok' if not p.missed else 'MISSED'}"
            )
        else:
            lines.append(f"{who:<20} {p.path:<58} {p.status} (not measured)")
    lines.append("worker RSS: " + ", ".join(f"{mb:.0f} MB" for mb in rss))
    lines += ["", "Targets met:", *(f"  {line}" for line in summary(pages, rss))]
    return "\n".join(lines)


def summary(pages: list[Page], rss: list[float]) -> list[str]:
    """How many pages meet each target."""
    public = [p for p in pages if not p.persona and p.load]
    signed = [p for p in pages if p.persona and p.load]
    rendered = [p for p in pages if p.measured]

    def share(rows, ok) -> str:
        return f"{sum(1 for p in rows if ok(p))} of {len(rows)} pages"

    return [
        f"anonymous cached >= {CACHED_TARGET:.0%} of the minimal view: "
        + share(public, lambda p: p.load.ratio >= CACHED_TARGET),
        f"anonymous cached p95 < {CACHED_P95_MS:.0f} ms: "
        + share(public, lambda p: p.load.p95_ms < CACHED_P95_MS),
        f"signed in >= {SIGNED_IN_TARGET:.0%} of the minimal view: "
        + share(signed, lambda p: p.load.ratio >= SIGNED_IN_TARGET),
        f"first render < {FIRST_RENDER_MS:.0f} ms: "
        + share(rendered, lambda p: p.first_ms < FIRST_RENDER_MS),
        "no errors under load: " + share(public + signed, lambda p: not p.load.errors),
        f"worker memory < {WORKER_RSS_MB:.0f} MB: "
        + ("met" if rss and max(rss) < WORKER_RSS_MB else "**missed**")
        + f" ({', '.join(f'{mb:.0f} MB' for mb in rss)})",
    ]


def entry(conf, info, when, minimal, pages, rss, setup, loads) -> str:
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    cache = "Redis (shared by the workers)" if conf["redis"] else "each worker's memory (locmem)"
    built = (
        f"reused (built earlier with factor {conf['factor']}, seed {conf['seed']})"
        if setup["reused"]
        else f"built in {setup['build_seconds']:.0f} s (migrate, demo, scale_data)"
    )
    public = [p for p in pages if not p.persona]
    signed = [p for p in pages if p.persona]
    measured_signed = [p for p in signed if p.load]
    rows = [
        f"#### {stamp}",
        "",
        f"- Machine: {info['cpus']} CPUs ({info['cpu']}), {info['memory']}, {info['os']}; "
        f"Python {info['python']}, Django {info['django']}, gunicorn {info['gunicorn']} "
        f"({run.WORKERS} sync workers), {info['wrk']}.",
        f"- Load average (1, 5, 15 min) before the run: {loads[0]}; after: {loads[1]}."
        + (f" {conf['note']}" if conf.get("note") else ""),
        f"- Database: PostgreSQL `{conf['name']}`, factor {conf['factor']}, seed {conf['seed']}, "
        f"{built}. Cache: {cache}.",
        f"- `wrk -t{run.THREADS} -c{run.CONNECTIONS} -d{conf['seconds']}s --timeout 10s` per "
        f"page after {run.WARMUP_SECONDS} s of warm-up; p50/p95 from wrk's latency histogram.",
        f"- Minimal view, measured before and after every {GROUP} pages (a page's ratio is to "
        "the mean of the two around it): "
        + ", ".join(f"{m.rps:,.0f}" for m in minimal)
        + f" req/s; p95 {min(m.p95_ms for m in minimal):.1f}"
        + f"-{max(m.p95_ms for m in minimal):.1f} ms.",
        "- Gunicorn workers' resident memory after the run: "
        + ", ".join(f"{mb:.0f} MB" for mb in rss)
        + f" (target < {WORKER_RSS_MB:.0f} MB).",
        "",
        "Targets met:",
        "",
        *(f"- {line}" for line in summary(pages, rss)),
        "",
        f"Anonymous (cached: >= {CACHED_TARGET:.0%} of the minimal view and p95 < "
        f"{CACHED_P95_MS:.0f} ms; first render < {FIRST_RENDER_MS:.0f} ms):",
        "",
        public_table(public),
        "",
        f"Signed in (each page rendered afresh: >= {SIGNED_IN_TARGET:.0%} of the minimal view; "
        f"render < {FIRST_RENDER_MS:.0f} ms; 'not theirs': the persona may not see it, not "
        "measured):",
        "",
        signed_in_table(signed),
        "",
        f"Signed-in pages measured: {len(measured_signed)}; best ratio "
        + (f"{max(p.load.ratio for p in measured_signed):.0%}" if measured_signed else "–")
        + ", worst "
        + (f"{min(p.load.ratio for p in measured_signed):.0%}" if measured_signed else "–")
        + ".",
    ]
    return "\n".join(rows)


def section(latest: str, history: str, note: str) -> str:
    targets = (
        f"anonymous cached pages >= {CACHED_TARGET:.0%} of the minimal view, with p95 < "
        f"{CACHED_P95_MS:.0f} ms under {run.CONNECTIONS} connections; signed-in pages >= "
        f"{SIGNED_IN_TARGET:.0%}; every first render < {FIRST_RENDER_MS:.0f} ms; each worker "
        f"< {WORKER_RSS_MB:.0f} MB resident after the run"
    )
    return f"""{START}
## At scale (`make bench-scale`)

`make bench-scale` (`bench/run.py --scale`, see `bench/README.md`) measures the site on
PostgreSQL with 100 times the demo's data: `manage.py scale_data --factor 100 --seed 1`
(`cocrea/demo/scale.py`) adds to the demo, by bulk inserts in about 20 s, 5 plans in all, 520
events, 20,000 registrations, 2,000 documents, 500 news, 50 tables with 5,000 members, 1,500
proposals with 15,000 revisions, 1,000 reviews, 20,000 comments, 100,000 log rows and 10,000
users. The database (`BENCH_DATABASE_URL`, default `{DEFAULT_URL}`)
is reused while its data was built with the same factor and seed.

Each page is first rendered five times in one process with an empty cache (`bench/probe.py`:
the median is its *first render*, with its queries and size), then served by gunicorn
({run.WORKERS} sync workers) and loaded with wrk. Anonymous pages come from the page cache;
signed-in pages (a session cookie per persona: secretariat, commission member, table leader,
head of institution, citizen) are rendered on every request. The minimal view is measured before
and after every {GROUP} pages; a page's ratio is to the mean of the two measurements around it.

Targets (the benchmark exits non-zero when one is missed): {targets}.

{note}

### Latest run at scale

{latest}

{HISTORY}

Every run of `make bench-scale`, newest first.

{history}
{END}"""


NOTE = (
    "The machine these figures come from is shared: other jobs (tests, builds) ran on its two "
    "CPUs during the run, and wrk shares them with gunicorn and PostgreSQL; the load average "
    "is recorded with each run. Compare ratios, and rerun on a quiet machine before drawing "
    "conclusions from a missed target."
)


def write_doc(new_entry: str) -> None:
    """Replace the scale section of docs/benchmarks.md (placed before run.py's History the first
    time), keeping its own history."""
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    old = ""
    if START in text and END in text:
        before, _, rest = text.partition(START)
        old, _, after = rest.partition(END)
    elif f"\n{run.HISTORY_HEADING}\n" in text:
        before, found, after = text.partition(f"\n{run.HISTORY_HEADING}\n")
        before, after = before + "\n", "\n\n" + found.lstrip("\n") + after
    else:
        before, after = text.rstrip() + "\n\n", "\n"
    previous = old.partition(f"\n{HISTORY}\n")[2]
    start = previous.find("#### ")
    previous = previous[start:].strip() if start >= 0 else ""
    history = "\n\n".join(part for part in (new_entry, previous) if part)
    DOC.write_text(before + section(new_entry, history, NOTE) + after)


def start_redis(log) -> tuple[subprocess.Popen, str]:
    """A private redis-server on a free port of 127.0.0.1, nothing kept on disk."""
    if run.shutil.which("redis-server") is None:
        raise SetupError("--redis needs redis-server (apt-get install -y redis-server)")
    port = run.free_port()
    server = subprocess.Popen(
        ["redis-server", "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with run.socket.create_connection((HOST, port), timeout=1):
                return server, f"redis://{HOST}:{port}/0"
        except OSError:
            time.sleep(0.1)
    run.stop_server(server)
    raise SetupError(f"redis-server did not listen on port {port}")


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    if run.shutil.which("wrk") is None:
        print("bench: wrk is not installed. Install it with: apt-get install -y wrk",
              file=sys.stderr)  # fmt: skip
        return 2
    run.signal.signal(run.signal.SIGTERM, lambda *_: sys.exit(143))
    redis = None
    try:
        conf = settings_from_env()
        OUT.mkdir(parents=True, exist_ok=True)
        if "--redis" in sys.argv[1:]:
            redis, conf["redis"] = start_redis(open(OUT / "scale-redis.log", "w"))  # noqa: SIM115
        env = bench_env(conf)
        loads = [loadavg()]
        print(f"Preparing {conf['name']} (factor {conf['factor']}, seed {conf['seed']})",
              flush=True)  # fmt: skip
        setup = prepare(conf, env)
        pages = [Page(**p) for p in setup["public"]]
        for persona in setup["personas"]:
            for p in persona["pages"]:
                pages.append(Page(**p, persona=persona["label"], cookie=persona["cookie"]))
        # BENCH_ONLY=signed (or public): measure those pages only, a check that writes no report.
        only = os.environ.get("BENCH_ONLY", "").strip()
        if only:
            pages = [p for p in pages if bool(p.persona) == (only == "signed")]
        port = run.free_port()
        base = f"http://{HOST}:{port}"
        with open(SERVER_LOG, "w") as server_log:
            print(f"Starting gunicorn ({run.WORKERS} workers) on {base}", flush=True)
            server = run.start_server(env, port, server_log)
            try:
                run.wait_until_up(server, base, timeout=60)
                for page in pages:
                    check_status(base, page)
                print("Measuring", flush=True)
                minimal = measure_pages(base, pages, conf["seconds"])
                rss = worker_rss_mb(server.pid)
            finally:
                run.stop_server(server)
        loads.append(loadavg())
    except SetupError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nbench: interrupted; the server is stopped.", file=sys.stderr)
        return 130
    finally:
        if redis is not None:
            run.stop_server(redis)

    failures = check_targets(pages, rss)
    when = dt.datetime.now(dt.UTC)
    info = run.machine()
    print()
    print(text_report(minimal, pages, rss))
    if only:
        print(f"\nBENCH_ONLY={only}: a partial run, {DOC.relative_to(ROOT)} left as it was")
    else:
        write_doc(entry(conf, info, when, minimal, pages, rss, setup, loads))
        print(f"\nWrote {DOC.relative_to(ROOT)}")
    for failure in failures:
        print(f"MISSED {failure}", file=sys.stderr)
    if failures:
        return 1
    print("OK: every target at scale is met.")
    return 0
