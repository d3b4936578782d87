"""Frozen monthly reports of a pilot, and what the pilot pages share with them.

A report is **frozen** by an analyst for a month: every figure of the pilot comparison up to the
last day of that month (trends, event study, estimate, for each outcome of the pilot), already
through the disclosure layer, stored as one :class:`~sentier.insights.models.FrozenReport` row
with the catalogue version, the rules version, the parameters (the pilot's, the disclosure
threshold, the bootstrap's seed and draws) and a SHA-256 of the monthly panels it was computed
from. The row is never changed. Its PDF (tagged, PDF/UA-1, WeasyPrint) is made from the stored
figures, never recomputed; :func:`rerun` recomputes them from the data, and gives the same
figures as long as the inputs' hash is the same (the estimate is seeded).

Who: analysts and administrators freeze and read reports (all regions). A coordinator reads
the pilot page of their region; the frozen reports, which cover every region, are not theirs
(the same 404 as a report that does not exist).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.insights import charts, pilots
from sentier.insights.catalogue import catalogue_version
from sentier.insights.disclosure import THRESHOLD
from sentier.insights.models import DashboardView, FrozenReport, ViewChannel
from sentier.insights.report import EARLIEST, NotAllowed, scope_for_user
from sentier_rules.pilots import Pilot, get_pilot
from sentier_rules.version import rules_version


def scope_of(user: Any) -> str | None:
    """``""`` for every region (analysts, administrators), a region code (a coordinator's
    own), or ``None``: not allowed to see the pilot pages."""
    try:
        scope = scope_for_user(user)
    except NotAllowed:
        return None
    if scope.regions is None:
        return ""
    return sorted(scope.regions)[0]


def can_freeze(user: Any) -> bool:
    return bool(user.has_perm("insights.freeze_report"))


def last_whole_month(today: dt.date) -> dt.date:
    """The first day of the month before ``today``'s (local) month."""
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


# --- Figures ---------------------------------------------------------------------------------


def _comparison_as_json(comparison: pilots.Comparison) -> dict[str, Any]:
    return {
        "outcome": comparison.outcome.id,
        "groups": comparison.groups,
        "trends": [
            {
                "month": p.month.isoformat(),
                "group": p.group,
                "value": p.value,
                "suppressed": p.suppressed,
            }
            for p in comparison.trends
        ],
        "events": [dataclasses.asdict(p) for p in comparison.events],
        "estimate": comparison.estimate.as_json(),
        "inputs": comparison.extra["inputs"],
    }


def comparison_from_json(pilot: Pilot, data: dict[str, Any], focus: str) -> pilots.Comparison:
    """A stored comparison, as the pages and the PDF show it."""
    estimate = dict(data["estimate"])
    interval = estimate.pop("interval")
    return pilots.Comparison(
        pilot=pilot,
        outcome=pilots.OUTCOMES[data["outcome"]],
        trends=[
            pilots.TrendPoint(
                dt.date.fromisoformat(p["month"]), p["group"], p["value"], p["suppressed"]
            )
            for p in data["trends"]
        ],
        groups=list(data["groups"]),
        events=[pilots.EventPoint(**p) for p in data["events"]],
        estimate=pilots.Estimate(
            **estimate, interval=tuple(interval) if interval is not None else None
        ),
        focus=focus,
        extra={"inputs": data["inputs"]},
    )


def compute_figures(pilot: Pilot, month: dt.date, focus: str = "") -> tuple[dict[str, Any], str]:
    """Every figure of the pilot up to the end of ``month``, and the hash of their inputs."""
    until = month_end(month)
    comparisons = [
        pilots.compare(pilot, outcome, focus=focus, until=until) for outcome in pilot.outcomes
    ]
    inputs = hashlib.sha256(
        "".join(comparison.extra["inputs"] for comparison in comparisons).encode()
    ).hexdigest()
    figures = {"outcomes": [_comparison_as_json(comparison) for comparison in comparisons]}
    return figures, inputs


def parameters_of(pilot: Pilot) -> dict[str, Any]:
    return {
        "pilot": {
            "id": pilot.id,
            "measure": pilot.measure,
            "jurisdiction": pilot.jurisdiction,
            "start": pilot.start.isoformat(),
            "treated": list(pilot.treated),
            "design": str(pilot.design),
            "outcomes": list(pilot.outcomes),
            "reference": pilot.reference,
        },
        "threshold": THRESHOLD,
        "seed": pilots.SEED,
        "draws": pilots.DRAWS,
        "alpha": pilots.ALPHA,
        "power": pilots.POWER,
    }


# --- Actions and reads -----------------------------------------------------------------------


