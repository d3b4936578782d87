"""The request form and the coordinator's decision form (JavaScript off: plain POSTs)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from sentier.serviceplans.models import (
    PlanStatus,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)


def test_caseworker_sends_a_request_from_the_form(client_for: Any, laval_participant: Any) -> None:
    url = reverse("serviceplans:request", args=[laval_participant.uuid])
    client = client_for("caseworker_laval")
    assert client.get(url).status_code == 200
    situation = Situation.objects.get(code="major_crisis")
    response = client.post(
        url,
        {
            "situations": [situation.pk],
            "reasons": "Crise du logement",
            "initiator_kind": "ministry",
        },
    )
    request = ServicePlanRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("serviceplans:request_detail", args=[request.uuid])


def test_missing_fields_are_shown_next_to_them_and_kept(
    client_for: Any, laval_participant: Any
) -> None:
    url = reverse("serviceplans:request", args=[laval_participant.uuid])
    response = client_for("caseworker_laval").post(
        url, {"reasons": "Ce que j’ai écrit", "initiator_kind": "organization"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ce que j’ai écrit" in page
    assert not ServicePlanRequest.objects.exists()


def test_rules_refusal_is_shown_on_the_form(client_for: Any, montreal_participant: Any) -> None:
    url = reverse("serviceplans:request", args=[montreal_participant.uuid])
    situation = Situation.objects.get(code="major_crisis")
    response = client_for("caseworker_montreal").post(
        url, {"situations": [situation.pk], "reasons": "x", "initiator_kind": "ministry"}
    )
    assert response.status_code == 400
    assert "06 Montréal" in response.content.decode()
    assert not ServicePlanRequest.objects.exists()


def test_coordinator_decline_without_next_step_changes_nothing(
    client_for: Any, laval_request: ServicePlanRequest
) -> None:
    url = reverse("serviceplans:decide", args=[laval_request.uuid])
    response = client_for("coordinator").post(
        url, {"decision": "decline", "reason": "Un seul réseau"}
    )
    assert response.status_code == 400
    laval_request.refresh_from_db()
    assert laval_request.status == RequestStatus.PENDING
    assert laval_request.decline_reason == ""


def test_coordinator_approves_from_the_decision_page(
    client_for: Any, laval_request: ServicePlanRequest
) -> None:
    url = reverse("serviceplans:decide", args=[laval_request.uuid])
    response = client_for("coordinator").post(url, {"decision": "approve"})
    plan = ServicePlan.objects.get()
    assert response["Location"] == reverse("serviceplans:plan", args=[plan.uuid])
    assert plan.status == PlanStatus.AWAITING_AGREEMENT


def test_caseworker_cannot_open_the_decision_page(
    client_for: Any, laval_request: ServicePlanRequest
) -> None:
    url = reverse("serviceplans:decide", args=[laval_request.uuid])
    assert client_for("caseworker_laval").post(url, {"decision": "approve"}).status_code == 404
    assert not ServicePlan.objects.exists()


def test_caseworker_sees_the_decision_on_home(
    client_for: Any, personas: dict[str, Any], laval_request: ServicePlanRequest
) -> None:
    from sentier.serviceplans import actions

    actions.decline_request(
        actor=personas["coordinator"],
        request=laval_request,
        reason="Un seul réseau",
        next_step="support_plan",
    )
    page = client_for("caseworker_laval").get(reverse("core:home")).content.decode()
    assert "Décisions sur les plans de services" in page or "Service plan decisions" in page
    assert reverse("serviceplans:request_detail", args=[laval_request.uuid]) in page
