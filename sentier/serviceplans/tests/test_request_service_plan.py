"""request_service_plan: the caseworker's request, checked by the rules (where and when the
Ministry may initiate a service plan)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.decisions.models import Decision
from sentier.participants.models import TimelineEvent
from sentier.serviceplans import actions
from sentier.serviceplans.models import InitiatorKind, RequestStatus, ServicePlanRequest
from sentier.serviceplans.timeline_kinds import ServicePlanEventKind


def test_caseworker_requests_a_plan_for_the_coordinator(laval_request: Any) -> None:
    assert laval_request.status == RequestStatus.PENDING
    assert laval_request.region.code == "13"
    assert laval_request.rules_decision.eligible
    assert set(laval_request.situations.values_list("code", flat=True)) == {
        "major_crisis",
        "needs_several_services",
    }
    assert TimelineEvent.objects.filter(
        participant=laval_request.participant, kind=ServicePlanEventKind.SERVICE_PLAN_REQUESTED
    ).exists()


def test_ministry_cannot_initiate_where_the_rules_say_no(
    personas: dict[str, Any], montreal_participant: Any, situations: Any
) -> None:
    decisions = Decision.objects.count()
    events = TimelineEvent.objects.filter(participant=montreal_participant).count()
    with pytest.raises(ValidationError) as refused:
        actions.request_service_plan(
            actor=personas["caseworker_montreal"],
            participant=montreal_participant,
            situations=situations,
            reasons="Crise",
            initiator_kind=InitiatorKind.MINISTRY,
        )
    assert "Montréal" in refused.value.message_dict["initiator_kind"][0]
    assert not ServicePlanRequest.objects.exists()
    assert Decision.objects.count() == decisions
    assert TimelineEvent.objects.filter(participant=montreal_participant).count() == events


def test_ministry_may_join_a_plan_initiated_by_another_body_in_montreal(
    personas: dict[str, Any], montreal_participant: Any, situations: Any
) -> None:
    request = actions.request_service_plan(
        actor=personas["caseworker_montreal"],
        participant=montreal_participant,
        situations=situations,
        reasons="Le CIUSSS a amorcé un plan de services.",
        initiator_kind=InitiatorKind.OTHER_MINISTRY,
        initiator_name="CIUSSS du Centre-Sud-de-l’Île-de-Montréal",
    )
    assert request.initiator_label.endswith("CIUSSS du Centre-Sud-de-l’Île-de-Montréal")
    assert request.rules_decision is not None
    assert request.rules_decision.reasons[2]["code"] == "ministry_collaborates"


def test_request_needs_a_situation_a_reason_and_the_other_initiator_named(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        actions.request_service_plan(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            situations=[],
            reasons=" ",
            initiator_kind=InitiatorKind.ORGANIZATION,
        )
    assert set(refused.value.message_dict) == {"situations", "reasons", "initiator_name"}
    assert not ServicePlanRequest.objects.exists()


def test_montreal_caseworker_cannot_request_for_a_laval_file(
    personas: dict[str, Any], laval_participant: Any, situations: Any
) -> None:
    with pytest.raises(PermissionDenied):
        actions.request_service_plan(
            actor=personas["caseworker_montreal"],
            participant=laval_participant,
            situations=situations,
            reasons="x",
            initiator_kind=InitiatorKind.MINISTRY,
        )
    assert not ServicePlanRequest.objects.exists()


def test_a_second_pending_request_is_refused(
    personas: dict[str, Any], laval_request: Any, situations: Any
) -> None:
    with pytest.raises(ValidationError):
        actions.request_service_plan(
            actor=personas["caseworker_laval"],
            participant=laval_request.participant,
            situations=situations,
            reasons="encore",
            initiator_kind=InitiatorKind.MINISTRY,
        )
    assert ServicePlanRequest.objects.count() == 1
