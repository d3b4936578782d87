"""Permission-checked reads of PAAS Action: places, placements, attendance, waiting lists.

"Does not exist" and "not yours" raise the same :class:`~django.http.Http404`. The amounts come
from the rules package (``paas_action.*`` parameters), never from constants written here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.queries import known
from sentier.core.text import french
from sentier.network.models import Organization
from sentier.paas.models import (
    AttendanceEntry,
    PlaceAllocation,
    Placement,
    PlacementStatus,
    WaitingEntry,
)
from sentier.paas.permissions import visible_allocations_q, visible_placements_q
from sentier.participants.models import Participant
from sentier.participants.permissions import visible_participants_q

# ---------------------------------------------------------------------------------------------
# Rule parameters and calendar arithmetic


@cache
def _dated_values(path: str) -> tuple[tuple[str, Any], ...]:
    for parameter in sentier_rules.parameter_catalog():
        if parameter["path"] == path:
            return tuple((entry["start"], entry["value"]) for entry in parameter["values"])
    raise LookupError(path)


def rule_parameter(path: str, on: dt.date) -> Any:
    """The value of a rules parameter in force on ``on`` (the newest start on or before it)."""
    day = on.isoformat()
    value: Any = None
    for start, candidate in _dated_values(path):
        if start <= day:
            value = candidate
    if value is None:
        raise LookupError(f"{path} has no value on {day}")
    return value


def monthly_payment_per_place_cents(on: dt.date) -> int:
    """What the organization receives per place and per month (``200 $`` in 2026), in cents."""
    return int(Decimal(str(rule_parameter("paas_action.monthly_payment_per_place", on))) * 100)


def max_weekly_hours(on: dt.date) -> int:
    """The most hours a week a participant may take part (20 in 2026)."""
    return int(rule_parameter("paas_action.max_weekly_hours", on))


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month from ``first``'s month to ``last``'s month, inclusive."""
    months = []
    current = first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return months


def last_day_of_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def allocation_cost_cents(period_start: dt.date, period_end: dt.date, places: int) -> int:
    """Places × the monthly payment in force each month × the months of the period."""
    return sum(
        places * monthly_payment_per_place_cents(month)
        for month in month_starts(period_start, period_end)
    )


# ---------------------------------------------------------------------------------------------
# Allocations


#: Active placements on an allocation: the places it has taken.
OCCUPIED = Count("placements", filter=Q(placements__status=PlacementStatus.ACTIVE))


def allocations_with_occupancy() -> QuerySet[PlaceAllocation]:
    """Allocations with ``occupied``, the number of their active placements."""
    return PlaceAllocation.objects.select_related("organization", "region").annotate(
        occupied=OCCUPIED
    )


def list_allocations_for_user(user: User) -> QuerySet[PlaceAllocation]:
    """Allocations the user may see: the Ministry's (by region for coordinators), or their
    organization's for partner staff."""
    queryset = allocations_with_occupancy()
    visible = visible_allocations_q(user)
    return queryset.none() if visible is None else queryset.filter(visible)


def covering_allocations(
    organization: Organization, region_id: int, on: dt.date
) -> QuerySet[PlaceAllocation]:
    """The organization's allocations in a region whose period includes ``on``, oldest first."""
    return PlaceAllocation.objects.filter(
        organization=organization, region_id=region_id, period_start__lte=on, period_end__gte=on
    ).order_by("period_start", "id")


def free_places(allocation: PlaceAllocation) -> int:
    occupied = allocation.placements.filter(status=PlacementStatus.ACTIVE).count()
    return max(allocation.places - occupied, 0)


# ---------------------------------------------------------------------------------------------
# Placements


def _placements(*, participant: bool = True) -> QuerySet[Placement]:
    """Placements with what their pages show, their participant unless the caller holds it
    (``known``)."""
    return Placement.objects.select_related(
        *(["participant"] if participant else []), "organization", "allocation__region", "decision"
    ).prefetch_related("hours_plan", "objectives", "activities")


def get_placement_for_user(user: User, placement_uuid: uuid.UUID | str) -> Placement:
    """One placement, or 404 if it does not exist or ``user`` may not see it."""
    try:
        key = uuid.UUID(str(placement_uuid))
    except ValueError as exc:
        raise Http404 from exc
    placement = _placements().filter(visible_placements_q(user), uuid=key).first()
    if placement is None or not user.has_perm("paas.view_placement", placement):
        raise Http404
    return placement


