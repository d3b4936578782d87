"""The service plan's shared timeline: one :class:`PlanEvent` row per change, tagged with the
information category it belongs to (so a party sees only the rows its consents cover)."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    data: dict[str, Any] | None = None,
    category: str = InformationCategory.PLAN,
    party: Party | None = None,
    at: dt.datetime | None = None,
) -> PlanEvent:
    """Append a row to ``plan``'s timeline; every service-plan action ends with one.

    ``summary`` and ``text`` hold names and text as people wrote them; what the row says in
    words is rendered from ``data`` (codes, numbers) in the reader's language."""
    return PlanEvent.objects.create(
        plan=plan,
        kind=kind,
        actor=actor,
        summary=summary[:300],
        text=text,
        data=data or {},
        category=category,
        party=party,
        occurred_at=at or timezone.now(),
    )
