"""Dates of a plan stay within a few years of today and never before the plan was opened: a field
error next to the date, nothing saved (a follow-up on 9999-12-31 at 23:59 used to be a 500)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.plans.models import FollowUp, FollowUpMode, PlanAction, SupportPlan
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def url(name: str, key: Any) -> str:
    with translation.override("en-ca"):
        return reverse(f"plans:{name}", args=[key])


@pytest.fixture
def plan(personas: dict[str, Any], laval_participant: Any) -> SupportPlan:
    plan = active_plan(personas, laval_participant)
    # Opened two weeks ago (the pages compare with its local date).
    SupportPlan.objects.filter(pk=plan.pk).update(created_at=timezone.now() - dt.timedelta(days=14))
    plan.refresh_from_db()
    return plan


def opened(plan: SupportPlan) -> dt.date:
    return timezone.localdate(plan.created_at)


@pytest.mark.parametrize("when", ["9999-12-31T23:59", "0001-01-01T00:00", "9999-12-31T00:00"])
def test_a_follow_up_at_a_far_date_is_a_field_error(
    client_for: Any, plan: SupportPlan, when: str
) -> None:
    response = client_for("caseworker_laval").post(
        url("schedule_follow_up", plan.uuid), {"scheduled_for": when, "mode": "phone"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["scheduled_for"]
    assert not FollowUp.objects.exists()


def test_a_follow_up_before_the_plan_was_opened_is_refused(
    client_for: Any, plan: SupportPlan
) -> None:
    before = opened(plan) - dt.timedelta(days=1)
    response = client_for("caseworker_laval").post(
        url("schedule_follow_up", plan.uuid),
        {"scheduled_for": f"{before}T10:00", "mode": "phone"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["scheduled_for"] == [
        "The date cannot be before the plan was opened."
    ]
    assert not FollowUp.objects.exists()


def test_a_follow_up_on_the_day_the_plan_was_opened_is_fine(
    client_for: Any, plan: SupportPlan
) -> None:
    response = client_for("caseworker_laval").post(
        url("schedule_follow_up", plan.uuid),
        {"scheduled_for": f"{opened(plan)}T00:00", "mode": "phone"},
    )
    assert response.status_code == 302
    assert FollowUp.objects.count() == 1


def test_a_held_follow_up_cannot_move_to_a_far_date_and_keeps_its_own(
    client_for: Any, personas: dict[str, Any], plan: SupportPlan
) -> None:
    from sentier.plans import actions

    when = timezone.now() + dt.timedelta(days=2)
    follow_up = actions.schedule_follow_up(
        actor=personas["caseworker_laval"], plan=plan, scheduled_for=when, mode=FollowUpMode.PHONE
    )
    response = client_for("caseworker_laval").post(
        url("record_follow_up", follow_up.uuid),
        {
            "version": follow_up.version,
            "scheduled_for": "9999-12-31T23:59",
            "status": "scheduled",
            "notes": "",
            "outcome": "",
        },
    )
    assert response.status_code == 400
    follow_up.refresh_from_db()
    assert follow_up.scheduled_for == when


@pytest.mark.parametrize("years", [4, -4])
def test_an_action_due_years_away_is_a_field_error(
    client_for: Any, plan: SupportPlan, years: int
) -> None:
    due = timezone.localdate() + dt.timedelta(days=365 * years)
    response = client_for("caseworker_laval").post(
        url("add_action", plan.uuid),
        {"what": "Visit", "who": "together", "due_on": due.isoformat(), "status": "planned"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["due_on"]
    assert not PlanAction.objects.exists()


def test_an_extension_to_year_9999_is_a_field_error(
    client_for: Any, laval_participant: Any, plan: SupportPlan
) -> None:
    response = client_for("participant").post(
        reverse("plans:my_extension"), {"why": "More time", "wished_end_on": "9999-12-31"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["wished_end_on"]
    assert not plan.extensions.exists()
