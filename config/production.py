"""Production settings: everything in :mod:`config.settings`, hardened.

Use with ``DJANGO_SETTINGS_MODULE=config.production``. Secrets and hosts come from the environment.
"""

from __future__ import annotations

import os

from config.settings import *  # noqa: F403
from config.settings import caches_for, env_bool

DEBUG = False
SENTIER_PRODUCTION = True
SENTIER_REQUIRE_MFA = env_bool("SENTIER_REQUIRE_MFA", True)
SECRET_KEY = os.environ["SENTIER_SECRET_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SENTIER_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SENTIER_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Throttling counters shared by every server process (run `manage.py createcachetable`).
SENTIER_CACHE = os.environ.get("SENTIER_CACHE", "database")
CACHES = caches_for(SENTIER_CACHE)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "sentier.core.static_storage.KeptURLStaticFilesStorage"},
}
