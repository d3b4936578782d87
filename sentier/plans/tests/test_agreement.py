"""The agreement record: the summary the person agreed to (text and version, in their
language), the date, the channel and who recorded it. The summary says, in the words of 001,
that taking part, refusing or ending has no effect on benefits and pays no allowance."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.plans import actions
from sentier.plans.models import Channel, PlanStatus
from sentier.plans.tests.helpers import proposed_plan
from sentier.plans.timeline_kinds import SupportPlanEventKind

pytestmark = pytest.mark.django_db

VOLUNTARY = (
    "refusing to take part will have no effect on benefits",
    "no extra allowance is paid",
    "There is no financial impact in ending your participation",
)


def test_caseworker_records_the_agreement_with_summary_version_channel(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    laval_participant.preferred_language = "en-ca"
    laval_participant.save()
    plan = proposed_plan(personas, laval_participant)
    client = client_for("caseworker_laval")
    page = client.get(reverse("plans:agreement", args=[plan.uuid])).content.decode()
    for words in VOLUNTARY:
        assert words in page
    missing = client.post(reverse("plans:agreement", args=[plan.uuid]), {"channel": "phone"})
    assert missing.status_code == 400  # the confirmation must be ticked
    response = client.post(
        reverse("plans:agreement", args=[plan.uuid]), {"channel": "phone", "confirm": "on"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    assert plan.agreement_channel == Channel.PHONE
    assert plan.agreement_recorded_by == personas["caseworker_laval"]
    assert plan.agreement_version == actions.AGREEMENT_VERSION
    assert plan.agreement_language == "en-ca"
    assert plan.agreed_at is not None
    assert plan.started_on is not None
    assert "Make a budget" in plan.agreement_summary
    for words in VOLUNTARY:
        assert words in plan.agreement_summary
    assert (
        laval_participant.events.filter(kind=SupportPlanEventKind.SUPPORT_PLAN_AGREED).count() == 1
    )


def test_participant_agrees_online_from_the_portal(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = proposed_plan(personas, laval_participant)
    client = client_for("participant")
    page = client.get(reverse("plans:my_plan")).content.decode()
    assert "Make a budget" in page
    response = client.post(reverse("plans:my_agree"), {"answer": "agree"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    assert plan.agreement_channel == Channel.ONLINE
    assert plan.agreement_recorded_by == personas["participant"]


def test_participant_says_no_and_the_plan_is_declined(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = proposed_plan(personas, laval_participant)
    client_for("participant").post(reverse("plans:my_agree"), {"answer": "decline"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DECLINED
    assert plan.agreed_at is None


def test_a_plan_without_objectives_cannot_be_agreed(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    from django.core.exceptions import ValidationError

    plan = proposed_plan(personas, laval_participant, objectives=[])
    with pytest.raises(ValidationError):
        actions.record_agreement(
            actor=personas["caseworker_laval"], plan=plan, channel=Channel.IN_PERSON
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PROPOSED


@pytest.mark.parametrize("shift", [1, -1], ids=["in_the_future", "before_the_plan_existed"])
def test_an_agreement_dated_in_the_future_or_before_the_plan_is_refused(
    personas: dict[str, Any], laval_participant: Any, shift: int
) -> None:
    plan = proposed_plan(personas, laval_participant)
    base = timezone.localdate() if shift > 0 else timezone.localdate(plan.created_at)
    before = (plan.status, plan.version, plan.agreed_at, plan.started_on)
    events = laval_participant.events.count()
    with pytest.raises(ValidationError) as refused:
        actions.record_agreement(
            actor=personas["caseworker_laval"],
            plan=plan,
            channel=Channel.IN_PERSON,
            today=base + dt.timedelta(days=shift),
        )
    assert set(refused.value.message_dict) == {"today"}
    plan.refresh_from_db()
    assert (plan.status, plan.version, plan.agreed_at, plan.started_on) == before
    assert laval_participant.events.count() == events
