"""Local development: debug pages, demo accounts, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
DEMO_MODE = env_bool("COCREA_DEMO_MODE", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me-0123456789abcdefghij"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
VAR_DIR.mkdir(parents=True, exist_ok=True)
