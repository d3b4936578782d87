"""Demo data for sentier.exchange (idempotent; called by ``sentier load_demo``).

OPEX’82's system is connected: a webhook address, an API key with a published demo value (so
that the API can be tried: ``curl -H "X-Api-Key: snt_demo0opex_…" /api/v1/referrals``), and a
few past deliveries, one of which gave up after its retries, as the "Partner systems" page shows
them. Nothing here is sent anywhere.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import User
from sentier.exchange.actions import hash_key
from sentier.exchange.models import ApiKey, DeliveryAttempt
from sentier.outbox.models import OutboxMessage, OutboxStatus, WebhookEndpoint

DEMO_KEY = "snt_demo0opex_Sentier-demo-2026-not-a-secret"  # published, demo data only
DEMO_ENDPOINT = "https://opex82.example/sentier/webhooks"


@transaction.atomic
def load_demo() -> None:
    staff = User.objects.filter(email="partner.opex@sentier.demo").first()
    if staff is None or staff.organization is None:
        return
    organization = staff.organization
    now = timezone.now()
    ApiKey.objects.get_or_create(
        prefix="demo0opex",
        defaults={
            "organization": organization,
            "name": "Logiciel de suivi OPEX’82 (démo)",
            "secret_hash": hash_key(DEMO_KEY),
            "created_by": staff,
            "created_at": now - dt.timedelta(days=40),
            "expires_at": now - dt.timedelta(days=40) + dt.timedelta(days=365),
            "last_used_at": now - dt.timedelta(hours=3),
        },
    )
    endpoint, _ = WebhookEndpoint.objects.get_or_create(
        organization=organization,
        url=DEMO_ENDPOINT,
        defaults={"secret": "demo-signing-secret-opex82"},
    )
    if OutboxMessage.objects.filter(endpoint=endpoint, topic__startswith="demo.").exists():
        return
    past = [
        ("demo.referral.requested", OutboxStatus.DELIVERED, 1, "", 9),
        ("demo.referral.accepted", OutboxStatus.DELIVERED, 2, "HTTP 502", 6),
        ("demo.referral.completed", OutboxStatus.FAILED, 8, "HTTP 503", 2),
    ]
    for topic, status, attempts, error, days in past:
        created = now - dt.timedelta(days=days)
        message = OutboxMessage.objects.create(
            topic=topic,
            endpoint=endpoint,
            payload={"demo": True},
            status=status,
            attempts=attempts,
            next_attempt_at=created,
            created_at=created,
            delivered_at=created + dt.timedelta(minutes=1)
            if status == OutboxStatus.DELIVERED
            else None,
            last_error=error if status == OutboxStatus.FAILED else "",
        )
        DeliveryAttempt.objects.bulk_create(
            [
                DeliveryAttempt(
                    message=message,
                    number=n,
                    at=created + dt.timedelta(minutes=2**n),
                    ok=status == OutboxStatus.DELIVERED and n == attempts,
                    status_code=200
                    if status == OutboxStatus.DELIVERED and n == attempts
                    else int(error[5:] or 500),
                    error="" if status == OutboxStatus.DELIVERED and n == attempts else error,
                    duration_ms=120,
                )
                for n in range(1, attempts + 1)
            ]
        )
