"""Keep-alive ping for the session-expiry warning: "Stay signed in" renews the session."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
@login_required
def keepalive(request: HttpRequest) -> HttpResponse:
    """Answer 204: the request itself renews the session (``SESSION_SAVE_EVERY_REQUEST``)."""
    return HttpResponse(status=204)
