"""The support plan demo data: loaded with the demo participants, idempotent, and what the
personas see makes sense (the participant's "My plan", the caseworker's worklist)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.plans import demo, selectors
from sentier.plans.models import FollowUp, FollowUpStatus, PlanStatus, SupportPlan
from sentier.site.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_plans_are_believable_and_idempotent(
    personas: dict[str, Any], client_for: Any
) -> None:
    load_demo(120)
    first = list(SupportPlan.objects.order_by("pk").values_list("pk", "status"))
    statuses = {status for _pk, status in first}
    assert {PlanStatus.ACTIVE, PlanStatus.EXTENSION_REQUESTED, PlanStatus.PROPOSED} <= statuses
    julie = SupportPlan.objects.get(participant__user=personas["participant"])
    assert julie.status == PlanStatus.ACTIVE
    # "This week" depends on the day: on a Sunday the demo's next follow-up (tomorrow) is next
    # week's. Read the worklist a minute before that follow-up, in the week that holds it.
    upcoming = (
        FollowUp.objects.filter(
            plan__caseworker=personas["caseworker_laval"],
            status=FollowUpStatus.SCHEDULED,
            scheduled_for__gt=timezone.now(),
        )
        .order_by("scheduled_for")
        .first()
    )
    assert upcoming is not None
    worklist = selectors.worklist_for(
        personas["caseworker_laval"], now=upcoming.scheduled_for - dt.timedelta(minutes=1)
    )
    assert worklist.overdue
    assert upcoming in worklist.this_week
    assert worklist.extension_requests
    page = client_for("participant").get(reverse("plans:my_plan")).content.decode()
    assert "Hydro-Québec" in page
    demo.load_demo()
    assert list(SupportPlan.objects.order_by("pk").values_list("pk", "status")) == first
