"""Staff roles must set up and use TOTP multi-factor authentication when it is required."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

ALLOWED_PREFIXES = ("/static/", "/accounts/", "/i18n/", "/healthz")


class RequireMFAMiddleware:
    """Send a signed-in staff member without a TOTP authenticator to the set-up page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SENTIER_REQUIRE_MFA and self._needs_setup(request):
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _needs_setup(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not getattr(user, "is_staff_role", False):
            return False
        path = request.path_info
        # Language-prefixed account pages (/fr-ca/accounts/...) are allowed too.
        stripped = "/" + path.lstrip("/").split("/", 1)[-1] if path.count("/") > 1 else path
        if path.startswith(ALLOWED_PREFIXES) or stripped.startswith(ALLOWED_PREFIXES):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
