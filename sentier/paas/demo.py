"""PAAS Action demo: places, placements and attendance for the Laval and Montréal partners."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from sentier.accounts.demo import persona_users
from sentier.accounts.models import User
from sentier.core.clock import acting_at
from sentier.network.models import Organization
from sentier.paas import actions, selectors
from sentier.paas.actions import PlacementOutcome
from sentier.paas.models import PlaceAllocation, Placement, WaitingEntry
from sentier.participants.models import FileStatus, Participant
from sentier.reference.models import Region


def _demo_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The Ministry's fiscal year that contains ``today`` (April 1 to March 31)."""
    year = today.year if today.month >= 4 else today.year - 1
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def _place(
    caseworker: User, participant: Participant, organization: Organization, start: dt.date
) -> PlacementOutcome:
    return actions.place_participant(
        actor=caseworker,
        participant=participant,
        organization=organization,
        start_date=start,
        hours_plan=[
            (start, 6),
            (start + dt.timedelta(weeks=3), 12),
            (start + dt.timedelta(weeks=8), 20),
        ],
        objectives=[
            "Arriver à l’heure aux ateliers",
            "Utiliser un ordinateur pour chercher de l’information",
            "Préparer un budget mensuel",
        ],
        activities=[
            ("formative", "Gestion du stress, budget"),
            ("basic_skills", "Informatique de base"),
            ("social_recreational", "Sortie au musée"),
        ],
    )


def load_demo() -> None:
    """PAAS Action demo (idempotent): places for OPEX’82 in Laval and SORIF in Montréal this
    fiscal year, a few placements with a progressive hours plan, attendance for past weeks, and
    one person on OPEX’82's waiting list. Everything goes through the real actions, each at its
    date: the placements the Thursday before they start, each week's attendance on its Friday."""
    users = persona_users()
    admin = users["admin"]
    today = timezone.localdate()
    start, end = _demo_period(today)
    plans = (
        ("partner_opex", "13", "caseworker_laval", 3, 4),
        ("partner_sorif", "06", "caseworker_montreal", 4, 2),
    )
    for staff_key, region_code, caseworker_key, places, wanted in plans:
        staff, caseworker = users[staff_key], users[caseworker_key]
        organization = staff.organization
        if organization is None:
            continue
        region = Region.objects.get(code=region_code)
        if not PlaceAllocation.objects.filter(
            organization=organization, region=region, period_start=start
        ).exists():
            actions.grant_places(
                actor=admin,
                organization=organization,
                region=region,
                period_start=start,
                period_end=end,
                places=places,
                budget_cents=selectors.allocation_cost_cents(start, end, places),
            )
        already = Placement.objects.filter(organization=organization).count()
        already += WaitingEntry.objects.filter(organization=organization).count()
        if already:
            continue
        first_monday = selectors.week_start(start + dt.timedelta(days=6))
        placement_start = max(selectors.week_start(today) - dt.timedelta(weeks=6), first_monday)
        placed_on = timezone.make_aware(
            dt.datetime.combine(placement_start - dt.timedelta(days=4), dt.time(10))
        )
        candidates = list(
            Participant.objects.filter(
                region=region,
                caseworker=caseworker,
                status=FileStatus.ACTIVE,
            ).order_by(F("user_id").desc(nulls_last=True), "file_number")[:wanted]
        )
        for step, participant in enumerate(candidates):
            with acting_at(min(placed_on + dt.timedelta(minutes=15 * step), timezone.now())):
                outcome = _place(caseworker, participant, organization, placement_start)
            placement = outcome.placement
            if placement is None:
                continue
            week = placement_start
            while week < selectors.week_start(today):
                planned = selectors.planned_hours(placement, week) or 0
                friday = dt.datetime.combine(week + dt.timedelta(days=4), dt.time(16, 10 * step))
                with acting_at(min(timezone.make_aware(friday), timezone.now())):
                    actions.record_attendance(
                        actor=staff,
                        placement=placement,
                        week_start=week,
                        hours=Decimal(max(planned - (week.toordinal() // 7) % 3, 0)),
                    )
                week += dt.timedelta(weeks=1)
