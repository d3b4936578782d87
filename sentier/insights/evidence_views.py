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


def _log(
    request: HttpRequest, user: User, scope: Scope, channel: str, what: str, version: str
) -> None:
    DashboardView.objects.create(
        user=user,
        channel=ViewChannel(channel),
        path=request.get_full_path()[:300],
        regions=",".join(sorted(scope.regions or ()))[:200],
        period_start=EARLIEST,
        period_end=timezone.localdate(),
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


def _survey_panels(scope: Scope) -> list[Panel]:
    panels = []
    for survey in surveys.SURVEYS:
        if surveys.compares_areas(scope):
            measures, groups = surveys.survey_measures(survey, scope, key="area")
            panels.append(_panel(f"{survey.id}-area", survey.title, _("Regions"), measures, groups))
        measures, groups = surveys.survey_measures(survey, scope, key="region")
        panels.append(_panel(f"{survey.id}-region", survey.title, _("Region"), measures, groups))
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


@login_required
def survey_results(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    panels = _survey_panels(scope)
    _log(request, user, scope, "page", "surveys", surveys.VERSION)
    return render(
        request,
        "insights/surveys.html",
        {"panels": panels, "version": surveys.VERSION, "threshold": disclosure.THRESHOLD},
    )


@login_required
def survey_export(request: HttpRequest, fmt: str) -> HttpResponse:
    user, scope = _scope(request)
    measures = [m for panel in _survey_panels(scope) for m in panel.measures]
    _log(request, user, scope, fmt, "surveys", surveys.VERSION)
    return _export(measures, surveys.VERSION, fmt, "surveys")


@login_required
def data_quality(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    measures, regions = quality.quality_measures(scope)
    panel = _panel(
        "quality", _("Data quality"), _("Region"), measures, [*regions, disclosure.TOTAL]
    )
    _log(request, user, scope, "page", "data_quality", quality.VERSION)
    return render(
        request,
        "insights/quality.html",
        {"panel": panel, "version": quality.VERSION, "threshold": disclosure.THRESHOLD},
    )


@login_required
def data_quality_export(request: HttpRequest, fmt: str) -> HttpResponse:
    user, scope = _scope(request)
    measures, _regions = quality.quality_measures(scope)
    _log(request, user, scope, fmt, "data_quality", quality.VERSION)
    return _export(measures, quality.VERSION, fmt, "data-quality")
