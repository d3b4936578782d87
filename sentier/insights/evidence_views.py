"""The survey results and the data-quality panels: two pages beside the indicators dashboard,
with the same access (analysts every region, coordinators theirs), the same disclosure layer,
their CSV and XLSX, and every showing logged (``DashboardView``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.insights import disclosure, evidence, quality, surveys
from sentier.insights.evidence import Measure, Row
from sentier.insights.forms import EvidencePeriodForm
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope
from sentier.insights.models import DashboardView, ViewChannel
from sentier.insights.report import EARLIEST, NotAllowed, scope_for_user
from sentier.insights.tables import VALUE_LABELS
from sentier.reference.selectors import list_current_regions


@dataclass(frozen=True)
class Panel:
    id: str
    title: str | Promise
    corner: str | Promise
    measures: list[Measure]
    rows: list[Row]


def _scope(request: HttpRequest) -> tuple[User, Scope]:
    try:
        scope = scope_for_user(request.user)
    except NotAllowed:
        raise PermissionDenied from None
    assert isinstance(request.user, User)
    return request.user, scope


def _period_form(request: HttpRequest) -> EvidencePeriodForm:
    return EvidencePeriodForm(request.GET or None)


def _log(
    request: HttpRequest,
    user: User,
    scope: Scope,
    channel: str,
    what: str,
    version: str,
    period: Period | None,
) -> None:
    DashboardView.objects.create(
        user=user,
        channel=ViewChannel(channel),
        path=request.get_full_path()[:300],
        regions=",".join(sorted(scope.regions or ()))[:200],
        period_start=period.start if period else EARLIEST,
        period_end=period.end if period else timezone.localdate(),
        breakdowns="region",
        indicator=what,
        catalogue_version=version,
    )


def _names() -> dict[str, str]:
    names = {r.code: f"{r.code} {r.name}" for r in list_current_regions()}
    names.update({k: str(v) for k, v in VALUE_LABELS["area"].items()})
    return names


def _panel(
    id_: str, title: Any, corner: Any, measures: list[Measure], groups: Sequence[str]
) -> Panel:
    names = _names()
    labelled = [(g, evidence.group_label(g, names)) for g in groups]
    return Panel(id_, title, corner, measures, evidence.rows(measures, labelled))


#: The corner of a survey table, by what its rows are.
CORNERS = {"area": _("Regions"), "region": _("Region"), "quarter": _("Quarter")}


def _survey_panels(scope: Scope, period: Period | None) -> list[Panel]:
    panels = []
    for survey in surveys.surveys_for(scope):
        for key in survey.keys:
            if key == "area" and not surveys.compares_areas(scope):
                continue
            measures, groups = surveys.survey_measures(survey, scope, key=key, period=period)
            corner = CORNERS[key]
            panels.append(_panel(f"{survey.id}-{key}", survey.title, corner, measures, groups))
    return panels


def _download(body: str | bytes, fmt: str, name: str) -> HttpResponse:
    content_type = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(body, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return response


def _export(measures: list[Measure], version: str, fmt: str, name: str) -> HttpResponse:
    if fmt == "csv":
        return _download(evidence.write_csv(version, measures), fmt, name)
    return _download(evidence.write_xlsx(version, disclosure.THRESHOLD, measures), fmt, name)


def _context(form: EvidencePeriodForm, version: str, request: HttpRequest) -> dict[str, Any]:
    """What both pages show around their tables: the period form, and the query the download
    links carry (so that an export covers the period the page shows)."""
    return {
        "form": form,
        "period": form.period,
        "query": request.GET.urlencode(),
        "version": version,
        "threshold": disclosure.THRESHOLD,
    }


def _refused(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A bad period: the page with its field errors and no table (nothing logged, nothing
    exported: the figures were not shown)."""
    return render(request, template, {**context, "panels": [], "panel": None}, status=400)


@login_required
def survey_results(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    form = _period_form(request)
    context = _context(form, surveys.VERSION, request)
    if form.errors:
        return _refused(request, "insights/surveys.html", context)
    panels = _survey_panels(scope, form.period)
    _log(request, user, scope, "page", "surveys", surveys.VERSION, form.period)
    return render(request, "insights/surveys.html", {**context, "panels": panels})


@login_required
def survey_export(request: HttpRequest, fmt: str) -> HttpResponse:
    user, scope = _scope(request)
    form = _period_form(request)
    if form.errors:
        context = _context(form, surveys.VERSION, request)
        return _refused(request, "insights/surveys.html", context)
    measures = [m for panel in _survey_panels(scope, form.period) for m in panel.measures]
    _log(request, user, scope, fmt, "surveys", surveys.VERSION, form.period)
    return _export(measures, surveys.VERSION, fmt, "surveys")


@login_required
def data_quality(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    form = _period_form(request)
    context = _context(form, quality.VERSION, request)
    if form.errors:
        return _refused(request, "insights/quality.html", context)
    measures, regions = quality.quality_measures(scope, period=form.period)
    panel = _panel(
        "quality", _("Data quality"), _("Region"), measures, [*regions, disclosure.TOTAL]
    )
    _log(request, user, scope, "page", "data_quality", quality.VERSION, form.period)
    return render(request, "insights/quality.html", {**context, "panel": panel})


@login_required
def data_quality_export(request: HttpRequest, fmt: str) -> HttpResponse:
    user, scope = _scope(request)
    form = _period_form(request)
    if form.errors:
        context = _context(form, quality.VERSION, request)
        return _refused(request, "insights/quality.html", context)
    measures, _regions = quality.quality_measures(scope, period=form.period)
    _log(request, user, scope, fmt, "data_quality", quality.VERSION, form.period)
    return _export(measures, quality.VERSION, fmt, "data-quality")
