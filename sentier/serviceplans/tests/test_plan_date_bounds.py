"""Dates of a service plan: the answer's date is not in the future nor before the plan was opened;
due dates are within a few years and not before the plan was opened. A field error, nothing
saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.consent.models import InformationCategory
from sentier.serviceplans.models import Objective, PartyKind, PlanStatus, ServicePlan

pytestmark = pytest.mark.django_db


def en(name: str, *args: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, args=args)


FUTURE = "The date cannot be in the future."
BEFORE = "The date cannot be before the plan was opened."


def answer(client: Any, plan: ServicePlan, on: str) -> Any:
    with translation.override("en-ca"):
        return client.post(
            en("serviceplans:agreement", plan.uuid), {"agrees": "yes", "on": on, "channel": "phone"}
        )


@pytest.mark.parametrize(("on", "message"), [("9999-12-31", FUTURE), ("0001-01-01", BEFORE)])
def test_a_far_answer_date_is_a_field_error(
    client_for: Any, approved_plan: ServicePlan, on: str, message: str
) -> None:
    response = answer(client_for("caseworker_laval"), approved_plan, on)
    assert response.status_code == 400
    with translation.override("en-ca"):
        assert response.context["form"].errors["on"] == [message]
    approved_plan.refresh_from_db()
    assert approved_plan.status == PlanStatus.AWAITING_AGREEMENT


def test_an_answer_before_the_plan_was_opened_is_refused(
    client_for: Any, approved_plan: ServicePlan
) -> None:
    before = timezone.localdate(approved_plan.created_at) - dt.timedelta(days=1)
    response = answer(client_for("caseworker_laval"), approved_plan, before.isoformat())
    assert response.status_code == 400
    with translation.override("en-ca"):
        assert response.context["form"].errors["on"] == [BEFORE]


@pytest.mark.parametrize("due", ["9999-12-31", "0001-01-01"])
def test_an_objective_due_at_a_far_date_is_a_field_error(
    client_for: Any, active_plan: ServicePlan, due: str
) -> None:
    ministry = active_plan.parties.get(kind=PartyKind.MINISTRY)
    response = client_for("caseworker_laval").post(
        en("serviceplans:add_objective", active_plan.uuid),
        {
            "text": "Trouver un logement",
            "category": InformationCategory.PLAN,
            "owner": ministry.pk,
            "due_on": due,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["due_on"]
    assert not Objective.objects.exists()
