"""Every write of PAAS Action: check permission, change, then record it.

Refusals raise :class:`~django.core.exceptions.ValidationError` keyed by the form field they are
about (views show them next to the field) and change nothing. Placement and exit events go on
the participant's timeline; attendance entries are their own append-only record (who, when).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.core import formatting
from sentier.core.formatting import long_date
from sentier.decisions.actions import decide_for_participant
from sentier.decisions.models import Decision, Measure
from sentier.network.models import Organization
from sentier.paas import selectors, states
from sentier.paas.models import (
    ActivityCategory,
    AttendanceEntry,
    ExitOutcome,
    HoursStep,
    ObjectiveStatus,
    PlaceAllocation,
    Placement,
    PlacementActivity,
    PlacementObjective,
    PlacementStatus,
    WaitingEntry,
)
from sentier.paas.timeline_kinds import PaasEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import Participant
from sentier.reference.models import Region

# ---------------------------------------------------------------------------------------------
# Places


@transaction.atomic
def grant_places(
    *,
    actor: User,
    organization: Organization,
    region: Region,
    period_start: dt.date,
    period_end: dt.date,
    places: int,
    budget_cents: int,
) -> PlaceAllocation:
    """Grant a non-profit organization places in a region for whole months, within a budget."""
    if not actor.has_perm("paas.grant_places", region):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not organization.non_profit:
        errors.setdefault("organization", []).append(
            _(
                "Only non-profit organizations can receive PAAS Action places: "
                "%(name)s is not a non-profit organization."
            )
            % {"name": organization.name}
        )
    if period_start.day != 1:
        errors.setdefault("period_start", []).append(
            _("The period starts on the first day of a month.")
        )
    if period_end != selectors.last_day_of_month(period_end):
        errors.setdefault("period_end", []).append(_("The period ends on the last day of a month."))
    if period_end < period_start:
        errors.setdefault("period_end", []).append(_("The period ends after it starts."))
    if places < 1:
        errors.setdefault("places", []).append(_("Grant at least one place."))
    if budget_cents < 0:
        errors.setdefault("budget", []).append(_("The budget cannot be negative."))
    if not errors:
        cost = selectors.allocation_cost_cents(period_start, period_end, places)
        if cost > budget_cents:
            errors.setdefault("budget", []).append(
                _(
                    "The budget does not cover these places: %(places)s places for %(months)s "
                    "months cost %(cost)s, more than the budget of %(budget)s."
                )
                % {
                    "places": places,
                    "months": len(selectors.month_starts(period_start, period_end)),
                    "cost": _money(cost),
                    "budget": _money(budget_cents),
                }
            )
    if errors:
        raise ValidationError(errors)
    return PlaceAllocation.objects.create(
        organization=organization,
        region=region,
        period_start=period_start,
        period_end=period_end,
        places=places,
        budget_cents=budget_cents,
        granted_by=actor,
    )


def _money(cents: int) -> str:
    return formatting.cents(cents)


# ---------------------------------------------------------------------------------------------
# Placements


@dataclass
class PlacementOutcome:
    """A placement, or — when no place was free — the waiting-list entry."""

    placement: Placement | None = None
    waiting: WaitingEntry | None = None
    decision: Decision | None = None


class IneligibleError(Exception):
    """The rules said no: the decision (kept in the file) holds the reasons."""

    def __init__(self, decision: Decision) -> None:
        super().__init__("not eligible")
        self.decision = decision


def check_hours_plan(steps: Sequence[tuple[dt.date, int]], start_date: dt.date) -> list[str]:
    """Problems with a progressive hours plan (empty when it is fine)."""
    problems: list[str] = []
    if not steps:
        return [_("Give at least one step of the hours plan.")]
    if steps[0][0] != start_date:
        problems.append(_("The first step of the hours plan starts on the start date."))
    limit = selectors.max_weekly_hours(start_date)
    previous: dt.date | None = None
    for day, hours in steps:
        if hours < 1 or hours > limit:
            problems.append(
                _("Each step is between 1 and %(limit)s hours a week (%(hours)s given).")
                % {"limit": limit, "hours": hours}
            )
        if previous is not None and day <= previous:
            problems.append(_("The dates of the steps must increase."))
        previous = day
    return problems


@transaction.atomic
def _create_placement(
    *,
    actor: User,
    participant: Participant,
    organization: Organization,
    start_date: dt.date,
    hours_plan: Sequence[tuple[dt.date, int]],
    objectives: Iterable[str],
    activities: Iterable[tuple[str, str]],
    decision: Decision,
) -> PlacementOutcome:
    # Lock the covering allocations so that two caseworkers cannot take the last place together
    # (PostgreSQL refuses FOR UPDATE with GROUP BY: lock first, then count).
    allocations = list(
        selectors.covering_allocations(
            organization, participant.region_id, start_date
        ).select_for_update()
    )
    if not allocations:
        raise ValidationError({"organization": _no_places_message(organization, start_date)})
    allocation = next((a for a in allocations if selectors.free_places(a) > 0), None)
    if allocation is None:
        waiting = open_waiting_entry(participant, organization)
        if waiting is None:
            waiting = WaitingEntry.objects.create(
                participant=participant,
                organization=organization,
                region_id=participant.region_id,
                decision=decision,
                added_by=actor,
            )
            add_event(
                participant=participant,
                kind=PaasEventKind.PAAS_WAITING_LISTED,
                actor=actor,
                summary=organization.name,
                data={"organization": str(organization.uuid), "waiting": str(waiting.uuid)},
            )
        return PlacementOutcome(waiting=waiting, decision=decision)
    placement = Placement.objects.create(
        participant=participant,
        allocation=allocation,
        organization=organization,
        decision=decision,
        start_date=start_date,
        placed_by=actor,
    )
    states.PLACEMENT.start(placement, side=states.CASEWORKER, actor=actor)
    HoursStep.objects.bulk_create(
        [HoursStep(placement=placement, from_date=day, weekly_hours=h) for day, h in hours_plan]
    )
    PlacementObjective.objects.bulk_create(
        [PlacementObjective(placement=placement, text=text) for text in objectives if text.strip()]
    )
    PlacementActivity.objects.bulk_create(
        [
            PlacementActivity(placement=placement, category=category, description=description)
            for category, description in activities
        ]
    )
    open_waiting_entries = selectors.open_waiting_entries().filter(
        participant=participant, organization=organization
    )
    open_waiting_entries.update(placed_at=timezone.now())
    add_event(
        participant=participant,
        kind=PaasEventKind.PAAS_PLACEMENT_STARTED,
        actor=actor,
        summary=organization.name,
        data={
            "placement": str(placement.uuid),
            "organization": str(organization.uuid),
            "start_date": start_date.isoformat(),
            "hours_plan": [[day.isoformat(), hours] for day, hours in hours_plan],
        },
    )
    return PlacementOutcome(placement=placement, decision=decision)


def _no_places_message(organization: Organization, start_date: dt.date) -> str:
    return _("%(name)s has no PAAS Action places in the participant's region on %(day)s.") % {
        "name": organization.name,
        "day": long_date(start_date),
    }


def open_waiting_entry(participant: Participant, organization: Organization) -> WaitingEntry | None:
    return (
        selectors.open_waiting_entries()
        .filter(participant=participant, organization=organization)
        .first()
    )


def place_participant(
    *,
    actor: User,
    participant: Participant,
    organization: Organization,
    start_date: dt.date,
    hours_plan: Sequence[tuple[dt.date, int]],
    objectives: Iterable[str] = (),
    activities: Iterable[tuple[str, str]] = (),
) -> PlacementOutcome:
    """Place a participant with an organization on a free place, or put them on its waiting list.

    The rules decide eligibility first, with the hours of the plan's first step; the decision is
    kept in the file even when it says no (then :class:`IneligibleError` is raised and nothing
    else is written).
    """
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    plan = sorted(hours_plan, key=lambda step: step[0]) if hours_plan else []
    if problems := check_hours_plan(list(hours_plan), start_date):
        errors["hours_plan"] = problems
    if not organization.non_profit:
        errors.setdefault("organization", []).append(
            _("Only non-profit organizations can welcome PAAS Action participants.")
        )
    for category, _description in activities:
        if category not in ActivityCategory.values:
            errors.setdefault("activities", []).append(_("Choose activities from the catalog."))
    if not selectors.covering_allocations(organization, participant.region_id, start_date).exists():
        errors.setdefault("organization", []).append(_no_places_message(organization, start_date))
    if selectors.active_placement(participant) is not None:
        errors.setdefault("organization", []).append(
            _("This person already has an active PAAS Action placement: end it first.")
        )
    if errors:
        raise ValidationError(errors)
    decision = decide_for_participant(
        actor=actor,
        participant=participant,
        measure=Measure.PAAS_ACTION,
        date=start_date,
        weekly_hours=plan[0][1],
    )
    if not decision.eligible:
        raise IneligibleError(decision)
    return _create_placement(
        actor=actor,
        participant=participant,
        organization=organization,
        start_date=start_date,
        hours_plan=plan,
        objectives=list(objectives),
        activities=list(activities),
        decision=decision,
    )


@transaction.atomic
def end_placement(
    *,
    actor: User,
    placement: Placement,
    end_date: dt.date,
    outcome: str,
    note: str = "",
) -> Placement:
    """End a placement (voluntary, at any time, no penalty); the place is free again."""
    if not actor.has_perm("paas.end_placement", placement):
        raise PermissionDenied
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    errors: dict[str, str] = {}
    if placement.status != PlacementStatus.ACTIVE:
        errors["end_date"] = _("This placement has already ended.")
    elif end_date < placement.start_date:
        errors["end_date"] = _("The end date cannot be before the start date (%(day)s).") % {
            "day": long_date(placement.start_date)
        }
    if outcome not in ExitOutcome.values:
        errors["outcome"] = _("Choose an outcome.")
    if errors:
        raise ValidationError(errors)
    states.PLACEMENT.apply(
        placement,
        PlacementStatus.ENDED,
        side=states.PLACEMENT.side_of(actor, placement) or states.CASEWORKER,
        actor=actor,
        reason=note,
    )
    placement.end_date = end_date
    placement.exit_outcome = outcome
    placement.exit_note = note
    placement.save(update_fields=["status", "end_date", "exit_outcome", "exit_note"])
    add_event(
        participant=placement.participant,
        kind=PaasEventKind.PAAS_PLACEMENT_ENDED,
        actor=actor,
        summary=placement.organization.name,
        data={
            "placement": str(placement.uuid),
            "end_date": end_date.isoformat(),
            "outcome": outcome,
        },
    )
    return placement


@transaction.atomic
def withdraw_from_waiting_list(*, actor: User, entry: WaitingEntry) -> WaitingEntry:
    """Take a person off a waiting list (they no longer wish to wait, or were placed elsewhere)."""
    if not actor.has_perm("participants.change_participant", entry.participant):
        raise PermissionDenied
    if entry.cancelled_at is None and entry.placed_at is None:
        entry.cancelled_at = timezone.now()
        entry.save(update_fields=["cancelled_at"])
    return entry


# ---------------------------------------------------------------------------------------------
# Objectives


@transaction.atomic
def add_objective(*, actor: User, placement: Placement, text: str) -> PlacementObjective:
    """The organization sets a personalized objective (002: its duty)."""
    if not actor.has_perm("paas.follow_up_objectives", placement):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError({"text": _("Write the objective.")})
    return PlacementObjective.objects.create(placement=placement, text=text.strip()[:300])


@transaction.atomic
def follow_up_objective(
    *,
    actor: User,
    objective: PlacementObjective,
    status: str,
    follow_up: str,
    evaluation: str,
) -> PlacementObjective:
    """The organization records the follow-up and evaluation of an objective (history keeps the
    earlier versions)."""
    if not actor.has_perm("paas.follow_up_objectives", objective.placement):
        raise PermissionDenied
    if status not in ObjectiveStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    objective.status = status
    objective.follow_up = follow_up
    objective.evaluation = evaluation
    objective.save(update_fields=["status", "follow_up", "evaluation", "updated_at"])
    return objective


# ---------------------------------------------------------------------------------------------
# Attendance


HOURS_IN_A_WEEK = 168


def parse_hours(raw: object) -> Decimal:
    """Hours as typed ("7", "7.5", "7,5"); ValidationError if not a number with one decimal."""
    text = str(raw).strip().replace(",", ".")
    try:
        hours = Decimal(text)
    except InvalidOperation as exc:
        raise ValidationError(
            _("“%(value)s” is not a number of hours.") % {"value": str(raw)}
        ) from exc
    if not hours.is_finite():
        raise ValidationError(_("“%(value)s” is not a number of hours.") % {"value": str(raw)})
    if abs(hours) > HOURS_IN_A_WEEK:
        # Before quantize(), which cannot give 1e308 a decimal (InvalidOperation).
        raise ValidationError(
            _("A week has %(limit)s hours: “%(value)s” cannot be right.")
            % {"limit": HOURS_IN_A_WEEK, "value": str(raw)}
        )
    if hours != hours.quantize(Decimal("0.1")):
        raise ValidationError(_("Give hours with at most one decimal (for example 7.5)."))
    return hours


def check_attendance(placement: Placement, week: dt.date, hours: Decimal) -> None:
    """Refuse hours that cannot be right: negative, over the weekly maximum, outside the
    placement's dates, a week that has not started, a day that is not a Monday."""
    if week.weekday() != 0:
        raise ValidationError(
            _("A week starts on a Monday: %(day)s is not a Monday.") % {"day": long_date(week)}
        )
    # The week first: the rules have no weekly maximum for a week in the year 1.
    if week > timezone.localdate():
        raise ValidationError(_("This week has not started yet."))
    if not selectors.attended_in_week(placement, week):
        raise ValidationError(
            _("The week of %(day)s is outside the placement's dates.") % {"day": long_date(week)}
        )
    if hours < 0:
        raise ValidationError(_("Hours cannot be negative."))
    limit = selectors.max_weekly_hours(week)
    if hours > limit:
        raise ValidationError(
            _("At most %(limit)s hours a week can be recorded (%(hours)s given).")
            % {"limit": limit, "hours": hours}
        )


