"""Withdrawing a consent cancels the deliveries queued under it: they are never sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from django.utils import timezone

from sentier.consent.actions import withdraw_consent
from sentier.consent.models import Channel, Consent
from sentier.exchange.webhooks import WebhookChannel
from sentier.outbox.delivery import deliver_due
from sentier.outbox.models import OutboxMessage, OutboxStatus
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db


def deliver_all() -> list[str]:
    """Deliver everything due; the delivery keys that were POSTed."""
    sent: list[str] = []

    def post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        sent.append(headers["Sentier-Delivery"])
        return 200

    deliver_due(channels={"webhook": WebhookChannel(post)})
    return sent


def test_withdrawing_consent_cancels_queued_deliveries_and_they_are_never_sent(
    personas: dict[str, Any], referral: Referral, consent: Consent
) -> None:
    queued = list(OutboxMessage.objects.filter(consent=consent, status=OutboxStatus.PENDING))
    assert [m.topic for m in queued] == ["referral.requested"]
    consent = withdraw_consent(
        actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE
    )
    assert consent.withdrawn_at is not None
    (message,) = queued
    message.refresh_from_db()
    assert message.status == OutboxStatus.CANCELLED
    assert message.cancelled_reason.startswith("Consent withdrawn on ")
    sent = deliver_all()
    assert str(message.uuid) not in sent
    message.refresh_from_db()
    assert message.status == OutboxStatus.CANCELLED
    assert message.delivered_at is None
    assert message.attempts == 0
    # What did leave is the notice that the referral was cancelled, without personal data.
    for key in sent:
        notice = OutboxMessage.objects.get(uuid=key)
        assert notice.created_at >= consent.withdrawn_at
        assert "identity" not in notice.payload


def test_delivered_messages_and_withdrawal_notices_are_left_alone(
    personas: dict[str, Any], referral: Referral, consent: Consent
) -> None:
    delivered = OutboxMessage.objects.get(referral=referral)
    OutboxMessage.objects.filter(pk=delivered.pk).update(
        status=OutboxStatus.DELIVERED, delivered_at=timezone.now()
    )
    notice = OutboxMessage.objects.create(
        topic="consent.withdrawn",
        endpoint=delivered.endpoint,
        referral=referral,
        consent=consent,
        payload={},
        next_attempt_at=timezone.now(),
        created_at=timezone.now(),
    )
    withdraw_consent(actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE)
    delivered.refresh_from_db()
    notice.refresh_from_db()
    assert delivered.status == OutboxStatus.DELIVERED
    assert notice.status == OutboxStatus.PENDING
    assert str(notice.uuid) in deliver_all()


def test_the_receiving_system_is_told_without_personal_information(
    personas: dict[str, Any], referral: Referral, consent: Consent
) -> None:
    withdraw_consent(actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE)
    notice = OutboxMessage.objects.get(referral=referral, topic="consent.withdrawn")
    assert set(notice.payload) == {"referral", "status", "withdrawn_at"}
    assert notice.payload["referral"] == str(referral.uuid)
    assert str(notice.uuid) in deliver_all()
