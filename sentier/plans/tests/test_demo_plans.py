"""The support plan demo data: loaded with the demo participants, idempotent, and what the
personas see makes sense (the participant's "My plan", the caseworker's worklist)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.core.demo import load_demo_participants
from sentier.plans import demo, selectors
from sentier.plans.models import PlanStatus, SupportPlan

pytestmark = pytest.mark.django_db


def test_demo_plans_are_believable_and_idempotent(
    personas: dict[str, Any], client_for: Any
) -> None:
    load_demo_participants(120)
    first = list(SupportPlan.objects.order_by("pk").values_list("pk", "status"))
    statuses = {status for _pk, status in first}
    assert {PlanStatus.ACTIVE, PlanStatus.EXTENSION_REQUESTED, PlanStatus.PROPOSED} <= statuses
    julie = SupportPlan.objects.get(participant__user=personas["participant"])
    assert julie.status == PlanStatus.ACTIVE
    worklist = selectors.worklist_for(personas["caseworker_laval"])
    assert worklist.overdue
    assert worklist.this_week
    assert worklist.extension_requests
    page = client_for("participant").get(reverse("plans:my_plan")).content.decode()
    assert "Hydro-Québec" in page
    demo.load_demo()
    assert list(SupportPlan.objects.order_by("pk").values_list("pk", "status")) == first
