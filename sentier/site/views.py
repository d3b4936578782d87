"""Home pages for each role, statistics, health check and translated error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_request

from sentier.accounts.models import User
from sentier.participants.models import FileStatus, Participant


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: the process answers and the database is reachable."""
    Participant.objects.exists()
    return JsonResponse({"status": "ok"})


def root_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """``/`` → ``/fr-ca/`` (or the browser's language if it is English)."""
    language = get_language_from_request(request) or settings.LANGUAGE_CODE
    code = "en-ca" if language.lower().startswith("en") else "fr-ca"
    return HttpResponseRedirect(f"/{code}/")


def home(request: HttpRequest) -> HttpResponse:
    """The public welcome page, or the signed-in person's home: the greeting of their role, then
    the sections the apps register in the ``home`` panel slot, each asking its own permission
    (:mod:`sentier.core.panels`)."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "site/welcome.html")
    assert isinstance(user, User)
    context: dict[str, object] = {
        "role": user.role,
        # The figures of the statistics page, computed only by the home page that shows them.
        "totals": SimpleLazyObject(_statistics),
    }
    return render(request, f"site/home_{user.role}.html", context)


def _statistics() -> dict[str, object]:
    """Aggregates only: counts by region, program and status, never a person."""
    participants = Participant.objects.all()
    return {
        "total": participants.count(),
        "active": participants.filter(status=FileStatus.ACTIVE).count(),
        "by_region": participants.values("region__code", "region__name")
        .annotate(n=Count("id"))
        .order_by("region__code"),
        "by_program": participants.values("program__code", "program__name")
        .annotate(n=Count("id"))
        .order_by("program__code"),
        "as_of": timezone.now(),
    }


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.view_statistics"):
        raise PermissionDenied
    return render(request, "site/statistics.html", {"totals": _statistics()})


def privacy(request: HttpRequest) -> HttpResponse:
    """What is kept, who sees it, automated recommendations, rights (public)."""
    return render(request, "site/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (public)."""
    return render(request, "site/accessibility.html")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 400}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 403}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "site/error.html", {"status": 404}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that could fail again: a plain, translated page.
    return render(request, "site/error.html", {"status": 500}, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "site/error.html", {"status": 403, "csrf": True}, status=403)