@transaction.atomic
def record_attendance(
    *,
    actor: User,
    placement: Placement,
    week_start: dt.date,
    hours: Decimal,
    note: str = "",
) -> AttendanceEntry:
    """Record the hours of one week. A second entry for the same week is a correction that points
    to the entry it replaces; the same hours again record nothing new."""
    if not actor.has_perm("paas.record_attendance", placement):
        raise PermissionDenied
    check_attendance(placement, week_start, hours)
    previous = selectors.latest_attendance(placement, week_start)
    if previous is not None and previous.hours == hours:
        return previous
    return AttendanceEntry.objects.create(
        placement=placement,
        week_start=week_start,
        hours=hours,
        corrects=previous,
        note=note[:300],
        recorded_by=actor,
    )


@dataclass
class AttendanceRow:
    """One line of a group entry or an import: what was asked, and what happened."""

    line: int
    reference: str
    week: str
    hours: str
    placement: Placement | None = None
    errors: list[str] = field(default_factory=list)
    outcome: str = ""  # "new", "correction", "unchanged"

    @property
    def ok(self) -> bool:
        return not self.errors


def check_attendance_row(actor: User, row: AttendanceRow) -> tuple[dt.date, Decimal] | None:
    """Resolve and check one row; fills ``row.errors`` / ``row.outcome``."""
    row.placement = selectors.find_placement_for_import(actor, row.reference)
    if row.placement is None:
        row.errors.append(
            _("No placement of your organization has the file number or identifier “%(ref)s”.")
            % {"ref": row.reference}
        )
    try:
        week = dt.date.fromisoformat(row.week.strip())
    except ValueError:
        row.errors.append(
            _("“%(value)s” is not a date (write it as YYYY-MM-DD).") % {"value": row.week}
        )
        week = None
    try:
        hours = parse_hours(row.hours)
    except ValidationError as error:
        row.errors.extend(error.messages)
        hours = None
    if row.errors or week is None or hours is None or row.placement is None:
        return None
    try:
        check_attendance(row.placement, week, hours)
    except ValidationError as error:
        row.errors.extend(error.messages)
        return None
    previous = selectors.hours_of_week(row.placement, week)
    row.outcome = "new" if previous is None else "unchanged" if previous == hours else "correction"
    return week, hours


