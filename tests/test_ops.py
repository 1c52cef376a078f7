"""Operations: the shared cache with and without Redis, rate limits under parallel requests."""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection, connections
from django.test import Client

from cocrea.core import ratelimit
from cocrea.core.backup import BackupError, backup

ROOT = Path(__file__).resolve().parent.parent
# The Redis the cache tests run against; CI and developers' machines run one on 6379.
TEST_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/5"
REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": TEST_REDIS_URL}
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "cocrea_shared_cache",
}

# How long after a write another app server may still serve the page cached before it: the
# revisions kept in its process (2 s), plus half a second for the request that shows it.
REVISION_BOUND = 2.5

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="parallel writers need a server database (SQLite's test database is one connection)",
)


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["database", "redis"])
def shared_backend(request, settings):
    """The shared cache as each deployment has it: a database table, or Redis."""
    if request.param == "redis" and not redis_available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis is not reachable at {TEST_REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {TEST_REDIS_URL}")
    settings.CACHES = {
        **settings.CACHES,
        "shared": REDIS_CACHE if request.param == "redis" else DATABASE_CACHE,
    }
    caches["shared"].clear()
    yield request.param
    caches["shared"].clear()


def run_manage(*args, env_overrides):
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def in_parallel(count: int, work) -> list:
    """Run `work(i)` in `count` threads released together; each thread has its own connection."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as error:  # reported by the assertion of the test
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


# --- the shared cache table ----------------------------------------------------------------------


@pytest.mark.cache
def test_the_shared_cache_table_exists_when_migrated_with_redis_and_serves_without_it(tmp_path):
    """The schema never depends on REDIS_URL at migration time: a site migrated with Redis can
    later run without it (rate limits then count in the table)."""
    database = {
        "COCREA_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    migrated = run_manage(
        "migrate", "--noinput", "-v0", env_overrides={**database, "REDIS_URL": TEST_REDIS_URL}
    )
    assert migrated.returncode == 0, migrated.stderr
    counted = run_manage(
        "shell",
        "-c",
        "from cocrea.core import ratelimit;"
        "print([ratelimit.hit('email', 'ana@example.org', limit=2, window=60) for _ in range(3)])",
        env_overrides=database,
    )
    assert counted.returncode == 0, counted.stderr
    assert counted.stdout.splitlines()[-1] == "[True, True, False]"


def test_redis_is_installed_for_sites_that_set_redis_url():
    """REDIS_URL, as documented, needs the redis client: a dependency, not an extra step."""
    result = run_manage(
        "shell",
        "-c",
        "from django.core.cache import caches; print(type(caches['shared']).__name__)",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "REDIS_URL": TEST_REDIS_URL,
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "RedisCache"
    with open(ROOT / "pyproject.toml", "rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    assert [name for name in dependencies if name.startswith("redis")] == ["redis>=5,<9"]


# --- rate limits ---------------------------------------------------------------------------------


@pytest.mark.cache
def test_rate_limit_counts_each_attempt_and_starts_again_after_the_window(db, shared_backend):
    assert [ratelimit.hit("email", "Ana@Example.org ", limit=2, window=60) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    # The same address, written differently, is the same counter; another address is not.
    assert ratelimit.hit("email", "ana@example.org", limit=2, window=60) is False
    assert ratelimit.hit("email", "bea@example.org", limit=2, window=60) is True
    key = ratelimit._key("email", "ana@example.org")
    assert caches["shared"].get(key) == 4
    caches["shared"].set(key, 4, 0)  # the window is over
    assert ratelimit.hit("email", "ana@example.org", limit=2, window=60) is True
    assert caches["shared"].get(key) == 1


@pytest.mark.cache
def test_expired_counters_leave_the_database_table_when_a_new_one_starts(db, settings):
    settings.CACHES = {**settings.CACHES, "shared": DATABASE_CACHE}
    table = caches["shared"]
    table.set("ratelimit:old", 5, 0)  # a window that is over
    table.set("other", "kept", 600)
    ratelimit.hit("email", "ana@example.org", limit=2, window=60)  # a new counter
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM cocrea_shared_cache ORDER BY cache_key")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys == [":1:other", ":1:" + ratelimit._key("email", "ana@example.org")]


@pytest.mark.cache
@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_never_pass_the_limit(shared_backend):
    results = in_parallel(
        20, lambda i: ratelimit.hit("proposal-comment", "7", limit=10, window=600)
    )
    assert sorted(results, key=str) == [False] * 10 + [True] * 10


@pytest.mark.cache
@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_from_one_address_stop_at_the_limit(shared_backend, settings):
    """14 sign-ups sent at once from one address with a limit of 10: exactly 10 accounts."""
    settings.ACCOUNTS_RATE_LIMIT_PER_IP = 10
    password = "mangrove-heron-1903"

    def sign_up(i):
        response = Client().post(
            "/en/accounts/signup/",
            {
                "full_name": f"Persona {i}",
                "email": f"persona{i}@example.net",
                "password1": password,
                "password2": password,
                "accept_privacy": "on",
            },
        )
        return response.status_code

    codes = in_parallel(14, sign_up)
    assert sorted(codes, key=str) == [302] * 10 + [429] * 4
    assert get_user_model().objects.count() == 10


# --- make run ------------------------------------------------------------------------------------


def make_run_commands(**env) -> list[str]:
    result = subprocess.run(
        ["make", "-n", "run"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def test_make_run_mails_links_to_the_port_it_serves():
    [server] = [line for line in make_run_commands(PORT="8123") if "manage.py serve" in line]
    assert server.startswith("SITE_URL=http://127.0.0.1:8123 ")
    [server] = [
        line
        for line in make_run_commands(PORT="8123", SITE_URL="https://demo.example.org")
        if "manage.py serve" in line
    ]
    assert server.startswith("SITE_URL=https://demo.example.org ")


# --- backup and restore --------------------------------------------------------------------------

# Prints a SHA-256 of every table's rows (and PostgreSQL's sequences) and of the media folder.
CONTENT_HASHES = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from django.db import connection

def digest(rows):
    plain = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]
    return hashlib.sha256(repr(plain).encode()).hexdigest()

found = {}
with connection.cursor() as cursor:
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        tables.append("sqlite_sequence")
    for table in sorted(tables):
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} WHERE 1 = 0")
        order = ", ".join(str(i + 1) for i in range(len(cursor.description)))
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY {order}")
        rows = cursor.fetchall()
        found[table] = [len(rows), digest(rows)]
    if connection.vendor == "postgresql":
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
        found["sequences"] = digest(cursor.fetchall())
media = Path(settings.MEDIA_ROOT)
files = sorted(p for p in media.rglob("*") if p.is_file())
found["media"] = [
    len(files), digest([(str(p.relative_to(media)), p.read_bytes()) for p in files])
]
print(json.dumps(found))
"""

UPLOAD = """
from django.core.files.base import ContentFile
from django.utils import timezone
from cocrea.documents.models import Document
from cocrea.plans.models import ActionPlan
body = b"%PDF-1.4 acta de la mesa de trabajo"
Document.objects.create(
    plan=ActionPlan.objects.get(slug="panama-2017-2019"), title="Acta", doc_type="minutes",
    published_on=timezone.now(),
    file=ContentFile(body, name="acta.pdf"), original_name="acta.pdf",
    content_type="application/pdf", size=len(body), checksum="0" * 64,
)
"""


@pytest.fixture
def scratch_databases(tmp_path):
    """Two empty databases of the suite's kind: (source, target) as DATABASE_URLs."""
    if connection.vendor == "sqlite":
        yield (
            f"sqlite:///{tmp_path / 'source.sqlite3'}",
            f"sqlite:///{tmp_path / 'target.sqlite3'}",
        )
        return
    import psycopg

    params = connection.settings_dict
    base = f"{params['NAME']}_backup"  # derived from the suite's own database name
    names = [f"{base}_source", f"{base}_target"]
    server = psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )
    for name in names:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
    user = f"{params['USER']}@" if params["USER"] else ""
    address = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    yield tuple(f"postgres://{user}{address}/{name}" for name in names)
    for name in names:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.close()


