"""Staff sessions must have passed multi-factor authentication before they reach a page or the API.

When ``SENTIER_REQUIRE_MFA`` is on, a signed-in staff member (any staff role, and anyone who may
open the admin) goes through only if *this session* passed MFA: allauth's record of the session's
authentication steps holds an ``mfa`` step. However the session was opened (allauth's sign-in,
the admin's, the API's session authentication, a test's ``force_login``), nothing else counts:
having a TOTP device is not having used it.

Until then, only the pages that lead there are open: with a device, the MFA step
(``mfa_reauthenticate``); without one, setting one up (and allauth's password confirmation
before it); sign-out; static files and the health check. Pages redirect there; the API answers 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

OPEN_BEFORE_MFA = frozenset({"account_logout", "healthz"})
# With a TOTP device: the MFA step for a session that is already signed in.
OPEN_TO_VERIFY = OPEN_BEFORE_MFA | {"mfa_reauthenticate"}
# Without one: set it up (allauth may first ask for the password again).
OPEN_TO_ENROL = OPEN_BEFORE_MFA | {"mfa_activate_totp", "account_reauthenticate"}


def requires_mfa(user: Any) -> bool:
    """Staff roles, and anyone the admin lets in, must use MFA when it is required."""
    return bool(
        getattr(user, "is_staff_role", False)
        or getattr(user, "is_staff", False)
        or getattr(user, "is_superuser", False)
    )


def session_passed_mfa(request: HttpRequest, user: Any) -> bool:
    """Whether allauth recorded an MFA step for this user in this session."""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def _view_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


class RequireMFAMiddleware:
    """Hold a staff session that has not passed MFA at the MFA step (or at TOTP set-up)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SENTIER_REQUIRE_MFA:
            held = self._hold(request)
            if held is not None:
                return held
        return self.get_response(request)

    def _hold(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not requires_mfa(user):
            return None
        if session_passed_mfa(request, user):
            return None
        if request.path_info.startswith(settings.STATIC_URL):
            return None
        enrolled = is_mfa_enabled(user, [Authenticator.Type.TOTP])
        if _view_name(request) in (OPEN_TO_VERIFY if enrolled else OPEN_TO_ENROL):
            return None
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {
                    "error": {
                        "code": "mfa_required",
                        "message": _(
                            "Confirm your identity with your authentication app in Sentier "
                            "before using the API in this session."
                        ),
                    }
                },
                status=403,
            )
        if not enrolled:
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        verify = reverse("mfa_reauthenticate")
        if request.method == "GET":
            verify = f"{verify}?{urlencode({'next': request.get_full_path()})}"
        return HttpResponseRedirect(verify)
