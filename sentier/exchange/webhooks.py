"""The webhook channel of the outbox: signed HTTP POSTs to the addresses partner systems registered.

Every request carries ``Sentier-Delivery: <uuid>`` (the same on every try) and is signed:
``Sentier-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`` with the endpoint's
secret (see :func:`verify_signature` for what receivers check). The exchange registers
:class:`WebhookChannel`, its guard and its log of tries with the outbox in ``AppConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping

from django.conf import settings

from sentier.exchange.models import DeliveryAttempt
from sentier.outbox.delivery import Outcome, body_of
from sentier.outbox.models import OutboxMessage

SIGNATURE_SCHEME = "sha256"

# (url, body, headers, timeout seconds) → HTTP status code; raises OSError when nothing answered.
HttpPost = Callable[[str, bytes, Mapping[str, str], float], int]


# ---------------------------------------------------------------------------------------------
# Signing (partners verify the same way; see ``verify_signature``)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's secret>``."""
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, "sha256")
    return f"{SIGNATURE_SCHEME}={mac.hexdigest()}"


def verify_signature(
    *,
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    now: float | None = None,
    tolerance_seconds: int = 300,
) -> bool:
    """What a receiver checks: the signature matches and the timestamp is recent (no replays)."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance_seconds:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def webhook_headers(message: OutboxMessage, body: bytes, at: dt.datetime) -> dict[str, str]:
    assert message.endpoint is not None
    timestamp = str(int(at.timestamp()))
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Sentier-Webhooks/1",
        "Sentier-Delivery": str(message.uuid),
        "Sentier-Topic": message.topic,
        "Sentier-Attempt": str(message.attempts + 1),
        "Sentier-Timestamp": timestamp,
        "Sentier-Signature": sign(message.endpoint.secret, timestamp, body),
    }


# ---------------------------------------------------------------------------------------------
# The sender


def urllib_post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
    """POST with the standard library; an HTTP error status is an answer, not an exception."""
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise OSError(f"Unsupported address: {url}")
    request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class WebhookChannel:
    """POST the signed message to its endpoint; any 2xx answer means delivered."""

    def __init__(self, post: HttpPost | None = None) -> None:
        self.post = post or urllib_post

    def __call__(self, message: OutboxMessage, at: dt.datetime) -> Outcome:
        if message.endpoint is None:
            return Outcome(ok=False, error="No endpoint.")
        body = body_of(message)
        headers = webhook_headers(message, body, at)
        try:
            code = self.post(
                message.endpoint.url, body, headers, settings.SENTIER_WEBHOOK_TIMEOUT_SECONDS
            )
        except OSError as error:
            return Outcome(ok=False, error=f"{type(error).__name__}: {error}")
        if 200 <= code < 300:
            return Outcome(ok=True, status_code=code)
        return Outcome(ok=False, status_code=code, error=f"HTTP {code}")


def endpoint_turned_off(message: OutboxMessage, at: dt.datetime) -> str:
    """The guard of the webhook channel: an address turned off cancels what waits for it."""
    if message.endpoint is None or not message.endpoint.active:
        return "The organization turned this webhook address off."
    return ""


def log_attempt(
    message: OutboxMessage, outcome: Outcome, at: dt.datetime, duration_ms: int
) -> None:
    """One :class:`DeliveryAttempt` row per try, whatever the channel (staff see why it failed)."""
    DeliveryAttempt.objects.create(
        message=message,
        number=message.attempts,
        at=at,
        ok=outcome.ok,
        status_code=outcome.status_code,
        error=outcome.error[:2000],
        duration_ms=duration_ms,
    )
