"""deliver_due: signed POSTs, delivered once answered 2xx, retried with back-off, then failed."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from sentier.exchange.models import DeliveryAttempt
from sentier.exchange.tests.fixtures import SECRET
from sentier.exchange.webhooks import WebhookChannel, verify_signature
from sentier.outbox.delivery import FileDropChannel, Outcome, backoff, deliver_due
from sentier.outbox.models import OutboxMessage, OutboxStatus
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db


class FakePost:
    """Records each POST; answers with the next code (an exception is raised as is)."""

    def __init__(self, *answers: int | Exception) -> None:
        self.answers = list(answers) or [200]
        self.calls: list[tuple[str, bytes, dict[str, str]]] = []

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        self.calls.append((url, body, dict(headers)))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def channels(post: FakePost) -> dict[str, Any]:
    return {"webhook": WebhookChannel(post), "employment_ontario": FileDropChannel()}


def test_a_due_message_is_posted_signed_and_marked_delivered(referral: Referral) -> None:
    post = FakePost(204)
    message = OutboxMessage.objects.get(referral=referral)
    report = deliver_due(channels=channels(post))
    assert report.delivered == 1
    ((url, body, headers),) = post.calls
    assert url == "https://partner.example/hooks/sentier"
    assert headers["Sentier-Delivery"] == str(message.uuid)
    assert headers["Sentier-Attempt"] == "1"
    assert headers["Sentier-Signature"].startswith("sha256=")
    assert verify_signature(
        secret=SECRET,
        timestamp=headers["Sentier-Timestamp"],
        body=body,
        signature=headers["Sentier-Signature"],
    )
    assert not verify_signature(
        secret="wrong",
        timestamp=headers["Sentier-Timestamp"],
        body=body,
        signature=headers["Sentier-Signature"],
    )
    envelope = json.loads(body)
    assert envelope["id"] == str(message.uuid)
    assert envelope["topic"] == "referral.requested"
    assert envelope["data"]["identity"]["first_name"] == "Julie"
    message.refresh_from_db()
    assert message.status == OutboxStatus.DELIVERED
    assert message.attempts == 1
    assert message.delivered_at is not None
    assert DeliveryAttempt.objects.get(message=message).ok
    # Delivered is delivered: a second pass sends nothing.
    assert deliver_due(channels=channels(post)).handled == 0
    assert len(post.calls) == 1


def test_an_old_timestamp_or_altered_body_does_not_verify(referral: Referral) -> None:
    post = FakePost(200)
    deliver_due(channels=channels(post))
    ((_, body, headers),) = post.calls
    timestamp, signature = headers["Sentier-Timestamp"], headers["Sentier-Signature"]
    later = int(timestamp) + 3600
    assert not verify_signature(
        secret=SECRET, timestamp=timestamp, body=body, signature=signature, now=later
    )
    assert not verify_signature(
        secret=SECRET, timestamp=timestamp, body=body + b" ", signature=signature
    )


def test_a_failure_is_retried_later_with_growing_waits(referral: Referral) -> None:
    message = OutboxMessage.objects.get(referral=referral)
    now = timezone.now()
    post = FakePost(503)
    rng = random.Random(1)
    report = deliver_due(now=now, channels=channels(post), rng=rng)
    assert report.retried == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1
    assert message.last_error == "HTTP 503"
    first_wait = message.next_attempt_at - now
    assert dt.timedelta(seconds=15) <= first_wait <= dt.timedelta(seconds=30)
    # Not due yet: nothing is sent before its time.
    assert deliver_due(now=now + dt.timedelta(seconds=1), channels=channels(post)).handled == 0
    later = message.next_attempt_at
    deliver_due(now=later, channels=channels(post), rng=rng)
    message.refresh_from_db()
    assert message.attempts == 2
    assert dt.timedelta(seconds=30) <= message.next_attempt_at - later <= dt.timedelta(seconds=60)
    assert [c[2]["Sentier-Attempt"] for c in post.calls] == ["1", "2"]
    assert len({c[2]["Sentier-Delivery"] for c in post.calls}) == 1  # the same key every time


def test_back_off_doubles_is_capped_and_jittered() -> None:
    with override_settings(
        SENTIER_WEBHOOK_BACKOFF_SECONDS=10, SENTIER_WEBHOOK_BACKOFF_MAX_SECONDS=60
    ):
        waits = [backoff(n, rng=random.Random(n)).total_seconds() for n in range(1, 8)]
    assert 5 <= waits[0] <= 10
    assert 10 <= waits[1] <= 20
    assert 20 <= waits[2] <= 40
    assert all(30 <= w <= 60 for w in waits[3:])
    assert len(set(waits)) == len(waits)


@override_settings(SENTIER_WEBHOOK_MAX_ATTEMPTS=3)
def test_after_the_last_try_the_message_fails_and_stays_failed(referral: Referral) -> None:
    message = OutboxMessage.objects.get(referral=referral)
    post = FakePost(OSError("Connection refused"))
    now = timezone.now()
    for _ in range(3):
        deliver_due(now=now, channels=channels(post))
        now += dt.timedelta(days=1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == 3
    assert "Connection refused" in message.last_error
    assert DeliveryAttempt.objects.filter(message=message, ok=False).count() == 3
    assert deliver_due(now=now + dt.timedelta(days=30), channels=channels(post)).handled == 0
    assert len(post.calls) == 3


def test_a_sender_that_crashes_counts_as_one_failed_try(referral: Referral) -> None:
    def broken(message: OutboxMessage, at: dt.datetime) -> Outcome:
        raise RuntimeError("bug")

    report = deliver_due(channels={"webhook": broken})
    assert report.retried == 1
    assert "RuntimeError: bug" in OutboxMessage.objects.get(referral=referral).last_error


def test_a_turned_off_endpoint_gets_nothing(referral: Referral) -> None:
    message = OutboxMessage.objects.select_related("endpoint").get(referral=referral)
    assert message.endpoint is not None
    message.endpoint.active = False
    message.endpoint.save()
    post = FakePost(200)
    assert deliver_due(channels=channels(post)).cancelled == 1
    assert post.calls == []
    message.refresh_from_db()
    assert message.status == OutboxStatus.CANCELLED


def test_an_expired_consent_stops_the_message(referral: Referral) -> None:
    post = FakePost(200)
    message = OutboxMessage.objects.select_related("consent").get(referral=referral)
    assert message.consent is not None
    after_expiry = timezone.make_aware(
        dt.datetime.combine(message.consent.expires_on + dt.timedelta(days=1), dt.time(9))
    )
    report = deliver_due(now=after_expiry, channels=channels(post))
    assert report.cancelled == 1
    assert post.calls == []
    message.refresh_from_db()
    assert message.cancelled_reason == "Consent no longer in force."


def test_other_channels_use_their_registered_sender_or_the_file_drop(
    referral: Referral, tmp_path: Path
) -> None:
    message = OutboxMessage.objects.create(
        topic="employment_ontario.referral",
        channel="employment_ontario",
        referral=referral,
        consent=referral.consent,
        payload={"referral": str(referral.uuid)},
        next_attempt_at=timezone.now(),
        created_at=timezone.now(),
    )
    OutboxMessage.objects.exclude(pk=message.pk).delete()
    with override_settings(SENTIER_OUTBOX_DIR=tmp_path):
        assert deliver_due(channels=channels(FakePost(200))).delivered == 1
    written = json.loads((tmp_path / "employment_ontario" / f"{message.uuid}.json").read_bytes())
    assert written["id"] == str(message.uuid)
    assert written["data"] == {"referral": str(referral.uuid)}
    assert not list((tmp_path / "employment_ontario").glob(".*"))


def test_a_channel_without_a_sender_is_retried_not_lost(referral: Referral) -> None:
    message = OutboxMessage.objects.get(referral=referral)
    OutboxMessage.objects.filter(pk=message.pk).update(channel="nowhere")
    assert deliver_due(channels={}).retried == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert "No sender" in message.last_error
