"""Setting up PAAS Action state through the real actions, for the tests of this package."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sentier.network.models import Organization
from sentier.paas import actions, selectors
from sentier.paas.models import PlaceAllocation, Placement
from sentier.participants.actions import open_participant_file
from sentier.participants.models import Participant
from sentier.reference.models import Program, Region


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def this_week() -> dt.date:
    return selectors.week_start(timezone.localdate())


def period() -> tuple[dt.date, dt.date]:
    """From the first day of the month three months ago to the end of the month in six months."""
    today = timezone.localdate()
    start = today.replace(day=1)
    for _ in range(3):
        start = (start - dt.timedelta(days=1)).replace(day=1)
    end = today
    for _ in range(6):
        end = selectors.last_day_of_month(end) + dt.timedelta(days=1)
    return start, selectors.last_day_of_month(end)


def grant(
    personas: dict[str, Any], organization: Organization, code: str, places: int = 2
) -> PlaceAllocation:
    """Places for ``organization`` in region ``code`` over ``period()``, with the exact budget."""
    start, end = period()
    return actions.grant_places(
        actor=personas["admin"],
        organization=organization,
        region=region(code),
        period_start=start,
        period_end=end,
        places=places,
        budget_cents=selectors.allocation_cost_cents(start, end, places),
    )


def start_date() -> dt.date:
    """A Monday about five weeks ago: the placement has past weeks to record."""
    return this_week() - dt.timedelta(weeks=5)


def place(
    personas: dict[str, Any],
    participant: Participant,
    organization: Organization,
    caseworker: str = "caseworker_laval",
    first_hours: int = 6,
) -> actions.PlacementOutcome:
    start = start_date()
    return actions.place_participant(
        actor=personas[caseworker],
        participant=participant,
        organization=organization,
        start_date=start,
        hours_plan=[
            (start, first_hours),
            (start + dt.timedelta(weeks=2), 12),
            (start + dt.timedelta(weeks=4), 20),
        ],
        objectives=["Arriver à l’heure", "Utiliser un ordinateur"],
        activities=[("basic_skills", "Informatique"), ("formative", "Budget")],
    )


def placed(
    personas: dict[str, Any], participant: Participant, organization: Organization
) -> Placement:
    outcome = place(personas, participant, organization)
    assert outcome.placement is not None
    return outcome.placement


def laval_file(personas: dict[str, Any], first_name: str = "Jeanne") -> Participant:
    """Another Laval file, assigned to the Laval caseworker."""
    return open_participant_file(
        actor=personas["admin"],
        first_name=first_name,
        last_name="Côté",
        region=region("13"),
        program=Program.objects.get(code="PAS"),
        caseworker=personas["caseworker_laval"],
    )


def opex(personas: dict[str, Any]) -> Organization:
    organization: Organization = personas["partner_opex"].organization
    return organization


def sorif(personas: dict[str, Any]) -> Organization:
    organization: Organization = personas["partner_sorif"].organization
    return organization
