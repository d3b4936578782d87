"""GET /api/v1/referrals/<uuid>: what the person agreed to share, and one access-log row."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.audit.models import AccessChannel, AccessKind, AccessLog
from sentier.consent.actions import withdraw_consent
from sentier.consent.models import Channel, Consent
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db


def url(referral: Referral) -> str:
    return f"/api/v1/referrals/{referral.uuid}"


def test_the_consented_information_is_shown_and_the_access_logged(
    personas: dict[str, Any], opex_api: Client, referral: Referral
) -> None:
    before = AccessLog.objects.count()
    response = opex_api.get(url(referral))
    assert response.status_code == 200
    shared = response.json()["shared"]
    assert shared["categories"] == ["identity", "program"]
    assert shared["identity"]["first_name"] == "Julie"
    assert shared["program"]["file_number"] == referral.participant.file_number
    assert "situation" not in shared
    assert AccessLog.objects.count() == before + 1
    row = AccessLog.objects.latest("id")
    assert row.channel == AccessChannel.API
    assert row.user is None  # the organization's system read it, not a person
    assert (row.visitor, row.affiliation) == ("Logiciel OPEX", referral.organization.name)
    assert row.kind == AccessKind.REFERRAL_RECEIVED


def test_another_organization_gets_the_same_404_as_a_missing_referral(
    sorif_api: Client, referral: Referral
) -> None:
    before = AccessLog.objects.count()
    theirs = sorif_api.get(url(referral))
    missing = sorif_api.get("/api/v1/referrals/00000000-0000-0000-0000-000000000000")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert AccessLog.objects.count() == before


@pytest.mark.parametrize("bad", ["not-a-uuid", "%00", "1"])
def test_malformed_identifiers_are_a_json_404(opex_api: Client, bad: str) -> None:
    response = opex_api.get(f"/api/v1/referrals/{bad}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_after_withdrawal_nothing_personal_is_shared(
    personas: dict[str, Any], opex_api: Client, referral: Referral, consent: Consent
) -> None:
    withdraw_consent(actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE)
    shared = opex_api.get(url(referral)).json()["shared"]
    assert shared["categories"] == []
    assert "identity" not in shared
    assert "program" not in shared
