"""A follow-up can be a mobile agent's visit (issue 19, remote regions): the caseworker schedules
it, and the person reads it in their language on My plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.plans.models import FollowUpMode
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def test_a_follow_up_is_scheduled_as_a_mobile_agent_s_visit(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    when = timezone.localtime() + dt.timedelta(days=7)
    client = client_for("caseworker_laval")
    form = client.get(reverse("plans:schedule_follow_up", args=[plan.uuid])).content.decode()
    assert 'value="mobile_agent"' in form

    response = client.post(
        reverse("plans:schedule_follow_up", args=[plan.uuid]),
        {"scheduled_for": when.strftime("%Y-%m-%dT%H:%M"), "mode": "mobile_agent", "notes": ""},
    )

    assert response.status_code == 302
    follow_up = plan.follow_ups.get()
    assert follow_up.mode == FollowUpMode.MOBILE_AGENT
    page = client_for("participant").get("/en-ca/plans/mine/").content.decode()
    assert "Visit by a mobile agent" in page


def test_an_unknown_mode_is_a_field_error_and_nothing_is_scheduled(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    when = timezone.localtime() + dt.timedelta(days=7)

    response = client_for("caseworker_laval").post(
        reverse("plans:schedule_follow_up", args=[plan.uuid]),
        {"scheduled_for": when.strftime("%Y-%m-%dT%H:%M"), "mode": "drone", "notes": ""},
    )

    assert response.status_code == 400
    assert not plan.follow_ups.exists()
