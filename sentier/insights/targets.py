"""Ontario site targets (issue 17: "Ontario site managers see their site against its targets.
Targets are dated parameters per site and period, shown with their intervals, not as league
tables"). The targets are data (``data/site_targets.yaml``, demo values with their source);
the actuals are read from what the Ontario capability records:

- ``ow_decided_within_standard`` (the centralized Ontario Works intake unit): applications
  received in the period, at least the standard's days ago, decided (granted, or refused or
  closed) within that many days of being received;
- ``common_assessments_within_standard`` (each local office, by its service area): common
  assessments queued in the period, at least the standard's days ago, done within that many
  days.

Each actual is a rate through :func:`sentier.insights.disclosure.protect_rate`, with its 95 %
Wilson interval where its numerator and denominator are shown, and is compared with the target
by that interval (above, below, or cannot be told apart), never ranked against other sites.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sentier.insights.disclosure import THRESHOLD, Cell, protect_rate
from sentier.ontario.models import CommonAssessment, OWApplication

TARGETS_FILE = Path(__file__).with_name("data") / "site_targets.yaml"
INTAKE = "ow_intake"
Z = 1.959963984540054  # the 97.5th percentile of the normal distribution


@dataclass(frozen=True)
class TargetPeriod:
    start: dt.date
    end: dt.date
    under_review: bool
    default: dict[str, float]
    sites: dict[str, dict[str, float]]

    def target(self, site: str, measure: str) -> float | None:
        return self.sites.get(site, {}).get(measure, self.default.get(measure))


@dataclass(frozen=True)
class Targets:
    measures: dict[str, dict[str, Any]]
    periods: tuple[TargetPeriod, ...]

    def period_of(self, day: dt.date) -> TargetPeriod | None:
        return next((p for p in self.periods if p.start <= day <= p.end), None)


@cache
def targets() -> Targets:
    data = yaml.safe_load(TARGETS_FILE.read_text(encoding="utf-8"))
    periods = tuple(
        TargetPeriod(
            start=_day(item["from"]),
            end=_day(item["to"]),
            under_review=bool(item.get("under_review", False)),
            default={k: float(v) for k, v in item["targets"].get("default", {}).items()},
            sites={
                str(site): {k: float(v) for k, v in values.items()}
                for site, values in item["targets"].get("sites", {}).items()
            },
        )
        for item in data["periods"]
    )
    return Targets(measures=dict(data["measures"]), periods=periods)


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def wilson(yes: int, n: int) -> tuple[float, float]:
    """The 95 % Wilson score interval of ``yes`` out of ``n``."""
    p = yes / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class SiteResult:
    site: str
    measure: str
    standard_days: int
    rate: Cell
    target: float | None
    interval: tuple[float, float] | None

    @property
    def verdict(self) -> str:
        """``above``, ``below`` or ``unclear`` (the interval holds the target); ``""`` when
        there is no figure or no target."""
        if self.interval is None or self.target is None:
            return ""
        low, high = self.interval
        if low >= self.target:
            return "above"
        if high < self.target:
            return "below"
        return "unclear"


def _result(site: str, measure: str, yes: int, n: int, period: TargetPeriod, t: int) -> SiteResult:
    standard = int(targets().measures[measure]["standard_days"])
    rate = protect_rate(yes, n, threshold=t, group={"site": site, "measure": measure})
    interval = (
        wilson(yes, n) if not rate.suppressed and rate.numerator is not None and n > 0 else None
    )
    return SiteResult(site, measure, standard, rate, period.target(site, measure), interval)


def site_results(
    period: TargetPeriod,
    today: dt.date,
    *,
    sites: Sequence[str],
    with_intake: bool,
    threshold: int = THRESHOLD,
) -> list[SiteResult]:
    """Each local office in ``sites`` (and, for whoever sees every site, the intake unit)
    against its targets of ``period``, up to ``today``."""
    results = []
    if with_intake:
        standard = int(targets().measures["ow_decided_within_standard"]["standard_days"])
        last = min(period.end, today - dt.timedelta(days=standard))
        rows = OWApplication.objects.filter(
            received_at__date__gte=period.start, received_at__date__lte=last
        ).values_list("received_at", "granted_at", "closed_at")
        yes = n = 0
        for received, granted, closed in rows:
            n += 1
            decided = min((d for d in (granted, closed) if d is not None), default=None)
            if decided is not None and (decided - received) <= dt.timedelta(days=standard):
                yes += 1
        results.append(_result(INTAKE, "ow_decided_within_standard", yes, n, period, threshold))
    standard = int(targets().measures["common_assessments_within_standard"]["standard_days"])
    last = min(period.end, today - dt.timedelta(days=standard))
    counts: dict[str, list[int]] = {site: [0, 0] for site in sites}
    assessments = CommonAssessment.objects.filter(
        region__code__in=list(sites), created_at__date__gte=period.start, created_at__date__lte=last
    ).values_list("region__code", "created_at", "completed_at")
    for site, created, completed in assessments:
        counts[site][1] += 1
        if completed is not None and (completed - created) <= dt.timedelta(days=standard):
            counts[site][0] += 1
    for site in sites:
        yes, n = counts[site]
        results.append(
            _result(site, "common_assessments_within_standard", yes, n, period, threshold)
        )
    return results