def import_attendance(
    *, actor: User, rows: list[AttendanceRow], dry_run: bool
) -> list[AttendanceRow]:
    """Check every row (dry run) or record the correct ones (import); rows with errors are
    reported and skipped. Each recorded row is a new entry: nothing saved before is lost."""
    seen: set[tuple[int, dt.date]] = set()
    for row in rows:
        checked = check_attendance_row(actor, row)
        if checked is None or row.placement is None:
            continue
        week, hours = checked
        if (row.placement.pk, week) in seen:
            row.errors.append(_("This week is given twice for the same person."))
            row.outcome = ""
            continue
        seen.add((row.placement.pk, week))
        if not dry_run and row.outcome != "unchanged":
            record_attendance(actor=actor, placement=row.placement, week_start=week, hours=hours)
    return rows


@transaction.atomic
def record_group_attendance(
    *, actor: User, week: dt.date, hours_by_placement: dict[Placement, Decimal]
) -> int:
    """The group screen: record every changed figure of one week at once, all or nothing.
    Returns how many entries were written. The screen sends back every figure it shows: the
    week's entries are read in one query, and only the changed ones are recorded."""
    written = 0
    latest = selectors.latest_attendance_by_placement(list(hours_by_placement), week)
    for placement, hours in hours_by_placement.items():
        previous = latest.get(placement.pk)
        if previous is not None and previous.hours == hours:
            continue
        record_attendance(actor=actor, placement=placement, week_start=week, hours=hours)
        written += 1
    return written
