"""The signed-in main pages rendered in one process: where their time goes.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_scale
    .venv/bin/python bench/profile_signed_in.py
    .venv/bin/python bench/profile_signed_in.py --renders 20 --profile secretariat:reviews

For each persona of `make bench-scale` (bench/probe.py: secretariat, commission member, table
leader, head of institution, citizen) and each of the six signed-in pages the benchmark loads
(home, proposals list, a proposal, workspace dashboard, reviews, a table), renders the page
`--renders` times (default 10) through Django's test client after one warm-up render, and prints
the median and the fastest render (ms), the median CPU time of the process per render, the
queries and the status (`--queries PERSONA[:PAGE]` prints them; `--page` measures one page).
Renders are warm, as under load: the page and fragment caches keep what earlier renders put
there (`--cold` empties the cache before each render, as `bench/probe.py` does for the first
render).

`--profile PERSONA:PAGE` (e.g. `secretariat:reviews`; `slowest` for the slowest page measured)
prints a cProfile of ten more renders of that page, sorted by cumulative time (`--top` lines).

Read only: every database connection is opened read only (PostgreSQL refuses any write), the
sessions live in the process's memory (made directly: no sign-in and its records), so the
script may be pointed at the kept benchmark database. DEBUG is off (config.settings.demo)."""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")
    from django.conf import settings

    # Sessions and the shared cache in memory: the script writes nothing to the database.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "profile-sessions"
    settings.CACHES["profile-sessions"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "profile-sessions",
    }
    settings.CACHES["shared"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "profile-shared",
    }
    # Static files without a collected manifest (a checkout need not have run collectstatic).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db.backends.signals import connection_created

    def read_only(sender, connection, **kwargs):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        elif connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = ON")

    connection_created.connect(read_only, weak=False)
    import logging

    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the 403s, expected
    from django.db import connection

    connection.close()  # reopened read only


def _session(user) -> str:
    """A signed-in session in the process's memory (no sign-in signals: nothing is written)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cache import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _render(client, path: str, renders: int, cold: bool) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: imports, templates, translations, fragment caches
    times = []
    cpu = []
    for _ in range(renders):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            started_cpu = time.process_time()
            response = client.get(path)
            response.content  # noqa: B018
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "status": response.status_code,
        "median": statistics.median(times),
        "best": min(times),
        "cpu": statistics.median(cpu),
        "queries": len(queries),
        "sql": [f"{query['time']} {query['sql']}" for query in queries.captured_queries],
        "size": len(response.content),
    }


PAGE_KEYS = ["home", "proposals", "proposal", "workspace", "reviews", "table"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="empty the cache before each render")
    parser.add_argument("--profile", help="PERSONA:PAGE (e.g. secretariat:reviews) or 'slowest'")
    parser.add_argument("--top", type=int, default=45, help="lines of the profile")
    parser.add_argument("--sort", default="cumulative", help="the profile's order (tottime, ...)")
    parser.add_argument("--only", help="one persona key (secretariat, commission, ...)")
    parser.add_argument("--page", help="one page key (home, proposals, proposal, ...)")
    parser.add_argument("--queries", help="PERSONA or PERSONA:PAGE: print the last render's SQL")
    args = parser.parse_args(argv[1:])
    _setup()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from probe import PERSONAS, _persona_pages

    User = get_user_model()
    print(
        f"# {connection.vendor} {connection.settings_dict['NAME']}, "
        f"{'cold' if args.cold else 'warm'} cache, {args.renders} renders per page, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("| Persona | Page | Status | Queries | Median | Best | CPU |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    measured = []
    clients = {}
    for key, _label, username in PERSONAS:
        if args.only and key != args.only:
            continue
        user = User.objects.get(username=username)
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies[settings.SESSION_COOKIE_NAME] = _session(user)
        clients[key] = (client, dict(zip(PAGE_KEYS, _persona_pages(user), strict=True)))
        for page_key, (path, label) in clients[key][1].items():
            if args.page and page_key != args.page:
                continue
            row = _render(client, path, args.renders, args.cold)
            measured.append((row["median"], key, page_key))
            print(
                f"| {key} | {label} `{path}` | {row['status']} | {row['queries']} | "
                f"{row['median']:.1f} ms | {row['best']:.1f} ms | {row['cpu']:.1f} ms |",
                flush=True,
            )
            if args.queries in (key, f"{key}:{page_key}"):
                print("\n".join(f"    {sql[:300]}" for sql in row["sql"]))
    every = [m for m, *_ in measured]
    if every:
        print(f"\nMedian of the pages' medians: {statistics.median(every):.1f} ms")

    if args.profile:
        if args.profile == "slowest":
            _ms, key, page_key = max(measured)
        else:
            key, page_key = args.profile.split(":")
        client, pages = clients[key]
        path = pages[page_key][0]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            client.get(path).content  # noqa: B018
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(args.sort).print_stats(args.top)
        print(f"\n## cProfile: {key} {path} (10 renders, {args.sort})\n{out.getvalue()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
