"""The indicators dashboard and its exports: thin views over :mod:`sentier.insights.report`.

Permission first (the same 404-free refusal as the statistics page: a 403 for a role that may
not read indicators), then the scope of the user, then the figures, then the log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from sentier.accounts.models import User
from sentier.core.replica import replica_reads
from sentier.insights import exports
from sentier.insights.catalogue import current
from sentier.insights.forms import ReportForm
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope, pilot_regions
from sentier.insights.pilots import pilots_here
from sentier.insights.report import (
    NotAllowed,
    Report,
    build_report,
    default_period,
    log_view,
    scope_for_user,
)
from sentier.insights.tables import build_tables
from sentier.reference.selectors import current_jurisdiction


def _scope(request: HttpRequest) -> tuple[User, Scope]:
    user = request.user
    try:
        scope = scope_for_user(user)
    except NotAllowed:
        raise PermissionDenied from None
    assert isinstance(user, User)
    return user, scope


def _form(request: HttpRequest, scope: Scope) -> ReportForm:
    return ReportForm(
        request.GET or None,
        all_regions=scope.regions is None,
        ontario=current_jurisdiction() == "ON",
    )


def _report(request: HttpRequest, scope: Scope, form: ReportForm) -> Report:
    indicator = request.GET.get("indicator")
    known = {d.id for d in current()}
    only = [indicator] if indicator in known else None
    if form.is_bound and form.is_valid():
        period = Period(form.cleaned_data["start"], form.cleaned_data["end"])
        by = form.by
    else:
        period, by = default_period(), tuple(form.default_view.split(","))
    # Aggregates only, a few seconds old at most: the replica may answer (sentier.core.replica).
    with replica_reads():
        return build_report(scope, period=period, by=tuple(by), indicators=only)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    form = _form(request, scope)
    report = _report(request, scope, form)
    log_view(user=user, channel="page", report=report, request=request)
    pilots, start = pilot_regions()
    context = {
        "form": form,
        "report": report,
        "tables": build_tables(report.results),
        "region_name": user.region.name if scope.regions is not None and user.region else "",
        # The pilot regions are named to whoever compares them: analysts, across regions.
        "pilot_regions": (
            sorted(pilots) if current_jurisdiction() == "QC" and scope.regions is None else []
        ),
        "pilot_start": start,
        # Straight to the pilot's page (its index only redirects there).
        "pilot_pages": [
            reverse("insights:pilots:page", args=[pilot.id])
            for pilot in pilots_here(current_jurisdiction())
        ],
        "query": request.GET.urlencode(),
    }
    return render(request, "insights/dashboard.html", context)


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    user, scope = _scope(request)
    form = _form(request, scope)
    report = _report(request, scope, form)
    if report.preparing:
        # Nothing computed yet at this scale: say so rather than write empty tables.
        response = render(request, "insights/preparing.html", status=503)
        response["Retry-After"] = "300"
        return response
    log_view(
        user=user,
        channel=fmt,
        report=report,
        request=request,
        indicator=request.GET.get("indicator", "") if len(report.results) == 1 else "",
    )
    stamp = timezone.localdate().isoformat()
    only = [report.results[0].definition.id] if len(report.results) == 1 else []
    name = "-".join(["indicators", *only, stamp])
    if fmt == "csv":
        response = HttpResponse(exports.write_csv(report), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.write_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
