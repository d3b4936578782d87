"""A plan's transition log is history: deleting the plan is refused and the log stays."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from sentier.plans.models import PlanTransition, SupportPlan
from sentier.plans.tests.helpers import proposed_plan

pytestmark = pytest.mark.django_db


def test_a_plan_with_moves_cannot_be_deleted(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = proposed_plan(personas, laval_participant)
    before = list(PlanTransition.objects.filter(plan=plan).values_list("pk", "to_status"))
    assert before
    with pytest.raises(ProtectedError), transaction.atomic():
        plan.delete()
    assert SupportPlan.objects.filter(pk=plan.pk).exists()
    assert list(PlanTransition.objects.filter(plan=plan).values_list("pk", "to_status")) == before
