"""Home pages for each role, statistics, health check and translated error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_from_request

from sentier.accounts.models import Role, User
from sentier.decisions.selectors import list_worklist_changes_for_caseworker
from sentier.paas.selectors import organization_home
from sentier.paas.views import log_organization_home
from sentier.participants.models import FileStatus, Participant
from sentier.participants.selectors import list_participants_for_user


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
    """The public welcome page, or the signed-in person's home for their role."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "site/welcome.html")
    assert isinstance(user, User)
    context: dict[str, object] = {"role": user.role}
    if user.role == Role.CASEWORKER:
        mine = list_participants_for_user(user).filter(caseworker=user)
        context.update(
            caseload_count=mine.count(),
            recent=mine.filter(assigned_at__isnull=False).order_by("-assigned_at")[:5],
            region=user.region,
            worklist=list_worklist_changes_for_caseworker(user)[:20],
        )
    elif user.role == Role.COORDINATOR:
        visible = list_participants_for_user(user)
        context.update(
            region=user.region,
            participant_count=visible.count(),
            by_program=visible.values("program__code")
            .annotate(n=Count("id"))
            .order_by("program__code"),
            caseworkers=User.objects.filter(role=Role.CASEWORKER, region=user.region)
            .annotate(n=Count("caseload"))
            .order_by("last_name"),
        )
    elif user.role == Role.PARTNER_STAFF:
        organization = user.organization
        paas = organization_home(user)
        log_organization_home(user, paas, request)
        context.update(
            organization=organization,
            locations=organization.locations.select_related("region") if organization else [],
            paas=paas,
        )
    elif user.role == Role.PARTICIPANT:
        context.update(participant=Participant.objects.filter(user=user).first())
    elif user.role == Role.ANALYST:
        context.update(totals=_statistics())
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
