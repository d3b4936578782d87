"""Referrals that leave through a data exchange rather than to a partner organization's staff.

A capability that owns an exchange (Ontario's Employment Ontario file drop, 004 Q10) registers
it from its ``AppConfig.ready``: the outbox channel that carries it, its name, and how to read a
message of it (what it carries, in words). A referral sent through an exchange follows the
exchange's rules, not the community ones: no e-mail or single-use link to the organization, no
reminder and no expiry after ``SENTIER_REFERRAL_EXPIRY_DAYS``; staff read the exchange's
delivery state from its outbox message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sentier.outbox.models import OutboxMessage


@dataclass(frozen=True)
class Exchange:
    channel: str
    #: The exchange's name, as staff read it ("Employment Ontario data exchange").
    name: Any
    #: What one message of it carries, in words, read from the message's own payload.
    describe: Callable[[Mapping[str, Any]], list[str]]


EXCHANGES: dict[str, Exchange] = {}


def register_exchange(exchange: Exchange) -> None:
    """Register an exchange (call it from ``AppConfig.ready``)."""
    EXCHANGES[exchange.channel] = exchange


def exchange_channels() -> list[str]:
    return sorted(EXCHANGES)


def exchange_message(referral_id: int) -> OutboxMessage | None:
    """The message that carries a referral through its exchange (None: not an exchange one)."""
    return (
        OutboxMessage.objects.filter(referral_id=referral_id, channel__in=exchange_channels())
        .order_by("created_at", "id")
        .first()
    )
