"""The demo gives the partner personas an inbox, and loads once."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.consent import demo as consent_demo
from sentier.core.clock import acting_at, at_local
from sentier.participants.actions import open_participant_file
from sentier.reference.models import Program, Region
from sentier.referrals import demo
from sentier.referrals.models import Referral, ReferralStatus

pytestmark = pytest.mark.django_db


def test_the_demo_fills_both_inboxes_in_various_states_once(personas: dict[str, Any]) -> None:
    for number in range(6):
        # opened before the demo's oldest referral (40 days ago)
        with acting_at(at_local(-60, 9)):
            open_participant_file(
                actor=personas["admin"],
                first_name=f"Demo{number}",
                last_name="Laval",
                region=Region.objects.get(code="13"),
                program=Program.objects.get(code="PAS"),
                caseworker=personas["caseworker_laval"],
            )
    consent_demo.load_demo()
    demo.load_demo()
    demo.load_demo()
    consent_demo.load_demo()
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert {
        ReferralStatus.REQUESTED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.REJECTED,
        ReferralStatus.COMPLETED,
        ReferralStatus.EXPIRED,
    } <= statuses
    assert Referral.objects.count() == len(demo.SCENARIOS)
    for key in ("partner_opex", "partner_sorif"):
        organization = personas[key].organization
        assert Referral.objects.filter(
            organization=organization, status=ReferralStatus.REQUESTED
        ).exists()
    assert Referral.objects.filter(reminded_at__isnull=False).exists()
