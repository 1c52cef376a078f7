"""Production settings pass Django's deployment checks and refuse to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    # The browser tests allow async-unsafe ORM calls in this process; a deployment never does.
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PROD = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "SECRET_KEY": "k" * 20 + "-production-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "gobiernoabierto.example.org",
}


def test_check_deploy_has_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PROD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_a_missing_secret_key():
    result = run_manage("check", env_overrides={**PROD, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_demo():
    result = run_manage("demo", env_overrides={**PROD, "DATABASE_URL": "sqlite:///:memory:"})
    assert result.returncode != 0
    assert "demo mode" in result.stderr
