"""Data quality: how far to trust the indicators, region by region (issue 17, "A panel per
region or site shows missing fields and late entries").

Each check counts, per region of the file, the rows an indicator would read wrongly or not at
all, with a definition that says which indicators it weakens. The counts go through the
disclosure layer like every other figure (``protect_counts`` along the region, with the total).

A file's region and program are not checked: the database refuses a file without them, so no
indicator loses a case for want of either (said on the page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.core.jurisdiction import app_enabled
from sentier.insights import disclosure
from sentier.insights.disclosure import Cell, protect_counts
from sentier.insights.evidence import Measure, local_day_start
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope
from sentier.insights.report import scope_regions
from sentier.paas.models import Placement, PlacementStatus
from sentier.participants.models import FileStatus, Participant
from sentier.plans.models import FollowUp, FollowUpStatus, PlanStatus, SupportPlan
from sentier.referrals.models import Referral, ReferralStatus

#: The version of these checks' definitions (exports and the view log state it).
VERSION = "quality-1"

#: A follow-up still "scheduled" this many days after its date was not written down.
FOLLOW_UP_GRACE_DAYS = 7

RUNNING_PLANS = (PlanStatus.ACTIVE, PlanStatus.EXTENSION_REQUESTED)
OPEN_FILES = (FileStatus.ACTIVE, FileStatus.PENDING)


@dataclass(frozen=True)
class Check:
    id: str
    label: Any
    definition: Any
    app: str  # the capability whose rows it reads (left out where it is not offered)
    count: Callable[[Scope, dt.datetime], QuerySet[Any]]  # rows: region code, n
    # The column that dates a row for the period filter (a moment, or a day with ``day=True``).
    dated: str = "created_at"
    day: bool = False

    def within(self, period: Period | None) -> Q:
        """The rows this check dates in the period (every row without one)."""
        if period is None:
            return Q()
        if self.day:
            return Q(**{f"{self.dated}__range": (period.start, period.end)})
        return Q(**{f"{self.dated}__gte": local_day_start(period.start)}) & Q(
            **{f"{self.dated}__lt": local_day_start(period.end + dt.timedelta(days=1))}
        )


def _per_region(queryset: QuerySet[Any], via: str) -> QuerySet[Any]:
    counted: QuerySet[Any] = (
        queryset.order_by().values_list(f"{via}region__code").annotate(n=Count("id"))
    )
    return counted


def _files(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    return _per_region(Participant.objects.filter(scope.q(""), status__in=OPEN_FILES), "")


def _no_birth_date(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = Participant.objects.filter(scope.q(""), status__in=OPEN_FILES, birth_date__isnull=True)
    return _per_region(rows, "")


def _no_caseworker(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = Participant.objects.filter(
        scope.q(""), status=FileStatus.ACTIVE, caseworker__isnull=True
    )
    return _per_region(rows, "")


def _plan_without_objective(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = SupportPlan.objects.filter(
        scope.q("participant__"), status__in=RUNNING_PLANS, objectives__isnull=True
    )
    return _per_region(rows, "participant__")


def _plan_past_planned_end(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = SupportPlan.objects.filter(
        scope.q("participant__"),
        status=PlanStatus.ACTIVE,
        planned_end_on__lt=timezone.localdate(now),
    )
    return _per_region(rows, "participant__")


def _follow_up_not_written(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = FollowUp.objects.filter(
        scope.q("plan__participant__"),
        status=FollowUpStatus.SCHEDULED,
        scheduled_for__lt=now - dt.timedelta(days=FOLLOW_UP_GRACE_DAYS),
    )
    return _per_region(rows, "plan__participant__")


def _plan_end_unknown(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = SupportPlan.objects.filter(
        Q(end_reason="") | Q(ended_at__isnull=True),
        scope.q("participant__"),
        status__in=(PlanStatus.ENDED, PlanStatus.COMPLETED),
    )
    return _per_region(rows, "participant__")


def _referral_past_due(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = Referral.objects.filter(
        scope.q("participant__"), status=ReferralStatus.REQUESTED, expires_at__lt=now
    )
    return _per_region(rows, "participant__")


def _placement_outcome_unknown(scope: Scope, now: dt.datetime) -> QuerySet[Any]:
    rows = Placement.objects.filter(
        Q(exit_outcome="") | Q(end_date__isnull=True),
        scope.q("participant__"),
        status=PlacementStatus.ENDED,
    )
    return _per_region(rows, "participant__")


#: The reference count: the files the other checks should be read against.
FILES = Check(
    "files",
    _("Open files"),
    _("Files active or with an application pending: the base the other counts are read against."),
    "participants",
    _files,
)

CHECKS = (
    Check(
        "no_birth_date",
        _("Files without a date of birth"),
        _(
            "Open files whose date of birth is not recorded: their cases count in the « unknown » "
            "age band of every indicator broken down by age."
        ),
        "participants",
        _no_birth_date,
    ),
    Check(
        "no_caseworker",
        _("Active files without a caseworker"),
        _(
            "Active files assigned to nobody: no plan or referral can start, so time to first "
            "service runs on for them."
        ),
        "participants",
        _no_caseworker,
    ),
    Check(
        "plan_without_objective",
        _("Plans in progress without an objective"),
        _(
            "Personalized support plans in progress (or awaiting an extension decision) with no "
            "objective written: their completion cannot be judged."
        ),
        "plans",
        _plan_without_objective,
    ),
    Check(
        "plan_past_planned_end",
        _("Plans in progress past their planned end"),
        _(
            "Plans still in progress after their planned end day, with no extension asked: the end "
            "was probably not recorded, so plans ended and their length are undercounted."
        ),
        "plans",
        _plan_past_planned_end,
        dated="planned_end_on",
        day=True,
    ),
    Check(
        "follow_up_not_written",
        _("Follow-ups not written down"),
        _(
            "Follow-ups still « scheduled » more than 7 days after their date: held, missed or "
            "cancelled, nobody wrote which."
        ),
        "plans",
        _follow_up_not_written,
        dated="scheduled_for",
    ),
    Check(
        "plan_end_unknown",
        _("Plans ended without a reason"),
        _(
            "Plans ended or completed with no end reason or no end date: they are missing from "
            "« plans ended by the participant or completed »."
        ),
        "plans",
        _plan_end_unknown,
    ),
    Check(
        "referral_past_due",
        _("Referrals unanswered past their due date"),
        _(
            "Referrals still awaiting the organization's answer after their answer was due (the "
            "expiry did not run): expiries and answer times are undercounted."
        ),
        "referrals",
        _referral_past_due,
        dated="expires_at",
    ),
    Check(
        "placement_outcome_unknown",
        _("PAAS Action exits without an outcome"),
        _(
            "Ended PAAS Action placements with no exit outcome or no end date: the outcome of "
            "these placements is unknown."
        ),
        "paas",
        _placement_outcome_unknown,
        dated="start_date",
        day=True,
    ),
)


def checks_here() -> list[Check]:
    """The checks of the capabilities offered in this jurisdiction, the reference count first."""
    return [FILES, *(check for check in CHECKS if app_enabled(check.app))]


def quality_measures(
    scope: Scope,
    *,
    now: dt.datetime | None = None,
    threshold: int | None = None,
    period: Period | None = None,
) -> tuple[list[Measure], list[str]]:
    """One protected measure per check, by region of the file, with the total; and the regions.
    With a period, each check keeps the rows it dates in it (:attr:`Check.dated`)."""
    now = now or timezone.now()
    threshold = disclosure.THRESHOLD if threshold is None else threshold
    regions = scope_regions(scope)
    measures = []
    for check in checks_here():
        counts = dict(check.count(scope, now).filter(check.within(period)))
        cells = [Cell({"region": code}, int(counts.get(code, 0))) for code in regions]
        measures.append(
            Measure(
                check.id,
                check.label,
                check.definition,
                "count",
                "region",
                protect_counts(cells, threshold=threshold, margins=("region",)),
            )
        )
    return measures, regions
