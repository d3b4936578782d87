"""The demo's service plan tells issue 16's story: the CISSS worker signs in to Julie's plan,
where she wrote a follow-up, and Julie's agreement is recorded objective by objective."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.accounts.models import Role
from sentier.serviceplans.demo import load_demo
from sentier.serviceplans.models import FollowUp, NetworkMember, ServicePlan

pytestmark = pytest.mark.django_db


def test_the_demo_plan_has_the_cisss_follow_up_and_agreements(personas: dict[str, Any]) -> None:
    load_demo()
    worker = personas["public_cisss"]
    assert worker.role == Role.PUBLIC_STAFF
    assert NetworkMember.objects.get(staff=worker).name == "CISSS de Laval"
    plan = ServicePlan.objects.get(participant__user=personas["participant"])
    written = FollowUp.objects.get(plan=plan, written_by=worker)
    assert written.person_agreed
    assert written.outcome
    assert plan.follow_ups.filter(agreed_on__isnull=True).count() == 1
    agreed = [o.person_agreed for o in plan.objectives.order_by("created_at")]
    assert agreed.count(False) == 1
    assert len(agreed) >= 3
