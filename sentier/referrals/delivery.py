"""Deliveries of the outbox live in the exchange capability; this name is kept for readers of
``sentier.referrals.actions`` (see :mod:`sentier.exchange.delivery`)."""

from sentier.exchange.delivery import (
    CHANNELS,
    DeliveryReport,
    Outcome,
    deliver_due,
    register_channel,
    verify_signature,
)

__all__ = [
    "CHANNELS",
    "DeliveryReport",
    "Outcome",
    "deliver_due",
    "register_channel",
    "verify_signature",
]
