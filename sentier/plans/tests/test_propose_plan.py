"""propose_plan: the rules decide; an eligible proposal waits for the person's agreement."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sentier.decisions.models import Decision
from sentier.plans.models import PlanStatus, PlanTransition, SupportPlan
from sentier.plans.tests.helpers import proposed_plan
from sentier.plans.timeline_kinds import SupportPlanEventKind

pytestmark = pytest.mark.django_db


def test_caseworker_proposes_a_plan_with_a_stored_decision(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = proposed_plan(personas, laval_participant)
    assert plan.status == PlanStatus.PROPOSED
    assert plan.decision is not None
    assert plan.decision.eligible
    assert [o.text for o in plan.objectives.all()] == ["Make a budget", "Meet a budget advisor"]
    assert [t.to_status for t in PlanTransition.objects.filter(plan=plan)] == ["proposed"]
    assert laval_participant.events.filter(kind=SupportPlanEventKind.SUPPORT_PLAN_PROPOSED).exists()


def test_montreal_caseworker_cannot_propose_for_a_laval_file(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    decisions = Decision.objects.count()
    with pytest.raises(PermissionDenied):
        proposed_plan(personas, laval_participant, actor=personas["caseworker_montreal"])
    assert SupportPlan.objects.count() == 0
    assert Decision.objects.count() == decisions
