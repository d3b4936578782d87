"""``config.production`` on plain-HTTP loopback for the load test: only what needs TLS is off
(the HTTPS redirect and the ``Secure`` flag of the session and CSRF cookies)."""

from config.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
