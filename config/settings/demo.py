"""`make run` and `make bench`: production behaviour (no debug, whitenoise, compiled templates)
on plain HTTP at 127.0.0.1, with the demo accounts enabled."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = False
DEMO_MODE = True
BENCH_MINIMAL_VIEW = env_bool("COCREA_BENCH_MINIMAL_VIEW", False)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

VAR_DIR.mkdir(parents=True, exist_ok=True)
_key_file = VAR_DIR / "secret_key"
if os.environ.get("SECRET_KEY"):
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()
# Mail leaves through the outbox, sent by the worker that `make run` starts beside the web server
# (printed here by the console backend), as in production.
NOTIFICATIONS_SEND_ON_COMMIT = os.environ.get("NOTIFICATIONS_SEND_ON_COMMIT", "") == "true"
