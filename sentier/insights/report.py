"""What the dashboard, the exports and the command line show: every current indicator of the
catalogue over a scope, a period and breakdowns, protected, with the catalogue version, the
threshold, what the files do not hold, and the pilots' estimates (:mod:`sentier.insights.hooks`).

Who sees what is decided here (:func:`scope_for_user`): analysts and administrators every region
of the jurisdiction, aggregated; coordinators their own region (in Ontario, a local office's
supervisor: their site). Every showing is logged (:func:`log_view`).

The computed cells, and the pilots' estimates with them, are kept in the database
(:mod:`sentier.insights.figures`) and refreshed in the background: a page shows the last figures
computed and when, and never waits for a recomputation at scale. Figures younger than
``SENTIER_STATISTICS_SECONDS`` are shown as they are: such a page reads no capability's rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from sentier.accounts.models import User
from sentier.insights import disclosure
from sentier.insights.catalogue import NotHeld, not_held
from sentier.insights.figures import Question, answer
from sentier.insights.figures import scope_regions as scope_regions  # where its users find it
from sentier.insights.indicators import Period, Result
from sentier.insights.milestones import Scope
from sentier.insights.models import DashboardView, ViewChannel

#: The first day any figure may cover: the demo and the pilots start in October 2025.
EARLIEST = dt.date(2025, 10, 1)
#: The oldest day a person may ask for (bounds what can be typed).
OLDEST = dt.date(2020, 1, 1)


class NotAllowed(Exception):
    """The user may not read the indicators."""


def scope_for_user(user: Any) -> Scope:
    """Analysts and administrators: every region; coordinators: their own. Others: refused."""
    if not isinstance(user, User) or not user.has_perm("insights.view_indicators"):
        raise NotAllowed
    if user.has_perm("insights.view_every_region"):
        return Scope(regions=None)
    if user.region is None:
        raise NotAllowed
    return Scope(regions=frozenset({user.region.code}))


def default_period() -> Period:
    return Period(start=EARLIEST, end=timezone.localdate())


@dataclass(frozen=True)
class Report:
    catalogue_version: str
    threshold: int
    period: Period
    by: tuple[str, ...]
    scope: Scope
    results: list[Result]
    not_held: tuple[NotHeld, ...]
    pilots: list[dict[str, Any]]
    # When the figures were computed; None with ``preparing`` (nothing computed yet).
    computed_at: dt.datetime | None = None
    preparing: bool = False
    # When each part was last computed (``figures.PARTS``), when they differ: the flows and
    # rates refreshed from the ledger, the rest kept from the last full recomputation.
    parts: Mapping[str, dt.datetime] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The command-line contract's JSON object."""
        return {
            "catalog_version": self.catalogue_version,
            "threshold": self.threshold,
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "indicators": [
                {
                    "id": result.definition.id,
                    "version": result.definition.version,
                    "label": result.definition.label.as_dict(),
                    "definition": result.definition.definition.as_dict(),
                    "unit": result.definition.unit,
                    "by": list(result.by),
                    "cells": [cell.as_dict() for cell in result.cells],
                }
                for result in self.results
            ],
            "not_held": [
                {"id": item.id, "label": item.label.as_dict(), "why": item.why.as_dict()}
                for item in self.not_held
            ],
            "pilots": self.pilots,
        }


def build_report(
    scope: Scope,
    *,
    period: Period | None = None,
    by: Sequence[str] = (),
    indicators: Sequence[str] | None = None,
    threshold: int | None = None,
    wait: bool = False,
) -> Report:
    """Every current indicator (or those named), protected: the last figures computed for the
    question (:mod:`sentier.insights.figures`), never a recomputation inside a request at
    scale. ``wait``: compute now if they are out of date (the command line)."""
    period = period or default_period()
    threshold = disclosure.THRESHOLD if threshold is None else threshold
    question = Question.of(scope, period, by, indicators, threshold)
    figures = answer(question, wait=wait)
    return Report(
        catalogue_version=question.catalogue_version,
        threshold=threshold,
        period=figures.period,
        by=tuple(by),
        scope=scope,
        results=figures.results,
        not_held=not_held(),
        pilots=figures.pilots,
        computed_at=figures.computed_at,
        preparing=figures.preparing,
        parts=figures.parts,
    )


def log_view(
    *,
    user: User | None,
    channel: str,
    report: Report,
    request: HttpRequest | None = None,
    actor_label: str = "",
    indicator: str = "",
) -> DashboardView:
    """Write down one showing of the indicators (page, export or command line)."""
    return DashboardView.objects.create(
        user=user,
        actor_label=actor_label[:120],
        channel=ViewChannel(channel),
        path=request.get_full_path()[:300] if request is not None else "",
        regions=",".join(sorted(report.scope.regions or ()))[:200],
        period_start=report.period.start,
        period_end=report.period.end,
        breakdowns=",".join(report.by)[:200],
        indicator=indicator[:60],
        catalogue_version=report.catalogue_version,
    )