def list_placements_for_organization(
    user: User, *, active_only: bool = True
) -> QuerySet[Placement]:
    """The placements of the partner staff member's own organization."""
    if not may(user, "paas.view_organization_home") or user.organization_id is None:
        return Placement.objects.none()
    queryset = _placements().filter(organization_id=user.organization_id)
    if active_only:
        queryset = queryset.filter(status=PlacementStatus.ACTIVE)
    return queryset.order_by(*french("participant__last_name", "participant__first_name"), "id")


def list_placements_for_week(user: User, week: dt.date) -> QuerySet[Placement]:
    """The organization's placements whose dates overlap the week of ``week`` (a Monday), with
    only what the attendance screen reads: the person and the plan of hours. (An organization
    has hundreds of placements on one screen: the objectives, activities, decision and
    allocation of each were read and never shown.)"""
    return (
        list_placements_for_organization(user, active_only=False)
        .select_related(None)
        .prefetch_related(None)
        .select_related("participant")
        .prefetch_related("hours_plan")
        .filter(
            Q(end_date__isnull=True) | Q(end_date__gte=week),
            start_date__lte=week + dt.timedelta(days=6),
        )
    )


def attendance_weeks(user: User) -> tuple[dt.date, dt.date]:
    """The Mondays of the first and the last week the organization's attendance screen shows:
    from the week its first placement started to this week."""
    this_week = week_start(timezone.localdate())
    first = list_placements_for_organization(user, active_only=False).aggregate(
        first=Min("start_date")
    )["first"]
    return min(week_start(first), this_week) if first else this_week, this_week


def organizations_for_placement(participant: Participant, on: dt.date) -> QuerySet[Organization]:
    """Organizations with places in the participant's region covering ``on`` or later."""
    return (
        Organization.objects.filter(
            paas_allocations__region_id=participant.region_id,
            paas_allocations__period_end__gte=on,
        )
        .distinct()
        .order_by("name")
    )


def list_placements_for_caseworker(user: User) -> QuerySet[Placement]:
    """Placements of the participants a caseworker (or coordinator, admin) may see."""
    if not may(user, "paas.list_placements"):
        return Placement.objects.none()
    queryset = _placements().filter(visible_placements_q(user))
    if may(user, "participants.hold_caseload"):
        queryset = queryset.filter(participant__caseworker=user)
    return queryset.order_by("status", "-start_date", "id")


def list_placements_for_participant(participant: Participant) -> list[Placement]:
    """A file's placements, newest first, for pages that already checked access to the file."""
    return known(
        _placements(participant=False)
        .filter(participant=participant)
        .order_by("-start_date", "-id"),
        participant=participant,
    )


#: What the file page's PAAS Action section (``paas/_participant_section.html``) reads of a
#: placement.
ON_FILE_FIELDS = (
    "uuid",
    "participant_id",
    "status",
    "start_date",
    "end_date",
    "organization__name",
)


def placements_on_file(participant: Participant) -> list[Placement]:
    """A file's placements as its PAAS Action section shows them, newest first: only those
    columns, without the allocation, the decision and the hours, objectives and activities
    that a placement's own page shows (57 columns over 4 joins, and three more queries for a
    file with placements). For pages that already checked access to the file."""
    return known(
        Placement.objects.filter(participant=participant)
        .select_related("organization")
        .only(*ON_FILE_FIELDS)
        .order_by("-start_date", "-id"),
        participant=participant,
    )


def active_placement(participant: Participant) -> Placement | None:
    return participant.paas_placements.filter(status=PlacementStatus.ACTIVE).first()


def planned_hours(placement: Placement, on: dt.date) -> int | None:
    """The hours a week of the plan step in force on ``on`` (None before the first step)."""
    hours = None
    for step in placement.hours_plan.all():
        if step.from_date <= on:
            hours = step.weekly_hours
    return hours


# ---------------------------------------------------------------------------------------------
# Attendance


def latest_attendance(placement: Placement, week: dt.date) -> AttendanceEntry | None:
    """The entry that counts for a week: the latest one (corrections come after)."""
    return (
        AttendanceEntry.objects.filter(placement=placement, week_start=week)
        .order_by("-recorded_at", "-id")
        .first()
    )


