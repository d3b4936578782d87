"""Deliver the outbox: at-least-once, retried with back-off; effects once by their key.

Due messages are taken a small batch at a time with ``SELECT … FOR UPDATE SKIP LOCKED``
(PostgreSQL), each handed to the sender of its channel and marked delivered — or retried later,
or failed after ``SENTIER_WEBHOOK_MAX_ATTEMPTS`` — before the batch's transaction commits. A
worker killed between a send and the commit leaves the message pending: it is sent again, with
the same key (the message's ``uuid``), which the receiver uses to apply its effect once
(ADR 0011).

Channels are pluggable: a capability registers the sender of its channel from its
``AppConfig.ready`` (:func:`register_channel`), may register a guard that cancels a message of
that channel instead of sending it (:func:`register_guard`), and may keep a log of every try
(:func:`on_attempt`). :class:`FileDropChannel` writes one JSON file per message under
``SENTIER_OUTBOX_DIR/<channel>/`` (the file name is the key, so a re-send overwrites the same
file).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from sentier.outbox.models import OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

# How long a claimed message stays out of other workers' reach where rows cannot be locked
# (SQLite): the claim is in the same transaction as the send, so this only breaks ties.
SQLITE_LEASE = dt.timedelta(minutes=5)
# Messages taken per transaction: fewer round trips; a worker killed mid-batch re-sends at most
# this many (the receiver recognises them by their key).
BATCH = 20


@dataclass(frozen=True)
class Outcome:
    """What a channel's sender says about one try."""

    ok: bool
    status_code: int | None = None
    error: str = ""


class Sender(Protocol):
    def __call__(self, message: OutboxMessage, at: dt.datetime) -> Outcome: ...


#: Why a message of a channel must not leave at all (empty: it may).
Guard = Callable[[OutboxMessage, dt.datetime], str]
#: Told of every try: the message (``attempts`` already counts it), its outcome, when, how long.
AttemptLog = Callable[[OutboxMessage, Outcome, dt.datetime, int], None]

CHANNELS: dict[str, Sender] = {}
GUARDS: dict[str, Guard] = {}
ATTEMPT_LOGS: list[AttemptLog] = []


def register_channel(name: str, sender: Sender) -> None:
    """Let a capability deliver its channel its own way (call it from ``AppConfig.ready``)."""
    CHANNELS[name] = sender


def register_guard(channel: str, guard: Guard) -> None:
    """Cancel, rather than send, the messages of ``channel`` the guard gives a reason for."""
    GUARDS[channel] = guard


def on_attempt(attempt_log: AttemptLog) -> None:
    """Be told of every try (call it from ``AppConfig.ready``)."""
    if attempt_log not in ATTEMPT_LOGS:
        ATTEMPT_LOGS.append(attempt_log)


