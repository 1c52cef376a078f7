"""Test settings: the same apps and middleware, a fast hasher, e-mail kept in memory."""

import os

from .base import *  # noqa: F403

DEBUG = False
DEMO_MODE = True
SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files from the apps' folders, as in development; no collectstatic needed for tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Login throttling is off except in the tests that switch it on (`settings.AXES_ENABLED = True`):
# the test client's `login()` authenticates without a request, which axes refuses.
AXES_ENABLED = False
# Mail leaves right after the action's commit, as the tests read `mail.outbox`; the worker's path
# (outbox, retries) is tested on its own.
NOTIFICATIONS_SEND_ON_COMMIT = True
# Cached pages read the revisions from the database on every request (one query per cache hit),
# so a test's query counts do not depend on what an earlier request kept; the tests of the
# revisions kept for 2 s (the default) set it back (tests/test_page_cache.py, and the two app
# servers of tests/test_ops.py through the environment).
PAGE_CACHE_REVISION_SECONDS = float(os.environ.get("PAGE_CACHE_REVISION_SECONDS", "0"))
