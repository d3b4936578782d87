"""Milestones counted in the database (issue 17, "Performance"): the flows and rates of the
catalogue need how many milestones share each set of breakdown values, not the milestones one by
one. Each counter here is one ``COUNT(*) … GROUP BY`` over the rows its loader in
:mod:`sentier.insights.milestones` reads, within the period, by the participant's columns, the
local month and the kind's own values; the same Python (:func:`milestones.breakdowns`) then
turns each group's columns into breakdown values. A full recomputation reads tens of thousands
of groups instead of a million and a half rows.

Not counted here: the age band (it needs each milestone's day against a birth date: a question
broken down by age band reads those milestones), milestones that depend on the order of a
case's steps (a referral's first answer), and Ontario's, which are few. Each counter gives the
cells its loader's milestones give, cell for cell: ``tests/test_counts.py`` compares them on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from sentier.insights.indicators import Counted, Period
from sentier.insights.milestones import CLOSED_STATUSES, Kind, Reading, Scope, breakdowns
from sentier.intake.models import Application, ApplicationStatus, Recommendation, ReviewStatus
from sentier.ontario.models import OWApplication
from sentier.paas.models import Placement
from sentier.plans.models import Extension, ExtensionStatus, SupportPlan
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral, ReferralTransition
from sentier.serviceplans.models import RequestStatus, ServicePlanRequest

Own = Callable[[Mapping[str, Any]], dict[str, str | None]]


@dataclass(frozen=True)
class Counter:
    """One kind's ``GROUP BY``: its rows (``rows()``, not yet scoped), the participant's path
    from them, the moment (a date or an aware datetime), the columns of the kind's own values
    and how they become breakdown values (as the loader makes them)."""

    kind: str
    rows: Callable[[], QuerySet[Any]]
    via: str
    moment: str
    columns: tuple[str, ...]
    own: Own
    is_date: bool = False


def _midnight(day: dt.date) -> dt.datetime:
    """The start of a local day (a moment is in a period when its local day is)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def count(counter: Counter, scope: Scope, period: Period, reading: Reading) -> list[Counted]:
    """The counter's groups within the period, for the scope."""
    via, moment = counter.via, counter.moment
    if counter.is_date:
        bounds = {f"{moment}__gte": period.start, f"{moment}__lte": period.end}
        month = TruncMonth(moment)
    else:
        bounds = {
            f"{moment}__gte": _midnight(period.start),
            f"{moment}__lt": _midnight(period.end + dt.timedelta(days=1)),
        }
        month = TruncMonth(moment, tzinfo=reading.zone)
    person = (f"{via}region__code", f"{via}program__code", f"{via}preferred_language")
    rows = (
        counter.rows()
        .filter(scope.q(via), **bounds)
        .order_by()
        .annotate(local_month=month)
        .values("local_month", *person, *counter.columns)
        .annotate(n=Count("*"))
    )
    merged: dict[tuple[tuple[str, str], ...], int] = defaultdict(int)
    for row in rows:
        region = str(row[person[0]])
        dims = breakdowns(reading, region, row[person[1]], row[person[2]], None, counter.own(row))
        dims["month"] = row["local_month"].strftime("%Y-%m")
        merged[tuple(dims.items())] += row["n"]
    return [Counted(dict(items), n) for items, n in merged.items()]


def _fast_tracked() -> QuerySet[Any]:
    """The referrals an Ontario Works grant made (counted as Employment Ontario's, not here)."""
    return OWApplication.objects.filter(referral__isnull=False).values("referral_id")


def _referrals() -> QuerySet[Any]:
    rows = Referral.objects.all()
    if current_jurisdiction() == "ON":
        rows = rows.exclude(id__in=_fast_tracked())
    return rows


