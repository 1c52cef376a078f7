"""The import contract (pyproject.toml, [tool.importlinter]; docs/architecture.md): apps import
downwards only, and every app has its place in the layers."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["id"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


def test_every_app_has_its_place_in_the_layers():
    apps = sorted(f"cocrea.{p.parent.name}" for p in (ROOT / "cocrea").glob("*/apps.py"))
    placed = sorted(name for layer in _layers() for name in layer)
    assert placed == apps


def test_the_layers_read_top_down():
    assert _layers() == [
        ["cocrea.demo", "cocrea.jobs", "cocrea.public", "cocrea.workspace"],
        ["cocrea.notifications"],
        ["cocrea.publication"],
        ["cocrea.commitments"],
        ["cocrea.selection"],
        ["cocrea.proposals"],
        ["cocrea.documents", "cocrea.news"],
        ["cocrea.events"],
        ["cocrea.participation"],
        ["cocrea.tables"],
        ["cocrea.plans"],
        ["cocrea.accounts", "cocrea.organisations"],
        ["cocrea.core"],
    ]


def test_the_code_keeps_the_contract():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Contracts: 1 kept, 0 broken." in run.stdout
