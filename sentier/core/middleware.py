"""Keep what a person typed when their session expired before they pressed Submit.

Without this, a POST that arrives after the session ended is bounced to the login page and the
form's content is gone. Here it is kept in the (anonymous) session, and once the person signs in
again the same page is shown with their input restored (see :func:`sentier.core.forms.bind_form`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

RESTORE_KEY = "sentier_restored_post"
PUBLIC_MARKERS = (
    "/accounts/",
    "/admin/",
    "/api/",
    "/apply/",
    "/directory/",
    "/i18n/",
    "/healthz",
    "/referrals/answer/",  # organizations without an account answer a referral, signed out
)


class PreserveFormOnExpiryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.method == "POST"
            and user is not None
            and not user.is_authenticated
            and not any(marker in request.path for marker in PUBLIC_MARKERS)
            and request.path != settings.STATIC_URL
        ):
            data = {
                key: request.POST.getlist(key)
                for key in request.POST
                if key != "csrfmiddlewaretoken"
            }
            request.session[RESTORE_KEY] = {"path": request.path, "data": data}
            messages.warning(
                request,
                _(
                    "Your session ended. Sign in again: what you typed has been kept and "
                    "will be shown back to you."
                ),
            )
            login = reverse("account_login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': request.path})}")
        return self.get_response(request)