def test_backup_restores_every_table_and_uploaded_file_into_an_empty_database(
    tmp_path, scratch_databases
):
    """The demo plus an uploaded document, backed up with `manage.py backup` and restored with
    `manage.py restore` into a new, empty database and media folder: the same content."""
    source_url, target_url = scratch_databases
    common = {"DJANGO_SETTINGS_MODULE": "config.settings.test", "COCREA_VAR_DIR": str(tmp_path)}
    source = {**common, "DATABASE_URL": source_url, "MEDIA_ROOT": str(tmp_path / "media")}
    target = {**common, "DATABASE_URL": target_url, "MEDIA_ROOT": str(tmp_path / "restored")}
    archive = tmp_path / "site.tar.gz"

    def manage(*args, env):
        result = run_manage(*args, env_overrides=env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.splitlines()[-1] if result.stdout else ""

    manage("migrate", "--noinput", "-v0", env=source)
    manage("demo", env=source)
    manage("shell", "-c", UPLOAD, env=source)
    assert manage("backup", str(archive), env=source) == str(archive)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert manage("restore", str(archive), "--noinput", env=target).startswith("restored")

    before = json.loads(manage("shell", "-c", CONTENT_HASHES, env=source))
    after = json.loads(manage("shell", "-c", CONTENT_HASHES, env=target))
    # The upload, the twelve files of the 2017 plan's three versions (PDF and DOCX in es and en)
    # and the four of the published plan in the document repository.
    assert before["media"][0] == 1 + 12 + 4
    assert before["documents_document"][0] == 1 + 4
    assert before["proposals_proposal"][0] == 30  # 15 in the 2017 record, 15 in the live cycle
    assert after == before
    # A second restore over the restored site (now not empty) gives the same content again.
    manage("restore", str(archive), "--noinput", env=target)
    assert json.loads(manage("shell", "-c", CONTENT_HASHES, env=target)) == before


# --- two app servers -----------------------------------------------------------------------------

SETUP_TWO_SERVERS = """
from django.test import Client
from cocrea.accounts.models import User
from cocrea.plans.capabilities import is_open
from cocrea.proposals.models import Proposal
# A submitted proposal of the plan whose public comment is open (the live cycle's).
proposal = next(
    p for p in Proposal.objects.order_by("pk") if p.is_locked and is_open(p.plan, "public-comment")
)
client = Client()
client.force_login(User.objects.create_user("ana.prueba", "ana@example.org", full_name="Ana"))
print(proposal.get_absolute_url(), client.cookies["sessionid"].value)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser's cookie jar; cookies are not per port, so one visitor goes to both servers."""

    def __init__(self, session: str = ""):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirects()
        )
        if session:
            self.jar.set_cookie(
                http.cookiejar.Cookie(
                    0,
                    "sessionid",
                    session,
                    None,
                    False,
                    "127.0.0.1",
                    False,
                    False,
                    "/",
                    True,
                    False,
                    None,
                    False,
                    None,
                    None,
                    {},
                )
            )

    def open(self, url: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def comment(self, server: str, path: str, body: str) -> int:
        status, page = self.open(server + path)
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _page = self.open(
            f"{server}{path}comments/", {"csrfmiddlewaretoken": token, "body": body}
        )
        return status


@pytest.fixture
def two_servers(tmp_path, scratch_databases):
    """Two gunicorn app servers on one database (and on Redis when REDIS_URL is set), with a
    limit of 3 public comments per person; yields (server A, server B, proposal path, session)."""
    database_url = scratch_databases[0]
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "COCREA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "PROPOSAL_COMMENT_RATE_LIMIT": "3",
        # As deployed: each server keeps the revisions it read for 2 s.
        "PAGE_CACHE_REVISION_SECONDS": "2",
    }
    for args in (("migrate", "--noinput", "-v0"), ("demo",)):
        result = run_manage(*args, env_overrides=env)
        assert result.returncode == 0, result.stderr
    result = run_manage("shell", "-c", SETUP_TWO_SERVERS, env_overrides=env)
    assert result.returncode == 0, result.stderr
    path, session = result.stdout.splitlines()[-1].split()
    server_env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE",)},
        **env,
    }
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"],
            cwd=ROOT,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    servers = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for server, process in zip(servers, processes, strict=True):
            for _ in range(100):
                try:
                    urllib.request.urlopen(server + path, timeout=5).close()
                    break
                except OSError:
                    assert process.poll() is None, process.stderr.read().decode()
                    time.sleep(0.2)
        yield servers[0], servers[1], path, session
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


