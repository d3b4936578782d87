"""The pilot comparison pages: a pilot's trends, event study and estimate; frozen monthly reports
and their PDF.

Who sees what: program analysts and administrators every region, aggregated (pilot regions
against the others); a ministry coordinator their own region against all the others together.
Nobody else (403). Every figure comes through the disclosure layer (``sentier.insights.pilots``)
and every showing is logged (:func:`sentier.insights.reports.log_view`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from sentier.insights import pilots, reports
from sentier.reference.selectors import current_jurisdiction
from sentier_rules.pilots import Pilot, get_pilot


class OutcomeForm(forms.Form):
    """Which outcome of the pilot to compare (a plain GET form: works with JavaScript off)."""

    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"))

    def __init__(self, *args: Any, pilot: Pilot, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(outcome, pilots.OUTCOMES[outcome].label) for outcome in pilot.outcomes]


def _pilot_here(pilot_id: str) -> Pilot:
    """The pilot, if it exists and is this jurisdiction's (the same 404 otherwise)."""
    pilot = pilots.find_pilot(pilot_id)
    if pilot is None or pilot.jurisdiction != current_jurisdiction():
        raise Http404
    return pilot


@login_required
@require_http_methods(["GET", "HEAD"])
def index(request: HttpRequest) -> HttpResponse:
    """The first pilot of this jurisdiction."""
    scope = reports.scope_of(request.user)
    here = pilots.pilots_here(current_jurisdiction())
    if scope is None:
        raise PermissionDenied
    if not here:
        raise Http404
    return HttpResponseRedirect(reverse("insights:pilots:page", args=[here[0].id]))


@login_required
@require_http_methods(["GET", "HEAD"])
def page(request: HttpRequest, pilot_id: str) -> HttpResponse:
    scope = reports.scope_of(request.user)
    if scope is None:
        raise PermissionDenied
    pilot = _pilot_here(pilot_id)
    form = OutcomeForm(request.GET or None, pilot=pilot)
    outcome = pilot.outcomes[0]
    if form.is_bound and form.is_valid():
        outcome = form.cleaned_data["outcome"]
    comparison = pilots.compare(pilot, outcome, focus=scope)
    reports.log_view(request, pilot=pilot, what=outcome, focus=scope)
    context = {
        "outcome": reports.present(comparison, ident="pilot"),
        "form": form,
        "pilot_label": pilot.label(translation.get_language() or "fr"),
        "until": comparison.extra["until"],
        "pilot": pilot,
        "others": [p for p in pilots.pilots_here(current_jurisdiction()) if p != pilot],
        "focus": scope,
        "reports": reports.list_reports_for(request.user, pilot=pilot),
        "can_freeze": reports.can_freeze(request.user),
        "last_month": reports.last_whole_month(timezone.localdate()),
    }
    return render(request, "insights/pilot.html", context)


@login_required
@require_POST
def freeze(request: HttpRequest, pilot_id: str) -> HttpResponse:
    """Freeze last month's report of the pilot (analysts and administrators)."""
    if not reports.can_freeze(request.user):
        raise PermissionDenied
    pilot = _pilot_here(pilot_id)
    report = reports.freeze_report(
        user=request.user,  # type: ignore[arg-type]
        pilot=pilot,
        month=reports.last_whole_month(timezone.localdate()),
    )
    return HttpResponseRedirect(reverse("insights:pilots:report", args=[report.uuid]))


@login_required
@require_http_methods(["GET", "HEAD"])
def report(request: HttpRequest, uuid: UUID) -> HttpResponse:
    frozen = reports.get_report_for_user(request.user, uuid)
    context = reports.report_context(frozen)
    reports.log_view(request, pilot=context["pilot"], what=f"report:{frozen.uuid}", focus="")
    return render(request, "insights/report.html", context)


@login_required
@require_http_methods(["GET", "HEAD"])
def report_pdf(request: HttpRequest, uuid: UUID) -> HttpResponse:
    frozen = reports.get_report_for_user(request.user, uuid)
    pilot = get_pilot(frozen.pilot)
    reports.log_view(request, pilot=pilot, what=f"report-pdf:{frozen.uuid}", focus="")
    response = HttpResponse(reports.report_pdf(frozen), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{reports.filename(frozen)}"'
    return response