def hours_of_week(placement: Placement, week: dt.date) -> Decimal | None:
    """The hours attended in week ``week`` (a Monday), or None if nothing was recorded."""
    entry = latest_attendance(placement, week)
    return None if entry is None else entry.hours


def latest_attendance_by_placement(
    placements: list[Placement], week: dt.date
) -> dict[int, AttendanceEntry]:
    """The counting entry of the week for several placements, in one query."""
    latest: dict[int, AttendanceEntry] = {}
    entries = AttendanceEntry.objects.filter(
        placement__in=[p.pk for p in placements], week_start=week
    ).order_by("recorded_at", "id")
    for entry in entries:
        latest[entry.placement_id] = entry  # later entries replace earlier ones
    return latest


def attended_in_week(placement: Placement, week: dt.date) -> bool:
    """Whether the week (Monday to Sunday) overlaps the placement's dates."""
    last = placement.end_date
    return week + dt.timedelta(days=6) >= placement.start_date and (last is None or week <= last)


def list_attendance_for_placement(placement: Placement) -> QuerySet[AttendanceEntry]:
    return placement.attendance.select_related("recorded_by").order_by(
        "-week_start", "-recorded_at", "-id"
    )


def find_placement_for_import(user: User, reference: str) -> Placement | None:
    """A placement of the user's organization by file number or placement UUID (None otherwise:
    another organization's placement looks exactly like an unknown one)."""
    queryset = list_placements_for_organization(user, active_only=False)
    reference = reference.strip()
    try:
        key = uuid.UUID(reference)
    except ValueError:
        return (
            queryset.filter(participant__file_number=reference)
            .order_by("status", "-start_date")
            .first()
        )
    return queryset.filter(uuid=key).first()


# ---------------------------------------------------------------------------------------------
# Waiting lists


def open_waiting_entries() -> QuerySet[WaitingEntry]:
    return WaitingEntry.objects.filter(placed_at__isnull=True, cancelled_at__isnull=True)


def list_waiting_for_organization(user: User) -> QuerySet[WaitingEntry]:
    if not may(user, "paas.view_organization_home") or user.organization_id is None:
        return WaitingEntry.objects.none()
    return (
        open_waiting_entries()
        .filter(organization_id=user.organization_id)
        .select_related("participant", "region")
        .order_by("requested_at", "id")
    )


def organizations_with_free_places(on: dt.date) -> dict[tuple[int, int], int]:
    """Free places by (organization id, region id) on a date, over the covering allocations."""
    free: dict[tuple[int, int], int] = {}
    rows = (
        PlaceAllocation.objects.filter(period_start__lte=on, period_end__gte=on)
        .annotate(occupied=OCCUPIED)
        .values_list("organization_id", "region_id", "places", "occupied")
    )
    for organization_id, region_id, places, occupied in rows:
        key = (organization_id, region_id)
        free[key] = free.get(key, 0) + max(places - occupied, 0)
    return free


def list_free_place_notices_for_caseworker(user: User) -> list[WaitingEntry]:
    """ "A place is free": the first waiting person of each organization that has a free place,
    when that person is one of the caseworker's participants. Nobody is placed automatically."""
    if not may(user, "paas.list_placements"):
        return []
    caseworker = may(user, "participants.hold_caseload")
    free = organizations_with_free_places(timezone.localdate())
    if not any(free.values()):
        return []
    entries = (
        open_waiting_entries()
        .select_related("participant", "organization", "region")
        .order_by("requested_at", "id")
    )
    firsts: list[WaitingEntry] = []
    seen: set[tuple[int, int]] = set()
    for entry in entries:
        key = (entry.organization_id, entry.region_id)
        if key in seen:
            continue
        seen.add(key)
        if free.get(key, 0) > 0:
            firsts.append(entry)
    visible = set(
        Participant.objects.filter(visible_participants_q(user))
        .filter(pk__in=[e.participant_id for e in firsts])
        .values_list("pk", flat=True)
    )
    return [
        entry
        for entry in firsts
        if entry.participant_id in visible
        and (not caseworker or entry.participant.caseworker_id == user.pk)
    ]


