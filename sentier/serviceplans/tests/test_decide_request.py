"""The coordinator's decision: approve (the plan opens) or decline with a reason AND a next step."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.participants.models import TimelineEvent
from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    NextStep,
    PartyKind,
    PlanStatus,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
)
from sentier.serviceplans.timeline_kinds import ServicePlanEventKind


def _unchanged(request: ServicePlanRequest) -> None:
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
    assert request.decided_by is None
    assert request.decline_reason == ""
    assert request.next_step == ""
    assert not ServicePlan.objects.exists()
    assert not TimelineEvent.objects.filter(
        participant=request.participant, kind=ServicePlanEventKind.SERVICE_PLAN_DECIDED
    ).exists()


def test_decline_without_a_reason_is_refused(personas: dict[str, Any], laval_request: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        actions.decline_request(
            actor=personas["coordinator"],
            request=laval_request,
            reason="  ",
            next_step=NextStep.SUPPORT_PLAN,
        )
    assert list(refused.value.message_dict) == ["reason"]
    _unchanged(laval_request)


def test_decline_without_a_next_step_is_refused(
    personas: dict[str, Any], laval_request: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        actions.decline_request(
            actor=personas["coordinator"],
            request=laval_request,
            reason="Un seul réseau",
            next_step="",
        )
    assert list(refused.value.message_dict) == ["next_step"]
    _unchanged(laval_request)


def test_other_next_step_must_be_described(personas: dict[str, Any], laval_request: Any) -> None:
    with pytest.raises(ValidationError):
        actions.decline_request(
            actor=personas["coordinator"],
            request=laval_request,
            reason="Un seul réseau",
            next_step=NextStep.OTHER,
        )
    _unchanged(laval_request)


def test_decline_with_reason_and_next_step(personas: dict[str, Any], laval_request: Any) -> None:
    declined = actions.decline_request(
        actor=personas["coordinator"],
        request=laval_request,
        reason="Un seul réseau intervient",
        next_step=NextStep.SUPPORT_PLAN,
    )
    assert declined.status == RequestStatus.DECLINED
    assert declined.decided_by == personas["coordinator"]
    assert TimelineEvent.objects.filter(kind=ServicePlanEventKind.SERVICE_PLAN_DECIDED).count() == 1


def test_caseworker_cannot_decide(personas: dict[str, Any], laval_request: Any) -> None:
    with pytest.raises(PermissionDenied):
        actions.approve_request(actor=personas["caseworker_laval"], request=laval_request)
    _unchanged(laval_request)


def test_approval_opens_the_plan_waiting_for_agreement(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    assert approved_plan.status == PlanStatus.AWAITING_AGREEMENT
    assert approved_plan.coordinator == personas["coordinator"]
    assert list(approved_plan.parties.values_list("kind", flat=True)) == [PartyKind.MINISTRY]
    assert approved_plan.request.status == RequestStatus.APPROVED


def test_a_decided_request_cannot_be_decided_again(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    with pytest.raises(ValidationError):
        actions.decline_request(
            actor=personas["coordinator"],
            request=approved_plan.request,
            reason="x",
            next_step=NextStep.REFERRAL,
        )
    approved_plan.request.refresh_from_db()
    assert approved_plan.request.status == RequestStatus.APPROVED
