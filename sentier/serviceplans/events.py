"""The service plan's shared timeline: one :class:`PlanEvent` row per change, tagged with the
information category it belongs to (so a party sees only the rows its consents cover)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.models import InformationCategory
from sentier.serviceplans.models import Party, PlanEvent, ServicePlan


def record_plan_event(
    plan: ServicePlan,
    kind: str,
    actor: User | None,
    *,
    summary: str = "",
    text: str = "",
    category: str = InformationCategory.PLAN,
    party: Party | None = None,
    at: dt.datetime | None = None,
) -> PlanEvent:
    """Append a row to ``plan``'s timeline; every service-plan action ends with one."""
    return PlanEvent.objects.create(
        plan=plan,
        kind=kind,
        actor=actor,
        summary=summary[:300],
        text=text,
        category=category,
        party=party,
        occurred_at=at or timezone.now(),
    )