def get_waiting_entry_for_user(user: User, entry_uuid: uuid.UUID | str) -> WaitingEntry:
    """An open waiting-list entry of a file the user may change, or 404."""
    try:
        key = uuid.UUID(str(entry_uuid))
    except ValueError as exc:
        raise Http404 from exc
    entry = (
        open_waiting_entries()
        .select_related("participant", "organization")
        .filter(uuid=key, participant__in=Participant.objects.filter(visible_participants_q(user)))
        .first()
    )
    if entry is None or not user.has_perm("participants.change_participant", entry.participant):
        raise Http404
    return entry


def list_waiting_for_participant(participant: Participant) -> QuerySet[WaitingEntry]:
    """A person's open entries on organizations' PAAS Action waiting lists, with what the file's
    PAAS Action section shows of them (24 columns over a join before, on every file page)."""
    return (
        open_waiting_entries()
        .filter(participant=participant)
        .select_related("organization")
        .only("uuid", "requested_at", "organization__name")
    )


# ---------------------------------------------------------------------------------------------
# The organization's home and the ministry view


@dataclass
class OrganizationHome:
    organization: Organization
    allocations: list[PlaceAllocation]
    placements: list[Placement]
    waiting: list[WaitingEntry]
    week: dt.date
    missing_this_week: int
    free_places: int


def organization_home(user: User) -> OrganizationHome | None:
    """What the partner staff home shows about PAAS Action (None for other roles)."""
    organization = user.organization if may(user, "paas.view_organization_home") else None
    if organization is None:
        return None
    today = timezone.localdate()
    allocations = list(
        list_allocations_for_user(user).filter(period_end__gte=today).order_by("period_start")
    )
    placements = list(list_placements_for_organization(user))
    week = week_start(today)
    entered = latest_attendance_by_placement(placements, week)
    for allocation in allocations:
        allocation.free = max(allocation.places - allocation.occupied, 0)  # type: ignore[attr-defined]
    current = [a for a in allocations if a.period_start <= today]
    return OrganizationHome(
        organization=organization,
        allocations=allocations,
        placements=placements,
        waiting=list(list_waiting_for_organization(user)),
        week=week,
        missing_this_week=sum(1 for p in placements if p.pk not in entered),
        free_places=sum(a.free for a in current),  # type: ignore[attr-defined]
    )


def placement_months(
    placement: Placement, allocation: PlaceAllocation, until: dt.date
) -> list[dt.date]:
    """Months of the allocation's period, up to ``until``, in which the placement was active
    at least one day."""
    first = max(placement.start_date, allocation.period_start)
    last = min(placement.end_date or until, allocation.period_end, until)
    if last < first:
        return []
    return month_starts(first, last)


@dataclass
class RegionTotals:
    region: Any
    places: int = 0
    occupied: int = 0
    budget_cents: int = 0
    spent_cents: int = 0
    allocations: list[PlaceAllocation] = field(default_factory=list)

    @property
    def remaining_cents(self) -> int:
        return self.budget_cents - self.spent_cents


def ministry_overview(user: User, today: dt.date | None = None) -> list[RegionTotals]:
    """Allocations, occupancy and spending by region against budget.

    Spending so far is the payment owed to organizations: for each placement, every month of the
    allocation's period up to today in which it was active at least one day, times the monthly
    payment per place in force that month. It is an estimate until monthly statements are
    approved; it does not include participants' allowances or reimbursements.
    """
    if not user.has_perm("paas.view_ministry"):
        return []
    today = today or timezone.localdate()
    allocations = list(
        list_allocations_for_user(user)
        .prefetch_related(
            Prefetch(
                "placements",
                queryset=Placement.objects.only(
                    "id", "allocation_id", "start_date", "end_date", "status"
                ),
            )
        )
        .order_by("region__code", "organization__name", "period_start")
    )
    regions: dict[int, RegionTotals] = {}
    for allocation in allocations:
        totals = regions.setdefault(allocation.region_id, RegionTotals(region=allocation.region))
        spent = sum(
            monthly_payment_per_place_cents(month)
            for placement in allocation.placements.all()
            for month in placement_months(placement, allocation, today)
        )
        allocation.spent_cents = spent  # type: ignore[attr-defined]
        totals.allocations.append(allocation)
        totals.places += allocation.places
        totals.occupied += allocation.occupied  # type: ignore[attr-defined]
        totals.budget_cents += allocation.budget_cents
        totals.spent_cents += spent
    return list(regions.values())
