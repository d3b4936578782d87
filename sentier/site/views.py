"""Home pages for each role, statistics, health check and translated error pages."""

from __future__ import annotations

import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from sentier.accounts.models import User
from sentier.core.jurisdiction import default_language, templates_here
from sentier.core.replica import replica_reads
from sentier.participants.models import Participant
from sentier.site.statistics import protected_statistics as statistics_figures


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: the process answers and the database is reachable."""
    Participant.objects.exists()
    return JsonResponse({"status": "ok"})


def root_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """``/`` → the language the person chose (cookie) or their browser asks for, else the
    jurisdiction's: ``/fr-ca/`` in Québec, ``/en-ca/`` in Ontario."""
    return HttpResponseRedirect(f"/{asked_language(request) or default_language()}/")


def asked_language(request: HttpRequest) -> str | None:
    """The supported language of the language cookie or of ``Accept-Language``, if any (as
    Django's ``get_language_from_request`` without its fallback to ``LANGUAGE_CODE``)."""
    asked = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")]
    header = request.headers.get("accept-language", "")
    asked += [code for code, _quality in parse_accept_lang_header(header) if code != "*"]
    for code in asked:
        if not code:
            continue
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def home(request: HttpRequest) -> HttpResponse:
    """The public welcome page, or the signed-in person's home: the greeting of their role, then
    the sections the apps register in the ``home`` panel slot, each asking its own permission
    (:mod:`sentier.core.panels`)."""
    user = request.user
    if not user.is_authenticated:
        return render(request, templates_here("site/welcome.html"))
    assert isinstance(user, User)
    context: dict[str, object] = {
        "role": user.role,
        # The figures of the statistics page, computed only by the home page that shows them.
        "totals": SimpleLazyObject(statistics_figures),
    }
    return render(request, templates_here(f"site/home_{user.role}.html"), context)


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.view_statistics"):
        raise PermissionDenied
    # Aggregates only, a few seconds old at most: the replica may answer (sentier.core.replica).
    with replica_reads():
        totals = statistics_figures()
    return render(request, "site/statistics.html", {"totals": totals})


def privacy(request: HttpRequest) -> HttpResponse:
    """What is kept, who sees it, automated recommendations, rights (public); Ontario's names
    its own laws (FIPPA, MFIPPA, the OW and ODSP Acts) and contacts."""
    return render(request, _of_jurisdiction("site/privacy"))


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (public): Québec's standard, or Ontario's AODA."""
    return render(request, _of_jurisdiction("site/accessibility"))


def _of_jurisdiction(template: str) -> str:
    """``site/privacy`` → ``site/privacy.html`` (Québec) or ``site/privacy_on.html``."""
    return f"{template}_on.html" if settings.SENTIER_JURISDICTION == "on" else f"{template}.html"


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 400}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 403}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 404}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that could fail again: a plain, translated page.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return render(request, "site/error.html", {"status": 500}, status=500)


#: What the database driver raises while PostgreSQL restarts or is out of reach.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
#: Seconds a browser or client is asked to wait (a restart takes a few).
RETRY_AFTER_SECONDS = 5


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """A 503 "try again in a moment" page while the database is unreachable. Django called
    ``handler500`` from inside the failed request, so the page is drawn as for someone signed
    out: the menu and the name would read the session, which lives in that database. Whatever
    the request was writing rolled back; the next request reconnects (``CONN_HEALTH_CHECKS``)."""
    request.user = AnonymousUser()
    response = render(request, "site/unavailable.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "site/error.html", {"status": 403, "csrf": True}, status=403)
