"""The person ends their plan from the portal, after a confirmation page; no benefit-related
record is touched (001: ending has no financial impact)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.decisions.models import Decision
from sentier.paas.models import ExpenseClaim, Placement, StatementLine
from sentier.participants.models import Participant
from sentier.plans.models import EndReason, PlanStatus, PlanTransition
from sentier.plans.tests.helpers import active_plan
from sentier.plans.timeline_kinds import SupportPlanEventKind

pytestmark = pytest.mark.django_db

FINANCIAL_FIELDS = (
    "program_id",
    "claim_booklet",
    "household_type",
    "adults",
    "children",
    "status",
    "region_id",
    "asylum_seeker",
)


def _benefit_records(participant: Participant) -> tuple[Any, ...]:
    fresh = Participant.objects.get(pk=participant.pk)
    return (
        tuple(getattr(fresh, name) for name in FINANCIAL_FIELDS),
        list(Decision.objects.order_by("pk").values_list("pk", "eligible", "amounts")),
        list(Placement.objects.order_by("pk").values()),
        list(StatementLine.objects.order_by("pk").values()),
        list(ExpenseClaim.objects.order_by("pk").values()),
        fresh.history.count(),
    )


def test_confirmation_page_says_nothing_changes_to_the_benefit(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    active_plan(personas, laval_participant)
    client = client_for("participant")
    with_english = client.get(reverse("plans:my_end").replace("/fr-ca/", "/en-ca/"))
    assert with_english.status_code == 200
    assert "Nothing changes to your benefit." in with_english.content.decode()


def test_participant_ends_plan_and_no_benefit_record_is_touched(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    before = _benefit_records(laval_participant)
    client = client_for("participant")
    response = client.post(reverse("plans:my_end"), {"note": "I found a job"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ENDED
    assert plan.end_reason == EndReason.PARTICIPANT_CHOICE
    assert plan.ended_by == personas["participant"]
    assert plan.end_note == "I found a job"
    last = PlanTransition.objects.filter(plan=plan).last()
    assert last is not None
    assert last.to_status == PlanStatus.ENDED
    assert (
        laval_participant.events.filter(kind=SupportPlanEventKind.SUPPORT_PLAN_ENDED).count() == 1
    )
    assert _benefit_records(laval_participant) == before


def test_participant_cannot_complete_or_end_for_the_caseworker(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    from django.core.exceptions import ValidationError

    from sentier.plans import actions

    plan = active_plan(personas, laval_participant)
    for reason in (EndReason.OBJECTIVES_ATTAINED, EndReason.CASEWORKER):
        with pytest.raises(ValidationError):
            actions.end_plan(actor=personas["participant"], plan=plan, reason=reason)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
