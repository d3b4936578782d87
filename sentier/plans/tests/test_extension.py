"""Extension: the person asks (portal) or the caseworker records a request; the caseworker
decides with a reason (required) and a new end date when granted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sentier.plans import actions
from sentier.plans.models import Extension, ExtensionStatus, PlanStatus
from sentier.plans.tests.helpers import active_plan
from sentier.plans.timeline_kinds import SupportPlanEventKind

pytestmark = pytest.mark.django_db


def test_participant_asks_and_caseworker_grants_with_reason_and_new_end(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    old_end = plan.planned_end_on
    assert old_end is not None
    wished = old_end + dt.timedelta(days=60)
    response = client_for("participant").post(
        reverse("plans:my_extension"),
        {"why": "My housing search takes longer", "wished_end_on": wished.isoformat()},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.EXTENSION_REQUESTED
    extension = Extension.objects.get(plan=plan)
    assert extension.channel == "online"

    caseworker = client_for("caseworker_laval")
    url = reverse("plans:decide_extension", args=[extension.uuid])
    missing_reason = caseworker.post(
        url, {"decision": "grant", "new_end_on": wished.isoformat(), "reason": ""}
    )
    assert missing_reason.status_code == 400
    extension.refresh_from_db()
    assert extension.status == ExtensionStatus.PENDING

    done = caseworker.post(
        url, {"decision": "grant", "new_end_on": wished.isoformat(), "reason": "Makes sense"}
    )
    assert done.status_code == 302
    extension.refresh_from_db()
    plan.refresh_from_db()
    assert extension.status == ExtensionStatus.GRANTED
    assert extension.decision_reason == "Makes sense"
    assert extension.previous_end_on == old_end
    assert plan.planned_end_on == wished
    assert plan.status == PlanStatus.ACTIVE
    assert (
        laval_participant.events.filter(kind=SupportPlanEventKind.SUPPORT_PLAN_EXTENSION).count()
        == 2
    )


def test_refusal_needs_a_reason_and_keeps_the_end_date(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    end = plan.planned_end_on
    extension = actions.request_extension(actor=personas["participant"], plan=plan, why="x")
    with pytest.raises(ValidationError) as refused:
        actions.decide_extension(
            actor=personas["caseworker_laval"], extension=extension, grant=False, reason="  "
        )
    assert "reason" in refused.value.message_dict
    extension.refresh_from_db()
    assert extension.status == ExtensionStatus.PENDING
    actions.decide_extension(
        actor=personas["caseworker_laval"],
        extension=extension,
        grant=False,
        reason="Objectives attained",
    )
    plan.refresh_from_db()
    assert plan.planned_end_on == end
    assert plan.status == PlanStatus.ACTIVE


def test_grant_needs_a_later_end_date(personas: dict[str, Any], laval_participant: Any) -> None:
    plan = active_plan(personas, laval_participant)
    extension = actions.request_extension(actor=personas["participant"], plan=plan, why="x")
    with pytest.raises(ValidationError) as refused:
        actions.decide_extension(
            actor=personas["caseworker_laval"],
            extension=extension,
            grant=True,
            reason="ok",
            new_end_on=plan.planned_end_on,
        )
    assert "new_end_on" in refused.value.message_dict


def test_second_request_while_one_waits_is_refused(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    actions.request_extension(actor=personas["participant"], plan=plan, why="x")
    with pytest.raises(ValidationError):
        actions.request_extension(actor=personas["participant"], plan=plan, why="again")
    assert Extension.objects.filter(plan=plan).count() == 1