@pytest.mark.cache
def test_two_app_servers_share_sessions_fresh_cached_pages_and_rate_limits(two_servers):
    server_a, server_b, path, session = two_servers
    anonymous, citizen = Visitor(), Visitor(session)
    status, before = anonymous.open(server_b + path)
    assert status == 200
    assert anonymous.open(server_b + path) == (200, before)  # served again, from B's cache
    assert "Primer comentario por el servidor A." not in before

    # A session opened on A is valid on B (sessions live in the database).
    assert citizen.comment(server_a, path, "Primer comentario por el servidor A.") == 302
    written = time.monotonic()
    # B keeps the revisions it read for 2 s (settings.PAGE_CACHE_REVISION_SECONDS): A's comment
    # shows there within that bound (plus the time of one request), never later.
    while True:
        status, after = anonymous.open(server_b + path)
        shown_after = time.monotonic() - written
        if "Primer comentario por el servidor A." in after:
            break
        assert shown_after < REVISION_BOUND, "B still serves the page cached before the comment"
        time.sleep(0.05)
    assert (status, shown_after < REVISION_BOUND) == (200, True)

    # The limit of 3 comments is counted across both servers: the fourth is refused on B.
    assert [
        citizen.comment(server_b, path, "Segundo, por B."),
        citizen.comment(server_a, path, "Tercero, por A."),
        citizen.comment(server_b, path, "Cuarto, por B."),
    ] == [302, 302, 400]
    status, page = anonymous.open(server_a + path)
    assert ("Tercero, por A." in page, "Cuarto, por B." in page) == (True, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL only")
def test_backup_refuses_a_pg_dump_older_than_the_server(db, tmp_path, monkeypatch):
    """pg_dump fails on a newer server: the command says which client to install instead."""
    fake = tmp_path / "bin" / "pg_dump"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    server = connection.pg_version // 10000
    with pytest.raises(BackupError) as refused:
        backup(tmp_path / "site.tar.gz")
    assert str(refused.value) == (
        f"pg_dump 9 cannot handle a PostgreSQL {server} server: install postgresql-client-{server}"
    )
    assert not (tmp_path / "site.tar.gz").exists()
