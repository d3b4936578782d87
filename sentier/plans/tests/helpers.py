"""Set up plans through the real actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sentier.plans import actions
from sentier.plans.difficulties import ensure_difficulties
from sentier.plans.models import Channel, Difficulty, SupportPlan


def proposed_plan(personas: dict[str, Any], participant: Any, **kwargs: Any) -> SupportPlan:
    ensure_difficulties()
    today = timezone.localdate()
    return actions.propose_plan(
        actor=kwargs.pop("actor", personas["caseworker_laval"]),
        participant=participant,
        difficulties=kwargs.pop("difficulties", Difficulty.objects.filter(code="debt")),
        purpose=kwargs.pop("purpose", "Get my debts under control"),
        planned_end_on=kwargs.pop("planned_end_on", today + dt.timedelta(days=120)),
        objectives=kwargs.pop("objectives", ["Make a budget", "Meet a budget advisor"]),
        **kwargs,
    )


def active_plan(personas: dict[str, Any], participant: Any, **kwargs: Any) -> SupportPlan:
    plan = proposed_plan(personas, participant, **kwargs)
    return actions.record_agreement(
        actor=personas["caseworker_laval"], plan=plan, channel=Channel.IN_PERSON
    )
