"""The in-process half of `make bench-scale` (bench/run.py --scale runs it with the benchmark's
environment): reads the database, makes the personas' sessions, and renders each page once in
this process to count its queries and time its first render.

    probe.py createdb | dropdb     the database of DATABASE_URL, through the server's `postgres`
    probe.py state                 JSON: how the scale data was built (null: not built)
    probe.py pages                 JSON: the pages to measure, the sessions for wrk, and each
                                   page's first render (ms), queries and size

Prints JSON on stdout; anything else goes to stderr."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLAN = "panama-2017-2019"
# How many first renders of each page (the median is reported), after one to warm the process.
RENDERS = 5

# The signed-in personas: (key, label, username of the demo).
PERSONAS = [
    ("secretariat", "secretariat", "secretaria"),
    ("commission", "commission member", "comision"),
    ("leader", "table leader", "lider"),
    ("head", "head of institution", "autoridad"),
    ("citizen", "citizen", "yariela.ortega"),
]


def _server_connection():
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    return (
        psycopg.connect(
            dbname="postgres",
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            autocommit=True,
        ),
        db["NAME"],
    )


def createdb() -> dict:
    from psycopg import sql

    conn, name = _server_connection()
    with conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return {"database": name, "created": not exists}


def dropdb() -> dict:
    from psycopg import sql

    conn, name = _server_connection()
    with conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
    return {"database": name, "dropped": True}


def state() -> dict:
    from django.db import connection
    from django.db.utils import DatabaseError

    try:
        tables = connection.introspection.table_names()
    except DatabaseError as exc:
        return {"built_with": None, "error": str(exc)}
    if "core_actionlog" not in tables:
        return {"built_with": None}
    from cocrea.demo.scale import built_with

    found = built_with()
    return {"built_with": {"factor": found["factor"], "seed": found["seed"]} if found else None}


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend a password sign-in records (the last: the first two never return users).
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(24 * 3600)
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _public_pages() -> list[tuple[str, str]]:
    from cocrea.events.models import Event
    from cocrea.news.models import NewsItem
    from cocrea.plans.models import ActionPlan
    from cocrea.proposals.models import Proposal
    from cocrea.publication.models import ReviewRound

    plan = ActionPlan.objects.get(slug=PLAN)
    base = f"/plans/{PLAN}"
    event = (
        Event.objects.filter(plan=plan, published=True)
        .order_by("-id")  # a generated one: some 20 registrations
        .first()
    )
    news = NewsItem.objects.filter(plan=plan).order_by("-published_on", "-id").first()
    proposal = Proposal.objects.filter(plan=plan, status="submitted").order_by("id").first()
    biggest = ActionPlan.objects.filter(slug__startswith="escala-").order_by("period_start").first()
    pages = [
        ("/", "home (the current plan)"),
        ("/about/", "about"),
        (f"{base}/", "a plan's home"),
        (f"{base}/programme/", "work programme (SVG Gantt)"),
        (f"{base}/programme/versions/", "programme versions"),
        (f"{base}/commission/", "commission"),
        (f"{base}/activity/", "activity (the public log)"),
        (f"{base}/events/", "calendar of events"),
        (f"{base}/events/{event.pk}/", "one event"),
        (f"{base}/documents/", "document repository"),
        (f"{base}/news/", "news"),
        (f"{base}/news/{news.pk}/", "one news item"),
        (f"{base}/reach/", "reach statistics (SVG charts)"),
        (f"{base}/tables/", "working tables"),
        (f"{base}/tables/1/", "one working table"),
        (f"{base}/proposals/", "submitted proposals"),
        (f"{base}/proposals/{proposal.pk}/", "one proposal with its review and comments"),
        (f"/en{base}/proposals/?outcome=not_viable", "proposals filtered (English)"),
        (f"{base}/reasoned-response/", "reasoned response (every proposal's outcome)"),
        (f"{base}/commitments/", "commitments by axis"),
        (f"{base}/plan/drafts/", "the draft versions of the plan"),
        (f"{base}/plan/", "the plan's permanent page"),
    ]
    published_round = (
        ReviewRound.objects.filter(plan=plan, report_published_at__isnull=False)
        .order_by("number")
        .first()
    )
    if published_round is not None:
        pages.append(
            (f"{base}/plan/reviews/{published_round.number}/", "an OGP review round's report")
        )
    if biggest is not None:
        pages.append((f"/plans/{biggest.slug}/proposals/", "submitted proposals, a larger plan"))
    return pages


def _persona_pages(user) -> list[tuple[str, str]]:
    from cocrea.plans.models import ActionPlan
    from cocrea.proposals.models import Proposal
    from cocrea.tables.models import TableMember

    plan = ActionPlan.objects.get(slug=PLAN)
    proposal = Proposal.objects.filter(plan=plan, status="submitted").order_by("id").first()
    seat = (
        TableMember.objects.filter(table__plan=plan, user=user)
        .order_by("-is_leader", "table__number")
        .values_list("table__number", flat=True)
        .first()
    )
    return [
        ("/", "home"),
        (f"/plans/{PLAN}/proposals/", "proposals list"),
        (f"/plans/{PLAN}/proposals/{proposal.pk}/", "a proposal"),
        (f"/workspace/{PLAN}/", "workspace dashboard"),
        (f"/workspace/{PLAN}/reviews/", "reviews"),
        (f"/workspace/{PLAN}/tables/{seat or 1}/", "a table" + ("" if seat else " (not theirs)")),
    ]


def _render(client, path: str) -> dict:
    """The page rendered RENDERS times with an empty cache: median time, queries, size."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(RENDERS):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            content = response.content
            times.append((time.perf_counter() - started) * 1000)
    return {
        "status": response.status_code,
        "first_ms": round(statistics.median(times), 2),
        "queries": len(queries),
        "size": len(content),
    }


def pages() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    anonymous = Client(HTTP_HOST="127.0.0.1")
    public = []
    found = _public_pages()
    anonymous.get(found[0][0])  # warm the process: imports, templates, translations
    for path, label in found:
        public.append({"path": path, "label": label, **_render(anonymous, path)})
    personas = []
    User = get_user_model()
    for key, label, username in PERSONAS:
        user = User.objects.get(username=username)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        rows = []
        for path, page in _persona_pages(user):
            rows.append({"path": path, "label": page, **_render(client, path)})
        personas.append(
            {
                "key": key,
                "label": label,
                "username": username,
                "cookie": _session_cookie(user),
                "pages": rows,
            }
        )
    return {"public": public, "personas": personas}


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")
    import django

    django.setup()
    commands = {"createdb": createdb, "dropdb": dropdb, "state": state, "pages": pages}
    if len(argv) != 2 or argv[1] not in commands:
        print(f"usage: probe.py {'|'.join(commands)}", file=sys.stderr)
        return 2
    print(json.dumps(commands[argv[1]]()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
