"""The local office's common assessment: deferral reasons from the configured list, an
Employment Ontario referral started by the caseworker, the personalized action plan reviewed
30 days after and then every 3 months (rules parameters)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from sentier.consent.models import Consent
from sentier.intake.actions import review_recommendation
from sentier.ontario import actions
from sentier.ontario.models import ActionPlan, CommonAssessment, Deferral
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.outbox.models import OutboxMessage
from sentier.participants.models import TimelineEvent
from sentier.reference.models import DeferralReason
from sentier.referrals.models import Referral
from sentier_rules.ontario import add_months


@pytest.fixture
def assessment(ontario: dict[str, Any]) -> CommonAssessment:
    application = send_application(Client(), ready=False, consent=False)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    return CommonAssessment.objects.get()


def today() -> dt.date:
    return timezone.localdate()


def test_a_deferral_is_recorded_with_a_reason_from_the_list(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    reason = DeferralReason.objects.get(code="caregiver")
    deferral = actions.record_deferral(
        actor=ontario["tara"],
        assessment=assessment,
        reason=reason,
        review_on=today() + dt.timedelta(days=60),
        note="Cares for her father every day.",
    )
    assert deferral.reason == reason
    assert TimelineEvent.objects.filter(
        participant=assessment.participant, kind=OntarioEventKind.COMMON_ASSESSMENT
    ).exists()


def test_a_reason_no_longer_in_force_is_refused_and_nothing_is_saved(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    reason = DeferralReason.objects.get(code="house_arrest")
    reason.active_until = today() - dt.timedelta(days=1)
    reason.save()
    with pytest.raises(ValidationError) as caught:
        actions.record_deferral(
            actor=ontario["tara"],
            assessment=assessment,
            reason=reason,
            review_on=today() + dt.timedelta(days=30),
        )
    assert "reason" in caught.value.error_dict
    assert not Deferral.objects.exists()


@pytest.mark.parametrize("days", [0, -3, 400])
def test_a_review_date_today_in_the_past_or_beyond_a_year_is_refused(
    ontario: dict[str, Any], assessment: CommonAssessment, days: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.record_deferral(
            actor=ontario["tara"],
            assessment=assessment,
            reason=DeferralReason.objects.get(code="caregiver"),
            review_on=today() + dt.timedelta(days=days),
        )
    assert "review_on" in caught.value.error_dict
    assert not Deferral.objects.exists()


def test_a_deferral_review_keeps_it_until_a_new_date_or_ends_it(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    deferral = actions.record_deferral(
        actor=ontario["tara"],
        assessment=assessment,
        reason=DeferralReason.objects.get(code="illness_injury"),
        review_on=today() + dt.timedelta(days=30),
    )
    kept = actions.review_deferral(
        actor=ontario["tara"], deferral=deferral, keep=True, review_on=today() + dt.timedelta(90)
    )
    assert kept.review_on == today() + dt.timedelta(90)
    assert kept.reviewed_at is not None
    assert kept.ended_at is None
    ended = actions.review_deferral(actor=ontario["tara"], deferral=deferral, keep=False)
    assert ended.ended_at is not None
    with pytest.raises(ValidationError):
        actions.review_deferral(actor=ontario["tara"], deferral=deferral, keep=False)


def test_the_action_plan_is_reviewed_30_days_after_then_every_3_months(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    plan = actions.put_action_plan_in_place(
        actor=ontario["tara"],
        assessment=assessment,
        goal="Find part-time work in retail.",
        activities="Resume workshop; referral to a literacy program.",
    )
    assert plan.put_in_place_on == today()
    assert plan.next_review_on == today() + dt.timedelta(days=30)
    review = actions.review_action_plan(actor=ontario["tara"], plan=plan, notes="On track.")
    plan.refresh_from_db()
    assert review.was_due_on == today() + dt.timedelta(days=30)
    assert plan.next_review_on == add_months(today(), 3)
    assert review.next_review_on == plan.next_review_on
    kinds = TimelineEvent.objects.filter(
        participant=assessment.participant, kind=OntarioEventKind.ACTION_PLAN
    )
    assert kinds.count() == 2


def test_a_plan_needs_a_goal_and_activities_and_only_one_per_client(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.put_action_plan_in_place(
            actor=ontario["tara"], assessment=assessment, goal=" ", activities=""
        )
    assert set(caught.value.error_dict) == {"goal", "activities"}
    assert not ActionPlan.objects.exists()
    actions.put_action_plan_in_place(
        actor=ontario["tara"], assessment=assessment, goal="Goal", activities="Steps"
    )
    with pytest.raises(ValidationError):
        actions.put_action_plan_in_place(
            actor=ontario["tara"], assessment=assessment, goal="Goal", activities="Steps"
        )
    assert ActionPlan.objects.count() == 1


def test_the_assessment_cannot_be_completed_without_an_action_plan(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    with pytest.raises(ValidationError):
        actions.complete_assessment(actor=ontario["tara"], assessment=assessment, summary="Done")
    assessment.refresh_from_db()
    assert assessment.status == "to_do"
    actions.put_action_plan_in_place(
        actor=ontario["tara"], assessment=assessment, goal="Goal", activities="Steps"
    )
    done = actions.complete_assessment(actor=ontario["tara"], assessment=assessment, summary="Ok")
    assert done.status == "done"


def test_the_caseworker_refers_to_employment_ontario_with_the_consent_heard(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    referral = actions.start_employment_ontario_referral(
        actor=ontario["tara"],
        assessment=assessment,
        categories=["identity"],
        channel="in_person",
        need="Job search support.",
    )
    consent = Consent.objects.get()
    assert consent.channel == "in_person"
    assert consent.recorded_by == ontario["tara"]
    assert referral.categories == ["identity"]
    message = OutboxMessage.objects.get(channel="employment_ontario")
    assert set(message.payload) == {"referral", "need", "categories", "identity"}
    assessment.refresh_from_db()
    assert assessment.referral == referral


def test_a_referral_without_contact_details_is_refused_and_nothing_is_sent(
    ontario: dict[str, Any], assessment: CommonAssessment
) -> None:
    with pytest.raises(ValidationError):
        actions.start_employment_ontario_referral(
            actor=ontario["tara"],
            assessment=assessment,
            categories=["program"],
            channel="in_person",
            need="Job search support.",
        )
    assert not Consent.objects.exists()
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize("who", ["omar", "iris", "chris"])
def test_others_cannot_act_on_the_assessment_and_nothing_changes(
    ontario: dict[str, Any], assessment: CommonAssessment, who: str
) -> None:
    actor = ontario[who]
    reason = DeferralReason.objects.get(code="caregiver")
    later = today() + dt.timedelta(days=30)
    events = TimelineEvent.objects.count()
    attempts: list[Callable[[], object]] = [
        lambda: actions.record_deferral(
            actor=actor, assessment=assessment, reason=reason, review_on=later
        ),
        lambda: actions.put_action_plan_in_place(
            actor=actor, assessment=assessment, goal="G", activities="A"
        ),
        lambda: actions.start_employment_ontario_referral(
            actor=actor,
            assessment=assessment,
            categories=["identity"],
            channel="in_person",
            need="N",
        ),
        lambda: actions.complete_assessment(actor=actor, assessment=assessment, summary="S"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert TimelineEvent.objects.count() == events
    assert not Deferral.objects.exists()
    assert not ActionPlan.objects.exists()
    assert not Referral.objects.exists()


def test_an_overridden_recommendation_is_not_fast_tracked(ontario: dict[str, Any]) -> None:
    application = send_application(Client())
    review_recommendation(  # before the grant the intake unit reviews (004 Q11, Q15)
        actor=ontario["wendy"],
        recommendation=application.recommendation,
        final_path="none",
        reason="She starts a training program first.",
    )
    ow = actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    assert ow.route == "common_assessment"
    assert ow.route_reason == "caseworker_override"
    assert not Referral.objects.exists()
