"""Sentier settings, read from the environment.

Defaults give a zero-setup local demo: SQLite under ``var/``, debug off unless asked for.
Production hardening lives in :mod:`config.production`, which imports this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SENTIER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("SENTIER_DEBUG", False)
SECRET_KEY = os.environ.get(
    "SENTIER_SECRET_KEY", "insecure-local-demo-key-change-me-in-production-0123456789abcdef"
)
ALLOWED_HOSTS = env_list("SENTIER_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("SENTIER_CSRF_TRUSTED_ORIGINS", "")

# "qc" (default) or "on": the Ontario configuration of the same code.
SENTIER_JURISDICTION = os.environ.get("SENTIER_JURISDICTION", "qc").lower()
# Multi-factor authentication for staff roles. On in production settings.
SENTIER_REQUIRE_MFA = env_bool("SENTIER_REQUIRE_MFA", False)
# Minutes of inactivity before a session ends, and how long before that the page warns.
SENTIER_SESSION_MINUTES = int(os.environ.get("SENTIER_SESSION_MINUTES", "30"))
SENTIER_SESSION_WARNING_SECONDS = int(os.environ.get("SENTIER_SESSION_WARNING_SECONDS", "120"))
# Days an unsent application draft is kept after its last change (``sentier purge_drafts``).
SENTIER_DRAFT_DAYS = int(os.environ.get("SENTIER_DRAFT_DAYS", "30"))
# Partner network: capacity older than this many days is shown as stale and reminded.
SENTIER_CAPACITY_STALE_DAYS = int(os.environ.get("SENTIER_CAPACITY_STALE_DAYS", "14"))
# Waiting lists: days a person has to answer a place offer; reasons that move a person ahead
# (in this order; codes of sentier.network.models.PriorityReason).
SENTIER_OFFER_RESPONSE_DAYS = int(os.environ.get("SENTIER_OFFER_RESPONSE_DAYS", "5"))
SENTIER_WAITING_PRIORITY_REASONS = env_list(
    "SENTIER_WAITING_PRIORITY_REASONS", "safety,housing,leaving_institution"
)
# Regions where the nearest point of service is far (Québec region codes): matching counts the
# points of service that serve by phone or video, or whose staff travel to the person, for
# people who live there (issue 19, "Remote regions"; 003: rural areas and mobile agents):
# 08 Abitibi-Témiscamingue, 09 Côte-Nord, 10 Nord-du-Québec, 11 Gaspésie–Îles-de-la-Madeleine.
SENTIER_FAR_REGIONS = env_list("SENTIER_FAR_REGIONS", "08,09,10,11")
# A consent to share lasts this long unless the person chooses a shorter time.
SENTIER_CONSENT_DAYS = int(os.environ.get("SENTIER_CONSENT_DAYS", "365"))
# Referrals: a reminder when still unanswered after this many days, expiry after that many.
SENTIER_REFERRAL_REMINDER_DAYS = int(os.environ.get("SENTIER_REFERRAL_REMINDER_DAYS", "10"))
SENTIER_REFERRAL_EXPIRY_DAYS = int(os.environ.get("SENTIER_REFERRAL_EXPIRY_DAYS", "30"))
# Days a signed link lets an organization without an account answer one referral (single use).
SENTIER_REFERRAL_LINK_DAYS = int(os.environ.get("SENTIER_REFERRAL_LINK_DAYS", "14"))
# Address of the site as people outside it reach it (links in e-mails). `make run` sets it to the
# address it serves (HOST and PORT); the default is that of a plain `make run`.
SENTIER_BASE_URL = os.environ.get("SENTIER_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Webhooks and other deliveries from the outbox (``sentier deliver_outbox``): tries before giving
# up, first wait and longest wait between tries (doubled each time, with jitter), HTTP timeout.
SENTIER_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("SENTIER_WEBHOOK_MAX_ATTEMPTS", "8"))
SENTIER_WEBHOOK_BACKOFF_SECONDS = int(os.environ.get("SENTIER_WEBHOOK_BACKOFF_SECONDS", "30"))
SENTIER_WEBHOOK_BACKOFF_MAX_SECONDS = int(
    os.environ.get("SENTIER_WEBHOOK_BACKOFF_MAX_SECONDS", "21600")
)
SENTIER_WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("SENTIER_WEBHOOK_TIMEOUT_SECONDS", "10"))
# API keys: the longest a key may live, when its organization is told it ends, and how many
# requests one key may make; how many one signed-in person may make through the API. Counted in
# the cache (CACHES below): shared by every server process with the database cache.
# How long the statistics page's counts are kept before they are counted again (seconds).
SENTIER_STATISTICS_SECONDS = int(os.environ.get("SENTIER_STATISTICS_SECONDS", "300"))
# The indicators are computed inside a request only in a scope of at most this many files; above
# it, pages show the last figures computed in the background (sentier.insights.figures). Measured
# (docs/benchmarks.md, "Indicators at scale"): see the notes there for the figures behind it.
SENTIER_INSIGHTS_INLINE_FILES = int(os.environ.get("SENTIER_INSIGHTS_INLINE_FILES", "5000"))
# Counts under this number are never shown on dashboards, exports or the API (issue 17).
SENTIER_DISCLOSURE_THRESHOLD = int(os.environ.get("SENTIER_DISCLOSURE_THRESHOLD", "10"))
SENTIER_API_KEY_MAX_DAYS = int(os.environ.get("SENTIER_API_KEY_MAX_DAYS", "365"))
SENTIER_API_KEY_NOTICE_DAYS = int(os.environ.get("SENTIER_API_KEY_NOTICE_DAYS", "14"))
SENTIER_API_KEY_RATE = os.environ.get("SENTIER_API_KEY_RATE", "600/minute")
SENTIER_API_USER_RATE = os.environ.get("SENTIER_API_USER_RATE", SENTIER_API_KEY_RATE)
# Most eligibility requests one call of POST /api/v1/decisions may carry.
SENTIER_DECISIONS_MAX_BATCH = int(os.environ.get("SENTIER_DECISIONS_MAX_BATCH", "1000"))
# Behind a reverse proxy: how many proxies of ours stand in front of Sentier (the client is then
# the n-th address from the right of X-Forwarded-For), or the header our proxy sets to the
# client's address (e.g. X-Real-IP). 0 and empty: the connection's address, which nobody can
# forge. Sign-in throttling counts failures per account and client address.
SENTIER_TRUSTED_PROXY_COUNT = int(os.environ.get("SENTIER_TRUSTED_PROXY_COUNT", "0"))
SENTIER_CLIENT_IP_HEADER = os.environ.get("SENTIER_CLIENT_IP_HEADER", "").strip()
# Where throttling counters live: "database" (the table `manage.py createcachetable` makes,
# shared by every server process; production's default) or "locmem" (each process its own: the
# demo and the tests).
SENTIER_CACHE = os.environ.get("SENTIER_CACHE", "locmem")
# Ontario: where applicants send back the Disability Determination Package (one line per "|").
# CONFIGURATION: a placeholder until the ministry gives the ODSP intake unit's real address.
SENTIER_ODSP_RETURN_ADDRESS = [
    line.strip()
    for line in os.environ.get(
        "SENTIER_ODSP_RETURN_ADDRESS",
        "ODSP Centralized Intake Unit|Ministry of Children, Community and Social Services"
        "|PO Box 0000, Station A|Toronto ON  M5W 0A0",
    ).split("|")
    if line.strip()
]
# A production deployment (config.production sets it): what is refused there and fine in a demo,
# such as ODSP packages generated with the placeholder return address above.
SENTIER_PRODUCTION = env_bool("SENTIER_PRODUCTION", False)
# Where the default file-drop channel writes messages of channels without a sender of their own.
SENTIER_OUTBOX_DIR = Path(os.environ.get("SENTIER_OUTBOX_DIR", VAR_DIR / "outbox"))

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "rules",  # permissions.py of each app is imported by its AppConfig.ready, not autodiscovered
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "sentier.core",
    "sentier.accounts",
    "sentier.reference",
    "sentier.outbox",
    "sentier.network",
    "sentier.participants",
    "sentier.decisions",
    "sentier.paas",
    "sentier.intake",
    "sentier.consent",
    "sentier.referrals",
    "sentier.plans",
    "sentier.serviceplans",
    "sentier.ontario",
    "sentier.exchange",
    "sentier.feedback",
    "sentier.correspondence",
    "sentier.insights",
    "sentier.simulations",
    "sentier.audit",
    "sentier.site",
]

MIDDLEWARE = [
    # First: its header goes on every response, even the HTTPS redirect and static files.
    "sentier.core.headers.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "sentier.accounts.middleware.RequireMFAMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sentier.core.languages.PageLanguageMiddleware",
    "sentier.core.middleware.PreserveFormOnExpiryMiddleware",
    "sentier.core.jurisdiction.OfferedHereMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sentier.site.context_processors.sentier",
            ],
            "builtins": ["sentier.core.templatetags.sentier_format"],
        },
    }
]

# Connections kept open between requests (seconds); each is checked before a request reuses it,
# so that a restart of PostgreSQL costs the requests in flight and not every worker's next one.
SENTIER_DB_CONN_MAX_AGE = int(os.environ.get("SENTIER_DB_CONN_MAX_AGE", "0"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sentier.sqlite3'}"),
        conn_max_age=SENTIER_DB_CONN_MAX_AGE,
        conn_health_checks=SENTIER_DB_CONN_MAX_AGE > 0,
    )
}
# A streaming replica of the primary (optional): reporting and the partner API's list polling
# read from it (sentier.core.replica), while it is at most SENTIER_REPLICA_MAX_LAG_SECONDS behind
# (checked every SENTIER_REPLICA_CHECK_SECONDS per process); otherwise they read the primary.
SENTIER_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("SENTIER_REPLICA_MAX_LAG_SECONDS", "10"))
SENTIER_REPLICA_CHECK_SECONDS = float(os.environ.get("SENTIER_REPLICA_CHECK_SECONDS", "5"))
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=SENTIER_DB_CONN_MAX_AGE,
        conn_health_checks=SENTIER_DB_CONN_MAX_AGE > 0,
    )
    # Test runs create no second database: the replica is the default one.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the background worker and the web server write side by side.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def caches_for(kind: str) -> dict[str, dict[str, Any]]:
    """``CACHES`` for ``SENTIER_CACHE``. Entries are throttling counters: room for many, so that
    nobody can push someone else's count out by filling the cache."""
    options = {"MAX_ENTRIES": 100_000}
    if kind == "database":
        backend, location = "django.core.cache.backends.db.DatabaseCache", "sentier_cache"
    elif kind == "locmem":
        backend, location = "django.core.cache.backends.locmem.LocMemCache", "sentier"
    else:
        raise ImproperlyConfigured(f"SENTIER_CACHE must be database or locmem, not {kind!r}.")
    return {"default": {"BACKEND": backend, "LOCATION": location, "OPTIONS": options}}


