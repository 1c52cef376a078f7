"""One archive holds the whole site: the database and the uploaded files (MEDIA_ROOT).

    cocrea-<date>.tar.gz
      manifest.json        what made it: database vendor, time, format version
      database.dump        PostgreSQL: pg_dump --format=custom (restored with pg_restore)
      database.sqlite3     SQLite: a consistent copy made with SQLite's online backup API
      media/...            every uploaded file, by its path under MEDIA_ROOT

`backup` runs while the site serves (pg_dump reads one snapshot; SQLite's backup API copies a
consistent state in WAL mode). `restore` replaces the database's content and MEDIA_ROOT with the
archive's: into an empty database (a new server) or over an existing one."""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

FORMAT = 1
DUMP = "database.dump"
SQLITE = "database.sqlite3"
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    pass


def default_archive_path() -> Path:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"cocrea-{stamp}.tar.gz"


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"no backup for a {vendor} database")
    return vendor


def _pg_env(alias: str) -> dict[str, str]:
    """The libpq environment naming the database of `alias` (host, port, user, password...)."""
    connection = connections[alias]
    params = connection.settings_dict
    _args, env = connection.client.settings_to_cmd_args_env(params, [])
    found = {
        "PGHOST": params.get("HOST") or "",
        "PGPORT": str(params.get("PORT") or ""),
        "PGUSER": params.get("USER") or "",
        "PGDATABASE": params.get("NAME") or "",
    }
    return {**os.environ, **(env or {}), **{k: v for k, v in found.items() if v}}


def _major(version_text: str) -> int:
    """15 from "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"."""
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", version_text)
    if not match:
        raise BackupError(f"cannot read a version in {version_text!r}")
    return int(match.group(1))


def _check_pg_tool(alias: str, tool: str) -> None:
    """pg_dump and pg_restore refuse a server newer than themselves: say so before starting."""
    if not shutil.which(tool):
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout
    tool_major = _major(output)
    connection = connections[alias]
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    if tool_major < server_major:
        raise BackupError(
            f"{tool} {tool_major} cannot handle a PostgreSQL {server_major} server: install "
            f"postgresql-client-{server_major}"
        )


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed ({result.returncode}):\n{result.stderr.strip()}")


def backup(archive: Path, *, alias: str = DEFAULT_DB_ALIAS) -> Path:
    """Write the database and MEDIA_ROOT into `archive` (a .tar.gz); returns its path."""
    vendor = _vendor(alias)
    archive = Path(archive)
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if vendor == "postgresql":
            _check_pg_tool(alias, "pg_dump")
            database = work / DUMP
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", database],
                _pg_env(alias),
            )
        else:
            database = work / SQLITE
            connection = connections[alias]
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        manifest = {"format": FORMAT, "vendor": vendor, "created": timezone.now().isoformat()}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            tar.add(database, arcname=database.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA)
            else:
                _add_empty_dir(tar, MEDIA)
        partial.chmod(0o600)  # personal data (Ley 81): readable by its owner only
        partial.replace(archive)  # never a half-written archive under the final name
    return archive


def _add_empty_dir(tar: tarfile.TarFile, name: str) -> None:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = 0o755
    tar.addfile(info)


def restore(archive: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Replace the database's content and MEDIA_ROOT by those in `archive`; returns its manifest.

    The database of `alias` must exist (it may be empty); the archive must come from the same
    kind of database."""
    vendor = _vendor(alias)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text())
        if manifest.get("vendor") != vendor:
            raise BackupError(
                f"the archive holds a {manifest.get('vendor')} database; this site uses {vendor}"
            )
        connection = connections[alias]
        if vendor == "postgresql":
            _check_pg_tool(alias, "pg_restore")
            connection.close()
            # --clean --if-exists: drop what exists (nothing on an empty database) before
            # creating; one transaction, so a failed restore leaves the database as it was.
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    "--dbname",
                    connection.settings_dict["NAME"],
                    work / DUMP,
                ],
                _pg_env(alias),
            )
        else:
            connection.close()
            target_path = Path(connection.settings_dict["NAME"])
            target_path.parent.mkdir(parents=True, exist_ok=True)  # a new server's var/
            source = sqlite3.connect(work / SQLITE)
            target = sqlite3.connect(target_path)
            try:
                source.backup(target)  # replaces every page of the target: its whole content
            finally:
                source.close()
                target.close()
        _replace_media(work / MEDIA, Path(settings.MEDIA_ROOT))
    return manifest


def _replace_media(source: Path, media_root: Path) -> None:
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.is_dir():
        shutil.copytree(source, media_root, dirs_exist_ok=True)
