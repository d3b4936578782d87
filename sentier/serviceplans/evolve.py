"""A personalized support plan evolves into a service plan, carrying its objectives (000, 001).

The caseworker who runs the support plan asks for it (a service plan request that names the
support plan); nothing changes to the support plan until the coordinator approves. On approval,
its objectives and actions are copied into the service plan (owned by the Ministry party, tagged
"objectives and progress of my plan" until the caseworker re-tags them), and the support plan
ends through the support-plan app's own action with the reason "evolved into a service plan",
on behalf of the caseworker who asked for it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.consent.models import InformationCategory
from sentier.plans import actions as support_actions
from sentier.plans import states as support_states
from sentier.plans.models import ActionStatus, EndReason, ObjectiveStatus, SupportPlan
from sentier.serviceplans.events import record_plan_event
from sentier.serviceplans.models import (
    ItemStatus,
    Objective,
    Party,
    PlanAction,
    PlanEventKind,
    ServicePlan,
)

OBJECTIVE_STATUS = {
    ObjectiveStatus.OPEN: ItemStatus.IN_PROGRESS,
    ObjectiveStatus.ATTAINED: ItemStatus.DONE,
    ObjectiveStatus.NOT_ATTAINED: ItemStatus.ON_HOLD,
    ObjectiveStatus.DROPPED: ItemStatus.ABANDONED,
}
ACTION_STATUS = {
    ActionStatus.PLANNED: ItemStatus.PLANNED,
    ActionStatus.IN_PROGRESS: ItemStatus.IN_PROGRESS,
    ActionStatus.DONE: ItemStatus.DONE,
    ActionStatus.ON_HOLD: ItemStatus.ON_HOLD,
    ActionStatus.ABANDONED: ItemStatus.ABANDONED,
    ActionStatus.CANCELLED: ItemStatus.ABANDONED,
}


def carry_support_plan(*, actor: User, plan: ServicePlan, owner: Party, at: dt.datetime) -> int:
    """Copy the support plan's objectives and actions into ``plan`` and end the support plan.
    Called inside :func:`~sentier.serviceplans.actions.approve_request`'s transaction."""
    request = plan.request
    if request.support_plan_uuid is None:
        return 0
    support_plan = (
        SupportPlan.objects.filter(uuid=request.support_plan_uuid, participant=plan.participant)
        .prefetch_related("objectives", "actions")
        .first()
    )
    if support_plan is None:
        return 0
    source = _("the personalized support plan")
    by_objective: dict[int, Objective] = {}
    for old in support_plan.objectives.all():
        by_objective[old.pk] = Objective.objects.create(
            plan=plan,
            text=old.text,
            category=InformationCategory.PLAN,
            owner=owner,
            status=OBJECTIVE_STATUS.get(ObjectiveStatus(old.status), ItemStatus.IN_PROGRESS),
            carried_from=source,
            created_by=actor,
            created_at=at,
        )
    for old_action in support_plan.actions.all():
        objective = by_objective.get(old_action.objective_id or 0)
        if objective is None:
            continue
        detail = f" ({old_action.who_detail})" if old_action.who_detail else ""
        PlanAction.objects.create(
            objective=objective,
            text=f"{old_action.what}{detail}"[:500],
            owner=owner,
            status=ACTION_STATUS.get(ActionStatus(old_action.status), ItemStatus.PLANNED),
            due_on=old_action.due_on,
            created_by=actor,
            created_at=at,
        )
    record_plan_event(
        plan,
        PlanEventKind.OBJECTIVE_ADDED,
        actor,
        data={"carried": len(by_objective)},
        at=at,
    )
    if support_plan.status in support_states.RUNNING:
        # The caseworker asked for the evolution; the support plan ends on their behalf.
        try:
            with transaction.atomic():
                support_actions.end_plan(
                    actor=request.requested_by,
                    plan=support_plan,
                    reason=EndReason.EVOLVED_TO_SERVICE_PLAN,
                    note=_("Evolved into a service plan approved by %(who)s.") % {"who": actor},
                )
        except (PermissionDenied, ValidationError):
            record_plan_event(
                plan,
                PlanEventKind.NOTE,
                actor,
                data={"notice": "support_plan_not_ended"},  # PlanEvent.body words it
                at=at,
            )
    return len(by_objective)
