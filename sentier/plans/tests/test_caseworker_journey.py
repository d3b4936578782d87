"""The caseworker's journey through the pages: propose → agreement → objectives and actions →
follow-up held → completion. Each step is on the timeline; the panel on the file summarises it."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.plans.models import (
    ActionStatus,
    Difficulty,
    EndReason,
    FollowUpStatus,
    PlanStatus,
    SupportPlan,
)
from sentier.plans.timeline_kinds import SupportPlanEventKind

pytestmark = pytest.mark.django_db


def test_caseworker_journey_through_the_pages(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    client = client_for("caseworker_laval")
    end = timezone.localdate() + dt.timedelta(days=90)
    housing = Difficulty.objects.get(code="housing")
    response = client.post(
        reverse("plans:propose", args=[laval_participant.uuid]),
        {
            "difficulties": [housing.pk],
            "other_difficulty": "",
            "purpose": "A stable place to live",
            "planned_end_on": end.isoformat(),
            "objectives": "Find a safe apartment\nOpen a bank account",
        },
    )
    assert response.status_code == 302
    plan = SupportPlan.objects.get(participant=laval_participant)
    assert plan.status == PlanStatus.PROPOSED

    client.post(
        reverse("plans:agreement", args=[plan.uuid]), {"channel": "in_person", "confirm": "on"}
    )
    client.post(reverse("plans:add_objective", args=[plan.uuid]), {"text": "Keep a budget"})
    objective = plan.objectives.get(text="Find a safe apartment")
    client.post(
        reverse("plans:add_action", args=[plan.uuid]),
        {
            "what": "Visit the housing office",
            "who": "together",
            "who_detail": "OMH Laval",
            "due_on": (timezone.localdate() + dt.timedelta(days=14)).isoformat(),
            "objective": objective.pk,
            "status": ActionStatus.PLANNED,
        },
    )
    when = timezone.localtime() + dt.timedelta(days=7)
    client.post(
        reverse("plans:schedule_follow_up", args=[plan.uuid]),
        {"scheduled_for": when.strftime("%Y-%m-%dT%H:%M"), "mode": "phone", "notes": ""},
    )
    follow_up = plan.follow_ups.get()
    held = client.post(
        reverse("plans:record_follow_up", args=[follow_up.uuid]),
        {
            "version": follow_up.version,
            "scheduled_for": when.strftime("%Y-%m-%dT%H:%M"),
            "status": FollowUpStatus.DONE,
            "notes": "Called",
            "outcome": "Two visits booked",
        },
    )
    assert held.status_code == 302

    page = client.get(reverse("plans:detail", args=[plan.uuid])).content.decode()
    for text in ("Find a safe apartment", "Keep a budget", "Visit the housing office", "OMH Laval"):
        assert text in page
    assert html.escape(housing.name_fr) in page
    file_page = client.get(reverse("participants:file", args=[laval_participant.uuid]))
    assert reverse("plans:detail", args=[plan.uuid]) in file_page.content.decode()

    refused = client.post(reverse("plans:end", args=[plan.uuid]), {"reason": "caseworker"})
    assert refused.status_code == 400  # ending it oneself needs a reason
    client.post(reverse("plans:end", args=[plan.uuid]), {"reason": EndReason.OBJECTIVES_ATTAINED})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COMPLETED
    kinds = set(laval_participant.events.values_list("kind", flat=True))
    assert {
        SupportPlanEventKind.SUPPORT_PLAN_PROPOSED,
        SupportPlanEventKind.SUPPORT_PLAN_AGREED,
        SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
        SupportPlanEventKind.FOLLOW_UP,
        SupportPlanEventKind.SUPPORT_PLAN_ENDED,
    } <= kinds
    assert list(plan.transitions.values_list("to_status", flat=True)) == [
        "proposed",
        "active",
        "completed",
    ]


def test_bad_dates_and_numbers_get_errors_not_500(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    from sentier.plans.tests.helpers import active_plan

    plan = active_plan(personas, laval_participant)
    client = client_for("caseworker_laval")
    bad = [
        (reverse("plans:schedule_follow_up", args=[plan.uuid]), {"scheduled_for": "31/31/2026"}),
        (reverse("plans:add_action", args=[plan.uuid]), {"what": "x", "due_on": "nope"}),
        (reverse("plans:edit", args=[plan.uuid]), {"version": "abc", "planned_end_on": "x"}),
        (reverse("plans:propose", args=[laval_participant.uuid]), {"difficulties": ["zz"]}),
        (reverse("plans:add_action", args=[plan.uuid]) + "?objective=\x00bad", {}),
    ]
    for url, data in bad:
        response = client.post(url, data)
        assert response.status_code == 400, url
    page = client.get(reverse("plans:add_action", args=[plan.uuid]) + "?objective=zz")
    assert page.status_code == 200
