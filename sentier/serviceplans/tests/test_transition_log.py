"""Every move of a service plan request and of a service plan writes its transition row."""

from __future__ import annotations

from typing import Any

from sentier.core.models import Transition
from sentier.serviceplans import actions, states
from sentier.serviceplans.models import NextStep, ServicePlan, ServicePlanRequest


def moves(obj: Any) -> list[tuple[str, str, str]]:
    lifecycle = states.SERVICE_PLAN if isinstance(obj, ServicePlan) else states.REQUEST
    rows = Transition.objects.filter(object_id=obj.pk, lifecycle=lifecycle.name)
    return [(t.from_status, t.to_status, t.side) for t in rows]


def test_an_approved_request_and_its_plan_log_their_moves(
    personas: dict[str, Any], active_plan: ServicePlan
) -> None:
    assert moves(active_plan.request) == [
        ("", "pending", states.CASEWORKER),
        ("pending", "approved", states.COORDINATOR),
    ]
    actions.end_plan(
        actor=personas["caseworker_laval"], plan=active_plan, reason="Objectifs atteints"
    )
    assert moves(active_plan) == [
        ("", "awaiting_agreement", states.COORDINATOR),
        ("awaiting_agreement", "active", states.STAFF),
        ("active", "ended", states.STAFF),
    ]
    last = Transition.objects.filter(object_id=active_plan.pk, lifecycle="serviceplans.plan").last()
    assert last is not None
    assert (last.actor, last.reason) == (personas["caseworker_laval"], "Objectifs atteints")


def test_a_declined_request_logs_the_reason(
    personas: dict[str, Any], laval_request: ServicePlanRequest
) -> None:
    actions.decline_request(
        actor=personas["coordinator"],
        request=laval_request,
        reason="Un plan d’accompagnement suffit.",
        next_step=NextStep.SUPPORT_PLAN,
    )
    last = Transition.objects.filter(lifecycle="serviceplans.request").last()
    assert last is not None
    assert (last.from_status, last.to_status, last.reason) == (
        "pending",
        "declined",
        "Un plan d’accompagnement suffit.",
    )
