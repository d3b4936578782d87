"""A Montréal caseworker cannot see or change a Laval plan: the same 404 as a missing plan, and
nothing changes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from sentier.plans import actions
from sentier.plans.models import (
    EndReason,
    Extension,
    FollowUp,
    FollowUpMode,
    Objective,
    PlanAction,
    SupportPlan,
)
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def _snapshot(plan: SupportPlan) -> tuple[Any, ...]:
    plan.refresh_from_db()
    return (
        plan.status,
        plan.version,
        plan.planned_end_on,
        list(Objective.objects.filter(plan=plan).values_list("text", "status", "version")),
        list(PlanAction.objects.filter(plan=plan).values_list("what", "status", "version")),
        list(FollowUp.objects.filter(plan=plan).values_list("status", "notes", "version")),
        list(Extension.objects.filter(plan=plan).values_list("status", "decision_reason")),
        plan.participant.events.count(),
    )


@pytest.fixture
def laval_plan(personas: dict[str, Any], laval_participant: Any) -> SupportPlan:
    plan = active_plan(personas, laval_participant)
    caseworker = personas["caseworker_laval"]
    actions.add_action(actor=caseworker, plan=plan, what="Call", who="participant")
    actions.schedule_follow_up(
        actor=caseworker,
        plan=plan,
        scheduled_for=timezone.now() + dt.timedelta(days=1),
        mode=FollowUpMode.PHONE,
    )
    actions.request_extension(actor=personas["participant"], plan=plan, why="More time")
    return plan


def test_montreal_caseworker_gets_404_on_every_page_and_nothing_changes(
    personas: dict[str, Any], laval_plan: SupportPlan, client_for: Any
) -> None:
    before = _snapshot(laval_plan)
    client = client_for("caseworker_montreal")
    objective = laval_plan.objectives.first()
    action = laval_plan.actions.first()
    follow_up = laval_plan.follow_ups.first()
    extension = laval_plan.extensions.first()
    assert objective
    assert action
    assert follow_up
    assert extension
    posts = {
        reverse("plans:detail", args=[laval_plan.uuid]): {},
        reverse("plans:edit", args=[laval_plan.uuid]): {"version": 1, "other_difficulty": "x"},
        reverse("plans:add_objective", args=[laval_plan.uuid]): {"text": "Hijack"},
        reverse("plans:add_action", args=[laval_plan.uuid]): {"what": "x", "who": "other"},
        reverse("plans:schedule_follow_up", args=[laval_plan.uuid]): {
            "scheduled_for": "2026-12-01T10:00",
            "mode": "phone",
        },
        reverse("plans:edit_objective", args=[objective.uuid]): {
            "version": objective.version,
            "text": "Changed",
            "status": "attained",
        },
        reverse("plans:edit_action", args=[action.uuid]): {
            "version": action.version,
            "what": "Changed",
            "who": "other",
            "status": "done",
        },
        reverse("plans:record_follow_up", args=[follow_up.uuid]): {
            "version": follow_up.version,
            "scheduled_for": "2026-12-01T10:00",
            "status": "cancelled",
        },
        reverse("plans:decide_extension", args=[extension.uuid]): {
            "decision": "refuse",
            "reason": "No",
        },
        reverse("plans:end", args=[laval_plan.uuid]): {
            "reason": "caseworker",
            "note": "Closing",
        },
        reverse("plans:record_extension", args=[laval_plan.uuid]): {
            "why": "x",
            "channel": "phone",
        },
        reverse("plans:agreement", args=[laval_plan.uuid]): {"channel": "phone", "confirm": "on"},
        reverse("plans:decline", args=[laval_plan.uuid]): {},
        reverse("plans:pdf", args=[laval_plan.uuid]): {},
        reverse("plans:propose", args=[laval_plan.participant.uuid]): {"other_difficulty": "x"},
        reverse("plans:request", args=[laval_plan.participant.uuid]): {"channel": "phone"},
    }
    for url, data in posts.items():
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    assert _snapshot(laval_plan) == before


def test_missing_and_malformed_plan_addresses_give_the_same_404(client_for: Any) -> None:
    client = client_for("caseworker_laval")
    assert client.get(reverse("plans:detail", args=[uuid.uuid4()])).status_code == 404
    assert client.get("/fr-ca/plans/not-a-uuid/").status_code == 404
    assert client.get(reverse("plans:feed", args=["nope"])).status_code == 404


def test_montreal_caseworker_cannot_end_through_the_action(
    personas: dict[str, Any], laval_plan: SupportPlan
) -> None:
    before = _snapshot(laval_plan)
    with pytest.raises(PermissionDenied):
        actions.end_plan(
            actor=personas["caseworker_montreal"],
            plan=laval_plan,
            reason=EndReason.CASEWORKER,
            note="x",
        )
    assert _snapshot(laval_plan) == before


def test_other_participants_and_partners_cannot_see_the_plan(
    personas: dict[str, Any], laval_plan: SupportPlan, client_for: Any
) -> None:
    for persona in ("partner_opex", "analyst"):
        client = client_for(persona)
        assert client.get(reverse("plans:detail", args=[laval_plan.uuid])).status_code == 404
        assert client.get(reverse("plans:pdf", args=[laval_plan.uuid])).status_code == 404
    # The person sees their plan in the portal, not the caseworker's page.
    participant = client_for("participant")
    assert participant.get(reverse("plans:detail", args=[laval_plan.uuid])).status_code == 404
    assert participant.get(reverse("plans:my_plan")).status_code == 200


def test_coordinator_reads_the_plan_but_cannot_change_it(
    personas: dict[str, Any], laval_plan: SupportPlan, client_for: Any
) -> None:
    before = _snapshot(laval_plan)
    client = client_for("coordinator")
    page = client.get(reverse("plans:detail", args=[laval_plan.uuid]))
    assert page.status_code == 200
    assert reverse("plans:end", args=[laval_plan.uuid]) not in page.content.decode()
    assert (
        client.post(
            reverse("plans:add_objective", args=[laval_plan.uuid]), {"text": "x"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("plans:end", args=[laval_plan.uuid]), {"reason": "caseworker", "note": "x"}
        ).status_code
        == 404
    )
    assert _snapshot(laval_plan) == before
