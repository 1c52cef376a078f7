"""Settings shared by every environment; what is deployment-specific comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("COCREA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo mode lets the `demo` command create accounts with printed passwords. Never in production.
DEMO_MODE = env_bool("COCREA_DEMO_MODE", False)
# Serves /bench/minimal/, the reference page of `make bench`.
BENCH_MINIMAL_VIEW = env_bool("COCREA_BENCH_MINIMAL_VIEW", False)

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "cocrea.core",
    "cocrea.accounts",
    "cocrea.organisations",
    "cocrea.plans",
    "cocrea.tables",
    "cocrea.participation",
    "cocrea.events",
    "cocrea.documents",
    "cocrea.news",
    "cocrea.proposals",
    "cocrea.selection",
    "cocrea.commitments",
    "cocrea.publication",
    "cocrea.notifications",
    "cocrea.jobs",
    "cocrea.demo",
    "cocrea.public",
    "cocrea.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the URL's language: a plan's pages stay in one of the plan's languages.
    "cocrea.core.languages.PlanLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cocrea" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cocrea.core.context_processors.site",
                "cocrea.notifications.context_processors.bell",
                "cocrea.core.context_processors.kept_csrf",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'cocrea.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A reused connection is checked (PostgreSQL: one `SELECT 1`) before the first query of a
        # request; a page served from the cache makes no query, so it pays no check either.
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while a writer commits: several workers on one file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else 600

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out attempt before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, also accepting the e-mail address in the user-name field.
    "cocrea.accounts.backends.EmailOrUsernameBackend",
]
# Login throttling (django-axes, on the site's and the admin's login): after AXES_FAILURE_LIMIT
# failures for one user name from one address, that combination is locked for the cool-off.
# Locking the user name alone would let anyone lock a named officer out from elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cocrea.accounts.backends.lockout_username"
AXES_CLIENT_IP_CALLABLE = "cocrea.accounts.backends.client_ip"
AXES_RESET_ON_SUCCESS = True
# The cool-off runs from the lockout: more tries while locked do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "cocrea.accounts.views.locked_out"
# Only failures are stored (no log of every login's address); unlocking is the secretariat's
# logged action (accounts:lockouts), not a delete in the admin.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "public:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish is the default, English is complete. A deployment may narrow the list.
LANGUAGE_CODE = os.environ.get("COCREA_LANGUAGE_CODE", "es")
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "es"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("es", "en")
LOCALE_PATHS = [BASE_DIR / "cocrea" / "locale"]
# Date formats per language ("19 de mayo de 2017" / "19 May 2017"), ISO first for date inputs.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Panama")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "cocrea" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: per process by default; REDIS_URL shares it between app servers.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cocrea",
        }
    }
# Sessions live in the database; with a cache every server shares (Redis), they are read from it
# and written through to the database (`cached_db`): a signed-in request makes no session query.
# A per-process cache must not hold them (a sign-out on one server would not reach the others).
if os.environ.get("REDIS_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Cached pages are keyed by the revisions of what they show (`cocrea.core.revisions`). An app
# server keeps the revisions it read for this many seconds, so a cache hit makes no query; a write
# through another server shows here within that bound (one through this server, at once).
# 0: read them from the database on every request (one query per cache hit).
PAGE_CACHE_REVISION_SECONDS = float(os.environ.get("PAGE_CACHE_REVISION_SECONDS", "2"))
# A cache every server process shares (rate limits of the public forms): Redis when configured,
# otherwise a database table (always created by the participation app's migrations 0002/0003).
CACHES["shared"] = (
    dict(CACHES["default"])
    if os.environ.get("REDIS_URL")
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cocrea_shared_cache",
        # Never cull live counters at random; the rate limits delete expired rows themselves.
        "OPTIONS": {"MAX_ENTRIES": 10_000_000},
    }
)
# Public forms: at most N submissions per IP address and per e-mail address in the window.
PARTICIPATION_RATE_LIMIT_PER_IP = int(os.environ.get("PARTICIPATION_RATE_LIMIT_PER_IP", "10"))
PARTICIPATION_RATE_LIMIT_PER_EMAIL = int(os.environ.get("PARTICIPATION_RATE_LIMIT_PER_EMAIL", "3"))
PARTICIPATION_RATE_LIMIT_WINDOW = int(os.environ.get("PARTICIPATION_RATE_LIMIT_WINDOW", "3600"))
# Public comments on proposals: per account, within the window (seconds).
PROPOSAL_COMMENT_RATE_LIMIT = int(os.environ.get("PROPOSAL_COMMENT_RATE_LIMIT", "10"))
PROPOSAL_COMMENT_RATE_LIMIT_WINDOW = int(
    os.environ.get("PROPOSAL_COMMENT_RATE_LIMIT_WINDOW", "3600")
)
# Self-service sign-up and password reset (both send mail): the same kind of limits.
ACCOUNTS_RATE_LIMIT_PER_IP = int(os.environ.get("ACCOUNTS_RATE_LIMIT_PER_IP", "10"))
ACCOUNTS_RATE_LIMIT_PER_EMAIL = int(os.environ.get("ACCOUNTS_RATE_LIMIT_PER_EMAIL", "3"))
ACCOUNTS_RATE_LIMIT_WINDOW = int(os.environ.get("ACCOUNTS_RATE_LIMIT_WINDOW", "3600"))
# Behind a reverse proxy, the request header carrying the client's address (e.g. HTTP_X_REAL_IP).
CLIENT_IP_HEADER = os.environ.get("COCREA_CLIENT_IP_HEADER", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cocrea <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address of the site in links sent by e-mail (reminders have no request to ask).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Notifications' e-mails wait in the outbox for the worker (`manage.py worker`), which sends and
# retries them. True: also try each one right after the action's commit (tests, one-process
# setups without a worker); a refusal then leaves it for the worker's retries.
NOTIFICATIONS_SEND_ON_COMMIT = os.environ.get("NOTIFICATIONS_SEND_ON_COMMIT", "") == "true"
# The hour of the day (in TIME_ZONE) after which the worker sends each person's daily digest.
NOTIFICATIONS_DIGEST_HOUR = int(os.environ.get("NOTIFICATIONS_DIGEST_HOUR", "7"))
# Largest document a person may upload to the public repository, in bytes.
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
