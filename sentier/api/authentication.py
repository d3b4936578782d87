"""API keys for partner systems: ``X-Api-Key: <key>`` or ``Authorization: Api-Key <key>``.

The request's user is the person accountable for the key (who created it), so the change history
and the access log name someone; ``request.auth`` is the :class:`~sentier.exchange.models.ApiKey`,
and every partner endpoint scopes its reads and writes to ``request.auth.organization``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, throttling
from rest_framework.request import Request

from sentier.exchange.actions import authenticate_key
from sentier.exchange.models import ApiKey

SCHEME = "Api-Key"


def key_from_request(request: Request) -> str | None:
    header = request.META.get("HTTP_X_API_KEY")
    if header:
        return str(header)
    parts = authentication.get_authorization_header(request).split()
    if parts and parts[0].decode("latin-1").lower() == SCHEME.lower():
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("The API key is malformed."))
        return parts[1].decode("latin-1")
    return None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiKey] | None:
        raw = key_from_request(request)
        if raw is None:
            return None
        key = authenticate_key(raw)
        if key is None:
            raise exceptions.AuthenticationFailed(
                _("This API key is not valid, has expired or was revoked.")
            )
        return key.created_by, key

    def authenticate_header(self, request: Request) -> str:
        # Makes refusals 401 (with WWW-Authenticate) rather than 403.
        return SCHEME


class ApiKeyScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "sentier.api.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-Api-Key"}


class SessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Staff endpoints take the session cookie; writes also take Django's CSRF token, as a cookie
    and the same value in a header (DRF's SessionAuthentication refuses them without, 403)."""

    target_class = "rest_framework.authentication.SessionAuthentication"
    name = ["cookieAuth", "csrfCookie", "csrfToken"]
    priority = 1

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[Any]]:
        if auto_schema.method in ("GET", "HEAD", "OPTIONS"):
            return {"cookieAuth": []}
        return {name: [] for name in self.name}

    def get_security_definition(self, auto_schema: Any) -> list[dict[str, str]]:
        return [
            {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME},
            {"type": "apiKey", "in": "cookie", "name": settings.CSRF_COOKIE_NAME},
            {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
        ]


class ApiKeyRateThrottle(throttling.SimpleRateThrottle):
    """At most ``SENTIER_API_KEY_RATE`` requests per key (429 with Retry-After beyond it).
    People signed in to the site are counted by :class:`ApiUserRateThrottle`."""

    scope = "api_key"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not isinstance(request.auth, ApiKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}


class ApiUserRateThrottle(throttling.SimpleRateThrottle):
    """At most ``SENTIER_API_USER_RATE`` requests per person signed in to the site (staff using
    the API with their session), as partner keys are limited; 429 with Retry-After beyond it.
    Requests made with a key count against the key only; anonymous ones are refused anyway."""

    scope = "api_user"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, ApiKey) or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
