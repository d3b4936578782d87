"""Agreement, parties, objectives, end: through the actions and their pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.participants.models import TimelineEvent
from sentier.serviceplans import actions
from sentier.serviceplans.models import Party, PartyKind, PlanEvent, PlanStatus, ServicePlan
from sentier.serviceplans.timeline_kinds import ServicePlanEventKind


def test_agreement_records_date_channel_and_who(
    personas: dict[str, Any], active_plan: ServicePlan
) -> None:
    assert active_plan.status == PlanStatus.ACTIVE
    assert active_plan.agreed_on == timezone.localdate()
    assert active_plan.agreement_channel == "in_person"
    assert active_plan.agreement_recorded_by == personas["caseworker_laval"]


def test_saying_no_ends_the_plan(personas: dict[str, Any], approved_plan: ServicePlan) -> None:
    plan = actions.record_agreement(
        actor=personas["caseworker_laval"],
        plan=approved_plan,
        agrees=False,
        on=timezone.localdate(),
        channel="phone",
    )
    assert plan.status == PlanStatus.ENDED
    assert TimelineEvent.objects.filter(kind=ServicePlanEventKind.SERVICE_PLAN_ENDED).count() == 1


def test_agreement_date_cannot_be_in_the_future(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    with pytest.raises(ValidationError):
        actions.record_agreement(
            actor=personas["caseworker_laval"],
            plan=approved_plan,
            agrees=True,
            on=timezone.localdate() + dt.timedelta(days=2),
            channel="phone",
        )
    approved_plan.refresh_from_db()
    assert approved_plan.status == PlanStatus.AWAITING_AGREEMENT


def test_parties_from_the_network_the_directory_and_the_family(
    opex_party: Party, health_party: Party, personas: dict[str, Any], active_plan: ServicePlan
) -> None:
    family = actions.add_party(
        actor=personas["coordinator"], plan=active_plan, kind=PartyKind.FAMILY, name="Sœur"
    )
    assert opex_party.kind == PartyKind.ORGANIZATION
    assert health_party.kind == PartyKind.HEALTH
    assert health_party.member is not None
    assert family.recipient_kind == "family"
    assert PlanEvent.objects.filter(plan=active_plan, kind="party_added").count() == 3


def test_the_same_party_cannot_be_added_twice(
    personas: dict[str, Any], opex_party: Party, active_plan: ServicePlan
) -> None:
    with pytest.raises(ValidationError):
        actions.add_party(
            actor=personas["coordinator"], plan=active_plan, organization=opex_party.organization
        )
    assert active_plan.parties.count() == 2


def test_the_ministry_stays_a_party(personas: dict[str, Any], active_plan: ServicePlan) -> None:
    ministry = active_plan.parties.get(kind=PartyKind.MINISTRY)
    with pytest.raises(ValidationError):
        actions.remove_party(actor=personas["coordinator"], party=ministry)
    ministry.refresh_from_db()
    assert ministry.removed_at is None


def test_removed_party_loses_access(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    actions.remove_party(actor=personas["coordinator"], party=opex_party)
    url = reverse("serviceplans:plan", args=[shared_plan.uuid])
    assert client_for("partner_opex").get(url).status_code == 404


def test_partner_cannot_add_objectives_outside_what_the_person_shares_with_it(
    personas: dict[str, Any], shared_plan: ServicePlan, opex_party: Party
) -> None:
    """A party adds objectives in the kinds of information shared with it (issue 16, see
    test_parties_write.py); OPEX’82 is not shared addiction."""
    count = shared_plan.objectives.count()
    with pytest.raises(PermissionDenied):
        actions.add_objective(
            actor=personas["partner_opex"],
            plan=shared_plan,
            text="x",
            category="addiction",
            owner=opex_party,
        )
    assert shared_plan.objectives.count() == count


def test_participant_ends_participation_from_the_portal(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    client = client_for("participant")
    page = client.get(reverse("serviceplans:mine")).content.decode()
    assert "OPEX" in page
    response = client.post(reverse("serviceplans:mine"), {"confirm": "on", "reason": ""})
    assert response.status_code == 302
    shared_plan.refresh_from_db()
    assert shared_plan.status == PlanStatus.ENDED
    assert shared_plan.ended_by is not None
    assert shared_plan.ended_by.role == "participant"


def test_participant_must_confirm_before_ending(client_for: Any, shared_plan: ServicePlan) -> None:
    response = client_for("participant").post(reverse("serviceplans:mine"), {"reason": "x"})
    assert response.status_code == 400
    shared_plan.refresh_from_db()
    assert shared_plan.status == PlanStatus.ACTIVE


def test_record_consent_from_the_party_page(
    client_for: Any, active_plan: ServicePlan, opex_party: Party
) -> None:
    from sentier.consent.models import Consent

    url = reverse("serviceplans:party", args=[active_plan.uuid, opex_party.uuid])
    client = client_for("caseworker_laval")
    response = client.post(url, {"categories": ["identity", "employment"], "channel": "phone"})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.purpose == "service_plan"
    assert consent.recipient_organization == opex_party.organization
    assert consent.categories == ["identity", "employment"]


def test_participant_agrees_online_from_the_portal(
    client_for: Any, personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    response = client_for("participant").post(reverse("serviceplans:mine"), {"answer": "yes"})
    assert response.status_code == 302
    approved_plan.refresh_from_db()
    assert approved_plan.status == PlanStatus.ACTIVE
    assert approved_plan.agreement_channel == "online"
    assert approved_plan.agreement_recorded_by == personas["participant"]


def test_staff_cannot_record_an_online_answer(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_agreement(
            actor=personas["caseworker_laval"],
            plan=approved_plan,
            agrees=True,
            on=timezone.localdate(),
            channel="online",
        )
    approved_plan.refresh_from_db()
    assert approved_plan.status == PlanStatus.AWAITING_AGREEMENT
