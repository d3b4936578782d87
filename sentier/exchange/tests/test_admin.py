"""Admin: an administrator creates a key (shown once) and revokes it; messages are read-only."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.exchange.models import ApiKey
from sentier.network.models import Organization
from sentier.outbox.models import OutboxMessage, OutboxStatus, WebhookEndpoint
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db


def test_an_administrator_creates_a_key_and_sees_it_once(
    client_for: Any, opex: Organization
) -> None:
    client = client_for("admin")
    response = client.post(
        "/fr-ca/admin/exchange/apikey/add/",
        {"organization": opex.pk, "name": "Installé par le Ministère"},
        follow=True,
    )
    assert response.status_code == 200
    key = ApiKey.objects.get()
    assert f"snt_{key.prefix}_" in response.content.decode()
    assert key.created_by.email == "admin@sentier.demo"


def test_revoking_from_the_list(client_for: Any, opex_key: Any) -> None:
    client_for("admin").post(
        "/fr-ca/admin/exchange/apikey/",
        {"action": "revoke", "_selected_action": [opex_key.key.pk]},
    )
    opex_key.key.refresh_from_db()
    assert opex_key.key.revoked_at is not None


def test_failed_messages_are_listed_and_tried_again(client_for: Any, referral: Referral) -> None:
    message = OutboxMessage.objects.get(referral=referral)
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.FAILED, attempts=8)
    client = client_for("admin")
    listing = client.get("/fr-ca/admin/outbox/outboxmessage/?status=failed")
    assert listing.status_code == 200
    assert client.get(f"/fr-ca/admin/outbox/outboxmessage/{message.pk}/change/").status_code == 200
    client.post(
        "/fr-ca/admin/outbox/outboxmessage/",
        {"action": "retry", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING


def test_an_administrator_adds_a_webhook_address_with_a_fresh_secret(
    client_for: Any, opex: Organization
) -> None:
    client = client_for("admin")
    form = client.get("/fr-ca/admin/outbox/webhookendpoint/add/")
    assert form.status_code == 200
    assert 'name="secret"' in form.content.decode()
    client.post(
        "/fr-ca/admin/outbox/webhookendpoint/add/",
        {
            "organization": opex.pk,
            "url": "https://opex.example/h",
            "secret": "s3cret",
            "active": "on",
        },
    )
    assert WebhookEndpoint.objects.get(organization=opex).url == "https://opex.example/h"
