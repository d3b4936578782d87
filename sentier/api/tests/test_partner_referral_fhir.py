"""GET /api/v1/referrals/<uuid>/fhir: a valid FHIR R4 Bundle, only consented categories."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Purpose, RecipientKind
from sentier.network.models import Organization
from sentier.referrals.actions import send_referral
from sentier.referrals.models import Referral, ReferralStatus

pytestmark = pytest.mark.django_db


def url(referral: Referral) -> str:
    return f"/api/v1/referrals/{referral.uuid}/fhir"


def resources(response: Any) -> dict[str, dict[str, Any]]:
    bundle = json.loads(response.content)
    Bundle.model_validate(bundle)  # what was sent is valid, not only what was built
    return {
        entry["resource"]["resourceType"] + ":" + entry["resource"]["id"]: entry["resource"]
        for entry in bundle["entry"]
    }


def by_type(found: dict[str, dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in found.values() if r["resourceType"] == kind]


def test_the_bundle_has_the_request_and_its_task(opex_api: Client, referral: Referral) -> None:
    response = opex_api.get(url(referral))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    found = resources(response)
    (request,) = by_type(found, "ServiceRequest")
    (task,) = by_type(found, "Task")
    (patient,) = by_type(found, "Patient")
    assert request["id"] == str(referral.uuid)
    assert request["status"] == "active"
    assert request["intent"] == "order"
    assert task["status"] == "requested"
    assert task["focus"]["reference"] == f"urn:uuid:{referral.uuid}"
    assert task["owner"]["display"] == referral.organization.name
    assert task["for"]["reference"] == f"urn:uuid:{patient['id']}"
    assert task["code"]["coding"][0]["code"] == "fulfill"
    assert task["requester"]["type"] == "Organization"
    assert patient["name"][0]["family"] == referral.participant.last_name
    assert patient["identifier"][0]["value"] == referral.participant.file_number


def test_expired_is_a_cancelled_task_with_its_reason(opex_api: Client, referral: Referral) -> None:
    Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.EXPIRED)
    found = resources(opex_api.get(url(referral)))
    (task,) = by_type(found, "Task")
    (request,) = by_type(found, "ServiceRequest")
    assert task["status"] == "cancelled"
    assert task["statusReason"]["coding"][0]["code"] == "expired"
    assert task["businessStatus"]["coding"][0]["code"] == "expired"
    assert request["status"] == "revoked"


def test_without_consent_to_share_identity_no_one_is_named(
    personas: dict[str, Any], laval_participant: Any, opex: Organization, opex_api: Client
) -> None:
    record_consent(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=opex,
        categories=["situation"],
        channel=Channel.PHONE,
    )
    referral = send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex,
        need="Logement",
        categories=["situation"],
    )
    response = opex_api.get(url(referral))
    text = response.content.decode()
    found = resources(response)
    assert not by_type(found, "Patient")
    assert laval_participant.last_name not in text
    assert laval_participant.file_number not in text
    (request,) = by_type(found, "ServiceRequest")
    assert "identifier" in request["subject"]
    assert request["note"][0]["text"].startswith("situation:")


def test_another_organization_gets_404(sorif_api: Client, referral: Referral) -> None:
    assert sorif_api.get(url(referral)).status_code == 404