def _closings() -> QuerySet[Any]:
    rows = ReferralTransition.objects.filter(
        to_status__in=sorted(CLOSED_STATUSES), referral__sent_at__isnull=False
    )
    if current_jurisdiction() == "ON":
        rows = rows.exclude(referral_id__in=_fast_tracked())
    return rows


COUNTERS: dict[str, Counter] = {
    counter.kind: counter
    for counter in (
        Counter(
            Kind.APPLICATION_SENT,
            lambda: Application.objects.filter(status=ApplicationStatus.SUBMITTED),
            "participant__",
            "submitted_at",
            ("channel",),
            lambda r: {"channel": r["channel"]},
        ),
        Counter(
            Kind.RECOMMENDATION_REVIEWED,
            lambda: Recommendation.objects.exclude(status=ReviewStatus.PENDING),
            "participant__",
            "reviewed_at",
            ("path", "status", "final_path", "application__channel"),
            lambda r: {
                "outcome": r["status"],
                "final_path": r["final_path"] or r["path"],
                "path": r["path"],
                "channel": r["application__channel"],
            },
        ),
        Counter(
            Kind.SUPPORT_PLAN_AGREED,
            lambda: SupportPlan.objects.all(),
            "participant__",
            "agreed_at",
            ("request_channel",),
            lambda r: {"channel": r["request_channel"] or ""},
        ),
        Counter(
            Kind.SUPPORT_PLAN_ENDED,
            lambda: SupportPlan.objects.all(),
            "participant__",
            "ended_at",
            ("request_channel", "end_reason", "ended_by__role"),
            lambda r: {
                "channel": r["request_channel"] or "",
                "end_reason": r["end_reason"] or "unknown",
                "ended_by": r["ended_by__role"] or "unknown",
            },
        ),
        Counter(
            Kind.SUPPORT_PLAN_EXTENDED,
            lambda: Extension.objects.filter(status=ExtensionStatus.GRANTED),
            "plan__participant__",
            "decided_at",
            ("plan__request_channel",),
            lambda r: {"channel": r["plan__request_channel"] or ""},
        ),
        Counter(
            Kind.SERVICE_PLAN_DECIDED,
            lambda: ServicePlanRequest.objects.exclude(status=RequestStatus.PENDING),
            "participant__",
            "decided_at",
            ("initiator_kind", "status"),
            lambda r: {"outcome": r["status"], "initiator": r["initiator_kind"]},
        ),
        Counter(
            Kind.REFERRAL_SENT,
            _referrals,
            "participant__",
            "sent_at",
            ("kind",),
            lambda r: {"service": r["kind"] or "other"},
        ),
        Counter(
            Kind.REFERRAL_CLOSED,
            _closings,
            "referral__participant__",
            "at",
            ("referral__kind", "to_status"),
            lambda r: {"service": r["referral__kind"] or "other", "outcome": str(r["to_status"])},
        ),
        Counter(
            Kind.PAAS_STARTED,
            lambda: Placement.objects.all(),
            "participant__",
            "start_date",
            (),
            lambda r: {},
            is_date=True,
        ),
        Counter(
            Kind.PAAS_ENDED,
            lambda: Placement.objects.all(),
            "participant__",
            "end_date",
            ("exit_outcome",),
            lambda r: {"outcome": r["exit_outcome"] or "other"},
            is_date=True,
        ),
    )
}


def count_milestones(
    scope: Scope, period: Period, kinds: Iterable[str]
) -> dict[str, list[Counted]]:
    """The groups of each kind (each must have a counter) within the period, for the scope."""
    reading = Reading()
    return {kind: count(COUNTERS[kind], scope, period, reading) for kind in sorted(set(kinds))}


def in_regions(
    counted: Mapping[str, list[Counted]], regions: frozenset[str] | None
) -> dict[str, list[Counted]]:
    """A region scope's share of groups counted for every region."""
    if regions is None:
        return dict(counted)
    return {
        kind: [group for group in groups if group.dims["region"] in regions]
        for kind, groups in counted.items()
    }
