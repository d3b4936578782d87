"""Every write to the outbox goes through :func:`enqueue`, inside the caller's transaction: if the
cause is rolled back, nothing is queued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from django.utils import timezone

from sentier.outbox.models import OutboxMessage, WebhookEndpoint

#: The channel of signed HTTP POSTs to the endpoints an organization registered.
WEBHOOK = "webhook"


class Subject(Protocol):
    """What a message is about (a referral): its organization and the consent it leaves under."""

    @property
    def pk(self) -> int: ...
    @property
    def organization_id(self) -> int: ...
    @property
    def consent_id(self) -> int | None: ...


def enqueue(
    *,
    topic: str,
    payload: Mapping[str, object],
    referral: Subject | None = None,
    channel: str = WEBHOOK,
    at: dt.datetime | None = None,
) -> list[OutboxMessage]:
    """Queue ``payload`` under ``topic`` about ``referral`` (same transaction as the cause).

    On the webhook channel: one message per active endpoint of the referral's organization (none
    without a referral). On any other channel: one message, which that channel's sender delivers.
    """
    at = at or timezone.now()
    if referral is None:
        return []
    if channel == WEBHOOK:
        endpoints: list[WebhookEndpoint | None] = list(
            WebhookEndpoint.objects.filter(organization_id=referral.organization_id, active=True)
        )
    else:
        endpoints = [None]
    return OutboxMessage.objects.bulk_create(
        [
            OutboxMessage(
                topic=topic,
                channel=channel,
                endpoint=endpoint,
                referral_id=referral.pk,
                consent_id=referral.consent_id,
                payload=dict(payload),
                next_attempt_at=at,
                created_at=at,
            )
            for endpoint in endpoints
        ]
    )
