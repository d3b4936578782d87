"""Big plans for the query-count test and the benchmark (bulk rows, after a real agreement)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sentier.participants.models import TimelineEvent
from sentier.plans.models import FollowUp, FollowUpMode, Objective, PlanAction, SupportPlan
from sentier.plans.tests.helpers import active_plan
from sentier.plans.timeline_kinds import SupportPlanEventKind


def grow_plan(
    plan: SupportPlan,
    *,
    objectives: int,
    actions: int,
    follow_ups: int,
    events: int,
    actor: Any = None,
) -> SupportPlan:
    """Add objectives, actions spread over them, follow-ups and plan timeline events."""
    start = plan.objectives.count()
    made = Objective.objects.bulk_create(
        [
            Objective(plan=plan, text=f"Objective {start + n + 1}", position=start + n + 1)
            for n in range(objectives)
        ]
    )
    targets = made or list(plan.objectives.all())
    today = timezone.localdate()
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                objective=targets[n % len(targets)] if n % 5 else None,
                what=f"Action {n + 1}",
                who="together",
                due_on=today + dt.timedelta(days=n % 60),
            )
            for n in range(actions)
        ]
    )
    now = timezone.now()
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                plan=plan,
                scheduled_for=now + dt.timedelta(days=n - follow_ups // 2),
                mode=FollowUpMode.PHONE,
            )
            for n in range(follow_ups)
        ]
    )
    TimelineEvent.objects.bulk_create(
        [
            TimelineEvent(
                participant=plan.participant,
                kind=SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
                actor=actor,
                summary=f"Change {n}",
                data={"plan": str(plan.uuid), "what": "objective"},
                occurred_at=now - dt.timedelta(minutes=n),
            )
            for n in range(events)
        ]
    )
    return plan


def big_plan(personas: dict[str, Any], participant: Any, **sizes: int) -> SupportPlan:
    plan = active_plan(personas, participant)
    return grow_plan(plan, actor=personas["caseworker_laval"], **sizes)