def body_of(message: OutboxMessage) -> bytes:
    """The JSON body: the same bytes on every try of the same message."""
    envelope = {
        "id": str(message.uuid),
        "topic": message.topic,
        "created_at": message.created_at.isoformat(),
        "data": message.payload,
    }
    return json.dumps(
        envelope, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


class FileDropChannel:
    """Write ``<SENTIER_OUTBOX_DIR>/<channel>/<uuid>.json``: atomic, and idempotent by name."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory

    def __call__(self, message: OutboxMessage, at: dt.datetime) -> Outcome:
        folder = Path(self.directory or settings.SENTIER_OUTBOX_DIR) / message.channel
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{message.uuid}.json"
            partial = folder / f".{message.uuid}.{os.getpid()}.partial"
            partial.write_bytes(body_of(message))
            os.replace(partial, target)
        except OSError as error:
            return Outcome(ok=False, error=f"{type(error).__name__}: {error}")
        return Outcome(ok=True)


# ---------------------------------------------------------------------------------------------
# Retries


def backoff(attempts: int, *, rng: random.Random | None = None) -> dt.timedelta:
    """Wait before try ``attempts + 1``: doubled each time from the base, capped, and jittered
    ("equal jitter": half fixed, half random) so that many failures do not retry in step."""
    base = settings.SENTIER_WEBHOOK_BACKOFF_SECONDS
    cap = settings.SENTIER_WEBHOOK_BACKOFF_MAX_SECONDS
    delay = min(cap, base * 2 ** max(0, attempts - 1))
    spread = (rng or random).uniform(0, delay / 2)
    return dt.timedelta(seconds=delay / 2 + spread)


# ---------------------------------------------------------------------------------------------
# The worker


@dataclass
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    keys: list[str] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return self.delivered + self.retried + self.failed + self.cancelled


def _claim(now: dt.datetime, batch: int) -> list[OutboxMessage]:
    """Up to ``batch`` of the oldest due messages, locked for this transaction.

    PostgreSQL: rows another worker holds are skipped, not waited for. Elsewhere (SQLite, one
    writer at a time): a compare-and-set on ``next_attempt_at`` claims each row.
    """
    due = OutboxMessage.objects.filter(
        status=OutboxStatus.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "id")
    if connection.features.has_select_for_update_skip_locked:
        return list(
            due.select_for_update(skip_locked=True, of=("self",)).select_related(
                "endpoint", "consent"
            )[:batch]
        )
    claimed = []
    for candidate in due[:batch]:
        if OutboxMessage.objects.filter(
            pk=candidate.pk,
            status=OutboxStatus.PENDING,
            next_attempt_at=candidate.next_attempt_at,
        ).update(next_attempt_at=now + SQLITE_LEASE):
            claimed.append(candidate.pk)
    return list(
        OutboxMessage.objects.filter(pk__in=claimed)
        .select_related("endpoint", "consent")
        .order_by("next_attempt_at", "id")
    )


def _cancel_reason(message: OutboxMessage, at: dt.datetime) -> str:
    """Why this message must not leave at all (empty: it may)."""
    consent = message.consent
    if consent is not None and not consent.is_active(at):
        # Notices of a withdrawal (written from it on) tell the recipient to stop: they leave.
        notice = message.topic.startswith("consent.") or (
            consent.withdrawn_at is not None and message.created_at >= consent.withdrawn_at
        )
        if not notice:
            return "Consent no longer in force."
    guard = GUARDS.get(message.channel)
    return guard(message, at) if guard is not None else ""


def _try(message: OutboxMessage, channels: Mapping[str, Sender], at: dt.datetime) -> Outcome:
    sender = channels.get(message.channel)
    if sender is None:
        return Outcome(ok=False, error=f"No sender for channel “{message.channel}”.")
    try:
        return sender(message, at)
    except Exception as error:  # a sender's bug is one failed try, not a dead worker
        log.exception("Sender of channel %s failed", message.channel)
        return Outcome(ok=False, error=f"{type(error).__name__}: {error}")


def _record(
    message: OutboxMessage,
    outcome: Outcome,
    at: dt.datetime,
    started: float,
    rng: random.Random | None,
) -> str:
    message.attempts += 1
    duration_ms = max(0, int((time.monotonic() - started) * 1000))
    for attempt_log in ATTEMPT_LOGS:
        attempt_log(message, outcome, at, duration_ms)
    if outcome.ok:
        message.status = OutboxStatus.DELIVERED
        message.delivered_at = at
        message.last_error = ""
    else:
        message.last_error = outcome.error[:2000]
        if message.attempts >= settings.SENTIER_WEBHOOK_MAX_ATTEMPTS:
            message.status = OutboxStatus.FAILED
        else:
            message.next_attempt_at = at + backoff(message.attempts, rng=rng)
    message.save(
        update_fields=["attempts", "status", "delivered_at", "last_error", "next_attempt_at"]
    )
    return str(message.status)


def deliver_batch(
    *,
    now: dt.datetime | None = None,
    batch: int = BATCH,
    channels: Mapping[str, Sender] | None = None,
    rng: random.Random | None = None,
) -> list[tuple[str, str]]:
    """Take up to ``batch`` due messages and try each, in one transaction: the outcomes are
    committed together. Returns (key, new status) per message; empty when none was due."""
    results: list[tuple[str, str]] = []
    with transaction.atomic():
        for message in _claim(now or timezone.now(), batch):
            at = now or timezone.now()
            reason = _cancel_reason(message, at)
            if reason:
                message.status = OutboxStatus.CANCELLED
                message.cancelled_reason = reason
                message.save(update_fields=["status", "cancelled_reason"])
                results.append((str(message.uuid), OutboxStatus.CANCELLED))
                continue
            started = time.monotonic()
            outcome = _try(message, CHANNELS if channels is None else channels, at)
            results.append((str(message.uuid), _record(message, outcome, at, started, rng)))
    return results


def deliver_due(
    *,
    now: dt.datetime | None = None,
    limit: int = 100,
    batch: int = BATCH,
    channels: Mapping[str, Sender] | None = None,
    rng: random.Random | None = None,
) -> DeliveryReport:
    """Try up to ``limit`` due messages, oldest first, ``batch`` per transaction; stop early
    when none is due."""
    report = DeliveryReport()
    while report.handled < limit:
        results = deliver_batch(
            now=now, batch=min(batch, limit - report.handled), channels=channels, rng=rng
        )
        if not results:
            break
        for key, status in results:
            report.keys.append(key)
            if status == OutboxStatus.DELIVERED:
                report.delivered += 1
            elif status == OutboxStatus.FAILED:
                report.failed += 1
            elif status == OutboxStatus.CANCELLED:
                report.cancelled += 1
            else:
                report.retried += 1
    return report
