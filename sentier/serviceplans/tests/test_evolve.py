"""A personalized support plan evolves into a service plan, carrying its objectives."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sentier.plans import actions as support_actions
from sentier.plans.models import EndReason, PlanStatus, SupportPlan
from sentier.plans.tests.helpers import active_plan as active_support_plan
from sentier.serviceplans import actions
from sentier.serviceplans.actions import request_evolution
from sentier.serviceplans.models import ItemStatus, ServicePlanRequest


@pytest.fixture
def support_plan(personas: dict[str, Any], laval_participant: Any) -> SupportPlan:
    plan = active_support_plan(personas, laval_participant)
    objective = plan.objectives.first()
    support_actions.add_action(
        actor=personas["caseworker_laval"],
        plan=plan,
        what="Rencontrer une conseillère budgétaire",
        who="together",
        objective=objective,
    )
    return plan


def test_pap_evolves_into_a_service_plan_carrying_its_objectives(
    personas: dict[str, Any], support_plan: SupportPlan, situations: Any
) -> None:
    request = request_evolution(
        actor=personas["caseworker_laval"],
        support_plan=support_plan,
        situations=situations,
        reasons="Plusieurs réseaux doivent s’ajouter.",
        initiator_kind="ministry",
    )
    support_plan.refresh_from_db()
    assert support_plan.status == PlanStatus.ACTIVE  # nothing changes before the decision
    plan = actions.approve_request(actor=personas["coordinator"], request=request)
    assert list(plan.objectives.values_list("text", flat=True)) == [
        "Make a budget",
        "Meet a budget advisor",
    ]
    carried = plan.objectives.get(text="Make a budget")
    assert carried.carried_from
    assert carried.status == ItemStatus.IN_PROGRESS
    assert [a.text for a in carried.actions.all()] == ["Rencontrer une conseillère budgétaire"]
    support_plan.refresh_from_db()
    assert support_plan.status == PlanStatus.ENDED
    assert support_plan.end_reason == EndReason.EVOLVED_TO_SERVICE_PLAN


def test_declined_evolution_leaves_the_support_plan_running(
    personas: dict[str, Any], support_plan: SupportPlan, situations: Any
) -> None:
    request = request_evolution(
        actor=personas["caseworker_laval"],
        support_plan=support_plan,
        situations=situations,
        reasons="x",
        initiator_kind="ministry",
    )
    actions.decline_request(
        actor=personas["coordinator"],
        request=request,
        reason="Pas encore",
        next_step="concertation",
    )
    support_plan.refresh_from_db()
    assert support_plan.status == PlanStatus.ACTIVE


def test_ended_support_plan_cannot_evolve(
    personas: dict[str, Any], support_plan: SupportPlan, situations: Any
) -> None:
    support_actions.end_plan(
        actor=personas["caseworker_laval"], plan=support_plan, reason="caseworker", note="Fini"
    )
    with pytest.raises(ValidationError):
        request_evolution(
            actor=personas["caseworker_laval"],
            support_plan=support_plan,
            situations=situations,
            reasons="x",
            initiator_kind="ministry",
        )
    assert not ServicePlanRequest.objects.exists()


def test_evolve_page_for_the_caseworker_only(client_for: Any, support_plan: SupportPlan) -> None:
    url = reverse("serviceplans:evolve", args=[support_plan.uuid])
    assert client_for("caseworker_laval").get(url).status_code == 200
    assert client_for("caseworker_montreal").get(url).status_code == 404
    assert client_for("coordinator").get(url).status_code == 404


def test_file_offers_to_evolve_the_running_support_plan(
    client_for: Any, support_plan: SupportPlan
) -> None:
    page = (
        client_for("caseworker_laval")
        .get(reverse("participants:file", args=[support_plan.participant.uuid]))
        .content.decode()
    )
    assert reverse("serviceplans:evolve", args=[support_plan.uuid]) in page
