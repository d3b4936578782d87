"""Fixtures shared by the exchange and partner API tests (imported by their conftest files).

A referral is sent for real (consent recorded, ``send_referral``) from the Laval caseworker to
OPEX'82, whose system has a webhook endpoint and an API key; SORIF is the other organization.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.consent.actions import record_consent
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.exchange.actions import NewKey, create_api_key
from sentier.network.models import Organization, Service, ServiceKind
from sentier.outbox.models import WebhookEndpoint
from sentier.referrals.actions import send_referral
from sentier.referrals.models import Referral

SECRET = "whsec-test-0123456789"  # a test endpoint's signing secret


@pytest.fixture
def opex(personas: dict[str, Any]) -> Organization:
    organization = personas["partner_opex"].organization
    assert organization is not None
    return organization  # type: ignore[no-any-return]


@pytest.fixture
def sorif(personas: dict[str, Any]) -> Organization:
    organization = personas["partner_sorif"].organization
    assert organization is not None
    return organization  # type: ignore[no-any-return]


@pytest.fixture
def endpoint(opex: Organization) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        organization=opex, url="https://partner.example/hooks/sentier", secret=SECRET
    )


@pytest.fixture
def consent(personas: dict[str, Any], laval_participant: Any, opex: Organization) -> Consent:
    return record_consent(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=opex,
        categories=["identity", "program"],
        channel=Channel.PHONE,
    )


@pytest.fixture
def referral(
    personas: dict[str, Any],
    laval_participant: Any,
    opex: Organization,
    consent: Consent,
    endpoint: WebhookEndpoint,
) -> Referral:
    return send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex,
        need="Soutien à la recherche d’emploi",
        categories=["identity", "program"],
    )


@pytest.fixture
def opex_key(personas: dict[str, Any], opex: Organization) -> NewKey:
    return create_api_key(actor=personas["partner_opex"], organization=opex, name="Logiciel OPEX")


@pytest.fixture
def sorif_key(personas: dict[str, Any], sorif: Organization) -> NewKey:
    return create_api_key(actor=personas["partner_sorif"], organization=sorif, name="SORIF CRM")


@pytest.fixture
def opex_api(opex_key: NewKey) -> Client:
    """A client that sends OPEX'82's key on every request."""
    return Client(HTTP_X_API_KEY=opex_key.raw)


@pytest.fixture
def sorif_api(sorif_key: NewKey) -> Client:
    return Client(HTTP_X_API_KEY=sorif_key.raw)


@pytest.fixture
def opex_service(opex: Organization) -> Service:
    return Service.objects.create(
        organization=opex,
        name="Accompagnement vers l’emploi",
        kind=ServiceKind.EMPLOYABILITY,
        capacity_available=2,
        capacity_maximum=10,
        waiting_list_length=3,
    )
