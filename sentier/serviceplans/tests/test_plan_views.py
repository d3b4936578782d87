"""Plan pages: region staff only (the same 404 for other regions), lists with constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentier.serviceplans.models import PlanStatus, ServicePlan, ServicePlanRequest


def test_montreal_caseworker_cannot_see_or_change_a_laval_plan(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    client = client_for("caseworker_montreal")
    objectives = shared_plan.objectives.count()
    for name in ("plan", "add_objective", "add_party", "end", "agreement"):
        assert (
            client.get(reverse(f"serviceplans:{name}", args=[shared_plan.uuid])).status_code == 404
        )
    response = client.post(
        reverse("serviceplans:add_objective", args=[shared_plan.uuid]),
        {"text": "x", "category": "plan", "owner": shared_plan.parties.get(kind="ministry").pk},
    )
    assert response.status_code == 404
    response = client.post(reverse("serviceplans:end", args=[shared_plan.uuid]), {"reason": "x"})
    assert response.status_code == 404
    shared_plan.refresh_from_db()
    assert shared_plan.status == PlanStatus.ACTIVE
    assert shared_plan.objectives.count() == objectives


def test_montreal_caseworker_cannot_see_a_laval_request(
    client_for: Any, laval_request: ServicePlanRequest
) -> None:
    client = client_for("caseworker_montreal")
    assert (
        client.get(reverse("serviceplans:request_detail", args=[laval_request.uuid])).status_code
        == 404
    )
    assert client.get(reverse("serviceplans:decide", args=[laval_request.uuid])).status_code == 404


def test_malformed_and_unknown_ids_are_404(client_for: Any, db: None) -> None:
    client = client_for("coordinator")
    assert client.get("/fr-ca/service-plans/requests/not-a-uuid/").status_code == 404
    assert (
        client.get("/fr-ca/service-plans/00000000-0000-0000-0000-000000000000/").status_code == 404
    )


@pytest.mark.parametrize("persona", ["caseworker_laval", "coordinator", "admin", "partner_opex"])
def test_list_queries_do_not_grow(client_for: Any, persona: str, shared_plan: ServicePlan) -> None:
    client = client_for(persona)
    url = reverse("serviceplans:list")
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second.captured_queries) == len(first.captured_queries)


def test_plan_page_queries_do_not_grow_with_objectives(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan
) -> None:
    from sentier.consent.models import InformationCategory
    from sentier.serviceplans import actions

    client = client_for("coordinator")
    url = reverse("serviceplans:plan", args=[shared_plan.uuid])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    owner = shared_plan.parties.get(kind="ministry")
    for number in range(5):
        objective = actions.add_objective(
            actor=personas["caseworker_laval"],
            plan=shared_plan,
            text=f"Objectif {number}",
            category=InformationCategory.PLAN,
            owner=owner,
        )
        actions.add_action(
            actor=personas["caseworker_laval"], objective=objective, text="Action", owner=owner
        )
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_coordinator_queue_lists_pending_requests(
    client_for: Any, laval_request: ServicePlanRequest
) -> None:
    page = client_for("coordinator").get(reverse("serviceplans:list")).content.decode()
    assert reverse("serviceplans:decide", args=[laval_request.uuid]) in page