@transaction.atomic
def freeze_report(*, user: User, pilot: Pilot, month: dt.date) -> FrozenReport:
    """Freeze ``pilot``'s report for ``month`` (its first day). Analysts and administrators
    only; the row itself is the record of who froze what, when."""
    if not can_freeze(user):
        raise NotAllowed
    month = month.replace(day=1)
    figures, inputs = compute_figures(pilot, month)
    return FrozenReport.objects.create(
        frozen_by=user,
        pilot=pilot.id,
        month=month,
        region="",
        catalogue_version=catalogue_version(),
        rules_version=rules_version(),
        parameters=parameters_of(pilot),
        inputs_hash=inputs,
        figures=figures,
    )


def rerun(report: FrozenReport) -> tuple[dict[str, Any], str]:
    """The report's figures and inputs' hash computed again from today's data."""
    return compute_figures(get_pilot(report.pilot), report.month, report.region)


def list_reports_for(user: Any, *, pilot: Pilot) -> list[FrozenReport]:
    if not can_freeze(user):
        return []
    return list(FrozenReport.objects.filter(pilot=pilot.id).select_related("frozen_by")[:24])


def get_report_for_user(user: Any, uuid: UUID) -> FrozenReport:
    """The report, if the user may read it (the same 404 for "not there" and "not yours")."""
    if not can_freeze(user):
        raise Http404
    report = FrozenReport.objects.filter(uuid=uuid).first()
    if report is None or pilots.find_pilot(report.pilot) is None:
        raise Http404
    return report


def log_view(request: HttpRequest, *, pilot: Pilot, what: str, focus: str) -> DashboardView:
    """Write down one showing of a pilot's figures in the indicators' view log: who, the
    address, the region it was focused on, which pilot and outcome (or frozen report)."""
    return DashboardView.objects.create(
        user=request.user if isinstance(request.user, User) else None,
        channel=ViewChannel.PAGE,
        path=request.get_full_path()[:300],
        regions=focus,
        period_start=EARLIEST,
        period_end=timezone.localdate(),
        breakdowns="region,month",
        indicator=f"pilot:{pilot.id}:{what}"[:60],
        catalogue_version=catalogue_version(),
    )


# --- Showing ---------------------------------------------------------------------------------


def present(comparison: pilots.Comparison, *, ident: str) -> dict[str, Any]:
    """The charts, table and words of one comparison, in the active language."""
    pilot, outcome = comparison.pilot, comparison.outcome
    labels = {group: str(pilots.GROUP_LABELS.get(group, group)) for group in comparison.groups}
    if comparison.focus:
        labels[comparison.focus] = _("Region %(code)s") % {"code": comparison.focus}
    unit = str(outcome.unit)
    months = sorted({point.month for point in comparison.trends})
    by_month = {(p.month, p.group): p for p in comparison.trends}
    first_after = pilots.first_month_after(pilot)
    table = [
        {
            "label": charts.month_label(month),
            "after": month >= first_after,
            "cells": [by_month.get((month, group)) for group in comparison.groups],
        }
        for month in months
    ]
    trend_svg = (
        charts.trend_chart(
            comparison.trends,
            comparison.groups,
            labels,
            title=_("%(outcome)s, month by month") % {"outcome": outcome.label},
            unit=unit,
            start_label=_("Start"),
            start_month=first_after,
            ident=f"{ident}-trend",
        )
        if months
        else None
    )
    event_svg = (
        charts.event_chart(
            comparison.events,
            title=_("Event study: the gap before and after the start"),
            unit=unit,
            ident=f"{ident}-events",
        )
        if comparison.events
        else None
    )
    estimate = comparison.estimate
    return {
        "outcome_label": outcome.label,
        "unit": unit,
        "groups": [labels[group] for group in comparison.groups],
        "table": table,
        "trend_svg": trend_svg,
        "event_svg": event_svg,
        "events": comparison.events,
        "estimate": estimate,
        "reason": pilots.REASONS.get(estimate.reason, ""),
        "ident": ident,
        "everywhere": pilot.everywhere,
    }


def report_context(report: FrozenReport) -> dict[str, Any]:
    pilot = get_pilot(report.pilot)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "report": report,
        "pilot": pilot,
        "pilot_label": pilot.label(language),
        "month_label": charts.month_label(report.month),
        "outcomes": [
            present(comparison_from_json(pilot, data, report.region), ident=f"o{i}")
            for i, data in enumerate(report.figures["outcomes"])
        ],
    }


def report_pdf_html(report: FrozenReport) -> str:
    return render_to_string("insights/report_pdf.html", report_context(report))


def report_pdf(report: FrozenReport) -> bytes:
    # Lazy: weasyprint takes over a second to import and only PDF output needs it.
    from weasyprint import HTML

    document = HTML(string=report_pdf_html(report)).render()
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def filename(report: FrozenReport) -> str:
    return f"{report.pilot}-{report.month:%Y-%m}.pdf"