CACHES = caches_for(SENTIER_CACHE)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# django-allauth: e-mail login, no self sign-up for now (accounts are created by staff).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "sentier.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
# Failed sign-ins: 5 per account from one client address ("key": see sentier.accounts.adapters),
# and a ceiling per address for someone trying many accounts.
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key,30/5m/ip", "login": "30/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Sentier"
# A code from the 30-second step just before or after is accepted too (RFC 6238, section 5.2):
# a phone whose clock drifts, or a code typed as its step ends on a slow connection, still signs
# in. A code is still good only once (allauth marks it used for the whole window).
MFA_TOTP_TOLERANCE = 1

# django-axes guards the admin login only; allauth throttles the public one.
AXES_ONLY_ADMIN_SITE = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "sentier.accounts.client_address.client_ip"

SESSION_COOKIE_AGE = SENTIER_SESSION_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SENTIER_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A CSP with no inline script or style: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# The language when nobody chose one: French in Québec, English in Ontario (as
# sentier.core.jurisdiction.DEFAULT_LANGUAGE). Stored reference names stay French-first
# (MODELTRANSLATION_DEFAULT_LANGUAGE) in both.
LANGUAGE_CODE = "en-ca" if SENTIER_JURISDICTION == "on" else "fr-ca"
# Staff pages speak French and English. Pages a participant or applicant sees also speak
# Spanish, Arabic (right to left) and Haitian Creole (issue 19; sentier.core.languages says which
# pages, docs/architecture.md how). Django ships no Haitian Creole: it is declared below.
LANGUAGES = [
    ("fr-ca", "Français"),
    ("en-ca", "English"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("ht", "Kreyòl ayisyen"),
]
LANG_INFO.setdefault(
    "ht",
    {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("SENTIER_TIME_ZONE", "America/Toronto")
# Django 5.2's fr_CA time format prints "14:30"; Québec writes "14 h 30".
FORMAT_MODULE_PATH = ["sentier.core.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr-ca"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr-ca", "en-ca")
# Reference names (regions, programs…) are kept in French and English columns; a page in Spanish,
# Arabic or Haitian Creole shows the catalog's translation (sentier.core.reference_names).
MODELTRANSLATION_LANGUAGES = ("fr-ca", "en-ca")

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "SENTIER_STATICFILES_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON bodies are bounded in size and depth (a deep one is a 400, not a RecursionError).
    "DEFAULT_PARSER_CLASSES": [
        "sentier.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "sentier.api.authentication.ApiKeyRateThrottle",
        "sentier.api.authentication.ApiUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"api_key": SENTIER_API_KEY_RATE, "api_user": SENTIER_API_USER_RATE},
    "NUM_PROXIES": SENTIER_TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sentier API",
    "DESCRIPTION": "Sentier's REST API: decisions, participants, referrals.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "sentier.api.schema.require_bodies",
    ],
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task whose worker stopped renewing its lease this long ago (SIGKILL, machine lost) is run
# again by another worker, at most SENTIER_TASK_MAX_ATTEMPTS times (``sentier.site.leases``).
SENTIER_TASK_LEASE_SECONDS = float(os.environ.get("SENTIER_TASK_LEASE_SECONDS", "300"))
SENTIER_TASK_MAX_ATTEMPTS = int(os.environ.get("SENTIER_TASK_MAX_ATTEMPTS", "3"))

EMAIL_BACKEND = os.environ.get(
    "SENTIER_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("SENTIER_FROM_EMAIL", "sentier@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SENTIER_LOG_LEVEL", "WARNING")},
}
FORM_RENDERER = "sentier.core.forms.SentierFormRenderer"
CSRF_FAILURE_VIEW = "sentier.site.views.csrf_failure"
AXES_LOCKOUT_TEMPLATE = "429.html"
