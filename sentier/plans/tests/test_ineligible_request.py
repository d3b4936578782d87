"""A request recorded by phone for someone the rules exclude (ASM-2 booklet, 001) is answered
with the rules' reasons and what else exists; the decision is kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.decisions.models import Decision, Measure
from sentier.participants.actions import open_participant_file
from sentier.plans.models import Channel, PlanStatus, SupportPlan
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def booklet_holder(personas: dict[str, Any]) -> Any:
    return open_participant_file(
        actor=personas["caseworker_laval"],
        first_name="Gilles",
        last_name="Paradis",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PSS"),
        claim_booklet="ASM-2",
        caseworker=personas["caseworker_laval"],
    )


def test_ineligible_request_is_answered_with_reasons_and_alternatives(
    booklet_holder: Any, client_for: Any
) -> None:
    client = client_for("caseworker_laval")
    response = client.post(
        reverse("plans:request", args=[booklet_holder.uuid]),
        {"channel": Channel.PHONE, "note": "Called about debts"},
    )
    assert response.status_code == 302
    plan = SupportPlan.objects.get(participant=booklet_holder)
    assert plan.status == PlanStatus.INELIGIBLE
    assert plan.request_channel == Channel.PHONE
    decision = Decision.objects.get(participant=booklet_holder, measure=Measure.SUPPORT_PLAN)
    assert plan.decision == decision
    assert not decision.eligible
    codes = [reason["code"] for reason in decision.reasons]
    assert "claim_booklet_excluded" in codes

    page = client.get(response["Location"]).content.decode()
    reason = next(r for r in decision.reasons if r["code"] == "claim_booklet_excluded")
    assert reason["fr"].split(".")[0] in page.replace("&#x27;", "'")
    assert reverse("network:directory") in page
    assert reverse("paas:place_participant", args=[booklet_holder.uuid]) in page


def test_ineligible_plan_cannot_be_agreed_or_edited(booklet_holder: Any, client_for: Any) -> None:
    client = client_for("caseworker_laval")
    client.post(reverse("plans:request", args=[booklet_holder.uuid]), {"channel": "in_person"})
    plan = SupportPlan.objects.get(participant=booklet_holder)
    client.post(reverse("plans:agreement", args=[plan.uuid]), {"channel": "phone", "confirm": "on"})
    client.post(reverse("plans:add_objective", args=[plan.uuid]), {"text": "x"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.INELIGIBLE
    assert plan.objectives.count() == 0


def test_request_without_channel_keeps_what_was_typed(
    laval_participant: Any, client_for: Any
) -> None:
    response = client_for("caseworker_laval").post(
        reverse("plans:request", args=[laval_participant.uuid]), {"note": "Wants help"}
    )
    assert response.status_code == 400
    assert "Wants help" in response.content.decode()
    assert not SupportPlan.objects.filter(participant=laval_participant).exists()
